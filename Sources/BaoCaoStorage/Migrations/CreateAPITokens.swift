import FluentKit

/// Tokens for programs: each for one role on one unit, stored as a hash, with its expiry, revocation and whether it
/// may read drafts; and every use of one.
struct CreateAPITokens: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.apiTokens)
            .field("id", .int, .identifier(auto: true))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("prefix", .string, .required)
            .field("role", .string, .required)
            .field("unit_id", .int, .required, .references(Table.units, "id"))
            .field("drafts", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .field("expires_at", .string, .required)
            .field("revoked_by", .string)
            .field("revoked_at", .string)
            .field("last_used_at", .string)
            .unique(on: "token_hash")
            .create()
        try await db.schema(Table.apiTokenUses)
            .field("id", .int, .identifier(auto: true))
            .field("token_id", .int, .required, .references(Table.apiTokens, "id", onDelete: .cascade))
            .field("at", .string, .required)
            .field("method", .string, .required)
            .field("path", .string, .required)
            .field("status", .int, .required)
            .field("address", .string)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.apiTokenUses).delete()
        try await db.schema(Table.apiTokens).delete()
    }
}
