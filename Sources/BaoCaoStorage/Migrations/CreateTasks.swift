import FluentKit

/// Tasks (nhiệm vụ) a locality assigns to its offices and wards: what, from where, to whom, by when; the lead
/// unit's progress reports; and the history of every change. A task's status is never stored: it is computed from
/// its dates and completion (`TaskStatus`).
struct CreateTasks: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.tasks)
            .field("id", .int, .identifier(auto: true))
            // The assigning body: the locality whose UBND assigns it.
            .field("locality_id", .int, .required, .references(Table.units, "id"))
            .field("title", .string, .required)
            .field("content", .string, .required)
            .field("source", .string, .required)
            .field("source_ref", .string)
            // A report's tasks: the report (template and period) whose "nhiệm vụ trọng tâm" part set them.
            .field("source_template", .string)
            .field("source_period", .string)
            .field("field_code", .string)
            .field("priority", .string, .required)
            // The person who assigns it, as the document names them ("Chủ tịch UBND quận").
            .field("assigner_name", .string)
            .field("lead_unit_id", .int, .references(Table.units, "id"))
            // Co-operating units: their ids, comma-separated.
            .field("co_unit_ids", .string, .required)
            // "han" with `deadline`, "khong" (none), "thuong_xuyen" (recurring).
            .field("deadline_kind", .string, .required)
            .field("deadline", .string)
            .field("original_deadline", .string)
            .field("state", .string, .required)
            .field("extension_to", .string)
            .field("extension_reason", .string)
            .field("extension_on", .string)
            .field("proposed_on", .string)
            .field("proposed_text", .string)
            .field("completed_on", .string)
            .field("sent_back", .string)
            // Demo tasks whose progress is made up, and labelled so.
            .field("illustrative", .bool, .required)
            .field("version", .int, .required)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .create()
        try await db.schema(Table.taskProgress)
            .field("id", .int, .identifier(auto: true))
            .field("task_id", .int, .required, .references(Table.tasks, "id", onDelete: .cascade))
            .field("on_date", .string, .required)
            .field("text", .string, .required)
            .field("percent", .int, .required)
            .field("document", .string)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .create()
        try await db.schema(Table.taskEvents)
            .field("id", .int, .identifier(auto: true))
            .field("task_id", .int, .required, .references(Table.tasks, "id", onDelete: .cascade))
            .field("action", .string, .required)
            .field("detail", .string, .required)
            .field("created_by", .string, .required)
            .field("created_at", .string, .required)
            .create()
    }

    func revert(on db: any Database) async throws {
        try await db.schema(Table.taskEvents).delete()
        try await db.schema(Table.taskProgress).delete()
        try await db.schema(Table.tasks).delete()
    }
}
