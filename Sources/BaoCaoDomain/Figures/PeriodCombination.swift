/// Rules that build a longer period's figure from the figures of shorter ones: a 9-month figure from the first six
/// months and the third quarter, from three quarters, or from nine months.
///
/// A flow adds its parts, a stock takes the value at the period's last month, an average weighs each part by its
/// months; an indicator that cannot be added over time (an index, a rate, a ratio) gets no figure it was not given.
/// Parts must cover every month exactly once; a gap gives no figure, never a partial sum.
public enum PeriodCombination {
    /// The figure of `period` from the `parts` available (figures of other periods of the same year), or nil.
    public static func combine(
        _ parts: [Period: Observation], into period: Period, rule: TimeAggregation
    ) -> Observation? {
        switch rule {
        case .none: return nil
        case .stock:
            return stockSource(period, from: Set(parts.keys)).flatMap { parts[$0] }
        case .flow, .average:
            guard let cover = cover(period, from: Set(parts.keys)) else { return nil }
            let pieces = cover.compactMap { p in parts[p].map { (p, $0) } }
            return rule == .flow ? sum(pieces) : weightedAverage(pieces)
        }
    }

    /// Where a stock's value at the period's last month comes from: the most specific available period ending there.
    public static func stockSource(_ period: Period, from available: Set<Period>) -> Period? {
        available.filter {
            $0.year == period.year && $0.lastMonth == period.lastMonth && $0.firstMonth >= period.firstMonth
        }.min { ($0.months.count, $0.code) < ($1.months.count, $1.code) }
    }

    /// The fewest available periods that together cover `period`'s months exactly once, in order; nil when none do.
    public static func cover(_ period: Period, from available: Set<Period>) -> [Period]? {
        let candidates = available.filter {
            $0.year == period.year && $0.firstMonth >= period.firstMonth && $0.lastMonth <= period.lastMonth
        }
        var startingAt: [Int: [Period]] = [:]
        for p in candidates { startingAt[p.firstMonth, default: []].append(p) }
        var best: [Int: [Period]?] = [:]
        func from(_ month: Int) -> [Period]? {
            if month > period.lastMonth { return [] }
            if let known = best[month] { return known }
            var found: [Period]?
            for p in (startingAt[month] ?? []).sorted(by: { $0.code < $1.code }) {
                guard let rest = from(p.lastMonth + 1) else { continue }
                if found == nil || rest.count + 1 < found!.count { found = [p] + rest }
            }
            best[month] = found
            return found
        }
        return from(period.firstMonth)
    }

    /// An entered figure of `period` that differs from the figure its other entered parts make: a warning, since
    /// the entered figure is the one used.
    public static func conflict(
        _ entered: [Period: Observation], period: Period, rule: TimeAggregation
    ) -> (entered: Amount, built: Amount, parts: [Period])? {
        guard let own = entered[period], period.months.count > 1 else { return nil }
        var others = entered
        others[period] = nil
        guard let built = combine(others, into: period, rule: rule), built.value != own.value else { return nil }
        let available = Set(others.keys)
        let parts =
            rule == .stock
            ? stockSource(period, from: available).map { [$0] } ?? [] : cover(period, from: available) ?? []
        return (own.value, built.value, parts)
    }

    /// Monthly figures combined: the common case of `combine`.
    public static func combine(months: [Int: Observation], into period: Period, rule: TimeAggregation) -> Observation? {
        var parts: [Period: Observation] = [:]
        for (m, o) in months { parts[.month(period.year, m)] = o }
        return combine(parts, into: period, rule: rule)
    }

    static func sum(_ pieces: [(Period, Observation)]) -> Observation? {
        guard let total = Amount.sum(pieces.map(\.1.value)) else { return nil }
        return merged(pieces.map(\.1), value: total)
    }

    static func weightedAverage(_ pieces: [(Period, Observation)]) -> Observation? {
        var weighted: Int128 = 0
        var months = 0
        for (p, o) in pieces {
            weighted += Int128(o.value.scaled) * Int128(p.months.count)
            months += p.months.count
        }
        guard months > 0, let value = Amount(exactly: Rounding.divide(weighted, by: Int128(months))) else {
            return nil
        }
        return merged(pieces.map(\.1), value: value)
    }

    /// Status, qualifier and coverage of a figure built from parts: an estimate if any part is; the qualifier all
    /// parts share; no more complete than its least complete part.
    static func merged(_ parts: [Observation], value: Amount) -> Observation {
        let status: ValueStatus = parts.contains { $0.status == .estimate } ? .estimate : .final
        let qualifiers = Set(parts.map(\.qualifier))
        let coverages = parts.compactMap(\.coverage)
        let coverage = coverages.first.map { first in
            Coverage(
                expected: coverages.map(\.expected).max() ?? first.expected,
                reported: coverages.map(\.reported).min() ?? first.reported,
                pending: coverages.map(\.pending).max() ?? 0, unitWord: first.unitWord)
        }
        return Observation(
            value: value, status: status, qualifier: qualifiers.count == 1 ? qualifiers.first! : nil,
            coverage: coverage, isDraft: parts.contains(where: \.isDraft))
    }
}
