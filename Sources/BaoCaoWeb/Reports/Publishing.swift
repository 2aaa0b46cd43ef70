import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// Publishing a report: the official figures' page, DOCX, PDF and annex figures are rendered now and kept, so the
/// public reads exactly what was published, whatever drafts come after. Publishing checks the report first and
/// refuses while anything is in the way, unless the compiler writes why it must go out as it is; publishing again
/// makes the next version, which replaces the earlier one on the public page. The first publication of a report
/// proposes its "nhiệm vụ trọng tâm" as tasks for the compiler to review (`ReportTasks.propose`).
enum Publishing {
    struct PublicFigure: Codable {
        var code: String
        var name: String
        var unit: String
        var target: String
        var lastYear: String
        var current: String
        var percentOfTarget: String
        var percentOfLastYear: String
        var estimate: Bool
        /// % of target as a number, for the chart.
        var targetPercent: Double?
    }

    /// Not published: what is in the way, and no reason given.
    struct NotReady: Error {
        var readiness: ReportReadiness
    }

    /// Not published: it would be the same as the current version.
    struct Unchanged: Error {
        var current: Publication
    }

    /// A publication, and how many tasks its "nhiệm vụ trọng tâm" part proposed for review (none the second time).
    struct Published {
        var publication: Publication
        var proposedTasks: Int
    }

    @discardableResult
    static func publish(
        template: String, unit: StoredUnit, period: Period, reason: String?,
        makePDF: (@Sendable (Data) async throws -> Data)?, by user: String, today: CivilDate, store: Store
    ) async throws -> Published {
        let db = store.sql
        let tree = try await UnitTree.load(db)
        let readiness = try await ReportReadiness.check(
            template: template, locality: unit, period: period, tree: tree, db)
        let reason = reason?.trimmingWhitespace()
        if !readiness.isReady && (reason ?? "").isEmpty { throw NotReady(readiness: readiness) }
        let document = try await ReportQuery.document(
            template: template, unitID: unit.id, period: period, view: .official, forPublication: true,
            today: today, db)
        let title = "Báo cáo tình hình kinh tế - xã hội \(period.vietnameseName) — \(unit.fullName)"
        let html = HTMLWriter.write(document, title: title)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys  // the same figures always give the same text
        let json = String(decoding: try encoder.encode(figures(document.annex)), as: UTF8.self)
        if let current = try await PublicationRepository.current(
            template: template, unitID: unit.id, period: period, db),
            try await PublicationRepository.content(id: current.id, .html, db) == Data(html.utf8),
            try await PublicationRepository.content(id: current.id, .figures, db) == Data(json.utf8)
        {
            throw Unchanged(current: current)
        }
        let docx = try DocxWriter.write(document)
        // The PDF is made now when asked, LibreOffice is there and not busy; else on its first request.
        let pdf: Data? = if let makePDF { try? await makePDF(docx) } else { nil }
        return try await store.transaction { db in
            let publication = try await PublicationRepository.publish(
                template: template, unitID: unit.id, period: period, title: title, html: html, docx: docx, pdf: pdf,
                figuresJSON: json, reason: readiness.isReady ? nil : reason,
                gaps: readiness.isReady ? nil : readiness.problems.joined(separator: "\n"), by: user, db)
            let proposed = try await ReportTasks.propose(
                from: document, template: template, locality: unit, period: period, by: user, db)
            return Published(publication: publication, proposedTasks: proposed)
        }
    }

    static func figures(_ annex: AnnexTable) -> [PublicFigure] {
        annex.rows.map { row in
            PublicFigure(
                code: row.code, name: row.cells[0], unit: row.unit, target: row.cells[2], lastYear: row.cells[3],
                current: row.cells[4], percentOfTarget: row.cells[5], percentOfLastYear: row.cells[6],
                estimate: row.estimate, targetPercent: row.percentOfTarget.map { Double($0.scaled) / 10_000 })
        }
    }
}
