import FluentKit

/// A section given to an office has a date it is due ("2017-06-10"), set by the compiler with the assignment.
struct AddSectionDeadlines: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.sections).field("deadline", .string).update()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.sections).deleteField("deadline").update()
    }
}
