import FluentKit
import SQLKit

/// What running BaoCao for a real People's Committee needs in the schema: the unit an account belongs to (so an
/// account without roles is still somebody's), the unit of each security event (so an office reads only its own),
/// settings a locality chooses for itself (separation of duties), and secrets the server keeps (the key that
/// signs the login form's token).
struct AddHardening: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.accounts).field("home_unit_id", .int).update()
        try await db.schema(Table.audit).field("unit_id", .int).update()
        try await db.schema(Table.localitySettings)
            .field("unit_id", .int, .required)
            .field("name", .string, .required)
            .field("value", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "unit_id", "name")
            .create()
        try await db.schema(Table.secrets)
            .field("name", .string, .required)
            .field("value", .string, .required)
            .unique(on: "name")
            .create()
        // An existing account belongs to the unit of its first role.
        let sql = db as! any SQLDatabase
        try await sql.raw(
            """
            UPDATE accounts SET home_unit_id = (SELECT g.unit_id FROM role_grants g WHERE g.account_id = accounts.id
            ORDER BY g.id LIMIT 1)
            """
        ).run()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.secrets).delete()
        try await db.schema(Table.localitySettings).delete()
        try await db.schema(Table.audit).deleteField("unit_id").update()
        try await db.schema(Table.accounts).deleteField("home_unit_id").update()
    }
}
