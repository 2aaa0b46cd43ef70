import FluentKit

/// The People's Council's sessions of a locality and the voters' petitions (kiến nghị cử tri) gathered before each:
/// where and when voters said what, grouped when several say the same, given to an office or forwarded to a higher
/// level, answered with an outcome; and the history of each.
struct CreatePetitions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.councilSessions)
            .field("id", .int, .identifier(auto: true))
            .field("locality_id", .int, .required, .references(Table.units, "id"))
            .field("number", .int, .required)
            .field("term", .string, .required)
            .field("opens_on", .string, .required)
            .field("answer_deadline", .string)
            // When the answers were published on the public page.
            .field("published_at", .string)
            // The demo's session: its petitions and answers are made up, and labelled so.
            .field("illustrative", .bool, .required)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .unique(on: "locality_id", "term", "number")
            .create()
        try await db.schema(Table.petitions)
            .field("id", .int, .identifier(auto: true))
            .field("session_id", .int, .required, .references(Table.councilSessions, "id", onDelete: .cascade))
            // Its code in the session (its number unless a file gave one): what a file's same_as names.
            .field("code", .string, .required)
            .field("heard_at", .string, .required)
            .field("heard_on", .string)
            .field("deputies", .string)
            .field("words", .string, .required)
            .field("field_code", .string)
            // The petition this one says the same as (the group's first); nil for the first or one alone.
            .field("same_as", .int)
            .field("assigned_unit_id", .int, .references(Table.units, "id"))
            .field("forwarded_to", .string)
            .field("outcome", .string)
            .field("answer", .string)
            .field("reason", .string)
            .field("answered_by", .string)
            .field("answered_at", .string)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .create()
        try await db.schema(Table.petitionEvents)
            .field("id", .int, .identifier(auto: true))
            .field("petition_id", .int, .required, .references(Table.petitions, "id", onDelete: .cascade))
            .field("detail", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.petitionEvents).delete()
        try await db.schema(Table.petitions).delete()
        try await db.schema(Table.councilSessions).delete()
    }
}
