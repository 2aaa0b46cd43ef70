import Foundation
import SQLKit

/// Backup and restore of everything BaoCao keeps: accounts, roles, values and their history, submissions, report
/// sections, publications, templates, rules, settings, the audit log. Made while the server runs.
///
/// - SQLite: `VACUUM INTO` writes a consistent copy of the database as of one moment (readers and the server's
///   writes go on meanwhile); restoring copies it back the same way into a new file.
/// - PostgreSQL: `pg_dump --format=custom` (one consistent snapshot) and `pg_restore`, the tools of the installed
///   PostgreSQL client.
/// A backup restores into the same kind of database it came from.
public enum Backup {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public enum Kind: String, Sendable {
        case sqlite = "SQLite"
        case postgres = "PostgreSQL (pg_dump)"
    }

    /// Writes a backup of `store` to `path`, which must not exist yet, and returns the rows of every table in it
    /// (counted in the same snapshot the backup was made from).
    public static func make(_ store: Store, to path: String) async throws -> (kind: Kind, counts: [TableCount]) {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Problem(description: "Tệp \(path) đã có; chọn tên khác (bản sao lưu không ghi đè)")
        }
        switch store.configuration {
        case .postgres(let url):
            // One snapshot, exported to pg_dump, in which the rows are counted too.
            let counts = try await store.database.withConnection { connection in
                let db = connection as! any SQLDatabase
                try await db.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
                do {
                    let snapshot =
                        try await db.raw("SELECT pg_export_snapshot() AS id").first()?
                        .decode(column: "id", as: String.self) ?? ""
                    let counts = try await tableCounts(db, postgres: true)
                    try run(
                        "pg_dump",
                        [
                            "--format=custom", "--no-owner", "--snapshot=\(snapshot)", "--file=\(path)",
                            "--dbname=\(url)",
                        ])
                    try await db.raw("COMMIT").run()
                    return counts
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
            return (.postgres, counts)
        default:
            try await store.sql.raw("VACUUM INTO \(bind: path)").run()
            let copy = try Store(.sqliteFile(path))
            do {
                let counts = try await tableCounts(copy)
                await copy.shutdown()
                return (.sqlite, counts)
            } catch {
                await copy.shutdown()
                throw error
            }
        }
    }

    /// What kind of backup the file at `path` is, from its first bytes.
    public static func kind(of path: String) throws -> Kind {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Problem(description: "Không đọc được tệp \(path)")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 16)) ?? Data()
        if head.starts(with: Data("SQLite format 3".utf8)) { return .sqlite }
        if head.starts(with: Data("PGDMP".utf8)) { return .postgres }
        throw Problem(description: "Tệp \(path) không phải bản sao lưu của BaoCao (SQLite hoặc pg_dump)")
    }

    /// Restores the backup at `path` into the database of `target`. The target must hold no BaoCao data unless
    /// `replace` says to overwrite it. Migrations are applied afterwards (a backup of an older version comes up to
    /// date).
    public static func restore(_ path: String, into target: StoreConfiguration, replace: Bool) async throws {
        let kind = try kind(of: path)
        switch (kind, target) {
        case (.postgres, .postgres(let url)):
            // As for SQLite (the file is removed), replacing removes every table first: the backup may be of an
            // older version, whose tables differ from the ones here.
            let store = try Store(target)
            do {
                let tables = try await tables(store.sql, postgres: true)
                if !tables.isEmpty {
                    guard try await isEmpty(store) || replace else { throw notEmpty(target) }
                    for table in tables {
                        try await store.sql.raw("DROP TABLE IF EXISTS \(ident: table) CASCADE").run()
                    }
                }
                await store.shutdown()
            } catch {
                await store.shutdown()
                throw error
            }
            try run("pg_restore", ["--no-owner", "--exit-on-error", "--single-transaction", "--dbname=\(url)", path])
        case (.sqlite, .sqliteFile(let file)):
            if FileManager.default.fileExists(atPath: file) {
                let store = try Store(target)
                let empty = try await isEmpty(store)
                await store.shutdown()
                guard empty || replace else { throw notEmpty(target) }
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: file + suffix) }
            }
            let source = try Store(.sqliteFile(path))
            do {
                try await source.sql.raw("VACUUM INTO \(bind: file)").run()
            } catch {
                await source.shutdown()
                throw error
            }
            await source.shutdown()
        default:
            throw Problem(
                description:
                    "Bản sao lưu \(kind.rawValue) chỉ khôi phục được vào cơ sở dữ liệu cùng loại (đích: \(target.displayName))"
            )
        }
        let restored = try Store(target)
        do {
            try await restored.migrate()
        } catch {
            await restored.shutdown()
            throw error
        }
        await restored.shutdown()
    }

    public typealias TableCount = (table: String, rows: Int)

    /// Rows in every table of the store, by table name: what a restore must give back.
    public static func tableCounts(_ store: Store) async throws -> [TableCount] {
        try await tableCounts(store.sql, postgres: store.isPostgres)
    }

    static func tableCounts(_ db: any SQLDatabase, postgres: Bool) async throws -> [TableCount] {
        var counts: [TableCount] = []
        for table in try await tables(db, postgres: postgres) {
            let n = try await db.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?
                .decode(column: "n", as: Int.self)
            counts.append((table, n ?? 0))
        }
        return counts
    }

    static func tables(_ db: any SQLDatabase, postgres: Bool) async throws -> [String] {
        let query: SQLQueryString =
            postgres
            ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        return try await db.raw(query).all().map { try $0.decode(column: "name", as: String.self) }
    }

    /// Whether the store may be restored into: no tables at all, or BaoCao's tables without a unit or an account. A
    /// database with tables of something else is not empty.
    static func isEmpty(_ store: Store) async throws -> Bool {
        let names = Set(try await tables(store.sql, postgres: store.isPostgres))
        if names.isEmpty { return true }
        guard names.contains(Table.units), names.contains(Table.accounts) else { return false }
        for table in [Table.units, Table.accounts] {
            let n = try await store.sql.raw("SELECT COUNT(*) AS n FROM \(ident: table)").first()?
                .decode(column: "n", as: Int.self)
            if (n ?? 0) > 0 { return false }
        }
        return true
    }

    static func notEmpty(_ target: StoreConfiguration) -> Problem {
        Problem(
            description:
                "\(target.displayName) đã có dữ liệu; không khôi phục đè. Dùng --replace nếu thật sự muốn thay toàn bộ."
        )
    }

    /// Runs a PostgreSQL client tool, with a Vietnamese message when it is missing or fails.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        let versioned = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql"))?
            .sorted { $0.compare($1, options: .numeric) == .orderedDescending }.map { "/usr/lib/postgresql/\($0)/bin" }
        guard
            let executable = (paths + (versioned ?? [])).map({ "\($0)/\(tool)" })
                .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
        else {
            throw Problem(
                description:
                    "Cần lệnh \(tool) của PostgreSQL (Debian: apt-get install postgresql-client); chưa tìm thấy.")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Problem(description: "\(tool) thất bại (mã \(process.terminationStatus)): \(output.prefix(2_000))")
        }
    }
}
