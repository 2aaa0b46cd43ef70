/// How an indicator's values add up across units.
public enum UnitAggregation: String, CaseIterable, Sendable, Codable {
    case sum
    case average
    /// Not additive (a rate, a ranking): only a unit's own value, or a formula over additive indicators.
    case none
}

/// How an indicator's values add up across months.
public enum TimeAggregation: String, CaseIterable, Sendable, Codable {
    /// A flow: the period's figure is the sum of its parts (months, quarters, the first months).
    case flow
    /// A stock: the period's figure is the value at its last month.
    case stock
    /// An average over time (a monthly mean price, an average headcount): its parts weighed by their months.
    case average
    /// Cannot be built over time (an index, a rate, a ratio): entered for each period, or missing.
    case none
}

/// How a figure is compared with the same period last year.
public enum ChangeStyle: String, CaseIterable, Sendable, Codable {
    /// "tăng 9,7% so với cùng kỳ".
    case percent
    /// "bằng 114,5% so với cùng kỳ".
    case ratio
    /// For rates: "tăng 4 điểm phần trăm".
    case points
    /// For small counts: "tăng 01 người chết".
    case absolute
}

/// Whether a value is an estimate ("ước") or a final figure.
public enum ValueStatus: String, CaseIterable, Sendable, Codable {
    case estimate = "uoc"
    case final = "chinh_thuc"
}

/// A word that qualifies a stated figure.
public enum Qualifier: String, CaseIterable, Sendable, Codable {
    case nearly = "gan"
    case over = "tren"
    case more = "hon"
    case about = "khoang"

    public var word: String {
        switch self {
        case .nearly: return "gần"
        case .over: return "trên"
        case .more: return "hơn"
        case .about: return "khoảng"
        }
    }

    /// Accepts the code or the Vietnamese word ("gần", "gan").
    public init?(text: String) {
        let t = text.trimmingWhitespace().lowercased()
        if let q = Qualifier(rawValue: t) { self = q; return }
        guard let q = Qualifier.allCases.first(where: { $0.word == t }) else { return nil }
        self = q
    }
}

/// What an annual target is: a plan resolved by the People's Council, or a budget estimate.
public enum TargetKind: String, CaseIterable, Sendable, Codable {
    case plan = "ke_hoach"
    case budget = "du_toan"
}

/// Whether more is better (revenue, jobs) or less (poor households, traffic deaths): how progress is judged.
public enum BetterWhen: String, CaseIterable, Sendable, Codable {
    case higher = "cao"
    case lower = "thap"
}

/// Who reports an indicator's figure.
public enum ReportingLevel: String, CaseIterable, Sendable, Codable {
    /// The owner office reports the locality's own figure.
    case office = "phong"
    /// Every commune-level unit reports its figure; the locality's figure is their live sum.
    case commune = "xa"
}
