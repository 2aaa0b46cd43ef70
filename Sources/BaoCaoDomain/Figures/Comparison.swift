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

/// Every comparison the report uses. Each returns nil when a figure is missing or a base is zero: "no figure".
public enum Comparison {
    /// Period value ÷ annual target × 100, rounded to `decimals`.
    public static func percentOfTarget(_ value: Amount?, target: Amount?, decimals: Int) -> Amount? {
        guard let value, let target, !target.isZero, !target.isNegative else { return nil }
        return percent(value, of: target, decimals: decimals)
    }

    /// `part ÷ whole × 100` rounded half away from zero to `decimals`, computed exactly in integers.
    public static func percent(_ part: Amount, of whole: Amount, decimals: Int) -> Amount? {
        guard !whole.isZero else { return nil }
        let d = max(0, min(Amount.scale, decimals))
        let digits = Int128(Rounding.powerOfTen(d))
        let rounded = Rounding.divide(Int128(part.scaled) * 100 * digits, by: Int128(whole.scaled))
        return Amount(scaled: Int64(rounded * Int128(Rounding.powerOfTen(Amount.scale - d))))
    }

    /// The change from `earlier` to `current` in the indicator's style.
    public static func change(
        from earlier: Amount?, to current: Amount?, style: ChangeStyle,
        decimals: Int
    ) -> Change? {
        guard let earlier, let current else { return nil }
        switch style {
        case .percent:
            guard earlier.scaled > 0, let p = percent(current - earlier, of: earlier, decimals: decimals)
            else { return nil }
            return make(style, signed: p)
        case .ratio:
            guard earlier.scaled > 0, let p = percent(current, of: earlier, decimals: decimals) else { return nil }
            let direction: Direction = p > Amount(100) ? .up : (p < Amount(100) ? .down : .same)
            return Change(style: style, direction: direction, magnitude: p)
        case .points, .absolute:
            return make(style, signed: (current - earlier).rounded(toDecimals: decimals))
        }
    }

    private static func make(_ style: ChangeStyle, signed: Amount) -> Change {
        let direction: Direction = signed.isZero ? .same : (signed.isNegative ? .down : .up)
        return Change(style: style, direction: direction, magnitude: signed.magnitude)
    }
}
