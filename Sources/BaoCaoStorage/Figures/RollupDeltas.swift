import BaoCaoDomain
import SQLKit

/// What a batch of new commune values adds to the live sums of the units above them: the writer's own arithmetic
/// on the rows it is writing (as `ValueWriter` does for one value), applied to `rollups` by multi-row upserts.
struct RollupDeltas {
    struct Key: Hashable { var unitID: Int; var indicatorID: Int; var period: String }
    struct Delta {
        var total: Int64 = 0, contributors = 0, estimates = 0
        mutating func add(_ row: BulkValueLoader.Row) {
            total += row.amount
            contributors += 1
            if row.estimate { estimates += 1 }
        }
    }

    var deltas: [Key: Delta] = [:]

    init(_ rows: [BulkValueLoader.Row], ancestors: [Int: [Int]]) {
        for row in rows {
            guard let above = ancestors[row.unitID] else { continue }
            for ancestor in above {
                deltas[Key(unitID: ancestor, indicatorID: row.indicatorID, period: row.period), default: Delta()].add(
                    row)
            }
        }
    }

    func write(_ db: any SQLDatabase) async throws {
        let entries = Array(deltas)
        for start in stride(from: 0, to: entries.count, by: 5_000) {
            var values: [any SQLExpression] = []
            for (key, delta) in entries[start..<min(start + 5_000, entries.count)] {
                values.append(
                    SQLGroupExpression([
                        SQLBind(key.unitID), SQLBind(key.indicatorID), SQLBind(key.period),
                        SQLBind(delta.total), SQLBind(delta.contributors), SQLBind(delta.estimates),
                    ]))
            }
            try await db.raw(
                """
                INSERT INTO rollups (unit_id, indicator_id, period, total, contributors, estimates)
                VALUES \(SQLList(values))
                ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET total = rollups.total + excluded.total,
                contributors = rollups.contributors + excluded.contributors, estimates = rollups.estimates + excluded.estimates
                """
            ).run()
        }
    }
}
