import BaoCaoDomain
import SQLKit

/// The demo's tasks: the reference report's "nhiệm vụ trọng tâm" for the last six months of 2017, as publishing
/// the report proposed them, reviewed by the district's compiler and assigned; then their second half of 2017 —
/// progress, an extension, a completion sent back, completions on time and late, some left open — made up for the
/// demo, and labelled so on every task ("minh họa"). The 2017 year report's section on the UBND's work starts from
/// the six-month text with the part that accounts for them, as a compiler would write it.
extension DemoData {
    public static let taskCompiler = "tonghop"

    /// Reviews and plays the second half of 2017 for the tasks the 2017-H1 report proposed (once: nothing is done
    /// when they are no longer waiting for review). Returns how many were assigned.
    @discardableResult
    public static func playReportTasks(_ store: Store) async throws -> Int {
        let tree = try await UnitTree.load(store.sql)
        guard let district = tree.byCode["304"] else { return 0 }
        var filter = TaskRepository.Filter(localityIDs: [district.id], states: [.proposed])
        filter.sourceTemplate = templateCode
        filter.sourcePeriod = .firstMonths(2017, 6)
        let proposed = try await TaskRepository.list(filter, store.sql)
        guard !proposed.isEmpty else { return 0 }
        let office = tree.byCode["304-VP"]?.id
        try await store.transaction { db in
            for (index, task) in proposed.enumerated() {
                var draft = task.draft
                draft.illustrative = true
                draft.assignerName = "Chủ tịch UBND quận"
                // The compiler gives each task to the office whose work it is, where the field's owner is not.
                if let code = reviewedLead(draft.content), let unit = tree.byCode[code] { draft.leadUnitID = unit.id }
                if draft.leadUnitID == nil { draft.leadUnitID = office }
                if let due = plan(index).deadline { draft.deadline = .on(due) }
                try await TaskRepository.revise(task.id, to: draft, expecting: task.version, by: taskCompiler, db)
                try await TaskRepository.decide(
                    task.id, assign: true, expecting: task.version + 1, by: taskCompiler, db)
                let lead = draft.leadUnitID.flatMap { tree.byID[$0] }?.code
                let reporter = lead.flatMap { $0.split(separator: "-").last }.map { "\($0.lowercased()).baocao" }
                try await play(plan(index), task: task.id, reporter: reporter ?? "demo", db)
            }
            try await db.raw(
                """
                UPDATE task_events SET created_at = \(bind: "2017-07-05T02:00:00.000Z")
                WHERE action IN ('de_xuat', 'sua', 'giao') AND task_id IN (\(binds: proposed.map(\.id)))
                """
            ).run()
            try await writeYearReportTaskPart(district: district, db)
        }
        return proposed.count
    }

    /// The office a reviewer gives a task to by what it is about (first match), over the field owner's proposal.
    static func reviewedLead(_ content: String) -> String? {
        let text = content.lowercased()
        let offices: [(String, [String])] = [
            ("304-QS", ["sẵn sàng chiến đấu", "quốc phòng"]), ("304-CA", ["an ninh chính trị", "vũ khí", "tội phạm"]),
            ("304-GDDT", ["năm học", "giáo dục"]), ("304-YT", ["y tế", "dịch bệnh"]),
            ("304-LDTBXH", ["người có công", "giảm nghèo"]), ("304-VHTT", ["văn hóa, văn nghệ", "đối ngoại"]),
            ("304-TTR", ["tiếp công dân", "tham nhũng"]), ("304-TP", ["chứng thực", "hộ tịch"]),
            ("304-NV", ["công chức", "tổ chức bộ máy", "hội cấp phường"]), ("304-TNMT", ["đất đai", "thiên tai"]),
            ("304-QLDT", ["quy hoạch", "giao thông", "chung cư", "giải phóng mặt bằng"]),
            ("304-KT", ["doanh nghiệp", "điện"]), ("304-TCKH", ["ngân sách", "đầu tư công", "chỉ tiêu"]),
        ]
        return offices.first { $0.1.contains { text.contains($0) } }?.0
    }

    /// What happens to the task at `index` in the demo's second half of 2017.
    struct Plan {
        var deadline: CivilDate?
        var steps: [(TaskStep, TaskActor, CivilDate)]
    }

