import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Dashboards: every indicator of a locality against its target and last year, coloured by how it keeps pace, with
/// how many units each sum holds, drill-down to the sub-units and a trend over periods. A leader reads the official
/// figures by default, everyone else the working ones; the page says which and links to the other.
enum DashboardController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("tong-quan") { try await overview($0, web) }
        routes.get("tong-quan", "chi-tieu") { try await indicator($0, web) }
    }

    static func overview(_ req: Request, _ web: Web) async throws -> Response {
        let scope = try await DraftScope.load(req, web)
        let (tree, unit, period, catalogue) = (scope.tree, scope.unit, scope.period, scope.catalogue)
        let fieldFilter = req.queryText("field") ?? ""
        let progressFilter = req.queryText("tien_do").flatMap(TargetProgress.init(rawValue:))
        let sort = DashboardPage.Sort(rawValue: req.queryText("sap_xep") ?? "") ?? .catalogue
        let view = try scope.view(req)
        let all = try await FigureQuery.figures(
            unitID: unit.id, period: period, catalogue: catalogue, view: view, web.db
        ).filter { $0.current != nil || $0.target != nil }
        let figures = sort.sorted(
            all.filter {
                (fieldFilter.isEmpty || $0.indicator.field == fieldFilter)
                    && (progressFilter == nil || TargetProgress.of($0) == progressFilter)
            })
        let parent = unit.parentID.flatMap { tree.byID[$0] }.flatMap {
            Access.allows(req, .readDraft, on: $0, tree: tree) ? $0 : nil
        }
        let model = DashboardPage.Overview(
            unit: unit, period: period, view: view, figures: figures, fields: catalogue.fields,
            fieldFilter: fieldFilter, progressFilter: progressFilter, sort: sort,
            summary: DashboardPage.Summary(all, fields: catalogue.fields), parent: parent,
            children: tree.children(of: unit.id, during: period).filter { !$0.kind.isOffice })
        return DashboardPage.overview(req, model)
    }

    /// One indicator: its figure in each sub-unit with where each stands in the cycle, and its trend over the same
    /// period of recent years.
    static func indicator(_ req: Request, _ web: Web) async throws -> Response {
        let scope = try await DraftScope.load(req, web)
        let (tree, unit, period, catalogue) = (scope.tree, scope.unit, scope.period, scope.catalogue)
        let indicator = try scope.indicator(req).indicator
        let view = try scope.view(req)
        // Only this indicator (and what its formula reads) for each unit: not the whole catalogue a hundred times.
        let needed = catalogue.restricted(to: [indicator.code])
        func figure(_ u: StoredUnit, _ p: Period) async throws -> Figure? {
            try await FigureQuery.figures(unitID: u.id, period: p, catalogue: needed, view: view, web.db)
                .first { $0.indicator.code == indicator.code }
        }
        // The units below as they were in that period: a reorganisation changes who they are.
        let children = tree.children(of: unit.id, during: period).filter { !$0.kind.isOffice }
        let statuses = try await SubmissionRepository.submissions(unitIDs: children.map(\.id), period: period, web.db)
        let byChild = try await FigureQuery.figures(
            unitIDs: children.map(\.id), period: period, catalogue: needed, view: view, web.db)
        let rows = children.compactMap { child -> DashboardPage.ChildRow? in
            guard let f = byChild[child.id]?.first(where: { $0.indicator.code == indicator.code }) else { return nil }
            return .init(unit: child, figure: f, status: statuses[child.id]?.status ?? .notStarted)
        }
        let trend = try await TrendQuery.trend(
            of: indicator.code, unit: unit,
            periods: (0...3).reversed().map { Period(year: period.year - $0, kind: period.kind) }, tree: tree,
            catalogue: catalogue, view: view, web.db)
        let model = DashboardPage.Detail(
            unit: unit, period: period, view: view, indicator: indicator, current: try await figure(unit, period),
            children: rows, trend: trend)
        return DashboardPage.indicator(req, model)
    }
}
