import BaoCaoDomain
import SQLKit

/// The live sums of commune values for every unit above them, for both views in one row. A row holds the working
/// sum (total, how many values, how many estimates), the part of it not approved yet (`pending…`), and the sum of the
/// official values kept apart while a change waits for approval (`kept…`): the official sum is working − pending +
/// kept. So loading approved values moves one row per sum, and the views can never drift apart.
///
/// Every change is a guarded upsert: a sum that would leave 64 bits is not written, and the whole transaction is
/// refused (`FigureOutOfRange`), on SQLite (which would otherwise turn it into an inexact real number) and
/// PostgreSQL alike.
enum RollupTable {
    struct Key: Hashable { var unitID: Int; var indicatorID: Int; var period: String }

    /// A sum's share of some values: their total, how many, how many are estimates.
    struct Part: Equatable {
        var total: Int64 = 0, count = 0, estimates = 0
        var isZero: Bool { total == 0 && count == 0 && estimates == 0 }

        /// One value's part, added (`sign` 1) or taken away (-1); nil when it cannot be represented.
        static func of(_ row: StoredRow, _ sign: Int) -> Part? {
            let (total, overflow) = row.amount.multipliedReportingOverflow(by: Int64(sign))
            return overflow ? nil : Part(total: total, count: sign, estimates: row.isEstimate ? sign : 0)
        }

        func adding(_ other: Part) -> Part? {
            let (sum, overflow) = total.addingReportingOverflow(other.total)
            return overflow ? nil : Part(total: sum, count: count + other.count, estimates: estimates + other.estimates)
        }
    }

    /// What a change adds to a sum: to the working values, to those not approved, to the official ones kept apart.
    struct Delta: Equatable {
        var working = Part(), pending = Part(), kept = Part()
        var isZero: Bool { working.isZero && pending.isZero && kept.isZero }
    }

    /// The sum of the parts of some values, each added or taken away; refused when it cannot be represented.
    static func part(_ changes: [(StoredRow, Int)]) throws -> Part {
        var result = Part()
        for (row, sign) in changes {
            guard let one = Part.of(row, sign), let sum = result.adding(one) else { throw FigureOutOfRange.sum }
            result = sum
        }
        return result
    }

    /// Adds `delta` to the sums of every unit above the commune `unitID`.
    static func adjust(
        above unitID: Int, indicatorID: Int, period: String, by delta: Delta, _ db: any SQLDatabase
    )
        async throws
    {
        guard !delta.isZero else { return }
        let ancestors = try await db.raw(
            "SELECT ancestor_id FROM unit_ancestors WHERE unit_id = \(bind: unitID) AND depth > 0"
        ).all().map { try $0.decode(column: "ancestor_id", as: Int.self) }
        var deltas: [Key: Delta] = [:]
        for id in ancestors { deltas[Key(unitID: id, indicatorID: indicatorID, period: period)] = delta }
        try await apply(deltas, db)
    }

    /// Rows per upsert: 12 bound values each, 48,000 in all, under PostgreSQL's 65,535 parameters (and the 250,000 of
    /// the SQLite sqlite-nio bundles).
    static let rowsPerStatement = 4_000

    static let sums = ["total", "pending_total", "kept_total"]
    static let counts = ["contributors", "estimates", "pending", "pending_estimates", "kept", "kept_estimates"]

    /// Applies many deltas, by multi-row upserts; refuses them all if a sum would overflow.
    static func apply(_ deltas: [Key: Delta], _ db: any SQLDatabase) async throws {
        let entries = deltas.filter { !$0.value.isZero }.map { ($0.key, $0.value) }
        for start in stride(from: 0, to: entries.count, by: rowsPerStatement) {
            let chunk = entries[start..<min(start + rowsPerStatement, entries.count)]
            let values = chunk.map { key, d -> any SQLExpression in
                SQLGroupExpression([
                    SQLBind(key.unitID), SQLBind(key.indicatorID), SQLBind(key.period), SQLBind(d.working.total),
                    SQLBind(d.pending.total), SQLBind(d.kept.total), SQLBind(d.working.count),
                    SQLBind(d.working.estimates), SQLBind(d.pending.count), SQLBind(d.pending.estimates),
                    SQLBind(d.kept.count), SQLBind(d.kept.estimates),
                ])
            }
            let added = (sums + counts).map { "\($0) = rollups.\($0) + excluded.\($0)" }.joined(separator: ", ")
            // The guard never overflows itself: it compares with max − delta for a positive delta, min − delta for a
            // negative one, inside a CASE so that only the right one is evaluated. A row it refuses is neither
            // updated nor returned.
            let guards = sums.map { column in
                """
                CASE WHEN excluded.\(column) >= 0 THEN rollups.\(column) <= \(Int64.max) - excluded.\(column) \
                ELSE rollups.\(column) >= (\(Int64.min + 1) - 1) - excluded.\(column) END
                """
            }.joined(separator: " AND ")
            let written = try await db.raw(
                """
                INSERT INTO rollups (unit_id, indicator_id, period, \(unsafeRaw: (sums + counts).joined(separator: ", ")))
                VALUES \(SQLList(values))
                ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET \(unsafeRaw: added)
                WHERE \(unsafeRaw: guards)
                RETURNING unit_id
                """
            ).all()
            guard written.count == chunk.count else { throw FigureOutOfRange.sum }
        }
    }

