/// One figure for an indicator, a unit and a period: a value with its status and qualifier, and, for a sum over
/// units, how complete it is.
public struct Observation: Hashable, Sendable, Codable {
    public var value: Amount
    public var status: ValueStatus
    public var qualifier: Qualifier?
    /// For a sum over units: how many were expected and how many reported. Nil for a unit's own value.
    public var coverage: Coverage?
    /// In the working view: whether the figure holds a value not yet approved.
    public var isDraft: Bool

    public init(
        value: Amount, status: ValueStatus = .final, qualifier: Qualifier? = nil, coverage: Coverage? = nil,
        isDraft: Bool = false
    ) {
        self.value = value; self.status = status; self.qualifier = qualifier; self.coverage = coverage
        self.isDraft = isDraft
    }

    /// Whether every unit expected to report did (always, for a unit's own value).
    public var isComplete: Bool { coverage?.isComplete ?? true }
}

/// Values added up over the lowest-tier units below a unit, for one period code (what the database keeps live).
public struct RolledUp: Hashable, Sendable {
    public var total: Amount
    /// How many units contributed.
    public var contributors: Int
    /// How many of those values are estimates.
    public var estimates: Int
    /// How many of those values are not approved yet (working view).
    public var pending: Int

    public init(total: Amount, contributors: Int, estimates: Int, pending: Int = 0) {
        self.total = total; self.contributors = contributors; self.estimates = estimates; self.pending = pending
    }

    /// The figure this sum stands for, by the indicator's rule across units, with how complete it is against the
    /// units `expected` to report; nil when it does not add up.
    public func observation(_ rule: UnitAggregation, expected: ExpectedUnits? = nil) -> Observation? {
        guard contributors > 0 else { return nil }
        let status: ValueStatus = estimates > 0 ? .estimate : .final
        let coverage = expected.flatMap { e -> Coverage? in
            e.count > 0
                ? Coverage(expected: e.count, reported: contributors, pending: pending, unitWord: e.unitWord) : nil
        }
        switch rule {
        case .sum:
            return Observation(value: total, status: status, coverage: coverage, isDraft: pending > 0)
        case .average:
            guard let mean = Amount.ratio(total, times: 1, over: Amount(contributors)) else { return nil }
            return Observation(value: mean, status: status, coverage: coverage, isDraft: pending > 0)
        case .none: return nil
        }
    }
}
