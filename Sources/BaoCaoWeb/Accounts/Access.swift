import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The one place a request's right to act on a unit is decided, from `AccessPolicy`. Refusals are 403 and logged.
enum Access {
    struct LoginRequired: Error {}

    @discardableResult
    static func require(
        _ req: Request, _ action: Action, on unit: StoredUnit, tree: UnitTree, store: Store
    ) async throws -> Viewer {
        guard let viewer = req.viewer else { throw LoginRequired() }
        guard viewer.allows(action, on: tree.ancestry(of: unit.id)) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "\(action.vietnameseName) trên \(unit.code): không được phép",
                unitID: unit.id, store)
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền này đối với \(unit.fullName).")
        }
        return viewer
    }

    /// Reading a unit's figures in `view`: the official ones for whoever holds a role over the unit (a token too,
    /// whatever it may read of drafts); the working ones for whoever may read its drafts.
    static func requireFigures(
        _ req: Request, _ view: FigureView, on unit: StoredUnit, tree: UnitTree, store: Store
    ) async throws {
        if view == .working {
            try await require(req, .readDraft, on: unit, tree: tree, store: store)
            return
        }
        guard let viewer = req.viewer else { throw LoginRequired() }
        guard AccessPolicy.allows(viewer.grants, .readDraft, on: tree.ancestry(of: unit.id)) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "xem số liệu trên \(unit.code): không được phép", unitID: unit.id, store)
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền xem số liệu của \(unit.fullName).")
        }
    }

    /// The viewer's highest unit, where they may do `action`: the scope of an administrator's pages.
    @discardableResult
    static func home(
        _ req: Request, _ action: Action, tree: UnitTree, store: Store
    ) async throws
        -> (Viewer, StoredUnit)
    {
        guard let viewer = req.viewer else { throw LoginRequired() }
        guard let home = viewer.homeUnitID(in: tree).flatMap({ tree.byID[$0] }) else {
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền này.")
        }
        try await require(req, action, on: home, tree: tree, store: store)
        return (viewer, home)
    }

    static func allows(_ req: Request, _ action: Action, on unit: StoredUnit, tree: UnitTree) -> Bool {
        guard let viewer = req.viewer else { return action == .readPublished }
        return viewer.allows(action, on: tree.ancestry(of: unit.id))
    }

    /// The unit named by `?unit=` (code), or the viewer's own highest unit.
    static func unit(_ req: Request, tree: UnitTree, param: String = "unit") throws -> StoredUnit {
        if let code = req.queryText(param), !code.isEmpty {
            guard let unit = tree.byCode[code] else { throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"") }
            return unit
        }
        if let id = req.viewer?.homeUnitID(in: tree), let unit = tree.byID[id] { return unit }
        throw Abort(.badRequest, reason: "Cần chọn đơn vị")
    }

    /// The view of `?view=` (`chinh-thuc` / `lam-viec`; the API also takes `official` / `working`), else `fallback`.
    static func view(_ req: Request, default fallback: FigureView) throws -> FigureView {
        guard let text = req.queryText("view"), !text.isEmpty else { return fallback }
        switch text {
        case "official": return .official
        case "working": return .working
        default:
            guard let view = FigureView(rawValue: text) else {
                throw Abort(.badRequest, reason: "Tham số view \"\(text)\" không hợp lệ; dùng chinh-thuc hoặc lam-viec")
            }
            return view
        }
    }

    /// The period of `?period=` (or of a form's field, `typed`), in its code or its words.
    static func period(_ req: Request, default fallback: Period, _ typed: String? = nil) throws -> Period {
        guard let text = typed ?? req.queryText("period"), !text.isEmpty else { return fallback }
        return try APIController.period(text)
    }
}

/// What a page about one unit's live figures starts from: the unit of `?unit=` (checked: the viewer may read its
/// drafts), the period of `?period=`, the unit tree and the catalogue.
struct DraftScope {
    var tree: UnitTree
    var unit: StoredUnit
    var period: Period
    var catalogue: Catalogue

    static func load(_ req: Request, _ web: Web) async throws -> DraftScope {
        let tree = try await web.tree()
        let unit = try Access.unit(req, tree: tree)
        try await Access.require(req, .readDraft, on: unit, tree: tree, store: web.store)
        return DraftScope(
            tree: tree, unit: unit, period: try Access.period(req, default: web.settings.period(for: unit, tree)),
            catalogue: try await web.catalogue())
    }

    /// The view of `?view=`; by default a leader reads the official figures and everyone else the working ones.
    func view(_ req: Request) throws -> FigureView {
        let leaderOnly = req.viewer.map { v in v.grants.allSatisfy { $0.role == .leader } } ?? true
        return try Access.view(req, default: leaderOnly ? .official : .working)
    }

    /// The indicator of `?indicator=`.
    func indicator(_ req: Request) throws -> (indicator: Indicator, id: Int) {
        let code = req.queryText("indicator") ?? ""
        guard let indicator = catalogue.indicator(code: code), let id = catalogue.idByCode[code] else {
            throw Abort(.notFound, reason: "Không có chỉ tiêu \"\(code)\"")
        }
        return (indicator, id)
    }
}
