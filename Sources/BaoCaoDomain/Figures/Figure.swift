/// An annual target as the comparisons need it.
public struct TargetValue: Hashable, Sendable, Codable {
    public var value: Amount
    public var kind: TargetKind
    public init(value: Amount, kind: TargetKind) { self.value = value; self.kind = kind }
}

/// Everything known about one indicator for one unit and period, and every comparison computed from it.
/// The only place percentages and changes are computed; views, templates and exports read them from here.
///
/// A sum over units that not every expected unit reported is never compared as if complete: it gets no % of
/// target, and it is compared with an earlier period only on the units that reported both (`lastYearMatched`).
public struct Figure: Hashable, Sendable {
    public let indicator: Indicator
    public let period: Period
    public let current: Observation?
    public let target: TargetValue?
    public let lastYear: Observation?
    /// The figure of the period before (month-on-month, quarter-on-quarter), when the period has one.
    public let previous: Observation?
    /// Sums over the units that reported both this period and the same period last year, for incomplete sums.
    public let lastYearMatched: MatchedSums?
    /// The same against the period before.
    public let previousMatched: MatchedSums?
    /// For a unit that did not exist last year: the units `lastYear` was rebuilt from (nil when it is the unit's own).
    public let lastYearRebuilt: Baseline.Basis?
    /// Why a unit that did not exist last year has no rebuilt `lastYear` (a share to enter, a figure that does not
    /// add up over units).
    public let lastYearGap: String?

    public init(
        indicator: Indicator, period: Period, current: Observation?, target: TargetValue? = nil,
        lastYear: Observation? = nil, previous: Observation? = nil, lastYearMatched: MatchedSums? = nil,
        previousMatched: MatchedSums? = nil, lastYearRebuilt: Baseline.Basis? = nil, lastYearGap: String? = nil
    ) {
        self.indicator = indicator; self.period = period; self.current = current; self.target = target
        self.lastYear = lastYear; self.previous = previous; self.lastYearMatched = lastYearMatched
        self.previousMatched = previousMatched; self.lastYearRebuilt = lastYearRebuilt; self.lastYearGap = lastYearGap
    }

    /// Period value ÷ annual target × 100, at the indicator's decimals; none for an incomplete sum.
    public var percentOfTarget: Amount? {
        guard current?.isComplete ?? false else { return nil }
        return Comparison.percentOfTarget(current?.value, target: target?.value, decimals: indicator.targetDecimals)
    }

    /// Change against the same period last year, in the indicator's style, like with like.
    public var yearOnYear: Change? {
        basis(lastYear, lastYearMatched).pair.flatMap {
            Comparison.change(
                from: $0.earlier, to: $0.current, style: indicator.changeStyle, decimals: indicator.changeDecimals)
        }
    }

    /// Change against the previous period; percent unless the indicator compares in points or absolute terms.
    public var periodOnPeriod: Change? {
        let style: ChangeStyle = indicator.changeStyle == .ratio ? .percent : indicator.changeStyle
        return basis(previous, previousMatched).pair.flatMap {
            Comparison.change(from: $0.earlier, to: $0.current, style: style, decimals: indicator.changeDecimals)
        }
    }

    /// On what a comparison with the same period last year stands.
    public var yearOnYearBasis: ComparisonBasis { basis(lastYear, lastYearMatched) }

    public var periodOnPeriodBasis: ComparisonBasis { basis(previous, previousMatched) }

    func basis(_ earlier: Observation?, _ matched: MatchedSums?) -> ComparisonBasis {
        guard let current, let earlier else { return .unavailable }
        if current.isComplete && earlier.isComplete { return .whole(current: current.value, earlier: earlier.value) }
        if let matched, matched.units > 0 { return .matched(matched) }
        return .unavailable
    }
}

/// What a comparison with an earlier period is computed on.
public enum ComparisonBasis: Hashable, Sendable {
    /// Both figures are complete.
    case whole(current: Amount, earlier: Amount)
    /// At least one is an incomplete sum: the units that reported both periods.
    case matched(MatchedSums)
    /// Nothing comparable.
    case unavailable

    var pair: (current: Amount, earlier: Amount)? {
        switch self {
        case .whole(let current, let earlier): return (current, earlier)
        case .matched(let m): return (m.current, m.earlier)
        case .unavailable: return nil
        }
    }
}

/// Builds the figures of derived indicators from the figures of their inputs.
public enum DerivedFigures {
    /// Evaluates `indicator.formula` for the current, last-year and previous periods over `inputs` (by code).
    /// A missing input makes that figure missing. The status is an estimate when any input is; the figure is as
    /// complete as its least complete input, and a draft when any input is.
    public static func figure(
        for indicator: Indicator, period: Period, inputs: [String: Figure],
        target: TargetValue?
    ) -> Figure {
        guard let source = indicator.formula, let formula = try? Formula.parsed(source) else {
            return Figure(indicator: indicator, period: period, current: nil, target: target)
        }
        func observe(_ pick: (Figure) -> Observation?) -> Observation? {
            var used: [Observation] = []
            let value = formula.evaluate { code in
                guard let f = inputs[code], let o = pick(f) else { return nil }
                used.append(o)
                return o.value
            }
            return value.map {
                Observation(
                    value: $0, status: used.contains { $0.status == .estimate } ? .estimate : .final,
                    coverage: used.first { !$0.isComplete }?.coverage, isDraft: used.contains(where: \.isDraft))
            }
        }
        // A rate over rebuilt inputs is itself rebuilt, from its rebuilt numerator and denominator.
        let lastYear = observe(\.lastYear)
        let inputs = formula.references.compactMap { inputs[$0] }
        return Figure(
            indicator: indicator, period: period, current: observe(\.current), target: target,
            lastYear: lastYear, previous: observe(\.previous),
            lastYearRebuilt: lastYear == nil ? nil : inputs.lazy.compactMap(\.lastYearRebuilt).first,
            lastYearGap: lastYear != nil ? nil : inputs.lazy.compactMap(\.lastYearGap).first)
    }
}

extension Figure {
    /// The same figure worded differently where one sentence needs it (a report paragraph that says "đạt" where
    /// the catalogue says "bằng", or names the comparison year), leaving the catalogue's phrasing alone.
    public func rephrased(_ change: (inout Phrasing) -> Void) -> Figure {
        var indicator = self.indicator
        change(&indicator.phrasing)
        return Figure(
            indicator: indicator, period: period, current: current, target: target, lastYear: lastYear,
            previous: previous, lastYearMatched: lastYearMatched, previousMatched: previousMatched,
            lastYearRebuilt: lastYearRebuilt, lastYearGap: lastYearGap)
    }
}
