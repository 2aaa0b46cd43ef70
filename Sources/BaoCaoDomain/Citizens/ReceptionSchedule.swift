/// The tier whose chairman's regular reception days the law sets (Luật Tiếp công dân 2013): province, the former
/// district (until the 2025 reform, Nghị định 141/2025/NĐ-CP moving its duties to province and commune) and commune.
public enum ReceptionTier: String, CaseIterable, Hashable, Sendable, Codable {
    case province = "tinh"
    case district = "huyen"
    case commune = "xa"

    public init?(_ kind: UnitKind) {
        switch kind {
        case .province, .centralCity: self = .province
        case .district, .ruralDistrict, .town, .provincialCity: self = .district
        case .ward, .commune, .townlet, .specialZone: self = .commune
        case .country, .office: return nil
        }
    }
}

/// The span the law counts reception days over.
public enum ReceptionSpan: String, CaseIterable, Hashable, Sendable, Codable {
    case week = "tuan"
    case month = "thang"

    public var words: String { self == .week ? "tuần" : "tháng" }
}

/// "At least `days` days a `span`" for a tier's chairman, in force between two dates, with its citation.
public struct ReceptionRule: Hashable, Sendable {
    public var code: String
    public var tier: ReceptionTier
    public var days: Int
    public var span: ReceptionSpan
    public var inForceFrom: CivilDate
    public var inForceUntil: CivilDate?
    public var citation: String

    /// "ít nhất 1 ngày trong 1 tuần (Luật Tiếp công dân 2013, Điều 15)".
    public var words: String { "ít nhất \(days) ngày trong 1 \(span.words) (\(citation))" }

    public func inForce(on day: CivilDate) -> Bool {
        inForceFrom <= day && (inForceUntil.map { day <= $0 } ?? true)
    }
}

/// The table of regular reception days, read from CSV with the columns of `header`, every row with its citation.
public struct ReceptionRules: Hashable, Sendable {
    public static let header = ["ma", "cap", "so_ngay", "moi", "hieu_luc_tu", "hieu_luc_den", "can_cu"]

    public var rules: [ReceptionRule]

    public init(rules: [ReceptionRule]) { self.rules = rules }

    public func rule(for tier: ReceptionTier, on day: CivilDate) -> ReceptionRule? {
        rules.first { $0.tier == tier && $0.inForce(on: day) }
    }

    public init(rows: [[String]]) throws(ClockRules.Problem) {
        var rules: [ReceptionRule] = []
        for row in try RulesTableRow.rows(rows, header: Self.header) {
            guard let tier = ReceptionTier(rawValue: row.text("cap")) else {
                throw row.fail("cap", "dùng tinh, huyen hoặc xa")
            }
            guard let span = ReceptionSpan(rawValue: row.text("moi")) else {
                throw row.fail("moi", "dùng tuan hoặc thang")
            }
            let inForce = try row.inForce()
            rules.append(
                ReceptionRule(
                    code: row.text("ma"), tier: tier, days: try row.number("so_ngay", 1...31), span: span,
                    inForceFrom: inForce.from, inForceUntil: inForce.until, citation: try row.citation()))
        }
        self.rules = rules
    }
}

/// A chairman's regular reception days checked against the law: for each week or month of a range, the days the
/// schedule planned, the days the chairman received citizens, and whether the legal minimum was kept.
public struct ReceptionCompliance: Hashable, Sendable {
    public struct Span: Hashable, Sendable {
        public var first: CivilDate
        public var last: CivilDate
        public var required: Int
        public var planned: [CivilDate]
        /// Days the chairman received citizens in regular sessions.
        public var held: [CivilDate]
        /// Planned days on which the chairman held no regular session.
        public var missed: [CivilDate] { planned.filter { !held.contains($0) } }
        public var kept: Bool { Set(held).count >= required }
    }

    public var rule: ReceptionRule
    public var spans: [Span]

    public var keptCount: Int { spans.filter(\.kept).count }

    /// The spans (weeks from Monday, or calendar months) overlapping `first`…`last`, under the rule in force on `first`.
    public static func check(
        planned: [CivilDate], held: [CivilDate], rule: ReceptionRule, from first: CivilDate, to last: CivilDate
    ) -> ReceptionCompliance {
        var spans: [Span] = []
        var start: CivilDate
        switch rule.span {
        case .week: start = first.adding(days: -((first.weekday + 6) % 7))
        case .month: start = CivilDate(first.year, first.month, 1)
        }
        while start <= last {
            let end: CivilDate
            switch rule.span {
            case .week: end = start.adding(days: 6)
            case .month:
                end = CivilDate(start.year, start.month, CivilDate.daysIn(month: start.month, year: start.year))
            }
            let inside = { (d: CivilDate) in start <= d && d <= end }
            spans.append(
                Span(
                    first: start, last: end, required: rule.days, planned: planned.filter(inside).sorted(),
                    held: Array(Set(held.filter(inside))).sorted()))
            start = end.adding(days: 1)
        }
        return ReceptionCompliance(rule: rule, spans: spans)
    }
}
