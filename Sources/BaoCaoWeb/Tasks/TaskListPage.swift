import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// "Nhiệm vụ": the tasks assigned to the viewer's units, or those their body assigned, sorted by urgency and
/// drawn in colour with words; filters by field, lead unit, status and source; a new task for those who assign;
/// the proposals waiting for review.
enum TaskListPage {
    enum Tab: String, CaseIterable {
        case ownUnits = "cua-don-vi"
        case assigned = "da-giao"

        var vietnameseName: String {
            switch self {
            case .ownUnits: return "Nhiệm vụ của đơn vị"
            case .assigned: return "Nhiệm vụ đã giao"
            }
        }
    }

    struct Filters {
        var field: String?
        var lead: StoredUnit?
        var status: String?
        var source: TaskSource?

        /// "cho-xac-nhan": waiting for the assigner's decision.
        static let waiting = "cho-xac-nhan"
    }

    struct Model {
        var context: TaskContext
        var tab: Tab
        var tabs: [Tab]
        var tasks: [StoredTask]
        /// Those the filters keep, the most urgent first.
        var shown: [StoredTask]
        var filters: Filters
        /// Proposals waiting for review, by source report (template, locality, period) with their count.
        var reviews: [(template: String, locality: StoredUnit, period: Period, count: Int)]
        var flash: Layout.Flash?
        /// The new task as typed, when it was refused: the form opens with it.
        var typed: TasksController.NewTask?
    }

    static func matches(_ task: StoredTask, _ f: Filters, _ c: TaskContext) -> Bool {
        if let field = f.field, task.draft.fieldCode != field { return false }
        if let lead = f.lead, task.draft.leadUnitID != lead.id { return false }
        if let source = f.source, task.draft.source != source { return false }
        if let status = f.status {
            if status == Filters.waiting { return TaskContext.waiting(task) != nil }
            if task.status(today: c.today, rule: c.rule)?.rawValue != status { return false }
        }
        return true
    }

