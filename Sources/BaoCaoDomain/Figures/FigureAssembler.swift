/// What storage found for one unit, in one view: its own values and the live sums of the communes below it, by
/// indicator code and period code; its current annual targets by indicator code and year; how many communes were
/// expected to report in each period; and, for sums that are not complete, the sums over the units that reported
/// both this period and an earlier one.
public struct FigureSources: Sendable {
    public var own: [String: [String: Observation]]
    public var rolledUp: [String: [String: RolledUp]]
    public var targets: [String: [Int: TargetValue]]
    /// By period code.
    public var expected: [String: ExpectedUnits]
    /// By indicator code, then the earlier period's code.
    public var matched: [String: [String: MatchedSums]]
    /// For a unit formed since the same period last year: that period's figures rebuilt from its predecessors.
    public var rebuiltLastYear: Baseline.Rebuilt?

    public init(
        own: [String: [String: Observation]] = [:], rolledUp: [String: [String: RolledUp]] = [:],
        targets: [String: [Int: TargetValue]] = [:], expected: [String: ExpectedUnits] = [:],
        matched: [String: [String: MatchedSums]] = [:]
    ) {
        self.own = own; self.rolledUp = rolledUp; self.targets = targets; self.expected = expected
        self.matched = matched
    }

    /// The periods whose figures resolve `period`: the period, the same period last year and the period before.
    public static func comparedPeriods(for period: Period) -> [Period] {
        [period, period.sameTimeLastYear] + (period.previous.map { [$0] } ?? [])
    }

    /// The period codes storage must fetch: those periods and every part they can be built from.
    public static func periodCodes(for period: Period) -> Set<String> {
        Set(comparedPeriods(for: period).flatMap { $0.parts.map(\.code) })
    }
}

/// Resolves every indicator's figure for one unit and period from `FigureSources`.
///
/// Order of precedence for a figure: the unit's own value for exactly that period; else its own values of shorter
/// periods built up by `PeriodCombination`; else the live sum of the communes below it for that period, with how
/// complete it is; else those sums built up from shorter periods. Derived indicators are computed from the
/// resolved figures.
public enum FigureAssembler {
    public static func figures(for indicators: [Indicator], period: Period, sources: FigureSources) -> [Figure] {
        var byCode: [String: Figure] = [:]
        let lastYear = period.sameTimeLastYear
        // Each period's parts, by code: parsed once for every indicator.
        var parts: [String: [(String, Period)]] = [:]
        for p in FigureSources.comparedPeriods(for: period) { parts[p.code] = p.parts.map { ($0.code, $0) } }
        for indicator in indicators where !indicator.isDerived {
            func resolve(_ p: Period) -> Observation? { observation(indicator, p, parts[p.code] ?? [], sources) }
            let matched = sources.matched[indicator.code] ?? [:]
            var own = resolve(lastYear)
            var rebuilt: (observation: Observation?, basis: Baseline.Basis?, gap: String?)?
            if let r = sources.rebuiltLastYear, r.continuing {
                // A unit that took others in: its own figure and theirs, or none (never its own alone).
                rebuilt = continuingLastYear(indicator, own, r)
                own = nil
            } else if own == nil, let r = sources.rebuiltLastYear {
                rebuilt = rebuiltLastYear(indicator, lastYear, r, sources)
            }
            byCode[indicator.code] = Figure(
                indicator: indicator, period: period, current: resolve(period),
                target: sources.targets[indicator.code]?[period.year],
                lastYear: own ?? rebuilt?.observation, previous: period.previous.flatMap(resolve),
                lastYearMatched: matched[lastYear.code], previousMatched: period.previous.flatMap { matched[$0.code] },
                lastYearRebuilt: rebuilt?.observation == nil ? nil : rebuilt?.basis,
                lastYearGap: rebuilt?.gap)
        }
        for indicator in indicators where indicator.isDerived {
            byCode[indicator.code] = DerivedFigures.figure(
                for: indicator, period: period, inputs: byCode, target: sources.targets[indicator.code]?[period.year])
        }
        return indicators.compactMap { byCode[$0.code] }
    }

