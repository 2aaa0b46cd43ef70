import FluentKit

/// An indicator's definition and source, for the help beside it on the entry form.
struct AddIndicatorHelp: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.indicators).field("definition", .string).update()
        try await db.schema(Table.indicators).field("source", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.indicators).deleteField("source").update()
        try await db.schema(Table.indicators).deleteField("definition").update()
    }
}
