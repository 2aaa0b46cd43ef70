/// How an indicator's result sentence is worded. Every option has the common form of the reference report as default.
public struct Phrasing: Hashable, Sendable, Codable {
    /// How money in triệu đồng is written.
    public enum MoneyStyle: String, CaseIterable, Sendable, Codable {
        /// "693.843 triệu đồng".
        case millions = "trieu"
        /// "553 tỷ 100 triệu đồng".
        case billionsAndMillions = "ty_trieu"
    }

    /// How the % of target joins the value.
    public enum Connector: String, CaseIterable, Sendable, Codable {
        /// "..., bằng 50,10% kế hoạch năm, tăng 9,7% so với cùng kỳ".
        case comma
        /// "..., bằng 54,24% dự toán và tăng 23,62% so với cùng kỳ".
        case and = "va"
    }

    /// Verb before an estimated value: "ước đạt", "ước thực hiện", "ước".
    public var estimateVerb: String
    /// Verb before a final value: "đạt", "thực hiện".
    public var finalVerb: String
    public var moneyStyle: MoneyStyle
    /// Write counts under 10 with a leading zero ("09 giấy phép").
    public var leadingZero: Bool
    /// Verb before the % of target: "bằng" or "đạt".
    public var targetVerb: String
    /// Words after the % of target; nil takes them from the target's kind ("kế hoạch năm" / "dự toán").
    public var targetWords: String?
    public var connector: Connector
    /// Write "so với cùng kỳ năm 2016" instead of "so với cùng kỳ".
    public var namesComparisonYear: Bool
    /// A sentence template that replaces the canonical sentence (see `PhraseTemplate`).
    public var template: String?
    /// Whether the indicator gets its own line in a listing (false when another indicator's template shows it).
    public var standalone: Bool
    /// Write values with their decimals as a maximum, trailing zeros dropped ("2.134,5", not "2.134,50"); nil (as
    /// phrasings stored before it read) is no.
    public var trimsZeros: Bool?

    public var dropsTrailingZeros: Bool { trimsZeros ?? false }

    public init(
        estimateVerb: String = "ước đạt", finalVerb: String = "đạt", moneyStyle: MoneyStyle = .millions,
        leadingZero: Bool = false, targetVerb: String = "bằng", targetWords: String? = nil,
        connector: Connector = .comma, namesComparisonYear: Bool = false, template: String? = nil,
        standalone: Bool = true, trimsZeros: Bool = false
    ) {
        self.estimateVerb = estimateVerb; self.finalVerb = finalVerb; self.moneyStyle = moneyStyle
        self.leadingZero = leadingZero; self.targetVerb = targetVerb; self.targetWords = targetWords
        self.connector = connector; self.namesComparisonYear = namesComparisonYear; self.template = template
        self.standalone = standalone; self.trimsZeros = trimsZeros ? true : nil
    }

    public func verb(for status: ValueStatus) -> String {
        status == .estimate ? estimateVerb : finalVerb
    }

    public func targetWords(for kind: TargetKind) -> String {
        if let targetWords { return targetWords }
        return kind == .budget ? "dự toán" : "kế hoạch năm"
    }
}
