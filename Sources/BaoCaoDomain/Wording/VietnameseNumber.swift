/// Numbers as Vietnamese official text writes them: "." between thousands, "," before decimals.
public enum VietnameseNumber {
    /// "693.843", "50,10", "12.194.030"; with `leadingZero`, whole numbers from 1 to 9 as "09" (0 stays "0").
    /// What an input shows for a stored value: every decimal it has, none it does not ("1.234,5", "12").
    public static func shortest(_ amount: Amount) -> String {
        var decimals = 0
        while decimals < Amount.scale && amount.rounded(toDecimals: decimals) != amount { decimals += 1 }
        return format(amount, decimals: decimals)
    }

    public static func format(_ amount: Amount, decimals: Int, leadingZero: Bool = false) -> String {
        let d = max(0, min(Amount.scale, decimals))
        let (integer, fraction, negative) = roundedParts(amount, decimals: d)
        var text = grouped(integer)
        if leadingZero && d == 0 && (1...9).contains(integer) { text = "0" + text }
        if d > 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: Amount.scale - digits.count) + digits
            text += "," + digits.prefix(d)
        }
        return (negative && (integer != 0 || fraction != 0) ? "-" : "") + text
    }

    /// The magnitude rounded half away from zero to `decimals`, as integer part and four-digit fraction. Done on
    /// the unsigned magnitude (at most 2^63 + 10^4), so even the largest amount rounds without overflow.
    static func roundedParts(_ amount: Amount, decimals: Int) -> (integer: UInt64, fraction: UInt64, negative: Bool) {
        let magnitude = amount.scaled.magnitude
        let factor = UInt64(Rounding.powerOfTen(Amount.scale - max(0, min(Amount.scale, decimals))))
        var rounded = magnitude / factor
        if magnitude % factor >= factor - magnitude % factor { rounded += 1 }
        rounded *= factor
        let unit = UInt64(Amount.unit)
        return (rounded / unit, rounded % unit, amount.isNegative)
    }

    /// Money kept in triệu đồng written in tỷ and triệu: 553.100 → "553 tỷ 100 triệu đồng", 10.473.000 →
    /// "10.473 tỷ đồng", 950 → "950 triệu đồng". Decimals of a triệu are written on the triệu part.
    public static func billionsAndMillions(_ millions: Amount, decimals: Int) -> String {
        let (integer, fraction, negative) = roundedParts(millions, decimals: decimals)
        let billions = integer / 1000
        guard billions > 0 else { return format(millions, decimals: decimals) + " triệu đồng" }
        // Below 1.000 triệu, so it fits an amount whatever the size of the whole.
        let rest = Amount(scaled: Int64((integer % 1000) * UInt64(Amount.unit) + fraction))
        var text = (negative ? "-" : "") + grouped(billions) + " tỷ"
        // "1 tỷ 5 triệu đồng", never "1 tỷ 5,0 triệu đồng".
        if !rest.isZero { text += " " + trimmed(rest, decimals: decimals) + " triệu" }
        return text + " đồng"
    }

    /// The decimals to write an amount with so rounding never turns it into another order of magnitude: `decimals`,
    /// or for a non-zero amount smaller than the last decimal place, as many as reach its first significant digit
    /// (0,5 triệu at 0 decimals is "0,5", never "1" or "0").
    public static func decimals(keeping amount: Amount, at decimals: Int) -> Int {
        let magnitude = amount.scaled.magnitude
        var d = max(0, min(Amount.scale, decimals))
        while magnitude > 0 && d < Amount.scale && magnitude < UInt64(Rounding.powerOfTen(Amount.scale - d)) { d += 1 }
        return d
    }

    /// `decimals` at most, trailing zeros dropped: 100,00 → "100", 50,10 → "50,1" (with `whole`, only a whole
    /// result drops its decimals: 100,00 → "100", 50,10 → "50,10").
    public static func trimmed(_ amount: Amount, decimals: Int, wholeOnly: Bool = false) -> String {
        let d = max(0, min(Amount.scale, decimals))
        if wholeOnly { return format(amount, decimals: roundedParts(amount, decimals: d).fraction == 0 ? 0 : d) }
        return format(amount, decimals: significantDecimals(amount, at: d))
    }

    /// The decimals `amount` needs at `decimals` at most once its trailing zeros are dropped: 2.134,50 at 2 → 1.
    public static func significantDecimals(_ amount: Amount, at decimals: Int) -> Int {
        var d = max(0, min(Amount.scale, decimals))
        let (_, fraction, _) = roundedParts(amount, decimals: d)
        while d > 0 && fraction % UInt64(Rounding.powerOfTen(Amount.scale - d + 1)) == 0 { d -= 1 }
        return d
    }

    public static func grouped(_ value: UInt64) -> String {
        let digits = Array(String(value))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(".") }
            out.append(c)
        }
        return out
    }

    /// Parses a number typed by a person or found in a file. Accepts the Vietnamese form ("1.234,5", "12.194.030",
    /// "50,10") and the plain form ("1234.5" when the dot cannot be a thousands separator is rejected as ambiguous).
    public static func parse(_ raw: String) throws(NumberError) -> Amount {
        let text = raw.trimmingWhitespace().replacingSpaces()
        guard !text.isEmpty else { throw NumberError(text: raw, reason: "ô trống") }
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "," }) else {
            throw NumberError(
                text: raw, reason: "chỉ được chứa chữ số, dấu chấm phân cách hàng nghìn và dấu phẩy thập phân")
        }
        let commaPieces = body.split(separator: ",", omittingEmptySubsequences: false)
        guard commaPieces.count <= 2 else {
            throw NumberError(text: raw, reason: "có nhiều hơn một dấu phẩy thập phân")
        }
        let whole = commaPieces[0]
        let fraction = commaPieces.count == 2 ? String(commaPieces[1]) : ""
        if commaPieces.count == 2 && fraction.isEmpty || whole.isEmpty {
            throw NumberError(text: raw, reason: "thiếu chữ số trước hoặc sau dấu phẩy")
        }
        let groups = whole.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            let ok = (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
            guard ok else {
                throw NumberError(text: raw, reason: "dấu chấm chỉ dùng phân cách hàng nghìn (ví dụ 1.234,5)")
            }
        }
        guard fraction.count <= Amount.scale else {
            throw NumberError(text: raw, reason: "quá \(Amount.scale) chữ số thập phân")
        }
        let plain = (negative ? "-" : "") + groups.joined() + (fraction.isEmpty ? "" : "." + fraction)
        guard let amount = Amount(plain: plain), amount.isWithinInputLimit else {
            throw NumberError(text: raw, reason: limitReason)
        }
        return amount
    }
}

extension VietnameseNumber {
    /// Why a number beyond `Amount.inputLimit` is refused, naming the largest one allowed.
    public static var limitReason: String {
        "quá lớn: giá trị tuyệt đối lớn nhất được nhận là \(format(Amount.inputLimit, decimals: Amount.scale))"
    }
}

public struct NumberError: Error, Equatable, CustomStringConvertible {
    public let text: String
    public let reason: String
    public var description: String { "Số \"\(text)\" không hợp lệ: \(reason)" }
}

extension String {
    /// Removes spaces, including the no-break spaces spreadsheets put between thousands.
    func replacingSpaces() -> String { String(filter { !$0.isWhitespace }) }
}

extension VietnameseNumber {
    /// Every significant decimal, Vietnamese form: 1234.5 → "1.234,5", 7 → "7". For files that must round-trip.
    public static func exact(_ amount: Amount) -> String {
        var decimals = Amount.scale
        while decimals > 0 && amount.rounded(toDecimals: decimals - 1) == amount { decimals -= 1 }
        return format(amount, decimals: decimals)
    }
}
