import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The task pages: the list ("Nhiệm vụ"), a task and its steps, a new task, and the review of the tasks a published
/// report proposed. Every step is checked on the server against the viewer's roles on the task's assigning body or
/// lead unit, on the version of the task the person saw.
enum TasksController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("nhiem-vu") { try await list($0, web) }
        routes.post("nhiem-vu", "moi") { try await create($0, web) }
        routes.get("nhiem-vu", "de-xuat") { try await review($0, web) }
        routes.get("nhiem-vu", "chuong-trinh") { try await programme($0, web) }
        routes.get("nhiem-vu", "xlsx") { try await workbook($0, web) }
        routes.post("nhiem-vu", "de-xuat") { try await decide($0, web) }
        routes.get("nhiem-vu", ":id") { try await show($0, web) }
        routes.post("nhiem-vu", ":id") { try await step($0, web) }
    }

    // MARK: - The list

    /// What a list shows: the viewer's tabs, the chosen one's tasks, its filters.
    struct Listing {
        var context: TaskContext
        var tab: TaskListPage.Tab
        var tabs: [TaskListPage.Tab]
        var all: [StoredTask]
        var tasks: [StoredTask]
        var filters: TaskListPage.Filters

        /// The tasks the filters keep, the most urgent first.
        var shown: [StoredTask] {
            let c = context
            return tasks.filter { TaskListPage.matches($0, filters, c) }.sorted { a, b in
                let ka = TaskStatus.urgency(
                    a.status(today: c.today, rule: c.rule) ?? .notDue, deadline: a.record.deadline,
                    completedOn: a.record.completedOn)
                let kb = TaskStatus.urgency(
                    b.status(today: c.today, rule: c.rule) ?? .notDue, deadline: b.record.deadline,
                    completedOn: b.record.completedOn)
                return (ka.0, ka.1, a.id) < (kb.0, kb.1, b.id)
            }
        }
    }

    static func listing(_ req: Request, _ web: Web, preferAssigned: Bool = false) async throws -> Listing {
        let c = try await TaskContext.load(req, web)
        let leads = c.viewer.grants.contains { [.reporter, .approver, .administrator].contains($0.role) }
        let assigns = !c.assigningLocalities.isEmpty
        let tabs = TaskListPage.Tab.allCases.filter { $0 == .ownUnits ? leads || !assigns : assigns }
        let tab =
            req.queryText("xem").flatMap(TaskListPage.Tab.init(rawValue:)).flatMap { tabs.contains($0) ? $0 : nil }
            ?? (preferAssigned ? .assigned : tabs.last ?? .ownUnits)
        let all = try await TaskRepository.list(.init(states: [.assigned, .proposed]), web.db)
        let tasks = all.filter { t in
            t.state == .assigned && (tab == .assigned ? c.mayAssign(t) : c.mayLead(t) || c.cooperates(t))
        }
        let filters = TaskListPage.Filters(
            field: req.queryText("linh_vuc").flatMap { c.fields[$0] != nil ? $0 : nil },
            lead: req.queryText("don_vi").flatMap { c.tree.byCode[$0] },
            status: req.queryText("tinh_trang").flatMap { $0.isEmpty ? nil : $0 },
            source: req.queryText("nguon").flatMap(TaskSource.init(rawValue:)))
        return Listing(context: c, tab: tab, tabs: tabs, all: all, tasks: tasks, filters: filters)
    }

    static func list(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, typed: NewTask? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        let l = try await listing(req, web, preferAssigned: typed != nil)
        let (c, tab, all) = (l.context, l.tab, l.all)
        var reviews: [String: (template: String, locality: StoredUnit, period: Period, count: Int)] = [:]
        if tab == .assigned {
            for t in all where t.state == .proposed && c.mayAssign(t) {
                guard let template = t.draft.sourceTemplate, let period = t.draft.sourcePeriod,
                    let locality = c.tree.byID[t.draft.localityID]
                else { continue }
                let key = "\(template)|\(locality.id)|\(period.code)"
                reviews[key, default: (template, locality, period, 0)].count += 1
            }
        }
        var shownFlash = flash
        if shownFlash == nil, let tb = req.queryText("tb") {
            let n = req.queryText("so").flatMap(Int.init) ?? 0
            shownFlash = ["giao": Layout.Flash(ok: true, text: "Đã giao nhiệm vụ.")][tb]
            if tb == "giao_tat_ca" { shownFlash = .init(ok: true, text: "Đã giao \(n) nhiệm vụ.") }
        }
        return TaskListPage.render(
            req,
            .init(
                context: c, tab: tab, tabs: l.tabs, tasks: l.tasks, shown: l.shown, filters: l.filters,
                reviews: reviews.values.sorted {
                    ($0.period.endOrder, $0.locality.code) > ($1.period.endOrder, $1.locality.code)
                },
                flash: shownFlash, typed: typed), status: status)
    }

    /// The list as it is filtered, as an XLSX workbook for a meeting: number, task, lead and helping units,
    /// deadline, status in words, last progress or completion, source.
    static func workbook(_ req: Request, _ web: Web) async throws -> Response {
        let l = try await listing(req, web)
        let c = l.context
        let rows = l.shown.enumerated().map { n, t -> [String] in
            let status = [
                t.status(today: c.today, rule: c.rule)?.vietnameseName, t.statusWords(today: c.today, rule: c.rule),
            ]
            .compactMap { $0 }.joined(separator: ", ")
            let progress =
                t.record.completedOn.map { "Hoàn thành \($0.slashed)" }
                ?? t.lastProgress.map { "\($0.percent)% (\($0.on.slashed)): \($0.text)" } ?? ""
            return [
                String(n + 1), t.draft.title + (t.draft.illustrative ? " (minh họa)" : ""),
                c.unitName(t.draft.leadUnitID),
                t.draft.coUnitIDs.map { c.unitName($0) }.joined(separator: "; "), t.record.deadline.words, status,
                progress, [t.draft.source.vietnameseName, t.draft.sourceRef].compactMap { $0 }.joined(separator: ": "),
            ]
        }
        let data = try XlsxWriter.table(
            title: "DANH SÁCH NHIỆM VỤ — \(l.tab.vietnameseName.uppercased())",
            subtitle: "Tình hình tính đến ngày \(c.today.slashed); \(rows.count) nhiệm vụ, việc gấp nhất trước",
            sheetName: "Nhiệm vụ",
            headings: [
                "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Hạn", "Tình trạng", "Tiến độ", "Nguồn",
            ], rows: rows, widths: [6, 60, 24, 24, 12, 22, 36, 36])
        return ReportController.file(
            data, name: "nhiem-vu-\(c.today).xlsx",
            type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    }

    // MARK: - A new task

    /// The new-task form as typed.
    struct NewTask: Content {
        var locality: String?
        var title: String?
        var content: String?
        var source: String?
        var reference: String?
        var assignerName: String?
        var field: String?
        var lead: String?
        var priority: String?
        var deadlineKind: String?
        var deadline: String?
        var coUnits: [String]?

        enum CodingKeys: String, CodingKey {
            case locality, title = "tieu_de", content = "noi_dung", source = "nguon", reference = "so_hieu"
            case assignerName = "nguoi_giao", field = "linh_vuc", lead = "chu_tri", priority = "uu_tien"
            case deadlineKind = "loai_han", deadline = "han", coUnits = "phoi_hop"
        }
    }

    static func create(_ req: Request, _ web: Web) async throws -> Response {
        let form = try req.content.decode(NewTask.self)
        let c = try await TaskContext.load(req, web)
        guard let locality = form.locality.flatMap({ c.tree.byCode[$0] }), !locality.kind.isOffice else {
            throw Abort(.badRequest, reason: "Không có cơ quan giao nhiệm vụ này")
        }
        try await Access.require(req, .assignTasks, on: locality, tree: c.tree, store: web.store)
        let choices = Dictionary(
            c.leadChoices(of: locality.id).map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
        var problems: [String] = []
        let lead = form.lead.flatMap { choices[$0] }
        if let code = form.lead, !code.isEmpty, lead == nil {
            problems.append("Đơn vị chủ trì: \(code) không thuộc UBND \(locality.nameInSentence)")
        }
        let coUnits = (form.coUnits ?? []).compactMap { code -> Int? in
            guard let id = choices[code] else {
                problems.append("Đơn vị phối hợp: \(code) không thuộc UBND \(locality.nameInSentence)")
                return nil
            }
            return id
        }
        let deadline: TaskDeadline
        switch form.deadlineKind ?? "han" {
        case "thuong_xuyen": deadline = .recurring
        case "khong": deadline = .none
        default:
            if let day = TaskInput.date(form.deadline) {
                deadline = .on(day)
            } else {
                problems.append("Hạn hoàn thành: chưa chọn hoặc không đúng ngày (ví dụ 31/12/2017)")
                deadline = .none
            }
        }
        let content = form.content ?? ""
        for (text, limit) in [
            (content, TextLimit.note), (form.reference ?? "", TextLimit.name),
            (form.assignerName ?? "", TextLimit.displayName),
        ] {
            if let problem = limit.problem(text) { problems.append(problem) }
        }
        let draft = TaskDraft(
            localityID: locality.id, title: form.title ?? "", content: content,
            source: form.source.flatMap(TaskSource.init(rawValue:)) ?? .other,
            sourceRef: form.reference.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 },
            fieldCode: form.field.flatMap { c.fields[$0] != nil ? $0 : nil },
            priority: form.priority.flatMap(TaskPriority.init(rawValue:)) ?? .normal,
            assignerName: form.assignerName.flatMap { $0.trimmingWhitespace().isEmpty ? nil : $0 }, leadUnitID: lead,
            coUnitIDs: coUnits, deadline: deadline)
        problems += draft.problems(toAssign: true)
        guard problems.isEmpty else {
            return try await list(
                req, web, flash: .init(ok: false, text: "Chưa giao: " + problems.joined(separator: "; ") + "."),
                typed: form, status: .unprocessableEntity)
        }
        let id = try await TaskRepository.create(draft, state: .assigned, by: c.viewer.account.username, web.db)
        return Layout.redirect("/nhiem-vu/\(id)?tb=giao")
    }

    // MARK: - One task

    static func load(_ req: Request, _ web: Web, _ c: TaskContext) async throws -> StoredTask {
        guard let id = req.parameters.get("id").flatMap(Int.init),
            let task = try await TaskRepository.find(id: id, web.db)
        else { throw Abort(.notFound, reason: "Không có nhiệm vụ này") }
        let readable = task.state == .assigned ? c.mayRead(task) : c.mayAssign(task)
        guard readable else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "xem nhiệm vụ \(task.id): không được phép",
                unitID: task.draft.localityID, web.store)
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền xem nhiệm vụ này.")
        }
        return task
    }

    static func show(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let c = try await TaskContext.load(req, web)
        let task = try await load(req, web, c)
        let history = try await TaskRepository.events(of: task.id, web.db)
        let names = try await AccountRepository.displayNames(Set(history.map(\.by)), web.db)
        let done = req.queryText("tb").flatMap { TaskPage.done[$0] }.map { Layout.Flash(ok: true, text: $0) }
        return TaskPage.render(
            req, .init(context: c, task: task, history: history, names: names, flash: flash ?? done), status: status)
    }

    static func step(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let c = try await TaskContext.load(req, web)
        let task = try await load(req, web, c)
        let name = fields["buoc"] ?? ""
        let text = (fields["noi_dung"] ?? "").trimmingWhitespace()
        let reason = (fields["ly_do"] ?? "").trimmingWhitespace()
        var problems: [String] = []
        for (value, limit) in [(text, TextLimit.note), (reason, TextLimit.reason)] {
            if let problem = limit.problem(value) { problems.append(problem) }
        }
        func day(_ key: String, _ label: String) -> CivilDate {
            if let d = TaskInput.date(fields[key]) { return d }
            problems.append("\(label): chưa chọn hoặc không đúng ngày (ví dụ 31/12/2017)")
            return c.today
        }
        let step: TaskStep
        let actor: TaskActor
        switch name {
        case "tien_do":
            let percent = Int((fields["phan_tram"] ?? "").trimmingWhitespace())
            if percent == nil { problems.append("Tiến độ (%): nhập số từ 0 đến 100") }
            let document = (fields["van_ban"] ?? "").trimmingWhitespace()
            if let problem = TextLimit.name.problem(document) { problems.append(problem) }
            step = .reportProgress(
                .init(
                    on: day("ngay", "Ngày báo cáo"), text: text, percent: percent ?? 0,
                    document: document.isEmpty ? nil : document))
            actor = .lead
        case "gia_han": (step, actor) = (.requestExtension(to: day("han_moi", "Hạn mới"), reason: reason), .lead)
        case "de_nghi_hoan_thanh":
            (step, actor) = (.proposeCompletion(on: day("ngay", "Ngày hoàn thành"), text: text), .lead)
        case "dong_y_gia_han": (step, actor) = (.approveExtension, .assigner)
        case "tu_choi_gia_han": (step, actor) = (.refuseExtension(reason: reason), .assigner)
        case "xac_nhan": (step, actor) = (.confirmCompletion, .assigner)
        case "tra_lai": (step, actor) = (.sendBack(reason: reason), .assigner)
        default: throw Abort(.badRequest, reason: "Thao tác không đúng")
        }
        let allowed = actor == .lead ? c.mayLead(task) : c.mayAssign(task)
        guard allowed else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "nhiệm vụ \(task.id), \(name): không được phép",
                unitID: task.draft.localityID, web.store)
            throw Abort(
                .forbidden,
                reason: actor == .lead
                    ? "Chỉ đơn vị chủ trì báo cáo tiến độ, đề nghị gia hạn và đề nghị công nhận hoàn thành."
                    : "Chỉ cơ quan, người giao nhiệm vụ quyết định gia hạn và xác nhận hoàn thành.")
        }
        guard problems.isEmpty else {
            return try await show(
                req, web, flash: .init(ok: false, text: "Chưa lưu: " + problems.joined(separator: "; ") + "."),
                status: .unprocessableEntity)
        }
        do {
            try await TaskRepository.apply(
                step, by: actor, to: task.id, expecting: Int(fields["phien_ban"] ?? "") ?? -1, today: c.today,
                user: c.viewer.account.username, web.db)
        } catch let refused as TaskRepository.Refused {
            return try await show(
                req, web, flash: .init(ok: false, text: "Chưa lưu: \(refused.description)."),
                status: .unprocessableEntity)
        } catch let conflict as TaskRepository.Conflict {
            return try await show(req, web, flash: .init(ok: false, text: conflict.description), status: .conflict)
        }
        return Layout.redirect("/nhiem-vu/\(task.id)?tb=\(name)")
    }

    // MARK: - The work programme

    /// `/nhiem-vu/chuong-trinh?unit=&period=`: the programme's items of the period's months (6 tháng by default).
    static func programme(_ req: Request, _ web: Web) async throws -> Response {
        let c = try await TaskContext.load(req, web)
        let locality =
            try req.queryText("unit").flatMap { c.tree.byCode[$0] } ?? c.assigningLocalities.first
            ?? { throw Abort(.badRequest, reason: "Cần đơn vị (unit)") }()
        try await Access.require(req, .readDraft, on: locality, tree: c.tree, store: web.store)
        let period = try Access.period(req, default: .firstMonths(c.today.year, 6))
        var filter = TaskRepository.Filter(localityIDs: [locality.id])
        filter.source = .workProgramme
        filter.sourcePeriod = .year(period.year)
        let items = try await TaskRepository.list(filter, web.db).filter {
            $0.draft.programmeMonth.map(period.months.contains) == true
        }.sorted { ($0.draft.programmeMonth ?? 0, $0.id) < ($1.draft.programmeMonth ?? 0, $1.id) }
        let summary = try await ReportTasks.summary(
            localityID: locality.id, period: period, today: c.today, web.db)
        return ProgrammePage.render(
            req, context: c, locality: locality, period: period, items: items, summary: summary)
    }

    // MARK: - Review of a report's proposals

    struct ReviewScope {
        var context: TaskContext
        var template: String
        var locality: StoredUnit
        var period: Period
    }

    static func reviewScope(
        _ req: Request, _ web: Web, _ fields: [String: String]? = nil
    ) async throws -> ReviewScope {
        let c = try await TaskContext.load(req, web)
        func value(_ key: String) -> String? { fields?[key] ?? req.queryText(key) }
        guard let locality = value("unit").flatMap({ c.tree.byCode[$0] }), let template = value("template"),
            !template.isEmpty
        else { throw Abort(.badRequest, reason: "Cần mẫu báo cáo (template), đơn vị (unit) và kỳ (period)") }
        let period = try APIController.period(value("period") ?? "")
        try await Access.require(req, .assignTasks, on: locality, tree: c.tree, store: web.store)
        return ReviewScope(context: c, template: template, locality: locality, period: period)
    }

    static func review(
        _ req: Request, _ web: Web, scope: ReviewScope? = nil, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let s: ReviewScope
        if let scope { s = scope } else { s = try await reviewScope(req, web) }
        var filter = TaskRepository.Filter(localityIDs: [s.locality.id], states: TaskState.allCases)
        filter.sourceTemplate = s.template
        filter.sourcePeriod = s.period
        let tasks = try await TaskRepository.list(filter, web.db)
        // A report whose part was carried from the previous one proposes tasks already assigned: say so.
        var assignedByContent: [String: StoredTask] = [:]
        for task in try await TaskRepository.list(.init(localityIDs: [s.locality.id]), web.db) {
            assignedByContent[task.draft.content] = assignedByContent[task.draft.content] ?? task
        }
        let duplicates = tasks.filter { $0.state == .proposed }.reduce(into: [Int: StoredTask]()) { found, task in
            if let same = assignedByContent[task.draft.content] { found[task.id] = same }
        }
        var shown = flash
        if shown == nil, let tb = req.queryText("tb") {
            let n = req.queryText("so").flatMap(Int.init) ?? 0
            shown =
                switch tb {
                case "cong_bo":
                    .init(
                        ok: true,
                        text:
                            "Đã công bố báo cáo. Phần nhiệm vụ trọng tâm đề xuất \(n) nhiệm vụ cho kỳ sau: rà soát rồi giao."
                    )
                case "luu": .init(ok: true, text: "Đã lưu nhiệm vụ đề xuất.")
                case "giao": .init(ok: true, text: "Đã giao nhiệm vụ.")
                case "bo": .init(ok: true, text: "Đã bỏ nhiệm vụ đề xuất (không giao).")
                default: nil
                }
        }
        return TaskReviewPage.render(
            req,
            .init(
                context: s.context, template: s.template, locality: s.locality, period: s.period,
                proposed: tasks.filter { $0.state == .proposed },
                assigned: tasks.filter { $0.state == .assigned }.count,
                dropped: tasks.filter { $0.state == .dropped }.count, duplicates: duplicates, flash: shown),
            status: status)
    }

    static func decide(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let s = try await reviewScope(req, web, fields)
        let c = s.context
        let user = c.viewer.account.username
        let back =
            "/nhiem-vu/de-xuat?template=\(s.template)&unit=\(s.locality.code)&period=\(s.period.code)"
        let action = fields["hanh_dong"] ?? ""
        do {
            if action == "giao_tat_ca" {
                var filter = TaskRepository.Filter(localityIDs: [s.locality.id], states: [.proposed])
                filter.sourceTemplate = s.template
                filter.sourcePeriod = s.period
                let ready = try await TaskRepository.list(filter, web.db).filter { $0.draft.leadUnitID != nil }
                try await web.store.transaction { db in
                    for task in ready {
                        try await TaskRepository.decide(task.id, assign: true, expecting: task.version, by: user, db)
                    }
                }
                return Layout.redirect("/nhiem-vu?xem=da-giao&tb=giao_tat_ca&so=\(ready.count)")
            }
            guard let id = fields["id"].flatMap(Int.init), let task = try await TaskRepository.find(id: id, web.db),
                task.draft.localityID == s.locality.id, task.draft.sourceTemplate == s.template,
                task.draft.sourcePeriod == s.period
            else { throw Abort(.notFound, reason: "Không có nhiệm vụ đề xuất này") }
            let version = Int(fields["phien_ban"] ?? "") ?? -1
            if action == "bo" {
                try await TaskRepository.decide(id, assign: false, expecting: version, by: user, web.db)
                return Layout.redirect(back + "&tb=bo")
            }
            guard action == "luu" || action == "giao" else { throw Abort(.badRequest, reason: "Thao tác không đúng") }
            var draft = task.draft
            var problems: [String] = []
            draft.title = fields["tieu_de"] ?? draft.title
            draft.content = fields["noi_dung"] ?? draft.content
            if let problem = TextLimit.note.problem(draft.content) { problems.append(problem) }
            draft.fieldCode = fields["linh_vuc"].flatMap { c.fields[$0] != nil ? $0 : nil }
            let choices = Dictionary(
                c.leadChoices(of: s.locality.id).map { ($0.code, $0.id) }, uniquingKeysWith: { a, _ in a })
            let lead = fields["chu_tri"] ?? ""
            draft.leadUnitID = choices[lead]
            if !lead.isEmpty && draft.leadUnitID == nil {
                problems.append("Đơn vị chủ trì: \(lead) không thuộc UBND \(s.locality.nameInSentence)")
            }
            let typedDate = fields["han"] ?? ""
            if typedDate.isEmpty {
                draft.deadline = .none
            } else if let day = TaskInput.date(typedDate) {
                draft.deadline = .on(day)
            } else {
                problems.append("Hạn: không đúng ngày (ví dụ 31/12/2017)")
            }
            if action == "giao" { problems += draft.problems(toAssign: true) }
            guard problems.isEmpty else { throw TaskRepository.Refused(reasons: problems) }
            let revised = draft
            try await web.store.transaction { db in
                try await TaskRepository.revise(id, to: revised, expecting: version, by: user, db)
                if action == "giao" {
                    try await TaskRepository.decide(id, assign: true, expecting: version + 1, by: user, db)
                }
            }
            return Layout.redirect(back + "&tb=\(action)#de-xuat-\(id)")
        } catch let refused as TaskRepository.Refused {
            return try await review(
                req, web, scope: s, flash: .init(ok: false, text: "Chưa lưu: \(refused.description)."),
                status: .unprocessableEntity)
        } catch let conflict as TaskRepository.Conflict {
            return try await review(
                req, web, scope: s, flash: .init(ok: false, text: conflict.description), status: .conflict)
        }
    }
}
