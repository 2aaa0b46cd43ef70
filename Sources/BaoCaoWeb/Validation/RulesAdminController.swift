import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The validation rules in the browser: an administrator lists every rule, and adds, changes or deletes those scoped
/// to a unit they manage the catalogue of. A rule for everywhere is changed only by an administrator of a top unit.
enum RulesAdminController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("quan-tri", "quy-tac") { try await list($0, web) }
        routes.post("quan-tri", "quy-tac") { try await save($0, web) }
        routes.post("quan-tri", "quy-tac", "xoa") { try await delete($0, web) }
    }

    struct Scope {
        var tree: UnitTree
        var home: StoredUnit
        var viewer: Viewer
    }

    static func scope(_ req: Request, _ web: Web) async throws -> Scope {
        let tree = try await web.tree()
        let (viewer, home) = try await Access.home(req, .manageCatalogue, tree: tree, store: web.store)
        return Scope(tree: tree, home: home, viewer: viewer)
    }

    /// Whether the viewer may change a rule scoped to `unitID` (nil: everywhere).
    static func mayEdit(_ req: Request, unitID: Int?, _ tree: UnitTree) -> Bool {
        guard let unitID else {
            return tree.units.contains {
                $0.parentID == nil && Access.allows(req, .manageCatalogue, on: $0, tree: tree)
            }
        }
        return tree.byID[unitID].map { Access.allows(req, .manageCatalogue, on: $0, tree: tree) } ?? false
    }

    static func list(
        _ req: Request, _ web: Web, draft: RulesAdminPage.Draft? = nil, problems: [String] = [],
        flash: Layout.Flash? = nil
    ) async throws -> Response {
        let s = try await scope(req, web)
        let rules = try await RuleRepository.all(web.db)
        let editing = (req.queryText("ma")).flatMap { code in rules.first { $0.rule.code == code } }
        let model = RulesAdminPage.Model(
            rules: rules.map { ($0, mayEdit(req, unitID: $0.unitID, s.tree)) },
            units: [s.home] + s.tree.descendants(of: s.home.id).filter { !$0.kind.isOffice },
            draft: draft ?? editing.map(RulesAdminPage.Draft.init) ?? RulesAdminPage.Draft(unit: s.home.code),
            problems: problems, catalogue: try await web.catalogue(),
            names: try await AccountRepository.displayNames(Set(rules.map(\.updatedBy)), web.db))
        let notice = ["luu": "Đã lưu quy tắc.", "xoa": "Đã xóa quy tắc."][req.queryText("tb") ?? ""]
        return RulesAdminPage.render(
            req, model, flash: flash ?? notice.map { .init(ok: true, text: $0) },
            status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    static func save(_ req: Request, _ web: Web) async throws -> Response {
        let s = try await scope(req, web)
        let fields = try req.content.decode([String: String].self)
        let draft = RulesAdminPage.Draft(fields)
        var problems: [String] = []
        let code = draft.code.trimmingWhitespace()
        if code.isEmpty || !code.allSatisfy({ ($0.isLetter || $0.isNumber) && $0.isASCII || $0 == "_" || $0 == "-" }) {
            problems.append("Mã quy tắc chỉ gồm chữ không dấu, chữ số, \"_\" và \"-\"")
        }
        let comparison = RuleComparison(rawValue: draft.comparison)
        let severity = RuleSeverity(rawValue: draft.severity)
        let missing = MissingValues(rawValue: draft.missing)
        if comparison == nil || severity == nil || missing == nil {
            problems.append("Phép so sánh, mức độ hoặc cách xử lý số thiếu không hợp lệ")
        }
        let unit = draft.unit.isEmpty ? nil : s.tree.byCode[draft.unit]
        if !draft.unit.isEmpty && unit == nil { problems.append("Không có đơn vị \"\(draft.unit)\"") }
        if !mayEdit(req, unitID: unit?.id, s.tree) {
            problems.append("Bạn chỉ đặt quy tắc cho đơn vị mình quản lý")
        }
        let existing = try await RuleRepository.all(web.db).first { $0.rule.code == code }
        if let existing, !mayEdit(req, unitID: existing.unitID, s.tree) {
            problems.append("Quy tắc \"\(code)\" thuộc đơn vị khác; bạn không sửa được")
        }
        let rule = ValidationRule(
            code: code, left: draft.left.trimmingWhitespace(), comparison: comparison ?? .lessOrEqual,
            right: draft.right.trimmingWhitespace(), severity: severity ?? .error, missing: missing ?? .skipIfAny,
            message: draft.message.trimmingWhitespace(), unit: unit?.code)
        let catalogue = try await web.catalogue()
        problems += RuleRepository.problems(rule, catalogue: catalogue, units: s.tree.byCode)
        guard problems.isEmpty else { return try await list(req, web, draft: draft, problems: problems) }
        try await RuleRepository.save(rule, unitID: unit?.id, by: s.viewer.account.username, web.db)
        return Layout.redirect("/quan-tri/quy-tac?tb=luu")
    }

    static func delete(_ req: Request, _ web: Web) async throws -> Response {
        let s = try await scope(req, web)
        let code = try req.content.decode([String: String].self)["ma"] ?? ""
        guard let existing = try await RuleRepository.all(web.db).first(where: { $0.rule.code == code }) else {
            throw Abort(.notFound, reason: "Không có quy tắc \"\(code)\"")
        }
        guard mayEdit(req, unitID: existing.unitID, s.tree) else {
            try await Refusals.record(req, event: "tu_choi", detail: "xóa quy tắc \(code)", web.store)
            throw Abort(.forbidden, reason: "Quy tắc này thuộc đơn vị khác; bạn không xóa được.")
        }
        try await RuleRepository.delete(code: code, web.db)
        return Layout.redirect("/quan-tri/quy-tac?tb=xoa")
    }
}
