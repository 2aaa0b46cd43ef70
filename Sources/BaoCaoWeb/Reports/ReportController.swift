import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The report of a unit and period from a template, as a download (DOCX, PDF, the annex as XLSX) or a page (HTML).
enum ReportController {
    /// The live report, drafts included: for accounts that may read the unit's drafts. The public reads what was
    /// published (`PublicController`).
    static func download(_ req: Request, _ web: Web) async throws -> Response {
        let store = web.store
        let code = req.parameters.get("template") ?? ""
        guard let unitText = req.queryText("unit"), let periodText = req.queryText("period")
        else {
            throw Abort(.badRequest, reason: "Cần tham số unit (mã hoặc tên đơn vị) và period (ví dụ 2017-H1)")
        }
        let format = req.queryText("format") ?? "html"
        let period = try APIController.period(periodText)
        let db = store.sql
        let units = try await UnitRepository.all(db)
        guard let unit = UnitRepository.lookup(unitText, among: units) else {
            throw Abort(.notFound, reason: "Không có đơn vị \"\(unitText)\"")
        }
        try await Access.require(req, .readDraft, on: unit, tree: UnitTree(units), store: store)
        let document: ReportDocument
        let view = try Access.view(req, default: .official)
        do {
            document = try await ReportQuery.document(
                template: code, unitID: unit.id, period: period, view: view, today: web.settings.today(), db)
        } catch let
            error as ReportQuery.NoTemplate
        { throw Abort(.notFound, reason: error.description) }
        let name = "bao-cao-\(unit.code)-\(period.code)"
        switch format {
        case "html":
            let response = Response(status: .ok, body: .init(string: HTMLWriter.write(document, title: "\(name)")))
            response.headers.contentType = .html
            return response
        case "docx":
            return file(
                try DocxWriter.write(document), name: "\(name).docx",
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        case "xlsx":
            let title = "Một số chỉ tiêu kinh tế - xã hội chủ yếu \(period.vietnameseName)"
            return file(
                try XlsxWriter.write(
                    document.annex, title: title, reference: document.annexReference,
                    statement: document.view?.statement),
                name: "phu-luc-\(unit.code)-\(period.code).xlsx",
                type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        case "pdf":
            let docx = try DocxWriter.write(document)
            return file(try await web.pdfs.pdf(of: docx), name: "\(name).pdf", type: "application/pdf")
        default:
            throw Abort(.badRequest, reason: "Định dạng \"\(format)\" không hỗ trợ; dùng html, docx, pdf hoặc xlsx")
        }
    }

    static func file(_ data: Data, name: String, type: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: type)
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(name)\"")
        return response
    }
}
