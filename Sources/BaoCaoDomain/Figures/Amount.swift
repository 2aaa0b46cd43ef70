/// An exact decimal quantity with four decimal places, stored as an integer count of ten-thousandths.
///
/// Figures in official reports must never carry binary floating-point artefacts, so every value, target and
/// aggregate is an `Amount`. Four decimals cover every indicator in the catalogue (rates are given to two).
public struct Amount: Hashable, Comparable, Sendable, Codable {
    /// Decimal places kept exactly.
    public static let scale = 4
    /// 10^scale.
    public static let unit: Int64 = 10_000

    /// The value multiplied by 10^4.
    public let scaled: Int64

    public init(scaled: Int64) { self.scaled = scaled }

    public init(_ integer: Int) { self.scaled = Int64(integer) * Amount.unit }

    public static let zero = Amount(scaled: 0)

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.scaled < rhs.scaled }

    public var isZero: Bool { scaled == 0 }
    public var isNegative: Bool { scaled < 0 }
    public var magnitude: Amount { Amount(scaled: scaled.magnitude > UInt64(Int64.max) ? Int64.max : abs(scaled)) }

    public static func + (lhs: Amount, rhs: Amount) -> Amount { Amount(scaled: lhs.scaled + rhs.scaled) }
    public static func - (lhs: Amount, rhs: Amount) -> Amount { Amount(scaled: lhs.scaled - rhs.scaled) }
    public static prefix func - (value: Amount) -> Amount { Amount(scaled: -value.scaled) }

    /// `lhs × numerator ÷ denominator`, rounded half away from zero to four decimals; nil when the denominator is zero.
    public static func ratio(_ lhs: Amount, times numerator: Int64, over denominator: Amount) -> Amount? {
        guard denominator.scaled != 0 else { return nil }
        let value = Rounding.divide(
            Int128(lhs.scaled) * Int128(numerator) * Int128(Amount.unit),
            by: Int128(denominator.scaled))
        return Amount(scaled: Int64(value))
    }

    /// Rounds to `decimals` places (0...4), half away from zero.
    public func rounded(toDecimals decimals: Int) -> Amount {
        let drop = Amount.scale - max(0, min(Amount.scale, decimals))
        guard drop > 0 else { return self }
        let factor = Int128(Rounding.powerOfTen(drop))
        return Amount(scaled: Int64(Rounding.divide(Int128(scaled), by: factor) * factor))
    }

    /// The integer part and the four-digit fraction, for formatting.
    var parts: (integer: UInt64, fraction: UInt64, negative: Bool) {
        let m = scaled.magnitude
        return (m / UInt64(Amount.unit), m % UInt64(Amount.unit), scaled < 0)
    }
}

extension Amount: CustomStringConvertible {
    /// Plain machine form: "-1234.5" (dot decimal, no grouping, no trailing zeros). Used in files and the API.
    public var description: String {
        let (integer, fraction, negative) = parts
        var text = (negative ? "-" : "") + String(integer)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: Amount.scale - digits.count) + digits
            while digits.hasSuffix("0") { digits.removeLast() }
            text += "." + digits
        }
        return text
    }

    /// Parses the plain machine form ("1234.5", "-3", "0.25"); nil if it is not one or has more than four decimals.
    public init?(plain text: String) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard pieces.count <= 2, let whole = pieces.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCIIDigit), whole.count <= 14
        else { return nil }
        var fraction = pieces.count == 2 ? String(pieces[1]) : ""
        guard fraction.count <= Amount.scale, fraction.allSatisfy(\.isASCIIDigit),
            pieces.count == 1 || !fraction.isEmpty
        else { return nil }
        fraction += String(repeating: "0", count: Amount.scale - fraction.count)
        guard let w = Int64(whole), let f = Int64(fraction) else { return nil }
        self.scaled = (negative ? -1 : 1) * (w * Amount.unit + f)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

/// Integer rounding helpers shared by every computation that divides.
enum Rounding {
    /// `numerator ÷ denominator` rounded half away from zero. The denominator must not be zero.
    static func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude, d = denominator.magnitude
        var q = n / d
        if (n % d) * 2 >= d { q += 1 }
        return negative ? -Int128(q) : Int128(q)
    }

    static func powerOfTen(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