    static func render(_ req: Request, _ m: Model, status: HTTPStatus = .ok) -> Response {
        let c = m.context
        let shown = m.shown
        var counts: [TaskStatus: Int] = [:]
        for task in m.tasks { if let s = task.status(today: c.today, rule: c.rule) { counts[s, default: 0] += 1 } }
        let waiting = m.tasks.filter { TaskContext.waiting($0) != nil }.count
        let base = "/nhiem-vu?xem=\(m.tab.rawValue)"
        let summary = TaskStatus.allCases.map { s -> HTML in
            """
            <li><a href="\(base)&amp;tinh_trang=\(s.rawValue)"><span class="badge tt-\(s.colour)">\(s.vietnameseName)</span> \
            \(counts[s] ?? 0)</a></li>
            """
        }
        let waitingItem: HTML =
            waiting > 0 && m.tab == .assigned
            ? "<li><a href=\"\(base)&amp;tinh_trang=\(Filters.waiting)\"><strong>Chờ quyết định: \(waiting)</strong></a></li>"
            : ""
        let rows = shown.map { task -> HTML in
            let progress: HTML =
                task.record.completedOn.map { "Hoàn thành \($0.slashed)" }
                ?? task.lastProgress.map { p -> HTML in "\(p.percent)% (\(p.on.slashed))" } ?? ""
            let wait: HTML =
                TaskContext.waiting(task).map { w -> HTML in "<br><span class=\"small\">\(w)</span>" } ?? ""
            return """
                <tr class="tt-hang-\(task.status(today: c.today, rule: c.rule)?.colour ?? "cho")">\
                <td data-label="Nhiệm vụ"><span><a href="/nhiem-vu/\(task.id)">\(task.draft.title)</a>\
                \(task.draft.illustrative ? " \(TaskContext.illustrativeTag)" as HTML : "")</span></td>\
                <td data-label="Đơn vị chủ trì">\(c.unitName(task.draft.leadUnitID))</td>\
                <td data-label="Hạn">\(task.record.deadline.words)</td>\
                <td data-label="Tình trạng"><span>\(c.badge(task))\(wait)</span></td>\
                <td data-label="Tiến độ">\(progress)</td></tr>
                """
        }
        let tabs = m.tabs.map { t -> HTML in
            "<a href=\"/nhiem-vu?xem=\(t.rawValue)\"\(HTML.flag("aria-current=\"page\"", t == m.tab))>\(t.vietnameseName)</a>"
        }
        let reviews = m.reviews.map { r -> HTML in
            """
            <li><a href="/nhiem-vu/de-xuat?template=\(r.template)&amp;unit=\(r.locality.code)&amp;period=\(r.period.code)">\
            \(r.count) nhiệm vụ đề xuất từ báo cáo \(r.period.vietnameseName) của \(r.locality.fullName)</a> chờ rà soát</li>
            """
        }
        // The work programmes among them, by body and year: links to their six-month and year reviews.
        var programmes = Set<String>()
        for t in m.tasks where t.draft.source == .workProgramme {
            if let year = t.draft.sourcePeriod?.year, let unit = c.tree.byID[t.draft.localityID] {
                programmes.insert("\(unit.code)|\(year)")
            }
        }
        let programmeLinks = programmes.sorted().reversed().compactMap { key -> HTML? in
            let parts = key.split(separator: "|").map(String.init)
            guard let unit = c.tree.byCode[parts[0]] else { return nil }
            let base = "/nhiem-vu/chuong-trinh?unit=\(unit.code)&amp;period="
            return """
                <li>Chương trình công tác năm \(parts[1]) của UBND \(unit.nameInSentence): \
                <a href="\(base)\(parts[1])-H1">sơ kết 6 tháng</a> · <a href="\(base)\(parts[1])">cả năm</a></li>
                """
        }
        let body: HTML = """
            <h1>Nhiệm vụ</h1><nav class="tabs" aria-label="Danh sách nhiệm vụ">\(tabs)</nav>\
            \(programmeLinks.isEmpty ? "" : "<ul class=\"links\">\(programmeLinks)</ul>" as HTML)\
            \(reviews.isEmpty ? "" : "<section class=\"card\"><h2>Chờ rà soát</h2><ul>\(reviews)</ul></section>" as HTML)\
            <ul class="summary" aria-label="Tổng hợp theo tình trạng">\(summary)\(waitingItem)</ul>\
            \(filterForm(m))\
            <p class="actions"><a class="button secondary" href="/nhiem-vu/xlsx?\(req.url.query ?? "xem=\(m.tab.rawValue)")">\
            Tải danh sách (Excel, cho cuộc họp)</a></p>\
            <div class="card scroll"><table class="grid cards" id="bang-nhiem-vu"><caption class="skip">Nhiệm vụ, \
            việc gấp nhất trước</caption><thead><tr><th>Nhiệm vụ</th><th>Đơn vị chủ trì</th><th>Hạn</th>\
            <th>Tình trạng</th><th>Tiến độ</th></tr></thead><tbody>\
            \(rows.isEmpty ? ["<tr><td colspan=\"5\">Không có nhiệm vụ nào khớp bộ lọc.</td></tr>"] : rows)</tbody></table></div>\
            \(m.tab == .assigned ? newTaskForm(req, c, m.typed) : "")
            """
        return Layout.page(req, title: "Nhiệm vụ", section: .tasks, flash: m.flash, status: status, body)
    }

    static func filterForm(_ m: Model) -> HTML {
        let c = m.context
        let f = m.filters
        let leads = Dictionary(
            m.tasks.compactMap { t in t.draft.leadUnitID.flatMap { c.tree.byID[$0] }.map { ($0.id, $0) } },
            uniquingKeysWith: { a, _ in a }
        ).values.sorted { ($0.kind.isOffice ? 0 : 1, $0.code) < ($1.kind.isOffice ? 0 : 1, $1.code) }
        let leadOptions = leads.map { u -> HTML in
            "<option value=\"\(u.code)\"\(HTML.flag("selected", u.id == f.lead?.id))>\(ReportTasks.leadName(u))</option>"
        }
        let statusOptions =
            TaskStatus.allCases.map { s -> HTML in
                "<option value=\"\(s.rawValue)\"\(HTML.flag("selected", s.rawValue == f.status))>\(s.vietnameseName)</option>"
            }
            + [
                "<option value=\"\(Filters.waiting)\"\(HTML.flag("selected", f.status == Filters.waiting))>Chờ quyết định của người giao</option>"
            ]
        let sourceOptions = TaskSource.allCases.map { s -> HTML in
            "<option value=\"\(s.rawValue)\"\(HTML.flag("selected", s == f.source))>\(s.vietnameseName)</option>"
        }
        return """
            <form method="get" action="/nhiem-vu" class="filters card"><input type="hidden" name="xem" value="\(m.tab.rawValue)">\
            <div><label for="loc-lv">Lĩnh vực</label><select id="loc-lv" name="linh_vuc">\
            \(c.fieldOptions(selected: f.field, blank: "Tất cả"))</select></div>\
            <div><label for="loc-dv">Đơn vị chủ trì</label><select id="loc-dv" name="don_vi"><option value="">Tất cả</option>\
            \(leadOptions)</select></div>\
            <div><label for="loc-tt">Tình trạng</label><select id="loc-tt" name="tinh_trang"><option value="">Tất cả</option>\
            \(statusOptions)</select></div>\
            <div><label for="loc-ng">Nguồn</label><select id="loc-ng" name="nguon"><option value="">Tất cả</option>\
            \(sourceOptions)</select></div>\
            <div><button type="submit" class="secondary">Lọc</button></div></form>
            """
    }

    /// A new task, assigned at once to a lead unit of the viewer's body; refused, it opens with what was typed.
    static func newTaskForm(_ req: Request, _ c: TaskContext, _ typed: TasksController.NewTask?) -> HTML {
        guard let locality = c.assigningLocalities.first else { return "" }
        let t = typed
        let sources = [TaskSource.meeting, .document, .workProgramme, .petition, .other].map { s -> HTML in
            "<option value=\"\(s.rawValue)\"\(HTML.flag("selected", s.rawValue == t?.source))>\(s.vietnameseName)</option>"
        }
        let priorities = TaskPriority.allCases.map { p -> HTML in
            "<option value=\"\(p.rawValue)\"\(HTML.flag("selected", p.rawValue == (t?.priority ?? "thuong")))>\(p.vietnameseName)</option>"
        }
        let kinds = [("han", "Có hạn"), ("thuong_xuyen", "Thường xuyên"), ("khong", "Không có hạn")].map {
            k, label -> HTML in
            "<option value=\"\(k)\"\(HTML.flag("selected", k == (t?.deadlineKind ?? "han")))>\(label)</option>"
        }
        let coUnits = c.leadChoices(of: locality.id).map { u -> HTML in
            """
            <label class="inline"><input type="checkbox" name="phoi_hop[]" value="\(u.code)"\
            \(HTML.flag("checked", t?.coUnits?.contains(u.code) == true))> \(ReportTasks.leadName(u))</label>
            """
        }
        let lead = t?.lead.flatMap { c.tree.byCode[$0]?.id }
        return """
            <details class="card" id="giao-moi"\(HTML.flag("open", t != nil))><summary><h2 style="display:inline">Giao nhiệm vụ mới</h2></summary>\
            <form method="post" action="/nhiem-vu/moi" class="task-form">\(Layout.csrf(req))<input type="hidden" name="locality" value="\(locality.code)">\
            <p class="muted">Cơ quan giao: UBND \(locality.nameInSentence).</p>\
            <label for="nv-ten">Tên nhiệm vụ</label><input id="nv-ten" name="tieu_de" required maxlength="500" value="\(t?.title)">\
            <label for="nv-nd">Nội dung</label><textarea id="nv-nd" name="noi_dung" rows="3">\(t?.content)</textarea>\
            <div class="filters"><div><label for="nv-nguon">Nguồn</label><select id="nv-nguon" name="nguon">\(sources)</select></div>\
            <div><label for="nv-sh">Văn bản, cuộc họp (số, ký hiệu, ngày)</label><input id="nv-sh" name="so_hieu" maxlength="500" value="\(t?.reference)"></div>\
            <div><label for="nv-ng">Người giao</label><input id="nv-ng" name="nguoi_giao" maxlength="200" \
            value="\(t?.assignerName ?? "Chủ tịch UBND \(locality.nameInSentence)")"></div></div>\
            <div class="filters"><div><label for="nv-lv">Lĩnh vực</label><select id="nv-lv" name="linh_vuc">\(c.fieldOptions(selected: t?.field))</select></div>\
            <div><label for="nv-ct">Đơn vị chủ trì</label><select id="nv-ct" name="chu_tri" required>\(c.unitOptions(of: locality.id, selected: lead))</select></div>\
            <div><label for="nv-ut">Mức ưu tiên</label><select id="nv-ut" name="uu_tien">\(priorities)</select></div></div>\
            <div class="filters"><div><label for="nv-loai-han">Thời hạn</label><select id="nv-loai-han" name="loai_han">\(kinds)</select></div>\
            <div><label for="nv-han">Hạn hoàn thành</label><input id="nv-han" name="han" type="date" value="\(t?.deadline)"></div></div>\
            <fieldset><legend>Đơn vị phối hợp</legend>\(coUnits)</fieldset>\
            <div class="actions"><button type="submit">Giao nhiệm vụ</button></div></form></details>
            """
    }
}
