import FluentKit

/// Report templates in their readable text form (docs/TEMPLATES.md), editable and versioned by who and when.
struct CreateReportTemplates: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.templates)
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("body", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "code")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.templates).delete() }
}
