/// A step of a complaint's or denunciation's handling that the law puts a time limit on: accepting it for resolution
/// (thụ lý) counted from receipt, and resolving it counted from acceptance.
public enum ClockStep: String, CaseIterable, Hashable, Sendable, Codable {
    case acceptance = "thu_ly"
    case resolution = "giai_quyet"

    public var vietnameseName: String {
        switch self {
        case .acceptance: return "Thụ lý"
        case .resolution: return "Giải quyết"
        }
    }
}

/// How a rule counts: calendar days (a limit ending on a weekend or holiday ends on the next working day, Bộ luật
/// Dân sự 2015, Điều 148 khoản 5) or working days (weekends and the province's holidays not counted).
public enum DayKind: String, CaseIterable, Hashable, Sendable, Codable {
    case calendar = "ngay"
    case working = "ngay_lam_viec"

    public var words: String { self == .calendar ? "ngày" : "ngày làm việc" }
}

/// One legal time limit with its citation: for a kind of letter and a step, in force between two dates, for the
/// first or second complaint, a complexity and remote areas or not; how many days, counted how; how many extensions
/// of how many days a decision may grant.
public struct ClockRule: Hashable, Sendable {
    public var code: String
    public var kind: LetterKind
    public var step: ClockStep
    /// 1 or 2 for a complaint (lần đầu, lần hai); nil: any.
    public var round: Int?
    /// nil: any. A case more complex than the rule's takes the rule of the highest complexity not above its own.
    public var complexity: CaseComplexity?
    /// nil: any; true only for remote, hard-to-reach areas (vùng sâu, vùng xa đi lại khó khăn).
    public var remote: Bool?
    public var days: Int
    public var dayKind: DayKind
    public var extensionDays: Int
    public var extensions: Int
    public var inForceFrom: CivilDate
    public var inForceUntil: CivilDate?
    public var citation: String

    /// "30 ngày (Luật Khiếu nại 2011, Điều 28)".
    public var words: String { "\(days) \(dayKind.words) (\(citation))" }

    func applies(
        kind: LetterKind, step: ClockStep, round: Int, complexity: CaseComplexity, remote: Bool, on day: CivilDate
    ) -> Bool {
        self.kind == kind && self.step == step && (self.round ?? round) == round
            && (self.remote ?? remote) == remote && (self.complexity ?? complexity) <= complexity
            && inForceFrom <= day && (inForceUntil.map { day <= $0 } ?? true)
    }
}

/// The table of legal time limits a body works by: data with a citation on every row (the laws change; a locality
/// corrects or extends the table without a new release). Read from CSV with the columns of `header`.
public struct ClockRules: Hashable, Sendable {
    public static let header = [
        "ma", "loai_don", "buoc", "lan", "muc_do", "vung_sau", "so_ngay", "cach_tinh", "gia_han_ngay",
        "so_lan_gia_han", "hieu_luc_tu", "hieu_luc_den", "can_cu",
    ]

    public var rules: [ClockRule]

    public init(rules: [ClockRule]) { self.rules = rules }

    /// A row that cannot be read: its line and what is wrong, in Vietnamese.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public init(line: Int, message: String) { self.line = line; self.message = message }
        public var description: String { "Bảng quy định, dòng \(line): \(message)" }
    }

    /// The rule for a step of a letter received or accepted on `day`: the one in force that day for its kind, round,
    /// area and complexity, the most specific first (a complexity nearest the case's, a stated area or round).
    public func rule(
        _ kind: LetterKind, _ step: ClockStep, round: Int = 1, complexity: CaseComplexity = .ordinary,
        remote: Bool = false, on day: CivilDate
    ) -> ClockRule? {
        rules.filter {
            $0.applies(kind: kind, step: step, round: round, complexity: complexity, remote: remote, on: day)
        }
        .max { a, b in a.specificity < b.specificity }
    }

    /// Reads the table from CSV rows (the header first). Every row must be whole: a row that cannot be read refuses
    /// the table, with its line.
    public init(rows: [[String]]) throws(Problem) {
        var rules: [ClockRule] = []
        var codes: Set<String> = []
        for row in try RulesTableRow.rows(rows, header: Self.header) {
            let code = row.text("ma")
            guard !code.isEmpty, codes.insert(code).inserted else { throw row.fail("ma", "trống hoặc trùng") }
            guard let kind = LetterKind(rawValue: row.text("loai_don")), kind.hasLegalClock else {
                throw row.fail("loai_don", "dùng khieu_nai hoặc to_cao")
            }
            guard let step = ClockStep(rawValue: row.text("buoc")) else {
                throw row.fail("buoc", "dùng thu_ly hoặc giai_quyet")
            }
            let round: Int? = row.text("lan").isEmpty ? nil : try row.number("lan", 1...2)
            let complexity: CaseComplexity?
            if row.text("muc_do").isEmpty {
                complexity = nil
            } else {
                guard let c = CaseComplexity(rawValue: row.text("muc_do")) else {
                    throw row.fail("muc_do", "dùng thuong, phuc_tap hoặc dac_biet_phuc_tap")
                }
                complexity = c
            }
            let remote: Bool?
            switch row.text("vung_sau") {
            case "": remote = nil
            case "co": remote = true
            case "khong": remote = false
            default: throw row.fail("vung_sau", "dùng co, khong hoặc để trống")
            }
            guard let dayKind = DayKind(rawValue: row.text("cach_tinh")) else {
                throw row.fail("cach_tinh", "dùng ngay hoặc ngay_lam_viec")
            }
            let inForce = try row.inForce()
            rules.append(
                ClockRule(
                    code: code, kind: kind, step: step, round: round, complexity: complexity, remote: remote,
                    days: try row.number("so_ngay", 1...365), dayKind: dayKind,
                    extensionDays: try row.number("gia_han_ngay", 0...365),
                    extensions: try row.number("so_lan_gia_han", 0...5), inForceFrom: inForce.from,
                    inForceUntil: inForce.until, citation: try row.citation()))
        }
        self.rules = rules
    }
}

extension ClockRule {
    fileprivate var specificity: Int {
        (complexity.map { CaseComplexity.allCases.firstIndex(of: $0)! + 1 } ?? 0) * 4 + (remote == nil ? 0 : 2)
            + (round == nil ? 0 : 1)
    }
}
