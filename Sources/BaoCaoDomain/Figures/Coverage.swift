/// How complete a sum over units is: how many units were expected to report it (the commune-level units in force
/// during the period below the locality), how many did, and how many of those are not yet approved.
public struct Coverage: Hashable, Sendable, Codable {
    public var expected: Int
    public var reported: Int
    /// Reported values not yet approved: counted in the working view only.
    public var pending: Int
    /// What the units are called: "phường", "xã", "đơn vị cấp xã".
    public var unitWord: String

    public init(expected: Int, reported: Int, pending: Int = 0, unitWord: String) {
        self.expected = expected; self.reported = reported; self.pending = pending; self.unitWord = unitWord
    }

    public var isComplete: Bool { reported >= expected }

    /// "1/13 phường".
    public var fraction: String { "\(reported)/\(expected) \(unitWord)" }

    /// The word for a set of commune-level units: the common kind when they share one, else the tier's name.
    public static func unitWord(for kinds: Set<UnitKind>) -> String {
        kinds.count == 1 ? kinds.first!.vietnameseName : "đơn vị cấp xã"
    }
}

/// The commune-level units expected to report in a period below a unit: how many, and what they are called.
public struct ExpectedUnits: Hashable, Sendable {
    public var count: Int
    public var unitWord: String
    public init(count: Int, unitWord: String) { self.count = count; self.unitWord = unitWord }
}

/// Sums over the same units in two periods: the units that reported both. An incomplete sum is compared with its
/// earlier period on these, like with like, never on two different sets of units.
public struct MatchedSums: Hashable, Sendable {
    /// The sum of those units this period.
    public var current: Amount
    /// The sum of the same units in the earlier period.
    public var earlier: Amount
    public var units: Int
    /// How many of those units were formed since the earlier period: their earlier figure is rebuilt from the units
    /// they were formed from (`Baseline`).
    public var rebuilt: Int
    public init(current: Amount, earlier: Amount, units: Int, rebuilt: Int = 0) {
        self.current = current; self.earlier = earlier; self.units = units; self.rebuilt = rebuilt
    }
}
