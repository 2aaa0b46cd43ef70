import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The public page of each locality, without login: the reports it published and the figures they carried, exactly
/// as published. Nothing live is read here, so a draft can never show.
enum PublicController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("cong-khai") { try await index($0, web) }
        routes.get("cong-khai", ":unit") { try await locality($0, web) }
        routes.get("cong-khai", "ban", ":id") { try await document($0, web, part: .html) }
        routes.get("cong-khai", "ban", ":id", "docx") { try await document($0, web, part: .docx) }
    }

    static func index(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let counts = try await PublicationRepository.counts(web.db)
        let items = tree.units.compactMap { unit -> HTML? in
            guard let count = counts[unit.id], !unit.kind.isOffice else { return nil }
            return "<li><a href=\"/cong-khai/\(unit.code)\">\(unit.fullName)</a> — \(count) báo cáo</li>"
        }
        let body: HTML = """
            <h1>Báo cáo đã công bố</h1><div class="card">\
            \(items.isEmpty ? "<p>Chưa có báo cáo nào được công bố.</p>" : "<ul>\(items)</ul>" as HTML)</div>
            """
        return Layout.page(req, title: "Công khai", section: .publicPage, body)
    }

    static func locality(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let code = req.parameters.get("unit") ?? ""
        guard let unit = tree.byCode[code], !unit.kind.isOffice else {
            throw Abort(.notFound, reason: "Không có địa phương \"\(code)\"")
        }
        let list = try await PublicationRepository.list(unitID: unit.id, web.db)
        let items = list.map { p -> HTML in
            """
            <li><a href="/cong-khai/ban/\(p.id)">\(p.title)</a> — công bố ngày \(DateText.short(p.publishedAt)) \
            (<a href="/cong-khai/ban/\(p.id)/docx">tải DOCX</a>)</li>
            """
        }
        var figuresSection: HTML = ""
        if let latest = list.first, let data = try await PublicationRepository.content(id: latest.id, .figures, web.db)
        {
            let figures = try JSONDecoder().decode([Publishing.PublicFigure].self, from: data)
            let rows = figures.map { f -> HTML in
                """
                <tr><td>\(f.name)</td><td>\(f.unit)</td><td class="num">\(f.target)</td><td class="num">\(f.lastYear)</td>\
                <td class="num">\(f.current)\(f.estimate ? " (ước)" : "")</td><td class="num">\(f.percentOfTarget)</td>\
                <td class="num">\(f.percentOfLastYear)</td></tr>
                """
            }
            let period = try? Period(code: latest.period)
            let bars = figures.compactMap { f -> SVGChart.Bar? in
                guard let p = f.targetPercent else { return nil }
                return SVGChart.Bar(label: f.name, percent: p, tone: .none, caption: f.percentOfTarget + "%")
            }
            figuresSection = """
                <section class="card scroll"><h2>Số liệu chủ yếu \(period?.vietnameseName ?? latest.period) (theo báo cáo đã công bố)</h2>\
                \(SVGChart.percentBars(bars, pace: period.map(DashboardPage.pace), title: "Tỷ lệ thực hiện so với kế hoạch năm"))\
                <table class="grid"><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th><th class="num">Kế hoạch năm</th>\
                <th class="num">Cùng kỳ năm trước</th><th class="num">Thực hiện</th><th class="num">% kế hoạch</th>\
                <th class="num">% cùng kỳ</th></tr></thead><tbody>\(rows)</tbody></table></section>
                """
        }
        let body: HTML = """
            <h1>\(unit.fullName): báo cáo đã công bố</h1><div class="card">\
            \(items.isEmpty ? "<p>Chưa có báo cáo nào được công bố.</p>" : "<ul>\(items)</ul>" as HTML)</div>\(figuresSection)
            """
        return Layout.page(req, title: "Công khai \(unit.fullName)", section: .publicPage, body)
    }

    static func document(_ req: Request, _ web: Web, part: PublicationRepository.Part) async throws -> Response {
        guard let id = req.parameters.get("id", as: Int.self),
            let publication = try await PublicationRepository.find(id: id, web.db),
            let data = try await PublicationRepository.content(id: id, part, web.db)
        else { throw Abort(.notFound, reason: "Không có báo cáo đã công bố này") }
        if part == .docx {
            return ReportController.file(
                data, name: "bao-cao-\(publication.period)-\(publication.id).docx",
                type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .html
        return response
    }
}
