import BaoCaoDomain
import Foundation
import SQLKit

/// A section of a report being written: which office writes it, its narrative so far, and whether it is done.
public struct StoredSection: Hashable, Sendable {
    public var key: String
    public var assignedUnitID: Int?
    /// When the office is to have written it.
    public var deadline: CivilDate?
    public var body: String?
    public var done: Bool
    public var updatedBy: String
    public var updatedAt: String
}

/// The sections of one report (template × locality × period) as the compiler assigned them and the offices wrote them.
public enum WorkspaceRepository {
    public struct ReportKey: Hashable, Sendable {
        public var template: String
        public var unitID: Int
        public var period: Period
        public init(template: String, unitID: Int, period: Period) {
            self.template = template; self.unitID = unitID; self.period = period
        }
    }

    public static func sections(_ key: ReportKey, _ db: any SQLDatabase) async throws -> [String: StoredSection] {
        var result: [String: StoredSection] = [:]
        for row in try await db.raw(
            """
            SELECT section_key, assigned_unit_id, deadline, body, done, updated_by, updated_at FROM report_sections
            WHERE template_code = \(bind: key.template) AND unit_id = \(bind: key.unitID) AND period = \(bind: key.period.code)
            """
        ).all() {
            let section = StoredSection(
                key: try row.decode(column: "section_key", as: String.self),
                assignedUnitID: try row.decode(column: "assigned_unit_id", as: Int?.self),
                deadline: try row.decode(column: "deadline", as: String?.self).flatMap(CivilDate.init(iso:)),
                body: try row.decode(column: "body", as: String?.self),
                done: try row.decode(column: "done", as: Bool.self),
                updatedBy: try row.decode(column: "updated_by", as: String.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
            result[section.key] = section
        }
        return result
    }

    /// Gives a section to an office (nil: to nobody), due by `deadline` if one is set.
    public static func assign(
        _ key: ReportKey, section: String, to unitID: Int?, deadline: CivilDate? = nil, by user: String,
        _ db: any SQLDatabase
    ) async throws {
        let due = deadline?.description
        try await db.raw(
            """
            INSERT INTO report_sections (template_code, unit_id, period, section_key, assigned_unit_id, deadline, done,
            updated_by, updated_at)
            VALUES (\(bind: key.template), \(bind: key.unitID), \(bind: key.period.code), \(bind: section), \(bind: unitID),
            \(bind: due), \(bind: false), \(bind: user), \(bind: Timestamp.now()))
            ON CONFLICT (template_code, unit_id, period, section_key) DO UPDATE SET
            assigned_unit_id = excluded.assigned_unit_id, deadline = excluded.deadline, updated_by = excluded.updated_by,
            updated_at = excluded.updated_at
            """
        ).run()
    }

    public static func write(
        _ key: ReportKey, section: String, body: String, done: Bool, by user: String, _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO report_sections (template_code, unit_id, period, section_key, body, done, updated_by, updated_at)
            VALUES (\(bind: key.template), \(bind: key.unitID), \(bind: key.period.code), \(bind: section), \(bind: body),
            \(bind: done), \(bind: user), \(bind: Timestamp.now()))
            ON CONFLICT (template_code, unit_id, period, section_key) DO UPDATE SET
            body = excluded.body, done = excluded.done, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """
        ).run()
    }
}

extension WorkspaceRepository {
    /// A section given to a unit to write, in some report.
    public struct Assignment: Hashable, Sendable {
        public var key: ReportKey
        public var section: String
        public var unitID: Int
        public var done: Bool
        public var deadline: CivilDate?
    }

    /// The sections given to any of `unitIDs`, newest period first: what an office's people have to write.
    public static func assignments(to unitIDs: [Int], _ db: any SQLDatabase) async throws -> [Assignment] {
        guard !unitIDs.isEmpty else { return [] }
        return try await db.raw(
            """
            SELECT template_code, unit_id, period, section_key, assigned_unit_id, done, deadline FROM report_sections
            WHERE assigned_unit_id IN (\(binds: unitIDs)) ORDER BY period DESC, template_code, section_key
            """
        ).all().compactMap { row in
            guard let period = try? Period(code: try row.decode(column: "period", as: String.self)) else { return nil }
            return Assignment(
                key: ReportKey(
                    template: try row.decode(column: "template_code", as: String.self),
                    unitID: try row.decode(column: "unit_id", as: Int.self), period: period),
                section: try row.decode(column: "section_key", as: String.self),
                unitID: try row.decode(column: "assigned_unit_id", as: Int.self),
                done: try row.decode(column: "done", as: Bool.self),
                deadline: try row.decode(column: "deadline", as: String?.self).flatMap(CivilDate.init(iso:)))
        }
    }
}

extension WorkspaceRepository {
    /// The template a locality's newest report was written with (sections or a publication), if any: where its
    /// people's "Soạn báo cáo" opens (a ward's own template, not the district's).
    public static func lastTemplate(of unitID: Int, _ db: any SQLDatabase) async throws -> String? {
        try await db.raw(
            """
            SELECT template_code, period FROM report_sections WHERE unit_id = \(bind: unitID)
            UNION ALL SELECT template_code, period FROM publications WHERE unit_id = \(bind: unitID)
            ORDER BY period DESC LIMIT 1
            """
        ).first()?.decode(column: "template_code", as: String.self)
    }
}
