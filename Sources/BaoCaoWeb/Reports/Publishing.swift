import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// Publishing a report: the page, the DOCX and the annex figures are rendered now and kept, so the public reads
/// exactly what was approved for publication, whatever drafts come after.
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

    static func publish(template: String, unit: StoredUnit, period: Period, by user: String, store: Store) async throws
    {
        let document = try await ReportQuery.document(
            template: template, unitID: unit.id, period: period, view: .official, store.sql)
        let title = "Báo cáo tình hình kinh tế - xã hội \(period.vietnameseName) — \(unit.fullName)"
        let html = HTMLWriter.write(document, title: title)
        let docx = try DocxWriter.write(document)
        let figures = document.annex.rows.map { row in
            PublicFigure(
                code: row.code, name: row.name, unit: row.unit, target: row.cells[2], lastYear: row.cells[3],
                current: row.cells[4], percentOfTarget: row.cells[5], percentOfLastYear: row.cells[6],
                estimate: row.estimate, targetPercent: row.percentOfTarget.map { Double($0.scaled) / 10_000 })
        }
        let json = String(decoding: try JSONEncoder().encode(figures), as: UTF8.self)
        try await store.transaction { db in
            try await PublicationRepository.publish(
                template: template, unitID: unit.id, period: period, title: title, html: html, docx: docx,
                figuresJSON: json, by: user, db)
        }
    }
}
