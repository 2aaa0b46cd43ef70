import FluentKit

struct CreateFields: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.fields)
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .unique(on: "code")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.fields).delete() }
}

/// Units and offices. A code may be reused after a reform, so a unit is its code plus the date it took effect.
struct CreateUnits: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.units)
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("parent_id", .int)
            .field("valid_from", .string, .required)
            .field("valid_to", .string)
            .unique(on: "code", "valid_from")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.units).delete() }
}

/// Every unit paired with itself and each unit above it: what lets a value saved at a ward reach the district,
/// province and country sums in the same transaction.
struct CreateUnitAncestors: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.unitAncestors)
            .field("unit_id", .int, .required)
            .field("ancestor_id", .int, .required)
            .field("depth", .int, .required)
            .compositeIdentifier(over: "unit_id", "ancestor_id")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.unitAncestors).delete() }
}

struct CreateIndicators: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.indicators)
            .field("id", .int, .identifier(auto: true))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("unit_of_measure", .string, .required)
            .field("field", .string, .required)
            .field("owner_office", .string)
            .field("unit_aggregation", .string, .required)
            .field("time_aggregation", .string, .required)
            .field("value_decimals", .int, .required)
            .field("target_decimals", .int, .required)
            .field("change_decimals", .int, .required)
            .field("change_style", .string, .required)
            .field("formula", .string)
            .field("phrasing", .string, .required)
            .field("position", .int, .required)
            .unique(on: "code")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.indicators).delete() }
}

/// Annual targets. A revision adds a row and marks the earlier one not current; none is ever overwritten.
struct CreateTargets: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.targets)
            .field("id", .int, .identifier(auto: true))
            .field("indicator_id", .int, .required)
            .field("unit_id", .int, .required)
            .field("year", .int, .required)
            .field("kind", .string, .required)
            .field("amount", .int64, .required)
            .field("set_by", .string)
            .field("note", .string)
            .field("revision", .int, .required)
            .field("is_current", .bool, .required)
            .field("recorded_by", .string, .required)
            .field("recorded_at", .string, .required)
            .unique(on: "indicator_id", "unit_id", "year", "kind", "revision")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.targets).delete() }
}

struct CreateReportCalendars: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.calendars)
            .field("province_id", .int, .required)
            .field("cutoff_day", .int, .required)
            .field("deadline_working_days", .int, .required)
            .field("holidays", .string, .required)
            .compositeIdentifier(over: "province_id")
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.calendars).delete() }
}
