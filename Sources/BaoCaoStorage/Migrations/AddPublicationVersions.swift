import FluentKit
import SQLKit

/// Publications are versioned per report (template, locality, period): publishing again makes the next version,
/// which replaces the earlier ones on the public page. A publication made before everything was ready keeps the
/// compiler's reason and what was missing; its PDF is kept once made.
struct AddPublicationVersions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.publications).field("version", .int, .required, .sql(.default(1))).update()
        try await db.schema(Table.publications).field("reason", .string).update()
        try await db.schema(Table.publications).field("gaps", .string).update()
        try await db.schema(Table.publications).field("pdf", .data).update()
        // Number what was published before, oldest first, per report.
        let sql = db as! any SQLDatabase
        var seen: [String: Int] = [:]
        for row in try await sql.raw("SELECT id, template_code, unit_id, period FROM publications ORDER BY id").all() {
            let key =
                "\(try row.decode(column: "template_code", as: String.self))|\(try row.decode(column: "unit_id", as: Int.self))|\(try row.decode(column: "period", as: String.self))"
            let version = (seen[key] ?? 0) + 1
            seen[key] = version
            try await sql.raw(
                "UPDATE publications SET version = \(bind: version) WHERE id = \(bind: try row.decode(column: "id", as: Int.self))"
            ).run()
        }
    }

    func revert(on db: any Database) async throws {
        for field in ["pdf", "gaps", "reason", "version"] {
            try await db.schema(Table.publications).deleteField(FieldKey(stringLiteral: field)).update()
        }
    }
}
