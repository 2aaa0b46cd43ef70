/// An entry of the indicator catalogue: what is measured, how it adds up, how it is compared and how it is written.
public struct Indicator: Hashable, Sendable, Codable {
    public var code: String
    /// Vietnamese name as it starts a result sentence: "Giá trị sản xuất công nghiệp trên địa bàn".
    public var name: String
    /// Unit of measure as written after the number: "triệu đồng", "hộ", "giấy phép", "lượt người", "%".
    public var unitOfMeasure: String
    /// The report section it belongs to (a `Field` code).
    public var field: String
    /// Code of the office that owns it, if any.
    public var ownerOffice: String?
    /// Whether the owner office reports the figure, or every commune-level unit below the locality does.
    public var reportedBy: ReportingLevel
    /// Whether more or less is better.
    public var betterWhen: BetterWhen
    public var unitAggregation: UnitAggregation
    public var timeAggregation: TimeAggregation
    /// Decimals written for the value itself.
    public var valueDecimals: Int
    /// Decimals written for "% of target".
    public var targetDecimals: Int
    /// Decimals written for the year-on-year change.
    public var changeDecimals: Int
    public var changeStyle: ChangeStyle
    /// For derived indicators: a formula over other indicators' codes, e.g. `DON_GQ / DON_TN * 100`.
    public var formula: String?
    public var phrasing: Phrasing
    /// Position within its field, for listings and the report.
    public var position: Int
    /// Bounds of the built-in checks (`BuiltInChecks`): whether a negative value is possible, and beyond which
    /// change against last year or % of target a value needs an explanation.
    public var checks: CheckBounds
    /// What it measures, in a sentence (for the entry form's help), and where the figure comes from.
    public var definition: String?
    public var source: String?

    public init(
        code: String, name: String, unitOfMeasure: String, field: String, ownerOffice: String? = nil,
        unitAggregation: UnitAggregation = .sum, timeAggregation: TimeAggregation = .flow,
        valueDecimals: Int = 0, targetDecimals: Int = 2, changeDecimals: Int = 2,
        changeStyle: ChangeStyle = .percent, formula: String? = nil, phrasing: Phrasing = Phrasing(),
        position: Int = 0, reportedBy: ReportingLevel = .office, betterWhen: BetterWhen = .higher,
        checks: CheckBounds = CheckBounds(), definition: String? = nil, source: String? = nil
    ) {
        self.checks = checks; self.definition = definition; self.source = source
        self.reportedBy = reportedBy; self.betterWhen = betterWhen
        self.code = code; self.name = name; self.unitOfMeasure = unitOfMeasure; self.field = field
        self.ownerOffice = ownerOffice; self.unitAggregation = unitAggregation
        self.timeAggregation = timeAggregation; self.valueDecimals = valueDecimals
        self.targetDecimals = targetDecimals; self.changeDecimals = changeDecimals
        self.changeStyle = changeStyle; self.formula = formula; self.phrasing = phrasing; self.position = position
    }

    public var isDerived: Bool { formula != nil }

    /// Whether the unit of measure is money in millions of đồng.
    public var isMoneyInMillions: Bool { unitOfMeasure == "triệu đồng" }
}

/// A section of the report that indicators are grouped under.
public struct Field: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public var position: Int
    public init(code: String, name: String, position: Int) {
        self.code = code; self.name = name; self.position = position
    }
}
