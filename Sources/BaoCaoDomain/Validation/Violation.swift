/// A rule a unit's figures break, with what to say and where it belongs.
public struct Violation: Hashable, Sendable {
    /// Stable per unit and period: the rule's code, or a built-in check and the indicator ("am:HKD_MOI").
    public var key: String
    public var severity: RuleSeverity
    /// Vietnamese, with the numbers that break the rule.
    public var message: String
    /// The indicators it concerns, to mark their rows and find their lines in a file.
    public var indicators: [String]

    public init(key: String, severity: RuleSeverity, message: String, indicators: [String]) {
        self.key = key; self.severity = severity; self.message = message; self.indicators = indicators
    }

    /// "Lỗi: ..." / "Cảnh báo: ...".
    public var text: String { "\(severity.vietnameseName): \(message)" }
}
