import BaoCaoDomain
import Foundation
import SQLKit

/// A section of a report being written: which office writes it, its narrative so far, and whether it is done.
public struct StoredSection: Hashable, Sendable {
    public var key: String
    public var assignedUnitID: Int?
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
            SELECT section_key, assigned_unit_id, body, done, updated_by, updated_at FROM report_sections
            WHERE template_code = \(bind: key.template) AND unit_id = \(bind: key.unitID) AND period = \(bind: key.period.code)
            """
        ).all() {
            let section = StoredSection(
                key: try row.decode(column: "section_key", as: String.self),
                assignedUnitID: try row.decode(column: "assigned_unit_id", as: Int?.self),
                body: try row.decode(column: "body", as: String?.self),
                done: try row.decode(column: "done", as: Bool.self),
                updatedBy: try row.decode(column: "updated_by", as: String.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
            result[section.key] = section
        }
        return result
    }

    public static func assign(
        _ key: ReportKey, section: String, to unitID: Int?, by user: String, _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO report_sections (template_code, unit_id, period, section_key, assigned_unit_id, done, updated_by, updated_at)
            VALUES (\(bind: key.template), \(bind: key.unitID), \(bind: key.period.code), \(bind: section), \(bind: unitID),
            \(bind: false), \(bind: user), \(bind: Timestamp.now()))
            ON CONFLICT (template_code, unit_id, period, section_key) DO UPDATE SET
            assigned_unit_id = excluded.assigned_unit_id, updated_by = excluded.updated_by, updated_at = excluded.updated_at
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

/// A report as it was published: the page, the DOCX and the annex figures, frozen at that moment.
public struct Publication: Hashable, Sendable {
    public var id: Int
    public var template: String
    public var unitID: Int
    public var period: String
    public var title: String
    public var publishedBy: String
    public var publishedAt: String
}

public enum PublicationRepository {
    public static func publish(
        template: String, unitID: Int, period: Period, title: String, html: String, docx: Data, figuresJSON: String,
        by user: String, _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO publications (template_code, unit_id, period, title, html, docx, figures, published_by, published_at)
            VALUES (\(bind: template), \(bind: unitID), \(bind: period.code), \(bind: title), \(bind: html), \(bind: docx),
            \(bind: figuresJSON), \(bind: user), \(bind: Timestamp.now()))
            """
        ).run()
    }

    /// How many reports each unit has published, by unit id (one query, whatever the number of units).
    public static func counts(_ db: any SQLDatabase) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try await db.raw("SELECT unit_id, COUNT(*) AS n FROM publications GROUP BY unit_id").all() {
            result[try row.decode(column: "unit_id", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    /// Every publication of a unit, newest first.
    public static func list(unitID: Int, _ db: any SQLDatabase) async throws -> [Publication] {
        try await db.raw(
            """
            SELECT id, template_code, unit_id, period, title, published_by, published_at FROM publications
            WHERE unit_id = \(bind: unitID) ORDER BY id DESC
            """
        ).all().map(publication)
    }

    public static func find(id: Int, _ db: any SQLDatabase) async throws -> Publication? {
        try await db.raw(
            """
            SELECT id, template_code, unit_id, period, title, published_by, published_at FROM publications
            WHERE id = \(bind: id)
            """
        ).first().map(publication)
    }

    public enum Part: String, Sendable { case html, docx, figures }

    public static func content(id: Int, _ part: Part, _ db: any SQLDatabase) async throws -> Data? {
        guard
            let row = try await db.raw("SELECT \(ident: part.rawValue) FROM publications WHERE id = \(bind: id)")
                .first()
        else { return nil }
        if part == .docx { return try row.decode(column: part.rawValue, as: Data.self) }
        return Data(try row.decode(column: part.rawValue, as: String.self).utf8)
    }

    static func publication(_ row: any SQLRow) throws -> Publication {
        Publication(
            id: try row.decode(column: "id", as: Int.self),
            template: try row.decode(column: "template_code", as: String.self),
            unitID: try row.decode(column: "unit_id", as: Int.self),
            period: try row.decode(column: "period", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            publishedBy: try row.decode(column: "published_by", as: String.self),
            publishedAt: try row.decode(column: "published_at", as: String.self))
    }
}
