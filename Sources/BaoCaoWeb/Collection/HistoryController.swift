import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// One value's history, and its deletion from a page that computes nothing: whatever a stored value is, this page
/// shows it and can remove it.
enum HistoryController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("lich-su") { try await show($0, web) }
        routes.post("lich-su", "xoa") { try await delete($0, web) }
    }

    static func show(_ req: Request, _ web: Web) async throws -> Response {
        let scope = try await DraftScope.load(req, web)
        let (tree, unit, period) = (scope.tree, scope.unit, scope.period)
        let (indicator, id) = try scope.indicator(req)
        let valueUnit = tree.valueUnit(for: unit)
        let key = ValueWriter.Key(indicatorID: id, unitID: valueUnit.id, period: period)
        let submission = try await SubmissionRepository.submission(unitID: unit.id, period: period, web.db)
        let changes = try await ValueHistory.changes(key, web.db)
        let current = try await FigureEntry.stored(unitID: valueUnit.id, period: period, web.db)[id]
        let people = Set(
            changes.map(\.changedBy) + changes.compactMap(\.oldBy) + [current?.updatedBy].compactMap { $0 })
        let model = HistoryPage.Model(
            unit: unit, valueUnit: valueUnit, period: period, indicator: indicator, changes: changes, current: current,
            names: try await AccountRepository.displayNames(people, web.db),
            mayDelete: Access.allows(req, .enterFigures, on: unit, tree: tree) && submission.status.isEditable)
        let flash = req.queryText("tb") == "xoa" ? Layout.Flash(ok: true, text: "Đã xóa số liệu.") : nil
        return HistoryPage.render(req, model, flash: flash)
    }

    /// Deletes the value the page showed (its version), in the unit's draft: the history keeps it.
    static func delete(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        guard let unit = tree.byCode[fields["unit"] ?? ""] else { throw Abort(.notFound, reason: "Không có đơn vị") }
        let period = try APIController.period(fields["period"] ?? "")
        let viewer = try await Access.require(req, .enterFigures, on: unit, tree: tree, store: web.store)
        let catalogue = try await web.catalogue()
        let code = fields["indicator"] ?? ""
        guard let id = catalogue.idByCode[code] else { throw Abort(.notFound, reason: "Không có chỉ tiêu \"\(code)\"") }
        guard let version = fields["ver"].flatMap(Int.init) else { throw Abort(.badRequest, reason: "Thiếu phiên bản") }
        let valueUnit = tree.valueUnit(for: unit)
        let back = "/lich-su?unit=\(unit.code)&period=\(period.code)&indicator=\(code)"
        do {
            _ = try await FigureEntry.save(
                [EntryLine(indicatorID: id, observation: nil, note: nil, basedOn: version)], formUnit: unit,
                valueUnit: valueUnit, period: period, submit: false, by: viewer.account.username, store: web.store)
        } catch let refusal as SubmissionFlow.Refusal {
            throw Abort(.conflict, reason: "Chưa xóa: \(refusal.description).")
        } catch is FigureEntry.Conflicts {
            throw Abort(
                .conflict, reason: "Chưa xóa: số liệu đã được người khác sửa sau khi bạn mở trang. Mở lại trang để xem."
            )
        }
        return Layout.redirect(back + "&tb=xoa")
    }
}
