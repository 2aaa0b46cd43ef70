import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// What the task pages share: who may do what to a task, its status drawn as colour and words, the choices of
/// units and fields, and dates as people type them.
struct TaskContext {
    var viewer: Viewer
    var tree: UnitTree
    var fields: [String: Field]
    var today: CivilDate
    var rule = TaskDueRule()

    static func load(_ req: Request, _ web: Web) async throws -> TaskContext {
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        let fields = try await web.catalogue().fields
        return TaskContext(
            viewer: viewer, tree: try await web.tree(),
            fields: Dictionary(fields.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a }),
            today: web.settings.today())
    }

    /// The unit `?unit=` names (code), nil without one; an unknown code is "not found".
    func unitParameter(_ req: Request) throws -> StoredUnit? {
        guard let code = req.queryText("unit") else { return nil }
        guard let unit = tree.byCode[code] else { throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"") }
        return unit
    }

    func allows(_ action: Action, on unitID: Int?) -> Bool {
        guard let unitID else { return false }
        return AccessPolicy.allows(viewer.grants, action, on: tree.ancestry(of: unitID))
    }

    /// The assigning body's side: assign, decide extensions, confirm or send back.
    func mayAssign(_ task: StoredTask) -> Bool { allows(.assignTasks, on: task.draft.localityID) }
    /// The lead unit's side: progress, extension, completion.
    func mayLead(_ task: StoredTask) -> Bool { allows(.reportTask, on: task.draft.leadUnitID) }
    /// A co-operating unit's people read the task too.
    func cooperates(_ task: StoredTask) -> Bool { task.draft.coUnitIDs.contains { allows(.readDraft, on: $0) } }
    func mayRead(_ task: StoredTask) -> Bool {
        allows(.readDraft, on: task.draft.localityID) || allows(.readDraft, on: task.draft.leadUnitID)
            || cooperates(task)
    }

    /// The localities (not offices) where the viewer may assign tasks, highest first.
    var assigningLocalities: [StoredUnit] {
        viewer.grants.compactMap { tree.byID[$0.unitID] }.filter {
            !$0.kind.isOffice && allows(.assignTasks, on: $0.id)
        }
        .sorted { tree.ancestry(of: $0.id).count < tree.ancestry(of: $1.id).count }
    }

    func unitName(_ id: Int?) -> String { id.flatMap { tree.byID[$0] }.map(ReportTasks.leadName) ?? "(chưa chọn)" }

    /// The units a locality gives tasks to: its offices, then its communes or wards in force today (or on the
    /// locality's last day, for one since merged: its tasks are still followed up).
    func leadChoices(of locality: Int) -> [StoredUnit] {
        let end = tree.byID[locality]?.validTo.flatMap(CivilDate.init(iso:))
        let day = end.map { min($0, today) } ?? today
        return tree.children(of: locality).filter { tree.isInForce($0, on: day) }
            .sorted { ($0.kind.isOffice ? 0 : 1, $0.code) < ($1.kind.isOffice ? 0 : 1, $1.code) }
    }

    func unitOptions(of locality: Int, selected: Int?, blank: String = "(chưa chọn)") -> HTML {
        let options = leadChoices(of: locality).map { u -> HTML in
            "<option value=\"\(u.code)\"\(HTML.flag("selected", u.id == selected))>\(ReportTasks.leadName(u))</option>"
        }
        return "<option value=\"\">\(blank)</option>\(options)"
    }

    func fieldOptions(selected: String?, blank: String = "(không thuộc lĩnh vực)") -> HTML {
        let options = fields.values.sorted { $0.position < $1.position }.map { f -> HTML in
            "<option value=\"\(f.code)\"\(HTML.flag("selected", f.code == selected))>\(f.name)</option>"
        }
        return "<option value=\"\">\(blank)</option>\(options)"
    }

    /// The status as colour and words ("Quá hạn — quá hạn 3 ngày"); for a task not yet assigned, its review state.
    func badge(_ task: StoredTask) -> HTML {
        guard let status = task.status(today: today, rule: rule) else {
            return "<span class=\"badge tt-cho\">\(task.state.vietnameseName)</span>"
        }
        let words = task.statusWords(today: today, rule: rule)
        return """
            <span class="badge tt-\(status.colour)">\(status.vietnameseName)</span>\
            \(words.map { w -> HTML in " <span class=\"small tt-chu-\(status.colour)\">\(w)</span>" } ?? "")
            """
    }

    /// The status as things stood on `day` (a past period's review): a completion confirmed later does not count.
    func badge(_ task: StoredTask, asOf day: CivilDate) -> HTML {
        guard task.state == .assigned else { return badge(task) }
        let done = task.record.completedOn.flatMap { $0 <= day ? $0 : nil }
        let status = TaskStatus.of(
            deadline: task.record.deadline, completedOn: done, progressReported: !task.record.progress.isEmpty,
            today: day, rule: rule)
        let words = TaskStatus.words(deadline: task.record.deadline, completedOn: done, today: day, rule: rule)
        return """
            <span class="badge tt-\(status.colour)">\(status.vietnameseName)</span>\
            \(words.map { w -> HTML in " <span class=\"small tt-chu-\(status.colour)\">\(w)</span>" } ?? "")\
            \(done.map { d -> HTML in "<br><span class=\"small\">Hoàn thành \(d.slashed)</span>" } ?? "")
            """
    }

    /// What waits for the assigner: an extension asked for, a completion proposed.
    static func waiting(_ task: StoredTask) -> String? {
        if let ext = task.record.pendingExtension { return "Chờ quyết định gia hạn đến \(ext.to.slashed)" }
        if let done = task.record.proposedCompletion { return "Chờ xác nhận hoàn thành (\(done.on.slashed))" }
        return nil
    }

    static let illustrativeTag: HTML =
        "<span class=\"badge tt-minh-hoa\" title=\"Tiến độ của nhiệm vụ mẫu là số liệu minh họa\">Minh họa</span>"
}

extension UnitTree {
    func isInForce(_ unit: StoredUnit, on day: CivilDate) -> Bool {
        let iso = day.description
        return unit.validFrom <= iso && (unit.validTo.map { iso <= $0 } ?? true)
    }
}

/// Dates and numbers typed in task forms: "2017-08-31" (a date field) or "31/08/2017".
enum TaskInput {
    static func date(_ text: String?) -> CivilDate? {
        guard let text = text?.trimmingWhitespace(), !text.isEmpty else { return nil }
        if let iso = CivilDate(iso: text) { return iso }
        let parts = text.split(separator: "/").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), parts[2] >= 1900, parts[2] <= 2200,
            (1...CivilDate.daysIn(month: parts[1], year: parts[2])).contains(parts[0])
        else { return nil }
        return CivilDate(parts[2], parts[1], parts[0])
    }
}
