import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The markup of the dashboards, from a ready model: nothing is computed here but layout.
enum DashboardPage {
    struct Overview {
        var unit: StoredUnit
        var period: Period
        var view: FigureView
        var figures: [Figure]
        var fields: [Field]
        var fieldFilter: String
        var progressFilter: TargetProgress?
        var sort: Sort
        var summary: Summary
        var parent: StoredUnit?
        var children: [StoredUnit]
    }

    /// How the rows are ordered: as the catalogue lists them, by % of target (lowest or highest first), by name.
    enum Sort: String, CaseIterable {
        case catalogue = ""
        case lowestFirst = "pt_tang"
        case highestFirst = "pt_giam"
        case name = "ten"

        var words: String {
            switch self {
            case .catalogue: return "Theo danh mục"
            case .lowestFirst: return "% kế hoạch thấp trước"
            case .highestFirst: return "% kế hoạch cao trước"
            case .name: return "Theo tên chỉ tiêu"
            }
        }

        /// Figures without a % of target come last either way.
        func sorted(_ figures: [Figure]) -> [Figure] {
            func key(_ f: Figure) -> Int64? { f.percentOfTarget?.scaled }
            switch self {
            case .catalogue: return figures
            case .name: return figures.sorted { $0.indicator.name.lowercased() < $1.indicator.name.lowercased() }
            case .lowestFirst, .highestFirst:
                let low = self == .lowestFirst
                return figures.enumerated().sorted { a, b in
                    switch (key(a.element), key(b.element)) {
                    case let (x?, y?) where x != y: return low ? x < y : x > y
                    case (.some, nil): return true
                    case (nil, .some): return false
                    default: return a.offset < b.offset
                    }
                }.map(\.element)
            }
        }
    }

    /// How the indicators stand, counted by pace, for the whole locality and by field: what a leader reads first.
    struct Summary {
        static let order: [TargetProgress] = [.onTrack, .near, .behind, .incomplete, .noValue, .noTarget]
        var total: [TargetProgress: Int] = [:]
        var byField: [(field: Field, counts: [TargetProgress: Int])] = []

        init(_ figures: [Figure], fields: [Field]) {
            var perField: [String: [TargetProgress: Int]] = [:]
            for f in figures {
                let p = TargetProgress.of(f)
                total[p, default: 0] += 1
                perField[f.indicator.field, default: [:]][p, default: 0] += 1
            }
            byField = fields.compactMap { field in perField[field.code].map { (field, $0) } }
        }
    }

    static func tone(_ progress: TargetProgress) -> SVGChart.Tone {
        switch progress {
        case .onTrack: return .onTrack
        case .near: return .near
        case .behind: return .behind
        case .incomplete: return .incomplete
        case .noTarget: return .none
        case .noValue: return .noValue
        }
    }

    struct ChildRow {
        var unit: StoredUnit
        var figure: Figure
        var status: SubmissionStatus
    }

    struct Detail {
        var unit: StoredUnit
        var period: Period
        var view: FigureView
        var indicator: Indicator
        var current: Figure?
        var children: [ChildRow]
        /// The same period of the last four years, oldest first.
        var trend: Trend
    }

    /// The pace line of the charts: the share of the year the period covers (from the domain's rule), in %.
    static func pace(_ period: Period) -> Double { Double(TargetProgress.flowPace(period).scaled) / 10_000 }

    static func tone(_ figure: Figure) -> SVGChart.Tone { tone(TargetProgress.of(figure)) }

