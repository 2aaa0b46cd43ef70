import FluentKit

/// A work programme item is a task with its month in the year's programme and what it leads to (a meeting, a
/// document: "sản phẩm").
struct AddTaskProgramme: AsyncMigration {
    func prepare(on db: any Database) async throws {
        // SQLite adds one column per statement.
        try await db.schema(Table.tasks).field("programme_month", .int).update()
        try await db.schema(Table.tasks).field("product", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.tasks).deleteField("product").update()
        try await db.schema(Table.tasks).deleteField("programme_month").update()
    }
}
