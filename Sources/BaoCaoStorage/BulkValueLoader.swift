import BaoCaoDomain
import SQLKit
import SQLiteKit

/// Writes many new values fast, in the caller's transaction: the rows go into a temporary staging table by large
/// multi-row statements, then into `data_values` with one `INSERT ... SELECT`, and the live sums of every unit above
/// a commune move by one grouped `INSERT ... SELECT` over the staged rows. `baocao import` uses it for the values a
/// file adds; corrections of existing values go through `ValueWriter`, which keeps history. A value that already
/// exists makes the statement fail, and with it the transaction: nothing is written.
public enum BulkValueLoader {
    public struct Row: Sendable {
        public var indicatorID: Int
        public var unitID: Int
        public var period: String
        public var amount: Int64
        public var estimate: Bool
        public var qualifier: String?
        public var note: String?
        public init(indicatorID: Int, unitID: Int, period: String, amount: Int64, estimate: Bool,
                    qualifier: String? = nil, note: String? = nil) {
            self.indicatorID = indicatorID; self.unitID = unitID; self.period = period
            self.amount = amount; self.estimate = estimate; self.qualifier = qualifier; self.note = note
        }
    }

    /// Loads `rows` in a transaction of its own.
    public static func load(_ rows: [Row], by user: String, store: Store) async throws {
        try await store.transaction { db in try await insert(rows, by: user, db) }
    }

    /// Writes `rows` (all new) inside the caller's transaction.
    static func insert(_ rows: [Row], by user: String, _ db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        try await db.raw("""
            CREATE TEMPORARY TABLE staged_values (indicator_id BIGINT NOT NULL, unit_id BIGINT NOT NULL,
            period TEXT NOT NULL, amount BIGINT NOT NULL, status TEXT NOT NULL, qualifier TEXT NOT NULL, note TEXT NOT NULL)
            """).run()
        for start in stride(from: 0, to: rows.count, by: rowsPerStatement) {
            let slice = rows[start..<min(start + rowsPerStatement, rows.count)]
            if let sqlite = db as? any SQLiteDatabase {
                try await stageSQLite(slice, sqlite)
            } else if db.dialect.name == "postgresql" {
                try await stagePostgres(slice, db)
            } else {
                try await stagePortable(slice, db)
            }
        }
        try await db.raw("""
            INSERT INTO data_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at)
            SELECT indicator_id, unit_id, period, amount, status, NULLIF(qualifier, ''), NULLIF(note, ''),
            \(bind: user), \(bind: Timestamp.now()) FROM staged_values
            """).run()
        try await db.raw("""
            INSERT INTO rollups (unit_id, indicator_id, period, total, contributors, estimates)
            SELECT a.ancestor_id, s.indicator_id, s.period, SUM(s.amount), COUNT(*),
            SUM(CASE WHEN s.status = \(bind: ValueStatus.estimate.rawValue) THEN 1 ELSE 0 END)
            FROM staged_values s JOIN unit_ancestors a ON a.unit_id = s.unit_id AND a.depth > 0
            JOIN units u ON u.id = s.unit_id
            WHERE u.kind IN (\(binds: UnitKind.allCases.filter(\.isCommuneLevel).map(\.rawValue)))
            GROUP BY a.ancestor_id, s.indicator_id, s.period
            ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET total = rollups.total + excluded.total,
            contributors = rollups.contributors + excluded.contributors, estimates = rollups.estimates + excluded.estimates
            """).run()
        try await db.raw("DROP TABLE staged_values").run()
    }

    /// Rows per statement: 7 bound values each stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
    static let rowsPerStatement = 4_000

    static func status(_ row: Row) -> String { row.estimate ? ValueStatus.estimate.rawValue : ValueStatus.final.rawValue }

    /// SQLite: binds handed straight to SQLite, without the per-value encoding of the portable path.
    static func stageSQLite(_ rows: ArraySlice<Row>, _ db: any SQLiteDatabase) async throws {
        var binds: [SQLiteData] = []
        binds.reserveCapacity(rows.count * 7)
        let estimate = SQLiteData.text(ValueStatus.estimate.rawValue), final = SQLiteData.text(ValueStatus.final.rawValue)
        let empty = SQLiteData.text("")
        for r in rows {
            binds.append(.integer(r.indicatorID)); binds.append(.integer(r.unitID)); binds.append(.text(r.period))
            binds.append(.integer(Int(r.amount))); binds.append(r.estimate ? estimate : final)
            binds.append(r.qualifier.map(SQLiteData.text) ?? empty); binds.append(r.note.map(SQLiteData.text) ?? empty)
        }
        _ = try await db.query(sqliteStatement(rows: rows.count), binds)
    }

    static func sqliteStatement(rows: Int) -> String {
        rows == rowsPerStatement ? fullStatement : makeStatement(rows: rows)
    }

    static let fullStatement = makeStatement(rows: rowsPerStatement)

    static func makeStatement(rows: Int) -> String {
        "INSERT INTO staged_values VALUES " + repeatElement("(?,?,?,?,?,?,?)", count: rows).joined(separator: ",")
    }

    /// PostgreSQL: seven array parameters unnested into rows, instead of seven parameters a row.
    static func stagePostgres(_ rows: ArraySlice<Row>, _ db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO staged_values SELECT * FROM UNNEST(
            \(bind: rows.map { Int64($0.indicatorID) })::bigint[], \(bind: rows.map { Int64($0.unitID) })::bigint[],
            \(bind: rows.map(\.period))::text[], \(bind: rows.map(\.amount))::bigint[], \(bind: rows.map(status))::text[],
            \(bind: rows.map { $0.qualifier ?? "" })::text[], \(bind: rows.map { $0.note ?? "" })::text[])
            """).run()
    }

    /// Any other SQL database: SQLKit's insert builder with bound values.
    static func stagePortable(_ rows: ArraySlice<Row>, _ db: any SQLDatabase) async throws {
        let insert = db.insert(into: "staged_values")
        for r in rows {
            insert.values(SQLBind(Int64(r.indicatorID)), SQLBind(Int64(r.unitID)), SQLBind(r.period), SQLBind(r.amount),
                          SQLBind(status(r)), SQLBind(r.qualifier ?? ""), SQLBind(r.note ?? ""))
        }
        try await insert.run()
    }
}
