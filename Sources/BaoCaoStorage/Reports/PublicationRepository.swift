import BaoCaoDomain
import Foundation
import SQLKit

/// A report as it was published: the page, the DOCX (and PDF) and the annex figures, frozen at that moment, with
/// its version among the publications of the same report and, if it was published before everything was ready, the
/// compiler's reason and what was missing.
public struct Publication: Hashable, Sendable {
    public var id: Int
    public var template: String
    public var unitID: Int
    public var period: String
    public var title: String
    public var publishedBy: String
    public var publishedAt: String
    public var version: Int
    public var reason: String?
    public var gaps: String?
    public var hasPDF: Bool

    /// The same report: template, locality and period.
    public var report: String { "\(template)|\(unitID)|\(period)" }
}

public enum PublicationRepository {
    /// Stores a publication as the next version of its report; returns it.
    @discardableResult
    public static func publish(
        template: String, unitID: Int, period: Period, title: String, html: String, docx: Data, pdf: Data?,
        figuresJSON: String, reason: String?, gaps: String?, by user: String, _ db: any SQLDatabase
    ) async throws -> Publication {
        let version =
            try await db.raw(
                """
                SELECT MAX(version) AS v FROM publications WHERE template_code = \(bind: template)
                AND unit_id = \(bind: unitID) AND period = \(bind: period.code)
                """
            ).first()?.decode(column: "v", as: Int?.self) ?? 0
        let row = try await db.raw(
            """
            INSERT INTO publications (template_code, unit_id, period, title, html, docx, figures, published_by, published_at,
            version, reason, gaps, pdf)
            VALUES (\(bind: template), \(bind: unitID), \(bind: period.code), \(bind: title), \(bind: html), \(bind: docx),
            \(bind: figuresJSON), \(bind: user), \(bind: Timestamp.now()), \(bind: version + 1), \(bind: reason), \(bind: gaps),
            \(bind: pdf)) RETURNING id
            """
        ).first()
        let id = try row?.decode(column: "id", as: Int.self) ?? 0
        guard let publication = try await find(id: id, db) else { throw Missing() }
        return publication
    }

    struct Missing: Error {}

    /// How many reports each unit has published (current versions), by unit id.
    public static func counts(_ db: any SQLDatabase) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try await db.raw(
            """
            SELECT unit_id, COUNT(DISTINCT template_code || '|' || period) AS n FROM publications GROUP BY unit_id
            """
        ).all() {
            result[try row.decode(column: "unit_id", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    /// Every publication of a unit, newest first.
    public static func list(unitID: Int, _ db: any SQLDatabase) async throws -> [Publication] {
        try await db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM publications WHERE unit_id = \(bind: unitID) ORDER BY id DESC
            """
        ).all().map(publication)
    }

    public static func find(id: Int, _ db: any SQLDatabase) async throws -> Publication? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM publications WHERE id = \(bind: id)").first().map(
            publication)
    }

    /// The publication that replaced `publication`: the next version of the same report, if any.
    public static func successor(of earlier: Publication, _ db: any SQLDatabase) async throws -> Publication? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM publications WHERE template_code = \(bind: earlier.template)
            AND unit_id = \(bind: earlier.unitID) AND period = \(bind: earlier.period)
            AND version > \(bind: earlier.version) ORDER BY version LIMIT 1
            """
        ).first().map(publication)
    }

    /// The current (latest) version of a report, if it was published.
    public static func current(
        template: String, unitID: Int, period: Period, _ db: any SQLDatabase
    ) async throws
        -> Publication?
    {
        try await db.raw(
            """
            SELECT \(unsafeRaw: columns) FROM publications WHERE template_code = \(bind: template)
            AND unit_id = \(bind: unitID) AND period = \(bind: period.code) ORDER BY version DESC LIMIT 1
            """
        ).first().map(publication)
    }

    public enum Part: String, Sendable { case html, docx, figures, pdf }

    public static func content(id: Int, _ part: Part, _ db: any SQLDatabase) async throws -> Data? {
        guard
            let row = try await db.raw("SELECT \(ident: part.rawValue) FROM publications WHERE id = \(bind: id)")
                .first()
        else { return nil }
        switch part {
        case .docx: return try row.decode(column: part.rawValue, as: Data.self)
        case .pdf: return try row.decode(column: part.rawValue, as: Data?.self)
        case .html, .figures: return Data(try row.decode(column: part.rawValue, as: String.self).utf8)
        }
    }

    /// Keeps a PDF made after publishing (when LibreOffice was not there at the time).
    public static func savePDF(id: Int, _ pdf: Data, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE publications SET pdf = \(bind: pdf) WHERE id = \(bind: id) AND pdf IS NULL").run()
    }

    static let columns =
        "id, template_code, unit_id, period, title, published_by, published_at, version, reason, gaps, "
        + "CASE WHEN pdf IS NULL THEN 0 ELSE 1 END AS has_pdf"

    static func publication(_ row: any SQLRow) throws -> Publication {
        Publication(
            id: try row.decode(column: "id", as: Int.self),
            template: try row.decode(column: "template_code", as: String.self),
            unitID: try row.decode(column: "unit_id", as: Int.self),
            period: try row.decode(column: "period", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            publishedBy: try row.decode(column: "published_by", as: String.self),
            publishedAt: try row.decode(column: "published_at", as: String.self),
            version: try row.decode(column: "version", as: Int.self),
            reason: try row.decode(column: "reason", as: String?.self),
            gaps: try row.decode(column: "gaps", as: String?.self),
            hasPDF: try row.decode(column: "has_pdf", as: Int.self) == 1)
    }
}
