import FluentKit

/// In-application notices to a person (reminders to send figures), with whether they were read and, when an e-mail
/// went with them, to which address or why it did not go; and each person's e-mail address.
struct CreateNotifications: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.accounts).field("email", .string).update()
        try await db.schema(Table.notifications)
            .field("id", .int, .identifier(auto: true))
            .field("account_id", .int, .required, .references(Table.accounts, "id", onDelete: .cascade))
            .field("unit_id", .int, .references(Table.units, "id"))
            .field("period", .string)
            .field("text", .string, .required)
            .field("link", .string)
            .field("reminder_key", .string)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .field("read_at", .string)
            .field("emailed_to", .string)
            .field("email_error", .string)
            .unique(on: "account_id", "unit_id", "reminder_key")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.notifications).delete()
        try await db.schema(Table.accounts).deleteField("email").update()
    }
}
