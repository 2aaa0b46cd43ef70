/// The bounds of an indicator's built-in checks, set in the catalogue.
public struct CheckBounds: Hashable, Sendable, Codable {
    /// A value below zero is an error unless the indicator allows it (a balance, a growth rate).
    public var allowsNegative: Bool
    /// A change against the same period last year of more than this many percent (up or down) is a warning; 0
    /// turns the check off. For indicators compared in percent or as a ratio.
    public var changePercent: Int
    /// A % of the annual target above this is a warning; 0 turns the check off.
    public var targetPercent: Int

    public static let defaultChangePercent = 50
    public static let defaultTargetPercent = 150

    public init(
        allowsNegative: Bool = false, changePercent: Int = CheckBounds.defaultChangePercent,
        targetPercent: Int = CheckBounds.defaultTargetPercent
    ) {
        self.allowsNegative = allowsNegative; self.changePercent = changePercent; self.targetPercent = targetPercent
    }
}
