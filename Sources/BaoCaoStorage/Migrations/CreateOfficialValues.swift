import FluentKit
import SQLKit

/// The official view: the figures as last approved (or imported), and their live sums, beside the working ones;
/// the working sums count how many of their values are not approved yet (`pending`). An existing database starts
/// with every value official except those of a unit whose figures for the period are in the cycle and not approved
/// (a draft, sent or returned).
struct CreateOfficialValues: AsyncMigration {
    func prepare(on db: any Database) async throws {
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
        try await db.schema(Table.officialRollups)
            .field("unit_id", .int, .required)
            .field("indicator_id", .int, .required)
            .field("period", .string, .required)
            .field("total", .int64, .required)
            .field("contributors", .int, .required)
            .field("estimates", .int, .required)
            .field("pending", .int, .required, .sql(.default(0)))
            .compositeIdentifier(over: "unit_id", "indicator_id", "period")
            .create()
        try await db.schema(Table.rollups).field("pending", .int, .required, .sql(.default(0))).update()
        let sql = db as! any SQLDatabase
        // Coverage counts the units below a locality: look-ups by ancestor.
        try await sql.create(index: "unit_ancestors_ancestor").on(Table.unitAncestors).column("ancestor_id").run()
        try await Self.populate(sql)
    }

    /// Fills the official values from the working ones, leaving out those of a unit in the cycle and not approved,
    /// and rebuilds both layers' sums.
    static func populate(_ sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO official_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at)
            SELECT v.indicator_id, v.unit_id, v.period, v.amount, v.status, v.qualifier, v.note, v.updated_by, v.updated_at
            FROM data_values v JOIN indicators i ON i.id = v.indicator_id
            WHERE NOT EXISTS (
              SELECT 1 FROM submissions s JOIN units f ON f.id = s.unit_id
              WHERE s.period = v.period AND s.status <> 'da_duyet' AND (
                (s.unit_id = v.unit_id AND i.reported_by = 'xa')
                OR (f.parent_id = v.unit_id AND f.kind = 'phong' AND i.reported_by = 'phong' AND i.owner_office = f.code)))
            """
        ).run()
        try await RollupTable.rebuild(.official, sql)
        try await RollupTable.rebuild(.working, sql)
    }

    func revert(on db: any Database) async throws {
        try await (db as! any SQLDatabase).drop(index: "unit_ancestors_ancestor").run()
        for table in [Table.officialRollups, Table.officialValues] { try await db.schema(table).delete() }
        try await db.schema(Table.rollups).deleteField("pending").update()
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
