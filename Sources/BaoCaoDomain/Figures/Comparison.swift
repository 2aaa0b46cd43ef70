/// The direction of a change, as the report words it.
public enum Direction: String, Sendable, Codable {
    case up = "tang"
    case down = "giam"
    case same = "bang"

    public var word: String {
        switch self {
        case .up: return "tăng"
        case .down: return "giảm"
        case .same: return "bằng"
        }
    }
}

/// A computed comparison with an earlier figure.
public struct Change: Hashable, Sendable, Codable {
    public let style: ChangeStyle
    public let direction: Direction
    /// Size of the change, already rounded to the indicator's decimals: the percent, the points, the count, or (for
    /// `ratio`) the ratio in percent.
    public let magnitude: Amount
}

/// Every comparison the report uses. Each returns nil when a figure is missing, a base is zero or the result cannot
/// be represented: "no figure", never a trap.
public enum Comparison {
    /// Period value ÷ annual target × 100, rounded to `decimals`.
    public static func percentOfTarget(_ value: Amount?, target: Amount?, decimals: Int) -> Amount? {
        guard let value, let target, !target.isZero, !target.isNegative else { return nil }
        return percent(value, of: target, decimals: decimals)
    }

    /// `part ÷ whole × 100` rounded half away from zero to `decimals`, computed exactly in integers; nil when the
    /// whole is zero or the percentage is too large to represent (a tiny base under a huge value).
    public static func percent(_ part: Amount, of whole: Amount, decimals: Int) -> Amount? {
        guard !whole.isZero else { return nil }
        let d = max(0, min(Amount.scale, decimals))
        let digits = Int128(Rounding.powerOfTen(d))
        // |part| < 2^63, × 100 × 10^4 stays far below 2^127.
        let rounded = Rounding.divide(Int128(part.scaled) * 100 * digits, by: Int128(whole.scaled))
        let (scaled, overflow) = rounded.multipliedReportingOverflow(
            by: Int128(Rounding.powerOfTen(Amount.scale - d)))
        return overflow ? nil : Amount(exactly: scaled)
    }

    /// The change from `earlier` to `current` in the indicator's style.
    public static func change(
        from earlier: Amount?, to current: Amount?, style: ChangeStyle,
        decimals: Int
    ) -> Change? {
        guard let earlier, let current else { return nil }
        switch style {
        case .percent:
            guard earlier.scaled > 0, let difference = current.subtracting(earlier),
                let p = percent(difference, of: earlier, decimals: decimals)
            else { return nil }
            return make(style, signed: p)
        case .ratio:
            guard earlier.scaled > 0, let p = percent(current, of: earlier, decimals: decimals) else { return nil }
            let direction: Direction = p > Amount(100) ? .up : (p < Amount(100) ? .down : .same)
            return Change(style: style, direction: direction, magnitude: p)
        case .points, .absolute:
            guard let difference = current.subtracting(earlier) else { return nil }
            return difference.rounded(toDecimals: decimals).map { make(style, signed: $0) }
        }
    }

    private static func make(_ style: ChangeStyle, signed: Amount) -> Change {
        let direction: Direction = signed.isZero ? .same : (signed.isNegative ? .down : .up)
        return Change(style: style, direction: direction, magnitude: signed.magnitude)
    }
}
