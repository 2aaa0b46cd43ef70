import BaoCaoDomain
import SQLKit

/// A report template rendered for one unit and period from the stored figures of one view, with the narratives the
/// offices have written in the report workspace in place of their sections, and what the locality's tasks came to
/// (as on `today`, the real date unless given).
public enum ReportQuery {
    public struct NoTemplate: Error, CustomStringConvertible {
        public let code: String
        public var description: String { "Không có mẫu báo cáo \"\(code)\"" }
    }

    /// The report as a draft marks each section not yet confirmed ("[chưa cập nhật: …]"); `forPublication` leaves
    /// the marks out (publishing checks the sections first, `ReportReadiness`).
    public static func document(
        template code: String, unitID: Int, period: Period, view: FigureView, forPublication: Bool = false,
        today: CivilDate? = nil, _ db: any SQLDatabase
    ) async throws -> ReportDocument {
        guard let stored = try await ReportTemplateRepository.find(code, db) else { throw NoTemplate(code: code) }
        let catalogue = try await IndicatorRepository.catalogue(db)
        let figures = try await FigureQuery.figures(
            unitID: unitID, period: period, catalogue: catalogue, view: view, db)
        let key = WorkspaceRepository.ReportKey(template: code, unitID: unitID, period: period)
        let narrative = try await ReportNarrative.load(key, db)
        let template = ReportSections.template(
            stored.template, with: narrative.texts,
            marking: forPublication ? [:] : narrative.notes(for: stored.template))
        let settings = try await ReportSettingsRepository.values(
            unitID: unitID, period: period, tree: try await UnitTree.load(db), db)
        let tasks = try await ReportTasks.summary(
            localityID: unitID, period: period, today: today ?? ReportTasks.today(), db)
        var document = ReportRenderer.render(
            template, period: period, figures: figures, settings: settings, tasks: tasks)
        document.view = view
        return document
    }
}
