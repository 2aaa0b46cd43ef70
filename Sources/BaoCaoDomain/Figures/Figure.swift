/// An annual target as the comparisons need it.
public struct TargetValue: Hashable, Sendable, Codable {
    public var value: Amount
    public var kind: TargetKind
    public init(value: Amount, kind: TargetKind) { self.value = value; self.kind = kind }
}

/// Everything known about one indicator for one unit and period, and every comparison computed from it.
/// The only place percentages and changes are computed; views, templates and exports read them from here.
public struct Figure: Hashable, Sendable {
    public let indicator: Indicator
    public let period: Period
    public let current: Observation?
    public let target: TargetValue?
    public let lastYear: Observation?
    /// The figure of the period before (month-on-month, quarter-on-quarter), when the period has one.
    public let previous: Observation?

    public init(
        indicator: Indicator, period: Period, current: Observation?, target: TargetValue? = nil,
        lastYear: Observation? = nil, previous: Observation? = nil
    ) {
        self.indicator = indicator; self.period = period; self.current = current; self.target = target
        self.lastYear = lastYear; self.previous = previous
    }

    /// Period value ÷ annual target × 100, at the indicator's decimals.
    public var percentOfTarget: Amount? {
        Comparison.percentOfTarget(current?.value, target: target?.value, decimals: indicator.targetDecimals)
    }

    /// Change against the same period last year, in the indicator's style.
    public var yearOnYear: Change? {
        Comparison.change(
            from: lastYear?.value, to: current?.value, style: indicator.changeStyle,
            decimals: indicator.changeDecimals)
    }

    /// Change against the previous period; percent unless the indicator compares in points or absolute terms.
    public var periodOnPeriod: Change? {
        let style: ChangeStyle = indicator.changeStyle == .ratio ? .percent : indicator.changeStyle
        return Comparison.change(
            from: previous?.value, to: current?.value, style: style,
            decimals: indicator.changeDecimals)
    }
}

/// Builds the figures of derived indicators from the figures of their inputs.
public enum DerivedFigures {
    /// Evaluates `indicator.formula` for the current, last-year and previous periods over `inputs` (by code).
    /// A missing input makes that figure missing. The status is an estimate when any input is.
    public static func figure(
        for indicator: Indicator, period: Period, inputs: [String: Figure],
        target: TargetValue?
    ) -> Figure {
        guard let source = indicator.formula, let formula = try? Formula(source) else {
            return Figure(indicator: indicator, period: period, current: nil, target: target)
        }
        func observe(_ pick: (Figure) -> Observation?) -> Observation? {
            var estimate = false
            let value = formula.evaluate { code in
                guard let f = inputs[code], let o = pick(f) else { return nil }
                if o.status == .estimate { estimate = true }
                return o.value
            }
            return value.map { Observation(value: $0, status: estimate ? .estimate : .final) }
        }
        return Figure(
            indicator: indicator, period: period, current: observe(\.current), target: target,
            lastYear: observe(\.lastYear), previous: observe(\.previous))
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
            previous: previous)
    }
}