    static func overview(_ req: Request, _ m: Overview) -> Response {
        let link = { (code: String) -> String in
            "/tong-quan/chi-tieu?unit=\(m.unit.code)&period=\(m.period.code)&indicator=\(code)&view=\(m.view.rawValue)"
        }
        let rows = m.figures.map { f -> HTML in
            let t = tone(f)
            return """
                <tr><td data-label="Chỉ tiêu"><a href="\(link(f.indicator.code))">\(f.indicator.name)</a></td>\
                <td data-label="Đơn vị tính">\(f.indicator.unitOfMeasure)</td>\
                <td class="num" data-label="Thực hiện">\(FigureCells.value(f))</td>\
                <td class="num" data-label="Kế hoạch năm">\(ComparisonWords.value(f.target?.value, f.indicator))</td>\
                <td class="num" data-label="% kế hoạch">\(FigureCells.percentOfTarget(f))</td>\
                <td data-label="So với cùng kỳ">\(FigureCells.yearOnYear(f))</td>\
                <td data-label="Đơn vị báo cáo">\(FigureCells.coverage(f))</td>\
                <td class="\(t.cssClass)" data-label="Đánh giá">\(t == .none ? "" : t.words)</td></tr>
                """
        }
        let bars = m.figures.compactMap { f -> SVGChart.Bar? in
            guard let p = f.percentOfTarget else { return nil }
            return SVGChart.Bar(
                label: f.indicator.name, percent: Double(p.scaled) / 10_000, tone: tone(f),
                caption: VietnameseNumber.format(p, decimals: f.indicator.targetDecimals) + "%")
        }
        let drill: HTML =
            m.children.isEmpty
            ? ""
            : """
            <section class="card"><h2>Đơn vị trực thuộc</h2><ul class="filters" style="list-style:none;padding:0">\
            \(m.children.map { c -> HTML in "<li><a href=\"/tong-quan?unit=\(c.code)&amp;period=\(m.period.code)&amp;view=\(m.view.rawValue)\">\(c.fullName)</a></li>" })</ul></section>
            """
        let parent: HTML =
            m.parent.map { p -> HTML in
                "<p><a href=\"/tong-quan?unit=\(p.code)&amp;period=\(m.period.code)&amp;view=\(m.view.rawValue)\">↑ \(p.fullName)</a></p>"
            } ?? ""
        let fieldOptions =
            ["<option value=\"\">Tất cả lĩnh vực</option>"]
            + m.fields.map { f -> HTML in
                "<option value=\"\(f.code)\"\(HTML.flag("selected", f.code == m.fieldFilter))>\(f.name)</option>"
            }
        let progressOptions =
            ["<option value=\"\">Tất cả</option>"]
            + Summary.order.map { p -> HTML in
                "<option value=\"\(p.rawValue)\"\(HTML.flag("selected", p == m.progressFilter))>\(tone(p).words)</option>"
            }
        let sortOptions = Sort.allCases.map { s -> HTML in
            "<option value=\"\(s.rawValue)\"\(HTML.flag("selected", s == m.sort))>\(s.words)</option>"
        }
        let extra: HTML = """
            <div><label for="linh-vuc">Lĩnh vực</label><select id="linh-vuc" name="field">\(fieldOptions)</select></div>\
            <div><label for="tien-do">Tiến độ</label><select id="tien-do" name="tien_do">\(progressOptions)</select></div>\
            <div><label for="sap-xep">Sắp xếp</label><select id="sap-xep" name="sap_xep">\(sortOptions)</select></div>\
            <input type="hidden" name="view" value="\(m.view.rawValue)">
            """
        let here =
            "/tong-quan?unit=\(m.unit.code)&period=\(m.period.code)&field=\(m.fieldFilter)"
            + "&tien_do=\(m.progressFilter?.rawValue ?? "")&sap_xep=\(m.sort.rawValue)"
        let chartTitle = "Tỷ lệ thực hiện so với kế hoạch năm, \(m.unit.fullName), \(m.period.vietnameseName)"
        let chart: HTML =
            bars.isEmpty
            ? "<p class=\"muted\">Không có chỉ tiêu nào có kế hoạch năm\(m.progressFilter == nil && m.fieldFilter.isEmpty ? "" : " trong bộ lọc này").</p>"
            : """
            <div class="chart-wide">\(SVGChart.percentBars(bars, pace: pace(m.period), title: chartTitle))</div>\
            <div class="chart-narrow">\(SVGChart.percentBarsNarrow(bars, pace: pace(m.period), title: chartTitle))</div>
            """
        let body: HTML = """
            \(parent)<h1>Tổng quan: \(m.unit.fullName) — \(m.period.vietnameseName)</h1>\
            \(Layout.viewSwitch(m.view, here))\
            <p class="muted">Màu theo tiến độ: kỳ này cần đạt \
            \(SVGChart.fmt(pace(m.period)))% kế hoạch năm — <span class="g-dat">đạt tiến độ</span>, <span class="g-gan">gần đạt</span> \
            (từ 85% tiến độ), <span class="g-cham">chậm</span>. Chỉ tiêu tồn (cuối kỳ) so với cả kế hoạch năm; chỉ tiêu \
            càng thấp càng tốt (hộ nghèo, tai nạn giao thông) thì kế hoạch là mức trần. Số tổng hợp từ các xã, phường \
            chưa đủ đơn vị báo cáo thì không so với kế hoạch, chỉ so với cùng kỳ trên cùng các đơn vị.</p>\
            \(summary(m))\
            \(PeriodPicker.form(action: "/tong-quan", period: m.period, unit: m.unit.code, extra: extra))\
            <section class="card"><h2>% kế hoạch năm</h2>\(chart)</section>\
            <p class="small muted" role="status">\(m.figures.count) chỉ tiêu\(m.progressFilter.map { " — \(tone($0).words.lowercased())" } ?? "")\
            \(m.fieldFilter.isEmpty ? "" : ", một lĩnh vực").</p>\
            <div class="card scroll"><table class="grid cards"><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th>\
            <th class="num">Thực hiện</th><th class="num">Kế hoạch năm</th><th class="num">% kế hoạch</th><th>So với cùng kỳ</th>\
            <th>Đơn vị báo cáo</th><th>Đánh giá</th></tr></thead><tbody>\(rows)</tbody></table></div>\(drill)
            """
        return Layout.page(req, title: "Tổng quan", section: .dashboard, body)
    }