    /// Last year's figure of a unit formed since, from its predecessors: as rebuilt when they cover the whole period;
    /// for a unit formed within it, their months before joined to the unit's own months after (a flow adds them; a
    /// stock's value is the unit's own at the period's end). Without the unit's own months, no figure, and why.
    static func rebuiltLastYear(
        _ indicator: Indicator, _ lastYear: Period, _ rebuilt: Baseline.Rebuilt, _ sources: FigureSources
    ) -> (observation: Observation?, basis: Baseline.Basis, gap: String?) {
        guard let before = rebuilt.observations[indicator.code] else {
            return (nil, rebuilt.basis, rebuilt.gaps[indicator.code])
        }
        guard let span = rebuilt.span, span != lastYear, let joined = rebuilt.basis.joined else {
            return (before, rebuilt.basis, nil)
        }
        var parts: [Period: Observation] = [span: before]
        let own = sources.own[indicator.code] ?? [:]
        for part in lastYear.parts where part.firstMonth > joined.lastMonth {
            if let o = own[part.code] { parts[part] = o }
        }
        if let whole = PeriodCombination.combine(parts, into: lastYear, rule: indicator.timeAggregation) {
            return (whole, rebuilt.basis, nil)
        }
        return (
            nil, rebuilt.basis,
            "chưa có số liệu của \(joined.unitWords) từ tháng \(joined.lastMonth + 1) đến tháng \(lastYear.lastMonth) năm "
                + "\(lastYear.year) để ghép với số liệu của các đơn vị cũ đến hết tháng \(joined.lastMonth)"
        )
    }

    /// Last year's figure of a unit that continued and took others in: its own complete figure and what it took in;
    /// its own incomplete sum as it is (compared on the units that reported both, never as a whole).
    static func continuingLastYear(
        _ indicator: Indicator, _ own: Observation?, _ rebuilt: Baseline.Rebuilt
    ) -> (observation: Observation?, basis: Baseline.Basis?, gap: String?) {
        let name = rebuilt.basis.continuing?.unitWords ?? ""
        guard let own else { return (nil, rebuilt.basis, "chưa có số liệu cùng kỳ của \(name)") }
        // An incomplete sum is compared on the units that reported both periods, wherever they were then.
        guard own.isComplete else { return (own, nil, nil) }
        guard let before = rebuilt.observations[indicator.code] else {
            return (nil, rebuilt.basis, rebuilt.gaps[indicator.code])
        }
        guard let total = own.value.adding(before.value) else {
            return (nil, rebuilt.basis, "số liệu cùng kỳ dựng lại vượt giới hạn tính toán")
        }
        let estimate = own.status == .estimate || before.status == .estimate
        return (
            Observation(value: total, status: estimate ? .estimate : .final, isDraft: own.isDraft || before.isDraft),
            rebuilt.basis, nil
        )
    }

    /// `parts` are the period's parts (itself included), by code.
    static func observation(
        _ indicator: Indicator, _ period: Period, _ parts: [(String, Period)], _ sources: FigureSources
    ) -> Observation? {
        let own = sources.own[indicator.code] ?? [:]
        if let exact = own[period.code] { return exact }
        var ownParts: [Period: Observation] = [:]
        for (code, p) in parts { if let o = own[code] { ownParts[p] = o } }
        if let built = PeriodCombination.combine(ownParts, into: period, rule: indicator.timeAggregation) {
            return built
        }
        guard indicator.unitAggregation != .none, let sums = sources.rolledUp[indicator.code] else { return nil }
        func sum(_ code: String) -> Observation? {
            sums[code]?.observation(indicator.unitAggregation, expected: sources.expected[code])
        }
        if let exact = sum(period.code) { return exact }
        var sumParts: [Period: Observation] = [:]
        for (code, p) in parts { if let o = sum(code) { sumParts[p] = o } }
        guard var built = PeriodCombination.combine(sumParts, into: period, rule: indicator.timeAggregation) else {
            return nil
        }
        // Parts may be expected of fewer units than the whole period (a unit that started mid-year).
        if let expected = sources.expected[period.code], var coverage = built.coverage {
            coverage.expected = max(coverage.expected, expected.count)
            built.coverage = coverage
        }
        return built
    }
}
