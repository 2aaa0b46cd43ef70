/// The register's figures for a period, as a report writes them: "147 buổi tiếp dân = 135 vụ việc, với 284 lượt
/// người. Tiếp nhận 170 đơn = 149 vụ việc, … đã giải quyết xong 112 đơn = 105 vụ việc".
///
/// Sessions, persons and cases of the reception sessions held in the period; letters received in the period and the
/// cases they make (several letters, one case); of those, the letters closed by the period's last day (resolved,
/// answered, forwarded, guided or archived: handled to the end at this body) and their cases.
public struct RegisterCounts: Hashable, Sendable {
    public var sessions = 0
    public var sessionCases = 0
    public var persons = 0
    public var letters = 0
    public var letterCases = 0
    public var lettersClosed = 0
    public var casesClosed = 0

    public init() {}

    public struct Visit: Hashable, Sendable {
        public var persons: Int
        public var caseKey: String
        public init(persons: Int, caseKey: String) { self.persons = persons; self.caseKey = caseKey }
    }

    public struct Session: Hashable, Sendable {
        public var day: CivilDate
        /// People received at each visit of the session, and the case each came about.
        public var visits: [Visit]
        public init(day: CivilDate, visits: [Visit]) { self.day = day; self.visits = visits }
    }

    public struct Letter: Hashable, Sendable {
        public var receivedOn: CivilDate
        public var caseKey: String
        public var closedOn: CivilDate?
        public init(receivedOn: CivilDate, caseKey: String, closedOn: CivilDate?) {
            self.receivedOn = receivedOn; self.caseKey = caseKey; self.closedOn = closedOn
        }
    }

    /// Counts what falls within `first`…`last`. A case counts once however many sessions or letters it has; a case
    /// is closed when one of its letters received in the period is (the others being duplicates of it).
    public static func of(
        sessions: [Session], letters: [Letter], from first: CivilDate, to last: CivilDate
    )
        -> RegisterCounts
    {
        var c = RegisterCounts()
        var sessionCases: Set<String> = []
        for s in sessions where first <= s.day && s.day <= last {
            c.sessions += 1
            for v in s.visits {
                // Persons are bounded on entry; the sum of a period's visits cannot overflow an Int.
                c.persons += max(0, v.persons)
                sessionCases.insert(v.caseKey)
            }
        }
        c.sessionCases = sessionCases.count
        var cases: Set<String> = []
        var closed: Set<String> = []
        for l in letters where first <= l.receivedOn && l.receivedOn <= last {
            c.letters += 1
            cases.insert(l.caseKey)
            if let d = l.closedOn, d <= last {
                c.lettersClosed += 1
                closed.insert(l.caseKey)
            }
        }
        c.letterCases = cases.count
        c.casesClosed = closed.count
        return c
    }
}

/// One of the register's counts, as a figure.
public enum RegisterMeasure: String, CaseIterable, Hashable, Sendable {
    case sessions = "buoi_tiep"
    case sessionCases = "vu_viec_tiep"
    case persons = "luot_nguoi"
    case letters = "don_tiep_nhan"
    case letterCases = "vu_viec_don"
    case lettersClosed = "don_giai_quyet"
    case casesClosed = "vu_viec_giai_quyet"

    public func value(_ c: RegisterCounts) -> Int {
        switch self {
        case .sessions: return c.sessions
        case .sessionCases: return c.sessionCases
        case .persons: return c.persons
        case .letters: return c.letters
        case .letterCases: return c.letterCases
        case .lettersClosed: return c.lettersClosed
        case .casesClosed: return c.casesClosed
        }
    }
}

/// Which catalogue indicator each of the register's counts feeds (columns so_lieu, chi_tieu): a locality maps its own
/// indicator codes; a count mapped to no indicator is not written.
public struct RegisterIndicators: Hashable, Sendable {
    public static let header = ["so_lieu", "chi_tieu"]
    public var codes: [RegisterMeasure: String]

    public init(codes: [RegisterMeasure: String]) { self.codes = codes }

    public init(rows: [[String]]) throws(ClockRules.Problem) {
        var codes: [RegisterMeasure: String] = [:]
        for row in try RulesTableRow.rows(rows, header: Self.header) {
            let names = RegisterMeasure.allCases.map(\.rawValue).joined(separator: ", ")
            guard let measure = RegisterMeasure(rawValue: row.text("so_lieu")), codes[measure] == nil else {
                throw row.fail("so_lieu", "cần một số liệu (\(names)), mỗi số liệu một lần")
            }
            guard !row.text("chi_tieu").isEmpty else { throw row.fail("chi_tieu", "cần mã chỉ tiêu") }
            codes[measure] = row.text("chi_tieu")
        }
        self.codes = codes
    }
}

extension RegisterCounts {
    /// The share of letters handled to the end, in per cent with one decimal ("65,9"); nil without letters.
    public var closedRate: String? {
        guard letters > 0 else { return nil }
        // At most a few million letters: the product cannot overflow.
        let tenths = (lettersClosed * 1_000 + letters / 2) / letters
        return VietnameseNumber.format(Amount(scaled: Int64(tenths) * Amount.unit / 10), decimals: 1)
    }

    /// "147 buổi tiếp dân = 135 vụ việc, với 284 lượt người. Tiếp nhận 170 đơn = 149 vụ việc, đã giải quyết xong
    /// 112 đơn = 105 vụ việc, đạt tỷ lệ 65,9%."
    public var sentence: String {
        let n = { (x: Int) in Reminder.count(x) }
        var text =
            "\(n(sessions)) buổi tiếp dân = \(n(sessionCases)) vụ việc, với \(n(persons)) lượt người. "
            + "Tiếp nhận \(n(letters)) đơn = \(n(letterCases)) vụ việc"
        if let rate = closedRate {
            text += ", đã giải quyết xong \(n(lettersClosed)) đơn = \(n(casesClosed)) vụ việc, đạt tỷ lệ \(rate)%"
        }
        return text + "."
    }
}
