/// What storage found for one unit: its own values and the live sums of the communes below it, by indicator code and
/// period code, and its current annual targets by indicator code and year.
public struct FigureSources: Sendable {
    public var own: [String: [String: Observation]]
    public var rolledUp: [String: [String: RolledUp]]
    public var targets: [String: [Int: TargetValue]]

    public init(
        own: [String: [String: Observation]] = [:], rolledUp: [String: [String: RolledUp]] = [:],
        targets: [String: [Int: TargetValue]] = [:]
    ) {
        self.own = own; self.rolledUp = rolledUp; self.targets = targets
    }

    /// The period codes storage must fetch to resolve `period`, its same period last year and the period before.
    public static func periodCodes(for period: Period) -> Set<String> {
        var periods = [period, period.sameTimeLastYear]
        if let previous = period.previous { periods.append(previous) }
        var codes = Set<String>()
        for p in periods {
            codes.insert(p.code)
            for m in p.months { codes.insert(Period.month(p.year, m).code) }
        }
        return codes
    }
}

/// Resolves every indicator's figure for one unit and period from `FigureSources`.
///
/// Order of precedence for a figure: the unit's own value for exactly that period; else its own monthly values
/// combined over the period (flow: sum, stock: last month); else the live sum of the communes below it for that
/// period; else those sums combined over months. Derived indicators are computed from the resolved figures.
public enum FigureAssembler {
    public static func figures(for indicators: [Indicator], period: Period, sources: FigureSources) -> [Figure] {
        var byCode: [String: Figure] = [:]
        for indicator in indicators where !indicator.isDerived {
            func resolve(_ p: Period) -> Observation? { observation(indicator, p, sources) }
            byCode[indicator.code] = Figure(
                indicator: indicator, period: period, current: resolve(period),
                target: sources.targets[indicator.code]?[period.year],
                lastYear: resolve(period.sameTimeLastYear), previous: period.previous.flatMap(resolve))
        }
        for indicator in indicators where indicator.isDerived {
            byCode[indicator.code] = DerivedFigures.figure(
                for: indicator, period: period, inputs: byCode, target: sources.targets[indicator.code]?[period.year])
        }
        return indicators.compactMap { byCode[$0.code] }
    }

    static func observation(_ indicator: Indicator, _ period: Period, _ sources: FigureSources) -> Observation? {
        let own = sources.own[indicator.code] ?? [:]
        if let exact = own[period.code] { return exact }
        if period.months.count > 1, let combined = combine(own, indicator, period) { return combined }
        guard indicator.unitAggregation != .none, let sums = sources.rolledUp[indicator.code] else { return nil }
        if let exact = sums[period.code]?.observation(indicator.unitAggregation) { return exact }
        guard period.months.count > 1 else { return nil }
        return combine(sums.compactMapValues { $0.observation(indicator.unitAggregation) }, indicator, period)
    }

    static func combine(_ byCode: [String: Observation], _ indicator: Indicator, _ period: Period) -> Observation? {
        var months: [Int: Observation] = [:]
        for m in period.months {
            if let o = byCode[Period.month(period.year, m).code] { months[m] = o }
        }
        guard !months.isEmpty else { return nil }
        return PeriodCombination.combine(months: months, into: period, rule: indicator.timeAggregation)
    }
}
