import BaoCaoDomain
import SQLKit
import SQLiteKit

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

    /// SQLite: one statement with `?` placeholders and binds handed straight to SQLite, without the per-value
    /// encoding of the portable path (about twice as fast).
    static func insertSQLite(_ rows: ArraySlice<Row>, user: String, now: String, _ db: any SQLiteDatabase) async throws {
        let constants = "'" + user.replacingOccurrences(of: "'", with: "''") + "','" + now + "'"
        var sql = "INSERT INTO data_values (indicator_id, unit_id, period, amount, status, updated_by, updated_at) VALUES "
        sql.reserveCapacity(rows.count * 40 + 200)
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * 5)
        let estimate = SQLiteData.text(ValueStatus.estimate.rawValue), final = SQLiteData.text(ValueStatus.final.rawValue)
        for (i, r) in rows.enumerated() {
            sql += i == 0 ? "(?,?,?,?,?," : ",(?,?,?,?,?,"
            sql += constants + ")"
            binds.append(.integer(r.indicatorID)); binds.append(.integer(r.unitID)); binds.append(.text(r.period))
            binds.append(.integer(Int(r.amount))); binds.append(r.estimate ? estimate : final)
        }
        _ = try await db.query(sql, binds)
    }

    /// PostgreSQL: five array parameters unnested into rows, instead of five parameters a row.
    static func insertPostgres(_ rows: ArraySlice<Row>, user: String, now: String, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO data_values (indicator_id, unit_id, period, amount, status, updated_by, updated_at)
            SELECT i, u, p, a, s, \(bind: user), \(bind: now)
            FROM UNNEST(\(bind: rows.map { Int64($0.indicatorID) })::bigint[], \(bind: rows.map { Int64($0.unitID) })::bigint[],
            \(bind: rows.map(\.period))::text[], \(bind: rows.map(\.amount))::bigint[],
            \(bind: rows.map { $0.estimate ? ValueStatus.estimate.rawValue : ValueStatus.final.rawValue })::text[]) AS t(i, u, p, a, s)
            """).run()
    }

    /// Any other SQL database: SQLKit's insert builder with bound values.
    static func insertPortable(_ rows: ArraySlice<Row>, user: String, now: String, _ db: any SQLDatabase) async throws {
        let insert = db.insert(into: Table.values)
            .columns("indicator_id", "unit_id", "period", "amount", "status", "updated_by", "updated_at")
        for r in rows {
            insert.values(SQLBind(r.indicatorID), SQLBind(r.unitID), SQLBind(r.period), SQLBind(r.amount),
                          SQLBind(r.estimate ? ValueStatus.estimate.rawValue : ValueStatus.final.rawValue),
                          SQLBind(user), SQLBind(now))
        }
        try await insert.run()
    }

    /// Writes `rows`, which must all belong to units whose ids lie in `unitIDs` (and no other new rows for those
    /// units may be loaded later in another batch), in one transaction.
    public static func load(_ rows: [Row], unitIDs: ClosedRange<Int>, communeLevel: Bool, by user: String,
                            store: Store) async throws {
        let now = Timestamp.now()
        try await store.transaction { db in
            for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
                let slice = rows[start..<min(start + rowsPerStatement, rows.count)]
                if let sqlite = db as? any SQLiteDatabase {
                    try await insertSQLite(slice, user: user, now: now, sqlite)
                } else if db.dialect.name == "postgresql" {
                    try await insertPostgres(slice, user: user, now: now, db)
                } else {
                    try await insertPortable(slice, user: user, now: now, db)
                }
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
