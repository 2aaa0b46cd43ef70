import BaoCaoDomain
import SQLKit

/// The unit tree and the catalogue, which nearly every request needs and which change rarely (an import, a
/// reorganisation), kept in memory. Each read asks the database one small question, the change counter, and reads
/// the tree and catalogue again only when it moved: a change made by any process is seen at the next request.
public actor ReferenceData {
    /// The counter's name; `changed(db)` moves it in the transaction that changes units, fields or indicators.
    static let counter = "tham_chieu"

    private let store: Store
    private var kept: (version: Int64, tree: UnitTree, catalogue: Catalogue)?
    /// How many times the tree and catalogue were read from the database (for tests).
    public private(set) var loads = 0

    public init(store: Store) { self.store = store }

    /// The unit tree and the catalogue as they are now.
    public func current() async throws -> (tree: UnitTree, catalogue: Catalogue) {
        let version = try await Self.version(store.sql)
        if let kept, kept.version == version { return (kept.tree, kept.catalogue) }
        let tree = try await UnitTree.load(store.sql)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        loads += 1
        kept = (version, tree, catalogue)
        return (tree, catalogue)
    }

    static func version(_ db: any SQLDatabase) async throws -> Int64 {
        try await db.raw("SELECT value FROM change_counters WHERE name = \(bind: counter)").first()?
            .decode(column: "value", as: Int64.self) ?? -1
    }

    /// Moves the counter: run it in the transaction that changes units, fields or indicators.
    static func changed(_ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE change_counters SET value = value + 1 WHERE name = \(bind: counter)").run()
    }
}
