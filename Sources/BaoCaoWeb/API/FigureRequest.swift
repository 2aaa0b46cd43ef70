import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Which figures a request for an export asks for (the DHIS2 and SDMX endpoints): units (required; repeated or
/// with commas), `children=true`, periods, `view`. Official figures need a role over each unit; the working view the
/// right to read its drafts.
enum FigureRequest {
    static func selection(
        _ req: Request, _ web: Web, unitParameter: String, period: (String) -> Period?
    ) async throws -> FigureSelection {
        let codes = req.queryList(unitParameter)
        guard !codes.isEmpty else {
            throw Abort(.badRequest, reason: "Cần tham số \(unitParameter) (mã đơn vị), ví dụ \(unitParameter)=304")
        }
        let tree = try await web.tree()
        let view = try Access.view(req, default: .official)
        for code in codes {
            guard let unit = tree.byCode[code] else { throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"") }
            try await Access.requireFigures(req, view, on: unit, tree: tree, store: web.store)
        }
        var periods: Set<Period>?
        let periodCodes = req.queryList("period")
        if !periodCodes.isEmpty {
            periods = Set(
                try periodCodes.map { code in
                    guard let found = period(code) else {
                        throw Abort(.badRequest, reason: "Kỳ \"\(code)\" không hợp lệ")
                    }
                    return found
                })
        }
        return FigureSelection(
            units: codes, children: req.queryText("children") == "true", periods: periods, view: view)
    }
}
