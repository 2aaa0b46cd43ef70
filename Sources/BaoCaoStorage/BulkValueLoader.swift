import BaoCaoDomain
import SQLKit

/// Loads many new values fast: multi-row inserts, then the live sums of every unit above moved by one grouped
/// `INSERT ... SELECT` over the rows just written, in the same transaction. For first loads (national datasets,
/// migrations from other systems); a value that already exists makes the whole batch fail and write nothing.
/// Corrections go through `ValueWriter`, which keeps history.
public enum BulkValueLoader {
    public struct Row: Sendable {
        public var indicatorID: Int
        public var unitID: Int
        public var period: String
        public var amount: Int64
        public var estimate: Bool
        public init(indicatorID: Int, unitID: Int, period: String, amount: Int64, estimate: Bool) {
            self.indicatorID = indicatorID; self.unitID = unitID; self.period = period
            self.amount = amount; self.estimate = estimate
        }
    }

    /// Rows per INSERT: 5 bound values each stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
    static let rowsPerStatement = 6_000

    /// Writes `rows`, which must all belong to units whose ids lie in `unitIDs` (and no other new rows for those
    /// units may be loaded later in another batch), in one transaction.
    public static func load(_ rows: [Row], unitIDs: ClosedRange<Int>, communeLevel: Bool, by user: String,
                            store: Store) async throws {
        let now = Timestamp.now()
        try await store.transaction { db in
            for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
                let insert = db.insert(into: Table.values)
                    .columns("indicator_id", "unit_id", "period", "amount", "status", "updated_by", "updated_at")
                for r in rows[start..<min(start + rowsPerStatement, rows.count)] {
                    insert.values(SQLBind(r.indicatorID), SQLBind(r.unitID), SQLBind(r.period), SQLBind(r.amount),
                                  SQLBind(r.estimate ? ValueStatus.estimate.rawValue : ValueStatus.final.rawValue),
                                  SQLLiteral.string(user), SQLLiteral.string(now))
                }
                try await insert.run()
            }
            guard communeLevel else { return }
            try await db.raw("""
                INSERT INTO rollups (unit_id, indicator_id, period, total, contributors, estimates)
                SELECT a.ancestor_id, v.indicator_id, v.period, SUM(v.amount), COUNT(*),
                SUM(CASE WHEN v.status = \(bind: ValueStatus.estimate.rawValue) THEN 1 ELSE 0 END)
                FROM data_values v JOIN unit_ancestors a ON a.unit_id = v.unit_id AND a.depth > 0
                WHERE v.unit_id BETWEEN \(bind: unitIDs.lowerBound) AND \(bind: unitIDs.upperBound)
                GROUP BY a.ancestor_id, v.indicator_id, v.period
                ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET total = rollups.total + excluded.total,
                contributors = rollups.contributors + excluded.contributors, estimates = rollups.estimates + excluded.estimates
                """).run()
        }
    }
}
