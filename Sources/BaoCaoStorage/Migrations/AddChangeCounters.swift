import FluentKit
import SQLKit

/// Counters that move whenever what servers keep in memory changes (the unit tree and the catalogue), so every
/// process serving the database, this one or another (an import), knows when to read them again.
struct AddChangeCounters: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.changeCounters)
            .field("name", .string, .required)
            .field("value", .int64, .required)
            .unique(on: "name")
            .create()
        try await (db as! any SQLDatabase).raw(
            "INSERT INTO change_counters (name, value) VALUES (\(bind: ReferenceData.counter), 0)"
        ).run()
    }

    func revert(on db: any Database) async throws { try await db.schema(Table.changeCounters).delete() }
}
