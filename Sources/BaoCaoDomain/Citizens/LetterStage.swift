/// Where a letter stands, as the register and the citizen see it: received and being classified, accepted and being
/// resolved, or closed at this body (resolved, forwarded, guided, answered, archived).
public enum LetterStage: String, CaseIterable, Hashable, Sendable, Codable {
    case received = "tiep_nhan"
    case accepted = "dang_giai_quyet"
    case resolved = "da_giai_quyet"
    case forwarded = "da_chuyen"
    case guided = "da_huong_dan"
    case answered = "da_tra_loi"
    case archived = "luu_don"

    /// What a citizen is told of it.
    public var vietnameseName: String {
        switch self {
        case .received: return "Đã tiếp nhận, đang xem xét, phân loại"
        case .accepted: return "Đã thụ lý, đang giải quyết"
        case .resolved: return "Đã giải quyết"
        case .forwarded: return "Đã chuyển cơ quan có thẩm quyền"
        case .guided: return "Đã hướng dẫn công dân đến cơ quan có thẩm quyền"
        case .answered: return "Đã trả lời"
        case .archived: return "Đã lưu đơn"
        }
    }

    public var isClosed: Bool { self != .received && self != .accepted }

    /// The stage after a handling path was chosen, before any resolution.
    public init(path: LetterPath?, resolved: Bool) {
        switch path {
        case nil: self = .received
        case .accepted?: self = resolved ? .resolved : .accepted
        case .forwarded?: self = .forwarded
        case .guided?: self = .guided
        case .answered?: self = .answered
        case .archived?: self = .archived
        }
    }
}

/// A letter's clock as a page shows it: the deadline that matters now (acceptance before the letter is accepted,
/// resolution after), its status in the tasks' scheme (colour and words) and the words beside it.
public struct LetterTiming: Hashable, Sendable {
    public var deadline: LegalDeadline?
    public var status: TaskStatus?
    public var words: String?
    /// How the acceptance went against its limit, once accepted ("thụ lý quá hạn 2 ngày"); nil when on time.
    public var lateAcceptance: String?

    /// `closedOn`: the day the letter was resolved (when accepted) or otherwise closed (forwarded, guided, answered,
    /// archived) before acceptance.
    public static func of(
        _ clock: LetterClock, path: LetterPath?, closedOn: CivilDate?, today: CivilDate, rules: ClockRules,
        counter: LegalDayCounter
    ) -> LetterTiming {
        guard clock.kind.hasLegalClock else { return LetterTiming(deadline: nil, status: nil, words: nil) }
        let acceptance = clock.acceptanceDeadline(rules, counter)
        var late: String?
        if let acceptedOn = clock.acceptedOn, let a = acceptance, acceptedOn > a.date {
            late = "thụ lý quá hạn \(Reminder.count(acceptedOn.dayNumber - a.date.dayNumber)) ngày"
        }
        let deadline = path == .accepted ? clock.resolutionDeadline(rules, counter) : acceptance
        guard let deadline else { return LetterTiming(deadline: nil, status: nil, words: nil, lateAcceptance: late) }
        let rule = TaskDueRule(days: 3, workingDays: deadline.rule.dayKind == .working, calendar: counter.calendar)
        let completed = path == .accepted ? closedOn : (path == nil ? nil : closedOn ?? clock.receivedOn)
        let status = TaskStatus.of(
            deadline: .on(deadline.date), completedOn: completed, progressReported: path == .accepted, today: today,
            rule: rule)
        let words = TaskStatus.words(deadline: .on(deadline.date), completedOn: completed, today: today, rule: rule)
        return LetterTiming(deadline: deadline, status: status, words: words, lateAcceptance: late)
    }
}
