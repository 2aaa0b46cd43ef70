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
        var parent: StoredUnit?
        var children: [StoredUnit]
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

    static func tone(_ figure: Figure) -> SVGChart.Tone {
        switch TargetProgress.of(figure) {
        case .onTrack: return .onTrack
        case .near: return .near
        case .behind: return .behind
        case .incomplete: return .incomplete
        case .noTarget: return .none
        }
    }

    static func overview(_ req: Request, _ m: Overview) -> Response {
        let link = { (code: String) -> String in
            "/tong-quan/chi-tieu?unit=\(m.unit.code)&period=\(m.period.code)&indicator=\(code)&view=\(m.view.rawValue)"
        }
        let rows = m.figures.map { f -> HTML in
            let t = tone(f)
            return """
                <tr><td><a href="\(link(f.indicator.code))">\(f.indicator.name)</a></td><td>\(f.indicator.unitOfMeasure)</td>\
                <td class="num">\(FigureCells.value(f))</td>\
                <td class="num">\(ComparisonWords.value(f.target?.value, f.indicator))</td>\
                <td class="num">\(FigureCells.percentOfTarget(f))</td><td>\(FigureCells.yearOnYear(f))</td>\
                <td>\(FigureCells.coverage(f))</td><td class="\(t.cssClass)">\(t == .none ? "" : t.words)</td></tr>
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
        let extra: HTML = """
            <div><label for="linh-vuc">Lĩnh vực</label><select id="linh-vuc" name="field">\(fieldOptions)</select></div>\
            <input type="hidden" name="view" value="\(m.view.rawValue)">
            """
        let here = "/tong-quan?unit=\(m.unit.code)&period=\(m.period.code)&field=\(m.fieldFilter)"
        let body: HTML = """
            \(parent)<h1>Tổng quan: \(m.unit.fullName) — \(m.period.vietnameseName)</h1>\
            \(Layout.viewSwitch(m.view, here))\
            <p class="muted">Màu theo tiến độ: kỳ này cần đạt \
            \(SVGChart.fmt(pace(m.period)))% kế hoạch năm — <span class="g-dat">đạt tiến độ</span>, <span class="g-gan">gần đạt</span> \
            (từ 85% tiến độ), <span class="g-cham">chậm</span>. Chỉ tiêu tồn (cuối kỳ) so với cả kế hoạch năm; chỉ tiêu \
            càng thấp càng tốt (hộ nghèo, tai nạn giao thông) thì kế hoạch là mức trần. Số tổng hợp từ các xã, phường \
            chưa đủ đơn vị báo cáo thì không so với kế hoạch, chỉ so với cùng kỳ trên cùng các đơn vị.</p>\
            \(PeriodPicker.form(action: "/tong-quan", period: m.period, unit: m.unit.code, extra: extra))\
            <section class="card scroll"><h2>% kế hoạch năm</h2>\
            \(bars.isEmpty ? "<p class=\"muted\">Không có chỉ tiêu nào có kế hoạch năm.</p>" : SVGChart.percentBars(bars, pace: pace(m.period), title: "Tỷ lệ thực hiện so với kế hoạch năm, \(m.unit.fullName), \(m.period.vietnameseName)"))</section>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th>\
            <th class="num">Thực hiện</th><th class="num">Kế hoạch năm</th><th class="num">% kế hoạch</th><th>So với cùng kỳ</th>\
            <th>Đơn vị báo cáo</th><th>Đánh giá</th></tr></thead><tbody>\(rows)</tbody></table></div>\(drill)
            """
        return Layout.page(req, title: "Tổng quan", section: .dashboard, body)
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
                label: p.period.code, value: p.value.map { Double($0.scaled) / 10_000 },
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
