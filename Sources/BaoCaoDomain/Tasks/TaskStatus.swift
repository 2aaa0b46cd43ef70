/// When a task is due: a day, no deadline, or "thường xuyên" (recurring, never overdue).
public enum TaskDeadline: Hashable, Sendable {
    case on(CivilDate)
    case none
    case recurring

    public var date: CivilDate? { if case .on(let d) = self { return d } else { return nil } }

    public var words: String {
        switch self {
        case .on(let d): return d.slashed
        case .none: return "không có hạn"
        case .recurring: return "thường xuyên"
        }
    }
}

/// Where a task stands, in the national vocabulary of task tracking (Văn phòng Chính phủ), computed from its dates
/// and its completion, never typed: chưa đến hạn, đang thực hiện trong hạn, sắp đến hạn (within a few days of the
/// deadline), quá hạn, hoàn thành đúng hạn, hoàn thành quá hạn. Each has words and a colour word for the pages.
public enum TaskStatus: String, CaseIterable, Hashable, Sendable {
    case notDue = "chua_den_han"
    case inProgress = "dang_thuc_hien"
    case dueSoon = "sap_den_han"
    case overdue = "qua_han"
    case doneOnTime = "hoan_thanh_dung_han"
    case doneLate = "hoan_thanh_qua_han"

    public var vietnameseName: String {
        switch self {
        case .notDue: return "Chưa đến hạn"
        case .inProgress: return "Đang thực hiện trong hạn"
        case .dueSoon: return "Sắp đến hạn"
        case .overdue: return "Quá hạn"
        case .doneOnTime: return "Hoàn thành đúng hạn"
        case .doneLate: return "Hoàn thành quá hạn"
        }
    }

    /// The colour a page shows it in, as a word (with the words beside it, never colour alone).
    public var colour: String {
        switch self {
        case .notDue, .inProgress: return "xanh-duong"
        case .dueSoon: return "cam"
        case .overdue, .doneLate: return "do"
        case .doneOnTime: return "xanh-la"
        }
    }

    public var isDone: Bool { self == .doneOnTime || self == .doneLate }
}

/// The rule that says when a task is "sắp đến hạn": within `days` before its deadline, counted in calendar days or,
/// where the locality's rule says so, in working days of its report calendar (weekends and holidays not counted).
/// Configuration, not law in code.
public struct TaskDueRule: Hashable, Sendable {
    public var days: Int
    public var workingDays: Bool
    public var calendar: ReportCalendar

    public init(days: Int = 3, workingDays: Bool = false, calendar: ReportCalendar = .decree09) {
        self.days = max(0, days); self.workingDays = workingDays; self.calendar = calendar
    }

    /// Days from `today` until `deadline` (0 on the day itself; negative once past), in this rule's kind of day.
    public func daysLeft(until deadline: CivilDate, from today: CivilDate) -> Int {
        let calendarDays = deadline.dayNumber - today.dayNumber
        guard workingDays, calendarDays > 0 else { return calendarDays }
        var count = 0
        var day = today
        while day < deadline {
            day = day.adding(days: 1)
            if !day.isWeekend && !calendar.holidays.contains(day) { count += 1 }
        }
        return count
    }
}

extension TaskStatus {
    /// The status of a task due by `deadline` (extensions already applied), completed on `completedOn` (confirmed by
    /// the assigner) or not, with progress reported or not, on `today`.
    public static func of(
        deadline: TaskDeadline, completedOn: CivilDate?, progressReported: Bool, today: CivilDate,
        rule: TaskDueRule = TaskDueRule()
    ) -> TaskStatus {
        if let completedOn {
            guard let due = deadline.date else { return .doneOnTime }
            return completedOn > due ? .doneLate : .doneOnTime
        }
        guard let due = deadline.date else { return progressReported ? .inProgress : .notDue }
        if today > due { return .overdue }
        if rule.daysLeft(until: due, from: today) <= rule.days { return .dueSoon }
        return progressReported ? .inProgress : .notDue
    }

    /// "quá hạn 3 ngày", "còn 2 ngày", "hạn là hôm nay", "hoàn thành quá hạn 4 ngày": the words beside the status.
    public static func words(
        deadline: TaskDeadline, completedOn: CivilDate?, today: CivilDate, rule: TaskDueRule = TaskDueRule()
    ) -> String? {
        guard let due = deadline.date else { return nil }
        if let completedOn {
            let late = completedOn.dayNumber - due.dayNumber
            return late > 0 ? "hoàn thành quá hạn \(Reminder.count(late)) ngày" : nil
        }
        if today > due { return "quá hạn \(Reminder.count(today.dayNumber - due.dayNumber)) ngày" }
        let left = rule.daysLeft(until: due, from: today)
        if left == 0 { return "hạn là hôm nay" }
        return "còn \(Reminder.count(left)) ngày" + (rule.workingDays ? " làm việc" : "")
    }
}

extension TaskStatus {
    /// Where a task stands in a list sorted by urgency: overdue first (the longest overdue first), then due soon,
    /// then the rest by deadline, those without one after, the completed last (the latest first). Smaller first.
    public static func urgency(
        _ status: TaskStatus, deadline: TaskDeadline, completedOn: CivilDate?
    ) -> (Int, Int) {
        let day = deadline.date?.dayNumber
        switch status {
        case .overdue: return (0, day ?? 0)
        case .dueSoon: return (1, day ?? 0)
        case .inProgress, .notDue: return day.map { (2, $0) } ?? (3, 0)
        case .doneLate, .doneOnTime: return (4, -(completedOn?.dayNumber ?? 0))
        }
    }
}
