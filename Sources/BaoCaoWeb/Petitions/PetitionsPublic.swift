import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The answers to voters' petitions on the public page, by session and field, once the body published them; and
/// the report to the council, for anyone once published.
enum PetitionsPublic {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("cong-khai", ":unit", "kien-nghi") { try await page($0, web) }
        routes.get("cong-khai", "kien-nghi", ":id", "bao-cao") { try await publicReport($0, web) }
    }

    static func page(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let code = req.parameters.get("unit") ?? ""
        guard let unit = tree.byCode[code], !unit.kind.isOffice else {
            throw Abort(.notFound, reason: "Không có địa phương \"\(code)\"")
        }
        let sessions = try await PetitionRepository.sessions(localityID: unit.id, web.db).filter {
            $0.publishedAt != nil
        }
        var sections: [HTML] = []
        for s in sessions {
            guard let loaded = try await PetitionReportQuery.load(sessionID: s.id, web.db) else { continue }
            let byField = Dictionary(grouping: loaded.matters.map(\.matter), by: { $0.field ?? "Lĩnh vực khác" })
            let fields = byField.keys.sorted {
                (byField[$0]!.first!.fieldPosition, $0) < (byField[$1]!.first!.fieldPosition, $1)
            }
            let parts = fields.map { field -> HTML in
                let items = byField[field]!.map { m -> HTML in
                    """
                    <li><p><strong>Kiến nghị:</strong> \(m.words)</p>\
                    <p><strong>\(m.forwarded ? "Đã chuyển" : "Cơ quan giải quyết"):</strong> \(m.body ?? "")</p>\
                    <p><strong>\(m.outcome?.vietnameseName ?? (m.forwarded ? "Cấp trên giải quyết theo thẩm quyền" : "Chưa trả lời"))</strong>\
                    \(m.answer.map { ": \($0)" } ?? "")\
                    \(m.reason.map { " Lý do: \($0)" } ?? "")</p></li>
                    """
                }
                return "<h3>\(PetitionReport.fieldHeading(field))</h3><ul class=\"answers\">\(items)</ul>"
            }
            sections.append(
                """
                <section class="card" id="ky-hop-\(s.session.number)"><h2>Trả lời kiến nghị cử tri trước \
                \(s.session.name(councilOf: unit.kindWords))</h2>\
                \(s.illustrative ? "<p class=\"small\">\(TaskContext.illustrativeTag) Số liệu minh họa cho bản trình diễn.</p>" as HTML : "")\
                <p>Công bố ngày \(DateText.short(s.publishedAt ?? "")). \
                <a href="/cong-khai/kien-nghi/\(s.id)/bao-cao">Báo cáo kết quả giải quyết (DOCX)</a></p>\(HTML.join(parts))</section>
                """)
        }
        let body: HTML = """
            <p><a href="/cong-khai/\(unit.code)">← \(unit.fullName)</a></p><h1>Trả lời kiến nghị cử tri: \(unit.fullName)</h1>\
            \(sections.isEmpty ? ["<p class=\"card\">Chưa có trả lời kiến nghị cử tri nào được công bố.</p>"] : sections)
            """
        return Layout.page(req, title: "Trả lời kiến nghị cử tri", section: .publicPage, body)
    }

    static func publicReport(_ req: Request, _ web: Web) async throws -> Response {
        guard let id = req.parameters.get("id", as: Int.self),
            let s = try await PetitionRepository.session(id: id, web.db),
            s.publishedAt != nil
        else { throw Abort(.notFound, reason: "Không có báo cáo đã công bố này") }
        return try await reportFile(req, sessionID: id, web)
    }

    /// The report as DOCX, or as a page with `?format=html`.
    static func reportFile(_ req: Request, sessionID: Int, _ web: Web) async throws -> Response {
        guard let document = try await PetitionReportQuery.document(sessionID: sessionID, web.db) else {
            throw Abort(.notFound, reason: "Không có kỳ họp này")
        }
        let name = "bao-cao-kien-nghi-cu-tri-\(sessionID)"
        if req.queryText("format") == "html" {
            let response = Response(
                status: .ok,
                body: .init(
                    string: HTMLWriter.write(document, title: document.headerLines(.subject).joined(separator: " "))))
            response.headers.contentType = .html
            return response
        }
        return ReportController.file(
            try DocxWriter.write(document), name: "\(name).docx",
            type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    }
}
