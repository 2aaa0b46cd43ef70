import FluentKit
import SQLKit

/// Validation rules of the catalogue, the explanations units give for the warnings they submit with, and each
/// indicator's bounds for the built-in checks.
struct CreateValidationRules: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.rules)
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("left_expr", .string, .required)
            .field("operator", .string, .required)
            .field("right_expr", .string, .required)
            .field("severity", .string, .required)
            .field("missing", .string, .required)
            .field("message", .string, .required)
            .field("unit_id", .int)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "code")
            .create()
        try await db.schema(Table.ruleNotes)
            .field("id", .int, .identifier(auto: true))
            .field("unit_id", .int, .required)
            .field("period", .string, .required)
            .field("rule_key", .string, .required)
            .field("explanation", .string, .required)
            .field("written_by", .string, .required)
            .field("written_at", .string, .required)
            .unique(on: "unit_id", "period", "rule_key")
            .create()
        try await db.schema(Table.indicators)
            .field("allow_negative", .bool, .required, .sql(.default(false)))
            .update()
        try await db.schema(Table.indicators)
            .field("warn_change_percent", .int, .required, .sql(.default(50)))
            .update()
        try await db.schema(Table.indicators)
            .field("warn_target_percent", .int, .required, .sql(.default(150)))
            .update()
    }

    func revert(on db: any Database) async throws {
        for field in ["warn_target_percent", "warn_change_percent", "allow_negative"] {
            try await db.schema(Table.indicators).deleteField(FieldKey(stringLiteral: field)).update()
        }
        for table in [Table.ruleNotes, Table.rules] { try await db.schema(table).delete() }
    }
}
