/// How a figure keeps pace with its annual target, as a dashboard colours it.
///
/// A flow should have reached the share of the year its period covers (50% at six months); a stock is measured
/// against the whole target. Where more is better, reaching the expected share is on track and 85% of it is near;
/// where less is better (poor households, traffic deaths) the target is a ceiling: at most the expected share is on
/// track, up to 115% of it is near.
public enum TargetProgress: String, Sendable {
    case onTrack = "dat"
    case near = "gan_dat"
    case behind = "cham"
    case noTarget = "khong_co_ke_hoach"
    /// A sum that not every expected unit reported: not rated.
    case incomplete = "chua_du_so_lieu"
    /// No figure for the period yet (a target without a value): not rated.
    case noValue = "chua_co_so_lieu"

    /// % of the annual target the period should have reached.
    public static func expectedPercent(_ indicator: Indicator, _ period: Period) -> Amount {
        indicator.timeAggregation == .flow ? flowPace(period) : Amount(100)
    }

    /// The share of the year a period covers, in %: what a flow should have reached (50 at six months).
    public static func flowPace(_ period: Period) -> Amount {
        Amount.ratio(Amount(period.months.count * 100), times: 1, over: Amount(12)) ?? Amount(100)
    }

    public static func of(_ figure: Figure) -> TargetProgress {
        guard let current = figure.current else { return .noValue }
        if !current.isComplete { return .incomplete }
        guard let percent = figure.percentOfTarget else { return .noTarget }
        let expected = expectedPercent(figure.indicator, figure.period)
        // In hundredths of the expected share, exactly.
        let p = Int128(percent.scaled) * 100, e = Int128(expected.scaled)
        switch figure.indicator.betterWhen {
        case .higher: return p >= e * 100 ? .onTrack : (p >= e * 85 ? .near : .behind)
        case .lower: return p <= e * 100 ? .onTrack : (p <= e * 115 ? .near : .behind)
        }
    }
}
