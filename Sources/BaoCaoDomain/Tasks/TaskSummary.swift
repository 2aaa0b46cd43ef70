/// What a report says of the tasks it must account for ("Part 2 of one report is the checklist the next report
/// accounts for"): of the assigned tasks due in the period (or overdue from before it and still open, or completed
/// in it), how many were completed, how many on time, how many are open and overdue, overall and by field, and the
/// overdue ones with their lead units. Counted as things stood on `asOf` (the period's last day, or today while the
/// period runs): a completion confirmed later does not count yet. Tasks without a deadline or "thường xuyên" are
/// never due and are left out. A template writes `{tasks_summary}` in a sentence, `@nhiem-vu-linh-vuc` for the lines
/// by field and `@nhiem-vu-qua-han` for the overdue list.
public struct TaskSummary: Sendable {
    public struct Item: Hashable, Sendable {
        public var title: String
        /// The field's name ("Nhiệm vụ kinh tế - ngân sách") and its place in the report; nil: no field.
        public var field: String?
        public var fieldPosition: Int
        public var lead: String
        public var deadline: TaskDeadline
        public var completedOn: CivilDate?
        public var progressReported: Bool

        public init(
            title: String, field: String?, fieldPosition: Int = 0, lead: String, deadline: TaskDeadline,
            completedOn: CivilDate?, progressReported: Bool = false
        ) {
            self.title = title; self.field = field; self.fieldPosition = fieldPosition; self.lead = lead
            self.deadline = deadline; self.completedOn = completedOn; self.progressReported = progressReported
        }
    }

    public var period: Period
    public var asOf: CivilDate
    /// The tasks it accounts for, with their status on `asOf`.
    public var items: [(item: Item, status: TaskStatus)]
    /// The items of the work programme for the period's months, with their status on `asOf`.
    public var programme: [(item: Item, status: TaskStatus)]

    /// `today` is the day the report is made: a past period is counted as at its last day.
    /// `programme`: the work programme's items of the period's months (the caller picks them by month).
    public init(
        period: Period, tasks: [Item], programme: [Item] = [], today: CivilDate, rule: TaskDueRule = TaskDueRule()
    ) {
        self.period = period
        let asOf = min(today, period.lastDay)
        self.asOf = asOf
        func rated(_ item: Item) -> (item: Item, status: TaskStatus) {
            let done = item.completedOn.flatMap { $0 <= asOf ? $0 : nil }
            return (
                item,
                TaskStatus.of(
                    deadline: item.deadline, completedOn: done, progressReported: item.progressReported,
                    today: asOf, rule: rule)
            )
        }
        self.items = tasks.filter { Self.accounts(for: $0, period: period, asOf: asOf) }.map(rated)
        self.programme = programme.map(rated)
    }

    /// Whether a report of `period` accounts for the task: due in the period, or due before it and not completed
    /// when it began, or completed in it.
    public static func accounts(for item: Item, period: Period, asOf: CivilDate) -> Bool {
        guard let due = item.deadline.date else { return false }
        if let done = item.completedOn, done >= period.firstDay, done <= asOf { return true }
        if due >= period.firstDay && due <= period.lastDay { return true }
        if due < period.firstDay { return item.completedOn.map { $0 >= period.firstDay } ?? true }
        return false
    }

    public var total: Int { items.count }
    public var completed: Int { items.filter { $0.status.isDone }.count }
    public var onTime: Int { items.filter { $0.status == .doneOnTime }.count }
    public var overdue: [Item] { items.filter { $0.status == .overdue }.map(\.item) }

    /// "hoàn thành 20/27 nhiệm vụ, trong đó 17 đúng hạn; 7 nhiệm vụ chưa hoàn thành, 2 quá hạn".
    public var sentence: String { Self.sentence(items.map(\.status), period: period) }

    /// "hoàn thành 38/45 nội dung chương trình công tác 6 tháng đầu năm, trong đó 35 đúng hạn; 7 nội dung chưa hoàn
    /// thành, 2 quá hạn".
    public var programmeSentence: String {
        let what = "nội dung chương trình công tác \(period.vietnameseSpan)"
        guard !programme.isEmpty else { return "không có \(what)" }
        return Self.sentence(programme.map(\.status), period: period, first: what, noun: "nội dung")
    }

    static func sentence(
        _ statuses: [TaskStatus], period: Period, first: String = "nhiệm vụ", noun: String = "nhiệm vụ"
    ) -> String {
        guard !statuses.isEmpty else { return "không có nhiệm vụ nào đến hạn trong \(period.vietnameseSpan)" }
        let done = statuses.filter(\.isDone).count
        let onTime = statuses.filter { $0 == .doneOnTime }.count
        let open = statuses.count - done
        let overdue = statuses.filter { $0 == .overdue }.count
        var text = "hoàn thành \(done)/\(statuses.count) \(first)"
        if done > 0 {
            let all = done == 1 ? "" : " đều"
            text +=
                done == onTime ? ",\(all) đúng hạn" : onTime == 0 ? ",\(all) sau hạn" : ", trong đó \(onTime) đúng hạn"
        }
        if open > 0 {
            text += "; \(open) \(noun) chưa hoàn thành"
            if overdue > 0 {
                text += overdue == open ? (open == 1 ? ", đã quá hạn" : ", đều đã quá hạn") : ", \(overdue) quá hạn"
            }
        }
        return text
    }

    /// One line per field, in the report's order: "Nhiệm vụ kinh tế - ngân sách: hoàn thành 4/5 nhiệm vụ, …".
    public var byField: [String] {
        var order: [String: Int] = [:]
        var statuses: [String: [TaskStatus]] = [:]
        for (item, status) in items {
            let name = item.field ?? "Nhiệm vụ khác"
            order[name] = min(order[name] ?? Int.max, item.field == nil ? Int.max : item.fieldPosition)
            statuses[name, default: []].append(status)
        }
        return statuses.keys.sorted { (order[$0]!, $0) < (order[$1]!, $1) }.map { name in
            "\(name): \(Self.sentence(statuses[name]!, period: period))."
        }
    }

    /// One line per overdue task, the longest overdue first: "Hoàn thành cuộc tổng điều tra kinh tế (chủ trì: Phòng
    /// Tài chính - Kế hoạch; hạn 30/09/2017, quá hạn 92 ngày)".
    public var overdueLines: [String] {
        overdue.sorted { ($0.deadline.date!, $0.title) < ($1.deadline.date!, $1.title) }.map { item in
            let due = item.deadline.date!
            return
                "\(item.title) (chủ trì: \(item.lead); hạn \(due.slashed), quá hạn \(Reminder.count(asOf.dayNumber - due.dayNumber)) ngày)"
        }
    }
}