    /// The columns `rolledUp` reads for a view: the working view needs four of the nine.
    static func columns(_ view: FigureView) -> [String] {
        switch view {
        case .working: return ["total", "contributors", "estimates", "pending"]
        case .official: return sums + counts
        }
    }

    /// The sums of one row (selected with `columns(view)`), for a view; nil when the official sum cannot be
    /// represented.
    static func rolledUp(_ row: any SQLRow, _ view: FigureView) throws -> RolledUp? {
        func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int.self) }
        let working = Part(
            total: try row.decode(column: "total", as: Int64.self), count: try int("contributors"),
            estimates: try int("estimates"))
        guard view == .official else {
            return RolledUp(
                total: Amount(scaled: working.total), contributors: working.count, estimates: working.estimates,
                pending: try int("pending"))
        }
        let pending = Part(
            total: try row.decode(column: "pending_total", as: Int64.self), count: try int("pending"),
            estimates: try int("pending_estimates"))
        let kept = Part(
            total: try row.decode(column: "kept_total", as: Int64.self), count: try int("kept"),
            estimates: try int("kept_estimates"))
        let negated = Part(total: 0 &- pending.total, count: -pending.count, estimates: -pending.estimates)
        guard pending.total != Int64.min, let official = working.adding(negated)?.adding(kept) else { return nil }
        return RolledUp(
            total: Amount(scaled: official.total), contributors: official.count, estimates: official.estimates)
    }

    /// Recomputes every live sum from the values: needed only when the hierarchy itself changes (a merger moves
    /// communes), never for a saved figure.
    static func rebuild(_ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM rollups").run()
        let communes = UnitKind.allCases.filter(\.isCommuneLevel).map(\.rawValue)
        let estimate = ValueStatus.estimate.rawValue
        do {
            try await db.raw(
                """
                INSERT INTO rollups (unit_id, indicator_id, period, total, contributors, estimates, pending_total, pending,
                pending_estimates, kept_total, kept, kept_estimates)
                SELECT a.ancestor_id, v.indicator_id, v.period, SUM(v.amount), COUNT(*),
                SUM(CASE WHEN v.status = \(bind: estimate) THEN 1 ELSE 0 END),
                SUM(CASE WHEN v.approved = \(true) THEN 0 ELSE v.amount END),
                SUM(CASE WHEN v.approved = \(true) THEN 0 ELSE 1 END),
                SUM(CASE WHEN v.approved = \(false) AND v.status = \(bind: estimate) THEN 1 ELSE 0 END), 0, 0, 0
                FROM data_values v JOIN unit_ancestors a ON a.unit_id = v.unit_id AND a.depth > 0
                JOIN units u ON u.id = v.unit_id AND u.kind IN (\(binds: communes))
                GROUP BY a.ancestor_id, v.indicator_id, v.period
                """
            ).run()
            // The official values kept apart: every one has a working change waiting, or a deletion.
            var deltas: [Key: Delta] = [:]
            for row in try await db.raw(
                """
                SELECT a.ancestor_id, o.indicator_id, o.period, CAST(SUM(o.amount) AS BIGINT) AS total, COUNT(*) AS n,
                SUM(CASE WHEN o.status = \(bind: estimate) THEN 1 ELSE 0 END) AS e
                FROM official_values o JOIN unit_ancestors a ON a.unit_id = o.unit_id AND a.depth > 0
                JOIN units u ON u.id = o.unit_id AND u.kind IN (\(binds: communes))
                GROUP BY a.ancestor_id, o.indicator_id, o.period
                """
            ).all() {
                let key = Key(
                    unitID: try row.decode(column: "ancestor_id", as: Int.self),
                    indicatorID: try row.decode(column: "indicator_id", as: Int.self),
                    period: try row.decode(column: "period", as: String.self))
                deltas[key] = Delta(
                    kept: Part(
                        total: try row.decode(column: "total", as: Int64.self),
                        count: try row.decode(column: "n", as: Int.self),
                        estimates: try row.decode(column: "e", as: Int.self)))
            }
            try await apply(deltas, db)
        } catch  where "\(error)".contains("overflow") || "\(error)".contains("out of range") {
            throw FigureOutOfRange.sum
        }
    }
}
