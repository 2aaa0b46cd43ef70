/// One figure for an indicator, a unit and a period: a value with its status and qualifier.
public struct Observation: Hashable, Sendable, Codable {
    public var value: Amount
    public var status: ValueStatus
    public var qualifier: Qualifier?

    public init(value: Amount, status: ValueStatus = .final, qualifier: Qualifier? = nil) {
        self.value = value; self.status = status; self.qualifier = qualifier
    }
}

/// Values added up over the lowest-tier units below a unit, for one period code (what the database keeps live).
public struct RolledUp: Hashable, Sendable {
    public var total: Amount
    /// How many units contributed.
    public var contributors: Int
    /// How many of those values are estimates.
    public var estimates: Int

    public init(total: Amount, contributors: Int, estimates: Int) {
        self.total = total; self.contributors = contributors; self.estimates = estimates
    }

    /// The figure this sum stands for, by the indicator's rule across units; nil when it does not add up.
    public func observation(_ rule: UnitAggregation) -> Observation? {
        guard contributors > 0 else { return nil }
        let status: ValueStatus = estimates > 0 ? .estimate : .final
        switch rule {
        case .sum: return Observation(value: total, status: status)
        case .average:
            guard let mean = Amount.ratio(total, times: 1, over: Amount(contributors)) else { return nil }
            return Observation(value: mean, status: status)
        case .none: return nil
        }
    }
}

/// Rules that turn the values of shorter periods into a longer period's figure.
public enum PeriodCombination {
    /// Combines monthly figures into the figure of `period`: a flow sums every month (all must be present), a stock
    /// takes its last month. Returns nil ("no figure") when a month it needs is missing: never a silent zero.
    public static func combine(
        months: [Int: Observation], into period: Period,
        rule: TimeAggregation
    ) -> Observation? {
        switch rule {
        case .stock:
            return months[period.lastMonth]
        case .flow:
            var total = Amount.zero
            var status = ValueStatus.final
            for month in period.months {
                guard let o = months[month], let sum = total.adding(o.value) else { return nil }
                total = sum
                if o.status == .estimate { status = .estimate }
            }
            let qualifiers = Set(period.months.map { months[$0]?.qualifier })
            return Observation(value: total, status: status, qualifier: qualifiers.count == 1 ? qualifiers.first! : nil)
        }
    }
}
