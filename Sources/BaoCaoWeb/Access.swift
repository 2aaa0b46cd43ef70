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
        guard AccessPolicy.allows(viewer.grants, action, on: tree.ancestry(of: unit.id)) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "\(action.rawValue) trên \(unit.code) không được phép", store)
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền này đối với \(unit.fullName).")
        }
        return viewer
    }

    static func allows(_ req: Request, _ action: Action, on unit: StoredUnit, tree: UnitTree) -> Bool {
        guard let viewer = req.viewer else { return action == .readPublished }
        return AccessPolicy.allows(viewer.grants, action, on: tree.ancestry(of: unit.id))
    }

    /// The unit named by `?unit=` (code), or the viewer's own highest unit.
    static func unit(_ req: Request, tree: UnitTree, param: String = "unit") throws -> StoredUnit {
        if let code = req.query[String.self, at: param], !code.isEmpty {
            guard let unit = tree.byCode[code] else { throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"") }
            return unit
        }
        if let id = req.viewer?.homeUnitID(in: tree), let unit = tree.byID[id] { return unit }
        throw Abort(.badRequest, reason: "Cần chọn đơn vị")
    }

    static func period(_ req: Request, default fallback: Period) throws -> Period {
        guard let text = req.query[String.self, at: "period"], !text.isEmpty else { return fallback }
        return try APIController.period(text)
    }
}
