/// A reminder to a unit's reporters that its figures for a period are due: asked for by a compiler ("nhắc"), or
/// sent by the schedule a few days before the deadline and again every few days once it has passed, until the
/// figures are sent. Its words are Vietnamese and name the unit, the period, the deadline and how far it is.
public struct Reminder: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Asked for by a person.
        case manual
        /// Automatic, `daysLeft` days before the deadline (0: the deadline is today).
        case before(daysLeft: Int)
        /// Automatic, `daysLate` days after it.
        case after(daysLate: Int)
    }

    public var kind: Kind
    public var unitName: String
    public var period: Period
    public var deadline: CivilDate
    public var today: CivilDate

    public init(kind: Kind, unitName: String, period: Period, deadline: CivilDate, today: CivilDate) {
        self.kind = kind; self.unitName = unitName; self.period = period; self.deadline = deadline
        self.today = today
    }

    /// "còn 2 ngày", "hạn là hôm nay", "đã quá hạn 3 ngày".
    public var when: String {
        let days = deadline.dayNumber - today.dayNumber
        if days > 0 { return "còn \(Self.count(days)) ngày" }
        if days == 0 { return "hạn là hôm nay" }
        return "đã quá hạn \(Self.count(-days)) ngày"
    }

    /// "Nhắc nộp số liệu 6 tháng đầu năm 2017 — phường Máy Chai".
    public var subject: String { "Nhắc nộp số liệu \(period.vietnameseName) — \(unitName)" }

    /// The line shown in the application: "Số liệu 6 tháng đầu năm 2017 của phường Máy Chai chưa được gửi; hạn nộp
    /// 14/06/2017 (đã quá hạn 3 ngày)."
    public var line: String {
        "Số liệu \(period.vietnameseName) của \(unitName) chưa được gửi; hạn nộp \(deadline.slashed) (\(when))."
    }

    /// The e-mail's text: whom it is for, the line, where to enter the figures, who asked.
    public func body(to person: String, link: String, from sender: String?) -> String {
        var lines = ["Kính gửi \(person),", "", line, "Nhập và gửi số liệu tại: \(link)", ""]
        if let sender { lines.append("Người nhắc: \(sender).") }
        lines.append("Thư này do hệ thống BaoCao gửi; xin không trả lời thư này.")
        return lines.joined(separator: "\n")
    }

    /// A key that makes an automatic reminder once per unit, period and day it is for (a manual one is never
    /// deduplicated).
    public var key: String? {
        switch kind {
        case .manual: return nil
        case .before, .after: return "tu-dong:\(period.code):\(today)"
        }
    }
}

/// When the schedule reminds: `daysBefore` days before the deadline (and on its day), then the day after it and
/// every `every` days while the figures are not sent, for `stopAfter` days at most (a unit months late is a matter
/// for a telephone call, not a daily e-mail).
public struct ReminderSchedule: Hashable, Sendable {
    public var daysBefore: Int
    public var every: Int
    public var stopAfter: Int

    public init(daysBefore: Int = 2, every: Int = 3, stopAfter: Int = 30) {
        self.daysBefore = max(0, daysBefore); self.every = max(1, every); self.stopAfter = max(1, stopAfter)
    }

    /// The reminder due today for a unit whose figures are not `delivered`, if any.
    public func due(deadline: CivilDate, today: CivilDate, delivered: Bool) -> Reminder.Kind? {
        guard !delivered else { return nil }
        let days = deadline.dayNumber - today.dayNumber
        if days == daysBefore || days == 0 { return .before(daysLeft: days) }
        if days < 0 && -days <= stopAfter && (-days - 1) % every == 0 { return .after(daysLate: -days) }
        return nil
    }
}

extension Reminder {
    /// A count of days as Vietnamese writes it: "3.452".
    static func count(_ n: Int) -> String { VietnameseNumber.format(Amount(n), decimals: 0) }
}

extension SubmissionTiming {
    static func count(_ n: Int) -> String { Reminder.count(n) }
}
