/// A reminder to a lead unit's people that a task is due or overdue, sent by the same schedule as the figures'
/// (`ReminderSchedule`): before the deadline, on its day, then every few days while it is not done.
public struct TaskReminder: Hashable, Sendable {
    public var taskID: Int
    public var title: String
    public var unitName: String
    public var deadline: CivilDate
    public var today: CivilDate

    public init(taskID: Int, title: String, unitName: String, deadline: CivilDate, today: CivilDate) {
        self.taskID = taskID; self.title = title; self.unitName = unitName; self.deadline = deadline
        self.today = today
    }

    var timing: Reminder {
        Reminder(kind: .manual, unitName: unitName, period: .year(deadline.year), deadline: deadline, today: today)
    }

    /// "Nhắc thực hiện nhiệm vụ — Phòng Tư pháp".
    public var subject: String { "Nhắc thực hiện nhiệm vụ — \(unitName)" }

    /// "Nhiệm vụ “Rà soát thủ tục hành chính” giao Phòng Tư pháp chủ trì, hạn 31/08/2017 (còn 2 ngày), chưa hoàn
    /// thành."
    public var line: String {
        "Nhiệm vụ “\(title)” giao \(unitName) chủ trì, hạn \(deadline.slashed) (\(timing.when)), chưa hoàn thành."
    }

    public func body(to person: String, link: String) -> String {
        [
            "Kính gửi \(person),", "", line, "Báo cáo tiến độ hoặc đề nghị công nhận hoàn thành tại: \(link)", "",
            "Thư này do hệ thống BaoCao gửi; xin không trả lời thư này.",
        ].joined(separator: "\n")
    }

    /// Once per task and day.
    public var key: String { "nhiem-vu:\(taskID):\(today)" }
}
