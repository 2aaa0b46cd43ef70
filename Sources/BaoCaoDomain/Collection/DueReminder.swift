/// A reminder to a unit's people that something given to it is due or overdue (a task to lead, a voters' petition
/// to answer), sent by the same schedule as the figures' (`ReminderSchedule`): before the deadline, on its day, then
/// every few days while it is not done.
public struct DueReminder: Hashable, Sendable {
    public enum Item: Hashable, Sendable {
        case task(id: Int, title: String)
        /// A petition: its number, its words, the session it is answered before ("kỳ họp thứ 5 HĐND quận khóa XVIII").
        case petition(id: Int, words: String, session: String)
        /// A complaint or denunciation: its number, kind and the step whose legal limit runs. Never its content or
        /// author: the message leaves BaoCao.
        case letter(id: Int, kind: LetterKind, step: ClockStep)
    }

    public var item: Item
    public var unitName: String
    public var deadline: CivilDate
    public var today: CivilDate

    public init(_ item: Item, unitName: String, deadline: CivilDate, today: CivilDate) {
        self.item = item; self.unitName = unitName; self.deadline = deadline; self.today = today
    }

    var timing: Reminder {
        Reminder(kind: .manual, unitName: unitName, period: .year(deadline.year), deadline: deadline, today: today)
    }

    /// "Nhắc thực hiện nhiệm vụ — Phòng Tư pháp", "Nhắc trả lời kiến nghị cử tri — Phòng Quản lý đô thị".
    public var subject: String {
        switch item {
        case .task: return "Nhắc thực hiện nhiệm vụ — \(unitName)"
        case .petition: return "Nhắc trả lời kiến nghị cử tri — \(unitName)"
        case .letter: return "Nhắc thời hạn xử lý đơn — \(unitName)"
        }
    }

    /// "Nhiệm vụ “Rà soát thủ tục hành chính” giao Phòng Tư pháp chủ trì, hạn 31/08/2017 (còn 2 ngày), chưa hoàn
    /// thành." / "Kiến nghị cử tri số 8 “…” (trước kỳ họp thứ 5 …) giao Phòng Quản lý đô thị trả lời, hạn …, chưa trả
    /// lời."
    public var line: String {
        let due = "hạn \(deadline.slashed) (\(timing.when))"
        switch item {
        case .task(_, let title): return "Nhiệm vụ “\(title)” giao \(unitName) chủ trì, \(due), chưa hoàn thành."
        case .petition(let id, let words, let session):
            let short = words.count > 120 ? String(words.prefix(120)) + "…" : words
            return
                "Kiến nghị cử tri số \(id) “\(short)” (trước \(session)) giao \(unitName) trả lời, \(due), chưa trả lời."
        case .letter(let id, let kind, let step):
            let what = step == .acceptance ? "thụ lý hoặc xử lý" : "giải quyết"
            return "Đơn số \(id) (\(kind.vietnameseName.lowercased())) giao \(unitName): \(what) \(due), chưa xong."
        }
    }

    public func body(to person: String, link: String) -> String {
        let action: String =
            switch item {
            case .task: "Báo cáo tiến độ hoặc đề nghị công nhận hoàn thành tại"
            case .petition: "Trả lời kiến nghị tại"
            case .letter: "Xử lý đơn tại"
            }
        return [
            "Kính gửi \(person),", "", line, "\(action): \(link)", "",
            "Thư này do hệ thống BaoCao gửi; xin không trả lời thư này.",
        ].joined(separator: "\n")
    }

    /// Once per item and day.
    public var key: String {
        switch item {
        case .task(let id, _): return "nhiem-vu:\(id):\(today)"
        case .petition(let id, _, _): return "kien-nghi:\(id):\(today)"
        case .letter(let id, _, _): return "don:\(id):\(today)"
        }
    }
}
