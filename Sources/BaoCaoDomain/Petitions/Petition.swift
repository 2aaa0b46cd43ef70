/// How a voters' petition (kiến nghị cử tri) was answered: resolved; being resolved, with a timetable; explained or
/// informed (the matter needs no change, or is the law); not resolved, with the reason.
public enum PetitionOutcome: String, CaseIterable, Hashable, Sendable {
    case resolved = "da_giai_quyet"
    case inProgress = "dang_giai_quyet"
    case explained = "giai_trinh"
    case unresolved = "chua_giai_quyet"

    public var vietnameseName: String {
        switch self {
        case .resolved: return "Đã giải quyết"
        case .inProgress: return "Đang giải quyết, có lộ trình"
        case .explained: return "Giải trình, cung cấp thông tin"
        case .unresolved: return "Chưa giải quyết"
        }
    }

    /// Short words for counts in a sentence.
    public var countWords: String {
        switch self {
        case .resolved: return "đã giải quyết"
        case .inProgress: return "đang giải quyết"
        case .explained: return "giải trình, cung cấp thông tin"
        case .unresolved: return "chưa giải quyết"
        }
    }
}

/// A session of the People's Council (kỳ họp HĐND) before which the voters' petitions are answered.
public struct CouncilSession: Hashable, Sendable {
    public var number: Int
    /// The term in Roman numerals ("XVIII").
    public var term: String
    public var opensOn: CivilDate
    /// The day the answers are due (set for each session).
    public var answerDeadline: CivilDate?

    public init(number: Int, term: String, opensOn: CivilDate, answerDeadline: CivilDate? = nil) {
        self.number = number; self.term = term; self.opensOn = opensOn; self.answerDeadline = answerDeadline
    }

    /// "kỳ họp thứ 5 HĐND quận khóa XVIII".
    public func name(councilOf unitWords: String) -> String {
        "kỳ họp thứ \(number) HĐND \(unitWords) khóa \(term)"
    }
}

/// What an answer must have: an outcome, the answer's text, and for one not resolved, the reason.
public enum PetitionAnswer {
    public static func problems(outcome: PetitionOutcome?, answer: String, reason: String) -> [String] {
        var problems: [String] = []
        if outcome == nil { problems.append("Kết quả giải quyết: chưa chọn") }
        if answer.trimmingWhitespace().isEmpty { problems.append("Nội dung trả lời: chưa ghi") }
        if answer.count > 20_000 { problems.append("Nội dung trả lời: dài quá 20.000 ký tự") }
        if outcome == .unresolved && reason.trimmingWhitespace().isEmpty {
            problems.append("Lý do chưa giải quyết: chưa ghi")
        }
        return problems
    }
}

/// The petitions of a session counted as a report counts them: each group of petitions saying the same is one
/// matter (nội dung); by outcome, those forwarded to a higher level apart, those not yet answered apart.
public struct PetitionCount: Hashable, Sendable {
    public struct Matter: Hashable, Sendable {
        public var petitions: Int
        public var outcome: PetitionOutcome?
        public var forwarded: Bool

        public init(petitions: Int, outcome: PetitionOutcome?, forwarded: Bool) {
            self.petitions = petitions; self.outcome = outcome; self.forwarded = forwarded
        }
    }

    public var matters: [Matter]

    public init(matters: [Matter]) { self.matters = matters }

    public var petitions: Int { matters.map(\.petitions).reduce(0, +) }
    public var forwarded: Int { matters.filter(\.forwarded).count }
    public var ownMatters: [Matter] { matters.filter { !$0.forwarded } }
    public func count(_ outcome: PetitionOutcome) -> Int { ownMatters.filter { $0.outcome == outcome }.count }
    public var unanswered: Int { ownMatters.filter { $0.outcome == nil }.count }

    /// "Cử tri có 12 lượt kiến nghị, tổng hợp thành 9 nội dung; 7 nội dung thuộc thẩm quyền của UBND quận: đã giải
    /// quyết 3, đang giải quyết 2, giải trình, cung cấp thông tin 1, chưa giải quyết 1; 2 nội dung đã chuyển cấp
    /// trên."
    public func sentence(ownBody: String) -> String {
        guard !matters.isEmpty else { return "Không có kiến nghị nào của cử tri." }
        var text = "Cử tri có \(petitions) lượt kiến nghị, tổng hợp thành \(matters.count) nội dung"
        let own = ownMatters.count
        if own > 0 {
            let parts =
                PetitionOutcome.allCases.filter { count($0) > 0 }.map { "\($0.countWords) \(count($0))" }
                + (unanswered > 0 ? ["chưa trả lời \(unanswered)"] : [])
            text += "; \(own) nội dung thuộc thẩm quyền của \(ownBody): " + parts.joined(separator: ", ")
        }
        if forwarded > 0 { text += "; \(forwarded) nội dung đã chuyển cấp trên" }
        return text + "."
    }
}
