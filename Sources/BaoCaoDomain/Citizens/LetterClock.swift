/// A time limit computed for a letter: the day it ends, the rule it comes from, and whether a limit in calendar days
/// was moved off a weekend or holiday to the next working day.
public struct LegalDeadline: Hashable, Sendable {
    public var date: CivilDate
    public var rule: ClockRule
    public var movedOffRestDay: Bool
    /// Days granted by extension decisions, included in `date`.
    public var extendedBy: Int

    /// "30 ngày kể từ ngày thụ lý (Luật Khiếu nại 2011, Điều 28)", with the extensions and a move off a rest day.
    public var words: String {
        var text =
            "\(rule.days) \(rule.dayKind.words) kể từ ngày "
            + (rule.step == .acceptance ? "nhận đơn" : "thụ lý") + " (\(rule.citation))"
        if extendedBy > 0 { text += ", gia hạn \(extendedBy) ngày" }
        if movedOffRestDay {
            text += "; hết hạn vào ngày nghỉ nên lùi sang ngày làm việc tiếp theo (BLDS 2015, Điều 148)"
        }
        return text
    }
}

/// Counts legal days on a province's calendar: the day the limit starts from is not counted (BLDS 2015, Điều 147);
/// working days skip weekends and the calendar's holidays; a limit in calendar days ending on a rest day ends on the
/// next working day.
public struct LegalDayCounter: Hashable, Sendable {
    public var calendar: ReportCalendar

    public init(calendar: ReportCalendar = .decree09) { self.calendar = calendar }

    public func isRestDay(_ day: CivilDate) -> Bool { day.isWeekend || calendar.holidays.contains(day) }

    /// The last day of `days` of `kind` counted from `start`, and whether it was moved off a rest day.
    public func end(after start: CivilDate, days: Int, _ kind: DayKind) -> (date: CivilDate, moved: Bool) {
        switch kind {
        case .working: return (calendar.workingDays(days, after: start), false)
        case .calendar:
            var day = start.adding(days: days)
            var moved = false
            while isRestDay(day) { day = day.adding(days: 1); moved = true }
            return (day, moved)
        }
    }
}

/// An extension of a letter's resolution, granted by a decision: its day, its days, the decision (number, date).
public struct LetterExtension: Hashable, Sendable {
    public var decidedOn: CivilDate
    public var days: Int
    public var document: String

    public init(decidedOn: CivilDate, days: Int, document: String) {
        self.decidedOn = decidedOn; self.days = days; self.document = document
    }
}

/// The facts of a complaint or denunciation that its clocks depend on.
public struct LetterClock: Hashable, Sendable {
    public var kind: LetterKind
    /// 1 or 2 (lần đầu, lần hai) for a complaint.
    public var round: Int
    public var remote: Bool
    public var complexity: CaseComplexity
    public var receivedOn: CivilDate
    public var acceptedOn: CivilDate?
    /// Days granted by each extension decision, in order.
    public var extensions: [Int]

    public init(
        kind: LetterKind, round: Int = 1, remote: Bool = false, complexity: CaseComplexity = .ordinary,
        receivedOn: CivilDate, acceptedOn: CivilDate? = nil, extensions: [Int] = []
    ) {
        self.kind = kind; self.round = round; self.remote = remote; self.complexity = complexity
        self.receivedOn = receivedOn; self.acceptedOn = acceptedOn; self.extensions = extensions
    }

    /// The day by which the letter must be accepted or refused, counted from receipt; nil for a petition or when no
    /// rule of the table is in force on the day it was received.
    public func acceptanceDeadline(_ rules: ClockRules, _ counter: LegalDayCounter) -> LegalDeadline? {
        guard kind.hasLegalClock,
            let rule = rules.rule(
                kind, .acceptance, round: round, complexity: complexity, remote: remote, on: receivedOn)
        else { return nil }
        let end = counter.end(after: receivedOn, days: rule.days, rule.dayKind)
        return LegalDeadline(date: end.date, rule: rule, movedOffRestDay: end.moved, extendedBy: 0)
    }

    /// The day by which an accepted letter must be resolved, counted from acceptance, extensions included; the rule
    /// is the one in force on the day of acceptance.
    public func resolutionDeadline(_ rules: ClockRules, _ counter: LegalDayCounter) -> LegalDeadline? {
        guard kind.hasLegalClock, let acceptedOn,
            let rule = rules.rule(
                kind, .resolution, round: round, complexity: complexity, remote: remote, on: acceptedOn)
        else { return nil }
        let extra = extensions.reduce(0) { $0 + min(max($1, 0), 365) }
        let end = counter.end(after: acceptedOn, days: rule.days + extra, rule.dayKind)
        return LegalDeadline(date: end.date, rule: rule, movedOffRestDay: end.moved, extendedBy: extra)
    }

    /// Why one more extension of `days` cannot be granted under the rule in force, in Vietnamese; nil when it can.
    public func extensionProblem(days: Int, _ rules: ClockRules) -> String? {
        guard let acceptedOn else { return "Chưa thụ lý: chưa thể gia hạn giải quyết" }
        guard
            let rule = rules.rule(
                kind, .resolution, round: round, complexity: complexity, remote: remote, on: acceptedOn)
        else { return "Không có quy định thời hạn áp dụng cho đơn này" }
        guard rule.extensions > 0 else {
            return "\(rule.citation) không cho gia hạn \(kind.vietnameseName.lowercased()) "
                + "mức độ \(complexity.vietnameseName.lowercased())"
        }
        if extensions.count >= rule.extensions {
            return "Đã gia hạn \(extensions.count) lần, tối đa \(rule.extensions) lần (\(rule.citation))"
        }
        if days < 1 || days > rule.extensionDays {
            return "Mỗi lần gia hạn từ 1 đến \(rule.extensionDays) ngày (\(rule.citation))"
        }
        return nil
    }
}
