import BaoCaoDomain
import SQLKit
import SQLiteKit

/// Writes many new, approved values fast, in the caller's transaction: large multi-row statements into `data_values`,
/// then what they add to both views' live sums of every unit above a commune, as multi-row guarded upserts.
/// `baocao import` uses it for the values a file adds; corrections of existing values go through `ValueWriter`,
/// which keeps history. A value that already exists makes the statement fail, and with it the transaction: nothing
/// is written.
public enum BulkValueLoader {
    public struct Row: Sendable {
        public var indicatorID: Int
        public var unitID: Int
        public var period: String
        public var amount: Int64
        public var estimate: Bool
        public var qualifier: String?
        public var note: String?
        public init(
            indicatorID: Int, unitID: Int, period: String, amount: Int64, estimate: Bool,
            qualifier: String? = nil, note: String? = nil
        ) {
            self.indicatorID = indicatorID; self.unitID = unitID; self.period = period
            self.amount = amount; self.estimate = estimate; self.qualifier = qualifier; self.note = note
        }
    }

    /// Loads `rows` in a transaction of its own.
    public static func load(_ rows: [Row], by user: String, store: Store) async throws {
        try await store.transaction { db in try await insert(rows, by: user, db) }
    }

    /// Writes `rows` (all new) inside the caller's transaction, approved: what an administrator loads is official,
    /// so each row is both views' value (stored once), and what they add to both views' live sums (computed once).
    static func insert(_ rows: [Row], by user: String, _ db: any SQLDatabase) async throws {
        guard !rows.isEmpty else { return }
        let now = Timestamp.now()
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
        let deltas = try deltas(rows, ancestors: try await communeAncestors(Set(rows.map(\.unitID)), db))
        try await RollupTable.apply(deltas, db)
    }

    /// What the rows add to the sums of every unit above their communes, added up exactly.
    static func deltas(_ rows: [Row], ancestors: [Int: [Int]]) throws -> [RollupTable.Key: RollupTable.Delta] {
        var deltas: [RollupTable.Key: RollupTable.Delta] = [:]
        for row in rows {
            guard let above = ancestors[row.unitID] else { continue }
            for ancestor in above {
                let key = RollupTable.Key(unitID: ancestor, indicatorID: row.indicatorID, period: row.period)
                var d = deltas[key] ?? RollupTable.Delta()
                let (total, overflow) = d.working.total.addingReportingOverflow(row.amount)
                guard !overflow else { throw FigureOutOfRange.sum }
                d.working.total = total
                d.working.count += 1
                if row.estimate { d.working.estimates += 1 }
                deltas[key] = d
            }
        }
        return deltas
    }

    /// For each commune-level unit among `unitIDs`, the units above it.
    static func communeAncestors(_ unitIDs: Set<Int>, _ db: any SQLDatabase) async throws -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        let ids = unitIDs.sorted()
        for start in stride(from: 0, to: ids.count, by: 1_000) {
            let rows = try await db.raw(
                """
                SELECT a.unit_id, a.ancestor_id FROM unit_ancestors a JOIN units u ON u.id = a.unit_id
                WHERE a.depth > 0 AND a.unit_id IN (\(binds: Array(ids[start..<min(start + 1_000, ids.count)])))
                AND u.kind IN (\(binds: UnitKind.allCases.filter(\.isCommuneLevel).map(\.rawValue)))
                """
            ).all()
            for row in rows {
                result[try row.decode(column: "unit_id", as: Int.self), default: []]
                    .append(try row.decode(column: "ancestor_id", as: Int.self))
            }
        }
        return result
    }

    /// Rows per statement: 7 bound values each stays under SQLite's 32,766 and PostgreSQL's 65,535 parameters.
    static let rowsPerStatement = 4_000

    static func status(_ row: Row) -> String {
        row.estimate ? ValueStatus.estimate.rawValue : ValueStatus.final.rawValue
    }

    /// SQLite: binds handed straight to SQLite, without the per-value encoding of the portable path; who and when
    /// are bound once per statement, not once a row.
    static func insertSQLite(_ rows: ArraySlice<Row>, user: String, now: String, _ db: any SQLiteDatabase) async throws
    {
        var binds: [SQLiteData] = [.text(user), .text(now)]  // the two `?` of the SELECT list come first
        binds.reserveCapacity(rows.count * 7 + 2)
        let estimate = SQLiteData.text(ValueStatus.estimate.rawValue),
            final = SQLiteData.text(ValueStatus.final.rawValue)
        for r in rows {
            binds.append(.integer(r.indicatorID)); binds.append(.integer(r.unitID)); binds.append(.text(r.period))
            binds.append(.integer(Int(r.amount))); binds.append(r.estimate ? estimate : final)
            binds.append(r.qualifier.map(SQLiteData.text) ?? .null); binds.append(r.note.map(SQLiteData.text) ?? .null)
        }
        _ = try await db.query(
            rows.count == rowsPerStatement ? fullStatement : sqliteStatement(rows: rows.count), binds)
    }

    static let fullStatement = sqliteStatement(rows: rowsPerStatement)

    static func sqliteStatement(rows: Int) -> String {
        "INSERT INTO data_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at) "
            + "SELECT column1, column2, column3, column4, column5, column6, column7, ?, ? FROM (VALUES "
            + repeatElement("(?,?,?,?,?,?,?)", count: rows).joined(separator: ",") + ")"
    }

    /// PostgreSQL: seven array parameters unnested into rows, instead of seven parameters a row.
    static func insertPostgres(_ rows: ArraySlice<Row>, user: String, now: String, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO data_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at)
            SELECT i, u, p, a, s, NULLIF(q, ''), NULLIF(n, ''), \(bind: user), \(bind: now) FROM UNNEST(
            \(bind: rows.map { Int64($0.indicatorID) })::bigint[], \(bind: rows.map { Int64($0.unitID) })::bigint[],
            \(bind: rows.map(\.period))::text[], \(bind: rows.map(\.amount))::bigint[], \(bind: rows.map(status))::text[],
            \(bind: rows.map { $0.qualifier ?? "" })::text[], \(bind: rows.map { $0.note ?? "" })::text[]) AS t(i, u, p, a, s, q, n)
            """
        ).run()
    }

    /// Any other SQL database: SQLKit's insert builder with bound values.
    static func insertPortable(_ rows: ArraySlice<Row>, user: String, now: String, _ db: any SQLDatabase) async throws {
        let insert = db.insert(into: Table.values).columns(
            "indicator_id", "unit_id", "period", "amount", "status", "qualifier", "note", "updated_by", "updated_at")
        for r in rows {
            insert.values(
                SQLBind(r.indicatorID), SQLBind(r.unitID), SQLBind(r.period), SQLBind(r.amount),
                SQLBind(status(r)), SQLBind(r.qualifier), SQLBind(r.note), SQLBind(user), SQLBind(now))
        }
        try await insert.run()
    }
}
