import FluentKit

/// Reorganisations of units (issue 10): each is a resolution that took effect on a day; each of its lines says which
/// unit went, whole or in part (with the share someone entered), into which. Units are referred to by id: a code
/// may name one unit before the day and another after it.
struct CreateLineage: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.reorganisations)
            .field("id", .int, .identifier(auto: true))
            .field("effective", .string, .required)
            .field("resolution", .string, .required)
            .field("resolution_date", .string)
            .unique(on: "effective", "resolution")
            .create()
        try await db.schema(Table.lineage)
            .field("id", .int, .identifier(auto: true))
            .field("reorganisation_id", .int, .required)
            .field("successor_id", .int, .required)
            .field("predecessor_id", .int, .required)
            .field("part", .string, .required)
            .field("share", .int64)
            .field("share_basis", .string)
            .field("share_source", .string)
            .field("article", .string)
            .unique(on: "successor_id", "predecessor_id")
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.lineage).delete()
        try await db.schema(Table.reorganisations).delete()
    }
}
