import BaoCaoDomain
import SQLKit

/// The live sums of commune values for every unit above them, in one layer. Every change is a guarded upsert: a sum
/// that would leave 64 bits is not written, and the whole transaction is refused (`FigureOutOfRange`), on SQLite
/// (which would otherwise turn it into an inexact real number) and PostgreSQL alike.
enum RollupTable {
    struct Key: Hashable { var unitID: Int; var indicatorID: Int; var period: String }
    struct Delta {
        var total: Int64 = 0, contributors = 0, estimates = 0
        /// Working sums only: values not approved yet.
        var pending = 0
        var isZero: Bool { total == 0 && contributors == 0 && estimates == 0 && pending == 0 }
    }

    /// Adds `delta` to the sums of every unit above the commune `unitID`.
    static func adjust(
        _ layer: ValueLayer, above unitID: Int, indicatorID: Int, period: String, by delta: Delta,
        _ db: any SQLDatabase
    ) async throws {
        guard !delta.isZero else { return }
        let ancestors = try await db.raw(
            "SELECT ancestor_id FROM unit_ancestors WHERE unit_id = \(bind: unitID) AND depth > 0"
        ).all().map { try $0.decode(column: "ancestor_id", as: Int.self) }
        var deltas: [Key: Delta] = [:]
        for id in ancestors { deltas[Key(unitID: id, indicatorID: indicatorID, period: period)] = delta }
        try await apply(layer, deltas, db)
    }

    /// Rows per upsert: 7 bound values each, 35,000 in all, under PostgreSQL's 65,535 parameters (and the 250,000 of
    /// the SQLite sqlite-nio bundles).
    static let rowsPerStatement = 5_000

    /// Applies many deltas, by multi-row upserts; refuses them all if a sum would overflow.
    static func apply(_ layer: ValueLayer, _ deltas: [Key: Delta], _ db: any SQLDatabase) async throws {
        let entries = deltas.filter { !$0.value.isZero }.map { ($0.key, $0.value) }
        for start in stride(from: 0, to: entries.count, by: rowsPerStatement) {
            let chunk = entries[start..<min(start + rowsPerStatement, entries.count)]
            let values = chunk.map { key, d -> any SQLExpression in
                SQLGroupExpression([
                    SQLBind(key.unitID), SQLBind(key.indicatorID), SQLBind(key.period), SQLBind(d.total),
                    SQLBind(d.contributors), SQLBind(d.estimates), SQLBind(d.pending),
                ])
            }
            // The guard never overflows itself: it compares with max − delta for a positive delta, min − delta for a
            // negative one, inside a CASE so that only the right one is evaluated. A row it refuses is neither updated
            // nor returned.
            let written = try await db.raw(
                """
                INSERT INTO \(layer.rollups) (unit_id, indicator_id, period, total, contributors, estimates, pending)
                VALUES \(SQLList(values))
                ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET total = \(layer.rollups).total + excluded.total,
                contributors = \(layer.rollups).contributors + excluded.contributors,
                estimates = \(layer.rollups).estimates + excluded.estimates,
                pending = \(layer.rollups).pending + excluded.pending
                WHERE CASE WHEN excluded.total >= 0
                THEN \(layer.rollups).total <= \(literal: Int64.max) - excluded.total
                ELSE \(layer.rollups).total >= (\(literal: Int64.min + 1) - 1) - excluded.total END
                RETURNING unit_id
                """
            ).all()
            guard written.count == chunk.count else { throw FigureOutOfRange.sum }
        }
    }

    /// Recomputes every live sum of a layer from its values (for the working layer, with how many are not approved):
    /// needed only when the hierarchy itself changes (a merger moves communes), never for a saved
    /// figure.
    static func rebuild(_ layer: ValueLayer, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM \(layer.rollups)").run()
        // The working sums count their values not approved yet.
        let pending: SQLQueryString =
            layer == .working ? "SUM(CASE WHEN v.approved = \(true) THEN 0 ELSE 1 END)" : "0"
        do {
            try await db.raw(
                """
                INSERT INTO \(layer.rollups) (unit_id, indicator_id, period, total, contributors, estimates, pending)
                SELECT a.ancestor_id, v.indicator_id, v.period, SUM(v.amount), COUNT(*),
                SUM(CASE WHEN v.status = \(bind: ValueStatus.estimate.rawValue) THEN 1 ELSE 0 END), \(pending)
                FROM \(layer.values) v JOIN unit_ancestors a ON a.unit_id = v.unit_id AND a.depth > 0
                JOIN units u ON u.id = v.unit_id AND u.kind IN (\(binds: UnitKind.allCases.filter(\.isCommuneLevel).map(\.rawValue)))
                GROUP BY a.ancestor_id, v.indicator_id, v.period
                """
            ).run()
        } catch  where "\(error)".contains("overflow") || "\(error)".contains("out of range") {
            throw FigureOutOfRange.sum
        }
    }
}