    /// The counts first: how many indicators are on pace, near, behind, not fully reported, without a target; then
    /// the same by field. Each count opens the list filtered to it.
    static func summary(_ m: Overview) -> HTML {
        func link(_ p: TargetProgress, field: String = "") -> String {
            "/tong-quan?unit=\(m.unit.code)&period=\(m.period.code)&view=\(m.view.rawValue)&field=\(field)&tien_do=\(p.rawValue)"
        }
        let tiles = Summary.order.map { p -> HTML in
            let n = m.summary.total[p] ?? 0
            return """
                <li class="tile \(tone(p).cssClass)"><a href="\(link(p))"><strong>\(n)</strong> \(tone(p).words.lowercased())</a></li>
                """
        }
        let rows = m.summary.byField.map { row -> HTML in
            let cells = Summary.order.map { p -> HTML in
                let n = row.counts[p] ?? 0
                return n == 0
                    ? "<td class=\"num\" data-label=\"\(tone(p).words)\">0</td>"
                    : "<td class=\"num\" data-label=\"\(tone(p).words)\"><a href=\"\(link(p, field: row.field.code))\">\(n)</a></td>"
            }
            return "<tr><td data-label=\"Lĩnh vực\">\(row.field.name)</td>\(cells)</tr>"
        }
        let behind = m.summary.total[.behind] ?? 0
        return """
            <section class="card" aria-labelledby="tom-tat"><h2 id="tom-tat">Tóm tắt tiến độ</h2>\
            <ul class="tiles">\(tiles)</ul>\
            \(behind > 0 ? "<p><a class=\"button secondary\" href=\"\(link(.behind))\">Chỉ xem \(behind) chỉ tiêu chậm tiến độ</a></p>" as HTML : "")\
            <details><summary>Theo lĩnh vực</summary><table class="grid cards"><thead><tr><th>Lĩnh vực</th>\
            \(Summary.order.map { p -> HTML in "<th class=\"num\">\(tone(p).words)</th>" })</tr></thead><tbody>\(rows)</tbody></table></details></section>
            """
    }

    /// A trend's axis names its periods in words, on two lines: "6 tháng đầu năm" / "2017", "Cả năm" / "2017".
    static func axisLabel(_ period: Period) -> String {
        (period.kind == .year ? "Cả năm" : period.vietnameseSpan) + "\n\(period.year)"
    }

    static func indicator(_ req: Request, _ m: Detail) -> Response {
        let i = m.indicator
        let rows = m.children.map { r -> HTML in
            let f = r.figure
            return """
                <tr><td><a href="/tong-quan/chi-tieu?unit=\(r.unit.code)&amp;period=\(m.period.code)&amp;indicator=\(i.code)&amp;view=\(m.view.rawValue)">\(r.unit.fullName)</a></td>\
                <td class="num">\(FigureCells.value(f))</td>\
                <td class="num">\(ComparisonWords.value(f.target?.value, i))</td>\
                <td class="num">\(FigureCells.percentOfTarget(f))</td><td>\(FigureCells.yearOnYear(f))</td>\
                <td>\(Layout.badge(r.status))</td></tr>
                """
        }
        let points = m.trend.points.map { p in
            SVGChart.TrendPoint(
                label: axisLabel(p.period), value: p.value.map { Double($0.scaled) / 10_000 },
                caption: ComparisonWords.value(p.value, i) + (p.rebuiltFrom == nil ? "" : "*"),
                rebuilt: p.rebuiltFrom != nil)
        }
        let notes = (m.trend.changeNotes + m.trend.rebuiltNotes.map { "(*) " + $0 }).map {
            "<p class=\"muted\">\($0)</p>" as HTML
        }
        let table: HTML =
            rows.isEmpty
            ? ""
            : """
            <div class="card scroll"><h2>Theo đơn vị trực thuộc</h2><table class="grid"><thead><tr><th>Đơn vị</th>\
            <th class="num">Thực hiện</th><th class="num">Kế hoạch năm</th><th class="num">% kế hoạch</th><th>So với cùng kỳ</th>\
            <th>Tình trạng số liệu</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        let summary: HTML =
            m.current.map { f -> HTML in
                """
                <p class="card">\(ResultSentence.canonical(f).text.capitalizingFirstLetter).\
                \(f.gaps.isEmpty ? "" : " " as HTML)\(FigureCells.gapList(f))</p>
                """
            } ?? ""
        let here = "/tong-quan/chi-tieu?unit=\(m.unit.code)&period=\(m.period.code)&indicator=\(i.code)"
        let body: HTML = """
            <p><a href="/tong-quan?unit=\(m.unit.code)&amp;period=\(m.period.code)&amp;view=\(m.view.rawValue)">← Tổng quan \(m.unit.fullName)</a></p>\
            <h1>\(i.name)</h1><p class="muted">\(m.unit.fullName) — \(m.period.vietnameseName) (\(i.unitOfMeasure))</p>\
            \(Layout.viewSwitch(m.view, here))\(summary)\
            <section class="card scroll"><h2>Xu hướng</h2>\(SVGChart.trend(points, breaks: m.trend.changes.map(\.index), title: "\(i.name) qua các kỳ"))\(notes)</section>\(table)
            """
        return Layout.page(req, title: i.name, section: .dashboard, body)
    }
}
