import BaoCaoDomain
import SQLKit

/// A report template rendered for one unit and period from the stored figures.
public enum ReportQuery {
    public struct NoTemplate: Error, CustomStringConvertible {
        public let code: String
        public var description: String { "Không có mẫu báo cáo \"\(code)\"" }
    }

    public static func document(
        template code: String, unitID: Int, period: Period,
        _ db: any SQLDatabase
    ) async throws -> ReportDocument {
        guard let stored = try await ReportTemplateRepository.find(code, db) else { throw NoTemplate(code: code) }
        let catalogue = try await IndicatorRepository.catalogue(db)
        let figures = try await FigureQuery.figures(unitID: unitID, period: period, catalogue: catalogue, db)
        return ReportRenderer.render(stored.template, period: period, figures: figures)
    }
}
