import FluentKit
import SQLKit

/// Who reports an indicator: the owner office for the locality ("phong"), or every commune ("xa").
struct AddIndicatorReportedBy: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.indicators)
            .field("reported_by", .string, .required, .sql(.default(SQLLiteral.string("phong"))))
            .update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(Table.indicators).deleteField("reported_by").update()
    }
}

/// Whether more or less of an indicator is better ("cao" / "thap").
struct AddIndicatorBetterWhen: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.indicators)
            .field("better_when", .string, .required, .sql(.default(SQLLiteral.string("cao"))))
            .update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(Table.indicators).deleteField("better_when").update()
    }
}

/// Accounts, the roles they hold over units, and their sessions (only a hash of the session token is stored).
struct CreateAccounts: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.accounts)
            .field("id", .int, .identifier(auto: true))
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("password_hash", .string, .required)
            .field("created_at", .string, .required)
            .field("password_changed_at", .string, .required)
            .unique(on: "username")
            .create()
        try await db.schema(Table.grants)
            .field("id", .int, .identifier(auto: true))
            .field("account_id", .int, .required)
            .field("role", .string, .required)
            .field("unit_id", .int, .required)
            .unique(on: "account_id", "role", "unit_id")
            .create()
        try await db.schema(Table.sessions)
            .field("token_hash", .string, .identifier(auto: false))
            .field("account_id", .int, .required)
            .field("csrf_token", .string, .required)
            .field("created_at", .string, .required)
            .field("expires_at", .string, .required)
            .create()
    }
    func revert(on db: any Database) async throws {
        for table in [Table.sessions, Table.grants, Table.accounts] { try await db.schema(table).delete() }
    }
}

/// Where each unit's figures of a period stand (draft, submitted, returned, approved), and every step taken.
struct CreateSubmissions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.submissions)
            .field("unit_id", .int, .required)
            .field("period", .string, .required)
            .field("status", .string, .required)
            .field("reason", .string)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "unit_id", "period")
            .create()
        try await db.schema(Table.submissionEvents)
            .field("id", .int, .identifier(auto: true))
            .field("unit_id", .int, .required)
            .field("period", .string, .required)
            .field("from_status", .string, .required)
            .field("to_status", .string, .required)
            .field("reason", .string)
            .field("by", .string, .required)
            .field("at", .string, .required)
            .create()
    }
    func revert(on db: any Database) async throws {
        for table in [Table.submissionEvents, Table.submissions] { try await db.schema(table).delete() }
    }
}

/// Refused requests and other security events, for whoever looks after the server.
struct CreateAuditLog: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.audit)
            .field("id", .int, .identifier(auto: true))
            .field("at", .string, .required)
            .field("account", .string)
            .field("event", .string, .required)
            .field("detail", .string, .required)
            .create()
    }
    func revert(on db: any Database) async throws { try await db.schema(Table.audit).delete() }
}

/// The report workspace: sections of a template assigned to offices and the narrative they write; and reports
/// published, kept as they were published so that later drafts never reach the public.
struct CreateReportWorkspace: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.sections)
            .field("id", .int, .identifier(auto: true))
            .field("template_code", .string, .required)
            .field("unit_id", .int, .required)
            .field("period", .string, .required)
            .field("section_key", .string, .required)
            .field("assigned_unit_id", .int)
            .field("body", .string)
            .field("done", .bool, .required)
            .field("updated_by", .string, .required)
            .field("updated_at", .string, .required)
            .unique(on: "template_code", "unit_id", "period", "section_key")
            .create()
        try await db.schema(Table.publications)
            .field("id", .int, .identifier(auto: true))
            .field("template_code", .string, .required)
            .field("unit_id", .int, .required)
            .field("period", .string, .required)
            .field("title", .string, .required)
            .field("html", .string, .required)
            .field("docx", .data, .required)
            .field("figures", .string, .required)
            .field("published_by", .string, .required)
            .field("published_at", .string, .required)
            .create()
    }
    func revert(on db: any Database) async throws {
        for table in [Table.publications, Table.sections] { try await db.schema(table).delete() }
    }
}