    static func plan(_ index: Int) -> Plan {
        let mid = CivilDate(2017, 9, 15)
        let half = TaskStep.reportProgress(
            .init(on: mid, text: "Đã triển khai kế hoạch, đang thực hiện theo tiến độ (minh họa).", percent: 50))
        func done(_ day: CivilDate) -> [(TaskStep, TaskActor, CivilDate)] {
            [
                (.proposeCompletion(on: day, text: "Đã hoàn thành nội dung được giao (minh họa)."), .lead, day),
                (.confirmCompletion, .assigner, day.adding(days: 2)),
            ]
        }
        switch index {
        case 3: return Plan(deadline: CivilDate(2017, 9, 30), steps: done(CivilDate(2017, 9, 25)))
        case 8:
            return Plan(
                deadline: CivilDate(2017, 9, 30), steps: [(half, .lead, mid)] + done(CivilDate(2017, 10, 20)))
        case 12:
            let late = TaskStep.reportProgress(
                .init(
                    on: CivilDate(2017, 11, 20), text: "Còn vướng mắc về hồ sơ, đang hoàn thiện (minh họa).",
                    percent: 60))
            return Plan(
                deadline: CivilDate(2017, 11, 30), steps: [(half, .lead, mid), (late, .lead, CivilDate(2017, 11, 20))])
        case 17:
            let ask = TaskStep.requestExtension(
                to: CivilDate(2018, 3, 31), reason: "Chờ thành phố phê duyệt phương án (minh họa).")
            return Plan(
                deadline: CivilDate(2017, 11, 30),
                steps: [
                    (half, .lead, mid), (ask, .lead, CivilDate(2017, 11, 20)),
                    (.approveExtension, .assigner, CivilDate(2017, 11, 22)),
                ])
        case 21, 25:
            let most = TaskStep.reportProgress(
                .init(on: CivilDate(2017, 12, 10), text: "Đã thực hiện phần lớn khối lượng (minh họa).", percent: 80))
            return Plan(deadline: nil, steps: [(half, .lead, mid), (most, .lead, CivilDate(2017, 12, 10))])
        case 6:
            let first = CivilDate(2017, 12, 15)
            return Plan(
                deadline: nil,
                steps: [
                    (half, .lead, mid),
                    (.proposeCompletion(on: first, text: "Đã hoàn thành (minh họa)."), .lead, first),
                    (.sendBack(reason: "Chưa kèm báo cáo kết quả (minh họa)."), .assigner, first.adding(days: 1)),
                ] + done(CivilDate(2017, 12, 28)))
        default:
            return Plan(deadline: nil, steps: [(half, .lead, mid)] + done(CivilDate(2017, 12, 1 + index % 20)))
        }
    }

    /// Plays the plan's steps, the lead unit's by its demo reporter (`reporter`), dated on their days.
    static func play(_ plan: Plan, task id: Int, reporter: String, _ db: any SQLDatabase) async throws {
        for (step, actor, day) in plan.steps {
            guard let task = try await TaskRepository.find(id: id, db) else { return }
            let who = actor == .assigner ? taskCompiler : reporter
            try await TaskRepository.apply(
                step, by: actor, to: id, expecting: task.version, today: day, user: who, db)
            try await db.raw(
                """
                UPDATE task_events SET created_at = \(bind: "\(day)T02:00:00.000Z")
                WHERE id = (SELECT MAX(id) FROM task_events WHERE task_id = \(bind: id))
                """
            ).run()
        }
    }

    /// The 2017 year report's "Hoạt động của tập thể UBND quận": the six-month text, then what became of the tasks
    /// the six-month report set, from the data; a draft for the compiler to confirm.
    static func writeYearReportTaskPart(district: StoredUnit, _ db: any SQLDatabase) async throws {
        guard let template = try await ReportTemplateRepository.find(templateCode, db),
            let section = ReportSections.sections(of: template.template).first(where: {
                $0.title.hasPrefix("1. Hoạt động của tập thể UBND")
            })
        else { return }
        let h1 = WorkspaceRepository.ReportKey(
            template: templateCode, unitID: district.id, period: .firstMonths(2017, 6))
        guard let text = try await WorkspaceRepository.sections(h1, db)[section.key]?.body else { return }
        let part = [
            "Thực hiện Chương trình công tác năm {year}, UBND quận đã {programme_summary}.",
            "Kết quả thực hiện các nhiệm vụ trọng tâm đề ra tại báo cáo 6 tháng đầu năm {year}: {tasks_summary}.",
            ReportTemplate.GeneratedList.tasksByField.rawValue,
            "Nhiệm vụ quá hạn và đơn vị chủ trì:",
            ReportTemplate.GeneratedList.overdueTasks.rawValue,
        ]
        let year = WorkspaceRepository.ReportKey(template: templateCode, unitID: district.id, period: .year(2017))
        try await WorkspaceRepository.write(
            year, section: section.key, body: ([text] + part).joined(separator: "\n"), done: false, by: taskCompiler, db
        )
    }
}
