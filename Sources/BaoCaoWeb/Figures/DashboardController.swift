import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Dashboards: every indicator of a locality against its target and last year, coloured by how it keeps pace, with
/// drill-down to the sub-units and a trend over periods. Live figures, so only for accounts that may read drafts.
enum DashboardController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("tong-quan") { try await overview($0, web) }
        routes.get("tong-quan", "chi-tieu") { try await indicator($0, web) }
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

    static func overview(_ req: Request, _ web: Web) async throws -> Response {
        let scope = try await DraftScope.load(req, web)
        let (tree, unit, period, catalogue) = (scope.tree, scope.unit, scope.period, scope.catalogue)
        let fieldFilter = req.query[String.self, at: "field"] ?? ""
        let figures = try await FigureQuery.figures(unitID: unit.id, period: period, catalogue: catalogue, web.db)
            .filter {
                ($0.current != nil || $0.target != nil) && (fieldFilter.isEmpty || $0.indicator.field == fieldFilter)
            }
        let rows = figures.map { f -> HTML in
            let t = tone(f)
            return """
                <tr><td><a href="/tong-quan/chi-tieu?unit=\(unit.code)&amp;period=\(period.code)&amp;indicator=\(f.indicator.code)">\
                \(f.indicator.name)</a></td><td>\(f.indicator.unitOfMeasure)</td>\
                <td class="num">\(ComparisonWords.value(f.current?.value, f.indicator))\(f.current?.status == .estimate ? " (ước)" : "")</td>\
                <td class="num">\(ComparisonWords.value(f.target?.value, f.indicator))</td>\
                <td class="num">\(ComparisonWords.percentOfTarget(f))</td><td>\(ComparisonWords.yearOnYear(f))</td>\
                <td class="\(t.cssClass)">\(t == .none ? "" : t.words)</td></tr>
                """
        }
        let bars = figures.compactMap { f -> SVGChart.Bar? in
            guard let p = f.percentOfTarget else { return nil }
            return SVGChart.Bar(
                label: f.indicator.name, percent: Double(p.scaled) / 10_000, tone: tone(f),
                caption: VietnameseNumber.format(p, decimals: f.indicator.targetDecimals) + "%")
        }
        let children = tree.children(of: unit.id).filter { !$0.kind.isOffice }
        let drill: HTML =
            children.isEmpty
            ? ""
            : """
            <section class="card"><h2>Đơn vị trực thuộc</h2><ul class="filters" style="list-style:none;padding:0">\
            \(children.map { c -> HTML in "<li><a href=\"/tong-quan?unit=\(c.code)&amp;period=\(period.code)\">\(c.fullName)</a></li>" })</ul></section>
            """
        let parent: HTML =
            unit.parentID.flatMap { tree.byID[$0] }.map { p -> HTML in
                Access.allows(req, .readDraft, on: p, tree: tree)
                    ? "<p><a href=\"/tong-quan?unit=\(p.code)&amp;period=\(period.code)\">↑ \(p.fullName)</a></p>" : ""
            } ?? ""
        let fieldOptions =
            ["<option value=\"\">Tất cả lĩnh vực</option>"]
            + catalogue.fields.map { f -> HTML in
                "<option value=\"\(f.code)\"\(HTML.flag("selected", f.code == fieldFilter))>\(f.name)</option>"
            }
        let extra: HTML =
            "<div><label for=\"linh-vuc\">Lĩnh vực</label><select id=\"linh-vuc\" name=\"field\">\(fieldOptions)</select></div>"
        let body: HTML = """
            \(parent)<h1>Tổng quan: \(unit.fullName) — \(period.vietnameseName)</h1>\
            <p class="muted">Số liệu trực tiếp (gồm cả số đang nhập, chưa duyệt). Màu theo tiến độ: kỳ này cần đạt \
            \(SVGChart.fmt(pace(period)))% kế hoạch năm — <span class="g-dat">đạt tiến độ</span>, <span class="g-gan">gần đạt</span> \
            (từ 85% tiến độ), <span class="g-cham">chậm</span>. Chỉ tiêu tồn (cuối kỳ) so với cả kế hoạch năm; chỉ tiêu \
            càng thấp càng tốt (hộ nghèo, tai nạn giao thông) thì kế hoạch là mức trần.</p>\
            \(PeriodPicker.form(action: "/tong-quan", period: period, unit: unit.code, extra: extra))\
            <section class="card scroll"><h2>% kế hoạch năm</h2>\
            \(bars.isEmpty ? "<p class=\"muted\">Không có chỉ tiêu nào có kế hoạch năm.</p>" : SVGChart.percentBars(bars, pace: pace(period), title: "Tỷ lệ thực hiện so với kế hoạch năm, \(unit.fullName), \(period.vietnameseName)"))</section>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Chỉ tiêu</th><th>Đơn vị tính</th>\
            <th class="num">Thực hiện</th><th class="num">Kế hoạch năm</th><th class="num">% kế hoạch</th><th>So với cùng kỳ</th>\
            <th>Đánh giá</th></tr></thead><tbody>\(rows)</tbody></table></div>\(drill)
            """
        return Layout.page(req, title: "Tổng quan", section: .dashboard, body)
    }

    /// One indicator: its figure in each sub-unit, and its trend over the same period of recent years.
    static func indicator(_ req: Request, _ web: Web) async throws -> Response {
        let scope = try await DraftScope.load(req, web)
        let (tree, unit, period, catalogue) = (scope.tree, scope.unit, scope.period, scope.catalogue)
        let indicator = try scope.indicator(req).indicator
        let code = indicator.code
        func figure(_ u: StoredUnit, _ p: Period) async throws -> Figure? {
            try await FigureQuery.figures(unitID: u.id, period: p, catalogue: catalogue, web.db)
                .first { $0.indicator.code == code }
        }
        var rows: [HTML] = []
        for child in tree.children(of: unit.id) where !child.kind.isOffice {
            guard let f = try await figure(child, period) else { continue }
            rows.append(
                """
                <tr><td><a href="/tong-quan/chi-tieu?unit=\(child.code)&amp;period=\(period.code)&amp;indicator=\(code)">\(child.fullName)</a></td>\
                <td class="num">\(ComparisonWords.value(f.current?.value, indicator))</td>\
                <td class="num">\(ComparisonWords.value(f.target?.value, indicator))</td>\
                <td class="num">\(ComparisonWords.percentOfTarget(f))</td><td>\(ComparisonWords.yearOnYear(f))</td></tr>
                """)
        }
        var points: [(label: String, value: Double?, caption: String)] = []
        for back in (0...3).reversed() {
            let p = Period(year: period.year - back, kind: period.kind)
            let f = try await figure(unit, p)
            points.append(
                (
                    label: p.code, value: f?.current.map { Double($0.value.scaled) / 10_000 },
                    caption: ComparisonWords.value(f?.current?.value, indicator)
                ))
        }
        let table: HTML =
            rows.isEmpty
            ? ""
            : """
            <div class="card scroll"><h2>Theo đơn vị trực thuộc</h2><table class="grid"><thead><tr><th>Đơn vị</th>\
            <th class="num">Thực hiện</th><th class="num">Kế hoạch năm</th><th class="num">% kế hoạch</th><th>So với cùng kỳ</th>\
            </tr></thead><tbody>\(rows)</tbody></table></div>
            """
        let body: HTML = """
            <p><a href="/tong-quan?unit=\(unit.code)&amp;period=\(period.code)">← Tổng quan \(unit.fullName)</a></p>\
            <h1>\(indicator.name)</h1><p class="muted">\(unit.fullName) — \(period.vietnameseName) (\(indicator.unitOfMeasure))</p>\
            <section class="card scroll"><h2>Xu hướng</h2>\(SVGChart.trend(points, title: "\(indicator.name) qua các kỳ"))</section>\(table)
            """
        return Layout.page(req, title: indicator.name, section: .dashboard, body)
    }
}
