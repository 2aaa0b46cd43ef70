import BaoCaoStorage
import XCTest

/// A freshly migrated database for each test: in-memory SQLite, or PostgreSQL when `TEST_DATABASE_URL` is set
/// (CI sets it). Refuses any PostgreSQL that is not on this machine, so a test can never wipe a real database.
public enum StoreHarness {
    /// The database tests run on: PostgreSQL of `TEST_DATABASE_URL` (on this machine only), else in-memory SQLite.
    public static func configuration() throws -> StoreConfiguration {
        guard let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty else {
            return .sqliteMemory
        }
        guard url.contains("@localhost") || url.contains("@127.0.0.1") else {
            throw XCTSkip("TEST_DATABASE_URL must point at localhost")
        }
        return .postgres(url: url)
    }

    public static func fresh(demo: Bool = false, for test: XCTestCase) async throws -> Store {
        let store = try Store(try configuration())
        if store.isPostgres { try await store.revertAll() }
        test.addTeardownBlock { await store.shutdown() }
        try await store.migrate()
        if demo { try await DemoData.loadIfEmpty(store) }
        return store
    }

    /// Two stores on one database, as two processes (`baocao serve` and `baocao import`) would have: the first with
    /// the demo. SQLite: two connections to one temporary file; PostgreSQL: two pools.
    public static func twoOnOneDatabase(for test: XCTestCase) async throws -> (Store, Store) {
        if case .postgres(let url) = try configuration() {
            let first = try await fresh(demo: true, for: test)
            return (first, try await open(.postgres(url: url), for: test))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-\(UUID()).sqlite").path
        test.addTeardownBlock {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        return (try await open(.sqliteFile(path), demo: true, for: test), try await open(.sqliteFile(path), for: test))
    }

    static func open(
        _ configuration: StoreConfiguration, demo: Bool = false, for test: XCTestCase
    ) async throws -> Store {
        let store = try Store(configuration)
        test.addTeardownBlock { await store.shutdown() }
        try await store.migrate()
        if demo { try await DemoData.loadIfEmpty(store) }
        return store
    }
}
