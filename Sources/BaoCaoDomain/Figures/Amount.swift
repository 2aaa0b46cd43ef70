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

    /// A whole number of units; for counts and constants the code itself writes (|integer| below 922 trillion).
    public init(_ integer: Int) { self.scaled = Int64(integer) * Amount.unit }

    public static let zero = Amount(scaled: 0)

    /// The largest magnitude a person or a file may enter: 999.999.999.999,9999. Entry and import refuse more, so
    /// that sums of many values, products and percentages stay far from the edge of 64 bits; every computation is
    /// checked anyway and gives "no figure" rather than trapping.
    public static let inputLimit = Amount(scaled: 9_999_999_999_999_999)

    /// Whether a person or a file may enter this value (|value| ≤ `inputLimit`).
    public var isWithinInputLimit: Bool { scaled.magnitude <= Amount.inputLimit.scaled.magnitude }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.scaled < rhs.scaled }

    public var isZero: Bool { scaled == 0 }
    public var isNegative: Bool { scaled < 0 }
    /// |value|; the one value without a positive twin (-2^63 ten-thousandths) stays at the largest positive one.
    public var magnitude: Amount { Amount(scaled: scaled == Int64.min ? Int64.max : abs(scaled)) }

    /// The sum, or nil when it cannot be represented: "no figure", never a trap.
    public func adding(_ other: Amount) -> Amount? {
        let (sum, overflow) = scaled.addingReportingOverflow(other.scaled)
        return overflow ? nil : Amount(scaled: sum)
    }

    /// The difference, or nil when it cannot be represented.
    public func subtracting(_ other: Amount) -> Amount? {
        let (difference, overflow) = scaled.subtractingReportingOverflow(other.scaled)
        return overflow ? nil : Amount(scaled: difference)
    }

    /// The sum of all, or nil when a partial sum cannot be represented.
    public static func sum<S: Sequence>(_ amounts: S) -> Amount? where S.Element == Amount {
        var total = Amount.zero
        for amount in amounts {
            guard let next = total.adding(amount) else { return nil }
            total = next
        }
        return total
    }

    /// An exact value computed in 128 bits, when it fits in an `Amount`.
    init?(exactly scaled: Int128) {
        guard let value = Int64(exactly: scaled) else { return nil }
        self.scaled = value
    }

    /// `lhs × numerator ÷ denominator`, rounded half away from zero to four decimals; nil when the denominator is zero
    /// or the result cannot be represented.
    public static func ratio(_ lhs: Amount, times numerator: Int64, over denominator: Amount) -> Amount? {
        guard denominator.scaled != 0 else { return nil }
        let (product, overflow) = (Int128(lhs.scaled) * Int128(numerator)).multipliedReportingOverflow(
            by: Int128(Amount.unit))
        guard !overflow else { return nil }
        return Amount(exactly: Rounding.divide(product, by: Int128(denominator.scaled)))
    }

    /// Rounds to `decimals` places (0...4), half away from zero; nil in the one case the rounded value no longer
    /// fits (within 0,5 of the largest amount).
    public func rounded(toDecimals decimals: Int) -> Amount? {
        let drop = Amount.scale - max(0, min(Amount.scale, decimals))
        guard drop > 0 else { return self }
        let factor = Int128(Rounding.powerOfTen(drop))
        return Amount(exactly: Rounding.divide(Int128(scaled), by: factor) * factor)
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
    /// `numerator ÷ denominator` rounded half away from zero. The denominator must not be zero. A quotient beyond
    /// 128 bits (only ±2^127 ÷ 1 comes near) saturates: every caller then finds it too large for an `Amount`.
    static func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        let negative = (numerator < 0) != (denominator < 0)
        let n = numerator.magnitude, d = denominator.magnitude
        var q = n / d
        if n % d >= d - n % d { q += 1 }
        guard let magnitude = Int128(exactly: q) else { return negative ? Int128.min : Int128.max }
        return negative ? -magnitude : magnitude
    }

    static func powerOfTen(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }
}
