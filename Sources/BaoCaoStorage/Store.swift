import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO

/// The database connection BaoCao runs on, with its migrations. One per process.
public final class Store: Sendable {
    public let configuration: StoreConfiguration
    let databases: Databases
    let logger: Logger

    /// Migration and query logs are kept at `warning` unless `logLevel` says otherwise.
    public init(_ configuration: StoreConfiguration, logLevel: Logger.Level = .warning) throws {
        self.configuration = configuration
        var logger = Logger(label: "baocao.store")
        logger.logLevel = logLevel
        self.logger = logger
        // SQLite takes one writer at a time: one event loop gives one connection, so connection settings (WAL,
        // cache size) hold for every query and writers never meet SQLITE_BUSY. PostgreSQL gets a pool.
        let group: any EventLoopGroup =
            configuration.isPostgres ? MultiThreadedEventLoopGroup.singleton : Store.sqliteLoop
        databases = Databases(threadPool: NIOThreadPool.singleton, on: group)
        switch configuration {
        case .sqliteFile(let path):
            databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        case .sqliteMemory:
            databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        case .postgres(let url):
            databases.use(try .postgres(url: url, maxConnectionsPerEventLoop: 4, sqlLogLevel: .trace), as: .psql)
        }
    }

    static let sqliteLoop = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    /// The Fluent database, for migrations and transactions.
    public var database: any Database {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
    }

    /// The same database for SQLKit queries.
    public var sql: any SQLDatabase { database as! any SQLDatabase }

    public var isPostgres: Bool { configuration.isPostgres }

    /// Applies connection settings and every migration not yet applied.
    public func migrate() async throws {
        if !isPostgres {
            try await sql.raw("PRAGMA journal_mode=WAL").run()
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            try await sql.raw("PRAGMA cache_size=-262144").run()
            try await sql.raw("PRAGMA busy_timeout=\(unsafeRaw: String(Store.serverWait * 1000))").run()
            try await sql.raw("PRAGMA temp_store=MEMORY").run()
        }
        let migrator = self.migrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Refreshes the query planner's statistics: after a bulk load, as any database wants.
    public func analyze() async throws {
        try await sql.raw("ANALYZE").run()
    }

    /// Reverts every migration: for tests on a shared PostgreSQL database.
    public func revertAll() async throws {
        let migrator = self.migrator()
        try await migrator.setupIfNeeded().get()
        try await migrator.revertAllBatches().get()
    }

    func migrator() -> Migrator {
        let migrations = Migrations()
        migrations.add(StoreMigrations.all)
        return Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any())
    }

    /// Runs `work` in one transaction: everything it writes lands, or nothing does.
    public func transaction<T: Sendable>(
        _ work: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        guard !isPostgres else {
            return try await database.transaction { db in try await work(db as! any SQLDatabase) }
        }
        // SQLite: the write lock is taken at the start (BEGIN IMMEDIATE). A transaction that read first and wrote later
        // would fail at once if another process (an import, the server) wrote in between (SQLITE_BUSY_SNAPSHOT);
        // this one waits its turn for up to the busy timeout instead.
        return try await database.withConnection { connection in
            let db = connection as! any SQLDatabase
            try await db.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await work(db)
                try await db.raw("COMMIT").run()
                return result
            } catch {
                try? await db.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    /// How long a write waits for another process's write to finish before giving up (SQLite; PostgreSQL waits on
    /// row locks as long as they are held). The server waits `serverWait`; an import, a backup or a restore longer.
    public func waitForWriters(seconds: Int) async throws {
        guard !isPostgres else { return }
        try await sql.raw("PRAGMA busy_timeout=\(unsafeRaw: String(seconds * 1000))").run()
    }

    public static let serverWait = 30
    public static let commandWait = 600

    /// Whether `error` says the database stayed busy with another writer for longer than the wait.
    public static func isBusy(_ error: any Error) -> Bool {
        if let sqlite = error as? SQLiteError {
            return [.busy, .locked, .busyTimeout, .busyInSnapshot, .busyInRecovery].contains(sqlite.reason)
        }
        return false
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
