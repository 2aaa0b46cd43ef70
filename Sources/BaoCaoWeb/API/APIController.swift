import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The JSON API's reading of the catalogue and live figures. Handlers only read parameters, call storage and shape
/// DTOs; writes are `ValuesAPI` and `DHIS2API`.
enum APIController {
    static func units(_ req: Request, store: Store) async throws -> [UnitDTO] {
        let units = try await UnitRepository.all(store.sql)
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        return units.map { UnitDTO($0, parent: $0.parentID.flatMap { byID[$0] }) }
    }

    static func unit(_ req: Request, store: Store) async throws -> UnitDTO {
        let code = req.parameters.get("code") ?? ""
        let units = try await UnitRepository.all(store.sql)
        guard let unit = UnitRepository.lookup(code, among: units) else {
            throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"")
        }
        let parent = units.first { $0.id == unit.parentID }
        return UnitDTO(unit, parent: parent, children: units.filter { $0.parentID == unit.id })
    }

    static func indicators(_ req: Request, store: Store) async throws -> [IndicatorDTO] {
        try await IndicatorRepository.catalogue(store.sql).indicators.map(IndicatorDTO.init)
    }

    /// A period with its data window and deadline: Decree 09's defaults, or the calendar of the province of
    /// `?unit=` when given.
    static func period(_ req: Request, store: Store) async throws -> PeriodDTO {
        let period = try period(req.parameters.get("code") ?? "")
        guard let unitText = req.queryText("unit") else { return PeriodDTO(period, calendar: .decree09) }
        let units = try await UnitRepository.all(store.sql)
        guard let unit = UnitRepository.lookup(unitText, among: units) else {
            throw Abort(.notFound, reason: "Không có đơn vị \"\(unitText)\"")
        }
        return PeriodDTO(period, calendar: try await CalendarRepository.calendar(for: unit, units: units, store.sql))
    }

    /// Live figures in one view (`view=chinh-thuc`, the default: approved figures only, for whoever holds a role over
    /// the unit; `view=lam-viec`: drafts included, for whoever may read the unit's drafts).
    static func figures(_ req: Request, _ web: Web) async throws -> FiguresDTO {
        let store = web.store
        guard let unitText = req.queryText("unit"), let periodText = req.queryText("period")
        else {
            throw Abort(.badRequest, reason: "Cần tham số unit (mã hoặc tên đơn vị) và period (ví dụ 2017-H1)")
        }
        let period = try period(periodText)
        let db = store.sql
        let tree = try await web.tree()
        let units = tree.units
        guard let unit = UnitRepository.lookup(unitText, among: units) else {
            throw Abort(.notFound, reason: "Không có đơn vị \"\(unitText)\"")
        }
        let view = try Access.view(req, default: .official)
        try await Access.requireFigures(req, view, on: unit, tree: tree, store: store)
        let catalogue = try await web.catalogue()
        let figures = try await FigureQuery.figures(
            unitID: unit.id, period: period, catalogue: catalogue, view: view, db)
        let byCode = Dictionary(uniqueKeysWithValues: figures.map { ($0.indicator.code, $0) })
        let calendar = try await CalendarRepository.calendar(for: unit, units: units, db)
        // Who has not reported each sum: one query over the units below, only when a sum is incomplete.
        let incomplete = figures.filter { !$0.indicator.isDerived && $0.current?.isComplete == false }
        let detail =
            incomplete.isEmpty
            ? nil
            : try await CoverageQuery.detail(
                below: unit, period: period, view: view, tree: tree,
                indicators: catalogue.timeAggregations(of: incomplete.map(\.indicator)), db)
        return FiguresDTO(
            unit: UnitDTO(unit, parent: units.first { $0.id == unit.parentID }),
            period: PeriodDTO(period, calendar: calendar), view: view.rawValue, viewStatement: view.statement,
            figures: figures.map { f in
                let id = catalogue.idByCode[f.indicator.code] ?? 0
                let missing = f.indicator.isDerived ? nil : f.current?.coverage.flatMap { _ in detail?.missing(id) }
                return FigureDTO(f, all: byCode, missingUnits: missing)
            })
    }

    static func period(_ code: String) throws -> Period {
        do { return try Period(text: code) } catch { throw Abort(.badRequest, reason: error.description) }
    }
}
