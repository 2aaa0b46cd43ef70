import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The markup of the public pages, from what was published.
enum PublicPage {
    /// One report with its versions, newest first: the first is the one in force.
    struct Report {
        var versions: [Publication]
        var current: Publication { versions[0] }

        static func group(_ publications: [Publication]) -> [Report] {
            var order: [String] = []
            var byReport: [String: [Publication]] = [:]
            for p in publications.sorted(by: { ($0.id) > ($1.id) }) {
                if byReport[p.report] == nil { order.append(p.report) }
                byReport[p.report, default: []].append(p)
            }
            return order.compactMap { byReport[$0].map { Report(versions: $0.sorted { $0.version > $1.version }) } }
        }
    }

    static func index(_ req: Request, _ units: [(StoredUnit, Int)]) -> Response {
        let items = units.map { unit, count -> HTML in
            "<li><a href=\"/cong-khai/\(unit.code)\">\(unit.fullName)</a> — \(count) báo cáo</li>"
        }
        let body: HTML = """
            <h1>Báo cáo đã công bố</h1><div class="card">\
            \(items.isEmpty ? "<p>Chưa có báo cáo nào được công bố.</p>" : "<ul>\(items)</ul>" as HTML)</div>\
            <p class="card"><a href="/tra-cuu-don">Tra cứu tình trạng giải quyết đơn khiếu nại, tố cáo, kiến nghị \
            (theo mã trên giấy biên nhận)</a></p>
            """
        return Layout.page(req, title: "Công khai", section: .publicPage, body)
    }

    static func links(_ p: Publication) -> HTML {
        """
        (<a href="/cong-khai/ban/\(p.id)/docx">tải DOCX</a>, <a href="/cong-khai/ban/\(p.id)/pdf">tải PDF</a>)
        """
    }

    static func locality(
        _ req: Request, unit: StoredUnit, reports: [Report], latest: Publication?, figures: [Publishing.PublicFigure],
        lineage: HTML = "", petitions: Int = 0
    ) -> Response {
        let items = reports.map { r -> HTML in
            let p = r.current
            let replaced = r.versions.dropFirst().map { old -> HTML in
                """
                <li class="replaced"><a href="/cong-khai/ban/\(old.id)">Bản \(old.version), công bố ngày \(DateText.short(old.publishedAt))</a> \
                — <strong>đã được thay thế</strong> \(links(old))</li>
                """
            }
            let replaces: HTML =
                r.versions.count > 1
                ? " — bản \(p.version), thay thế bản công bố ngày \(DateText.short(r.versions[1].publishedAt))" : ""
            let reason: HTML =
                p.reason.map { reason -> HTML in
                    "<p class=\"flash error\">Công bố khi chưa đủ điều kiện. Lý do: \(reason)</p>"
                } ?? ""
            return """
                <li><a href="/cong-khai/ban/\(p.id)">\(p.title)</a> — công bố ngày \(DateText.short(p.publishedAt))\(replaces) \
                \(links(p))\(reason)\
                \(replaced.isEmpty ? "" : "<details><summary>Các bản đã được thay thế (\(replaced.count))</summary><ul>\(replaced)</ul></details>" as HTML)</li>
                """
        }
        var figuresSection: HTML = ""
        if let latest {
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
                <p class="small muted">\(FigureView.official.statement), như lúc công bố ngày \(DateText.short(latest.publishedAt)).</p>\
                \(SVGChart.percentBars(bars, pace: period.map(DashboardPage.pace), title: "Tỷ lệ thực hiện so với kế hoạch năm"))\
                <table class="grid"><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th><th class="num">Kế hoạch năm</th>\
                <th class="num">Cùng kỳ năm trước</th><th class="num">Thực hiện</th><th class="num">% kế hoạch</th>\
                <th class="num">% cùng kỳ</th></tr></thead><tbody>\(rows)</tbody></table></section>
                """
        }
        let body: HTML = """
            <h1>\(unit.fullName): báo cáo đã công bố</h1>\
            \(lineage.markup.isEmpty ? "" : "<section class=\"card\" aria-label=\"Sắp xếp đơn vị\">\(lineage)</section>" as HTML)\
            <div class="card">\
            \(items.isEmpty ? "<p>Chưa có báo cáo nào được công bố.</p>" : "<ul>\(items)</ul>" as HTML)</div>\
            \(petitions > 0 ? "<p class=\"card\"><a href=\"/cong-khai/\(unit.code)/kien-nghi\">Trả lời kiến nghị cử tri (\(petitions) kỳ họp)</a></p>" as HTML : "")\
            \(figuresSection)
            """
        return Layout.page(req, title: "Công khai \(unit.fullName)", section: .publicPage, body)
    }

    /// A replaced version's page, with a notice above its text.
    static func markReplaced(_ html: String, by newer: Publication) -> String {
        let notice: HTML = """
            <p class="view draft">Bản này đã được thay thế bởi <a href="/cong-khai/ban/\(newer.id)">bản \(newer.version) \
            công bố ngày \(DateText.short(newer.publishedAt))</a>.</p>
            """
        return insert(notice, into: html)
    }

    /// A version published before everything was ready, with the compiler's reason and what was missing.
    static func markReason(_ html: String, reason: String, gaps: String?) -> String {
        let notice: HTML = """
            <p class="view draft">Công bố khi chưa đủ điều kiện. Lý do: \(reason)\
            \(gaps.map { g -> HTML in "<br><span class=\"small\">Còn thiếu: \(g)</span>" } ?? "")</p>
            """
        return insert(notice, into: html)
    }

    static func insert(_ notice: HTML, into html: String) -> String {
        guard let main = html.range(of: "<main class=\"page\">") else { return html }
        return html.replacingCharacters(in: main, with: "<main class=\"page\">" + notice.markup)
    }
}
