import FluentKit
import SQLKit

/// The figures themselves: one row per indicator × unit × period, amounts in ten-thousandths (exact).
struct CreateDataValues: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.values)
            .field("indicator_id", .int, .required)
            .field("unit_id", .int, .required)
            .field("period", .string, .required)
            .field("amount", .int64, .required)
            .field("status", .string, .required)
            .field("qualifier", .string)
            .field("note", .string)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .compositeIdentifier(over: "unit_id", "indicator_id", "period")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.values).delete() }
}

/// Every earlier version of a value: what it was, who set it and when, and what replaced it.
struct CreateValueHistory: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.history)
            .field("id", .int, .identifier(auto: true))
            .field("indicator_id", .int, .required)
            .field("unit_id", .int, .required)
            .field("period", .string, .required)
            .field("old_amount", .int64)
            .field("old_status", .string)
            .field("old_qualifier", .string)
            .field("old_note", .string)
            .field("old_by", .string)
            .field("old_at", .string)
            .field("new_amount", .int64)
            .field("new_status", .string)
            .field("new_qualifier", .string)
            .field("new_note", .string)
            .field("changed_by", .string, .required)
            .field("changed_at", .string, .required)
            .create()
        try await (db as! any SQLDatabase).create(index: "value_history_key").on(Table.history)
            .column("unit_id").column("indicator_id").column("period").run()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.history).delete() }
}

/// Live sums of commune-level values for every unit above them, kept in the same transaction as each write:
/// figures of a district, province or the country need no batch rebuild and no scan of the values.
struct CreateRollups: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.rollups)
            .field("unit_id", .int, .required)
            .field("indicator_id", .int, .required)
            .field("period", .string, .required)
            .field("total", .int64, .required)
            .field("contributors", .int, .required)
            .field("estimates", .int, .required)
            .compositeIdentifier(over: "unit_id", "indicator_id", "period")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.rollups).delete() }
}
