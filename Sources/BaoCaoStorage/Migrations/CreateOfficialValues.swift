import FluentKit
import SQLKit

/// The official view beside the working one (see `ValueLayer`): each value says whether it is approved; an approved
/// value changed or deleted while the change waits for approval is kept apart (`official_values`); the live sums
/// hold the part not approved and the part kept apart, from which the official sums follow (`RollupTable`). An
/// existing database starts with every value approved except those of a unit whose figures for the period are in the
/// cycle and not approved (a draft, sent or returned).
struct CreateOfficialValues: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.values).field("approved", .bool, .required, .sql(.default(true))).update()
        try await db.schema(Table.officialValues)
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
        for column in ["pending", "pending_estimates", "kept", "kept_estimates"] {
            try await db.schema(Table.rollups).field(.string(column), .int, .required, .sql(.default(0))).update()
        }
        for column in ["pending_total", "kept_total"] {
            try await db.schema(Table.rollups).field(.string(column), .int64, .required, .sql(.default(0))).update()
        }
        let sql = db as! any SQLDatabase
        // Coverage counts the units below a locality: look-ups by ancestor.
        try await sql.create(index: "unit_ancestors_ancestor").on(Table.unitAncestors).column("ancestor_id").run()
        try await Self.populate(sql)
    }

    /// Marks not approved the values of a unit in the cycle and not approved, and rebuilds both views' sums.
    static func populate(_ sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            UPDATE data_values SET approved = \(false)
            WHERE EXISTS (
              SELECT 1 FROM submissions s JOIN units f ON f.id = s.unit_id JOIN indicators i ON i.id = data_values.indicator_id
              WHERE s.period = data_values.period AND s.status <> 'da_duyet' AND (
                (s.unit_id = data_values.unit_id AND i.reported_by = 'xa')
                OR (f.parent_id = data_values.unit_id AND f.kind = 'phong' AND i.reported_by = 'phong'
                    AND i.owner_office = f.code)))
            """
        ).run()
        try await RollupTable.rebuild(sql)
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "unit_ancestors_ancestor").run()
        try await db.schema(Table.officialValues).delete()
        for column in ["pending", "pending_estimates", "kept", "kept_estimates", "pending_total", "kept_total"] {
            try await db.schema(Table.rollups).deleteField(.string(column)).update()
        }
        try await db.schema(Table.values).deleteField("approved").update()
    }
}

/// Every value carries a version, so that a form saved on an old version never overwrites a newer one. The version
/// of a key never goes back, even across a deletion: history rows keep the version each change made.
struct AddValueVersions: AsyncMigration {
    func prepare(on db: any Database) async throws {
        try await db.schema(Table.values).field("version", .int, .required, .sql(.default(1))).update()
        try await db.schema(Table.history).field("version", .int).update()
    }
    func revert(on db: any Database) async throws {
        try await db.schema(Table.history).deleteField("version").update()
        try await db.schema(Table.values).deleteField("version").update()
    }
}
