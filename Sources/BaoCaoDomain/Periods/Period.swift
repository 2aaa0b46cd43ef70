/// A reporting period. Multi-month periods ("the first N months") are cumulative from 1 January.
///
/// Codes, used on the command line, in files and in the API:
/// `2017-M06` (month), `2017-Q2` (quarter), `2017-H1` = `2017-6M` (first six months), `2017-9M` (any `YYYY-NM`: the
/// first N months), `2017` (year).
public struct Period: Hashable, Sendable, Codable {
    public enum Kind: Hashable, Sendable {
        case month(Int)
        case quarter(Int)
        /// The first `n` months of the year, cumulative (1...11; 12 is the year).
        case firstMonths(Int)
        case year
    }

    public let year: Int
    public let kind: Kind

    public init(year: Int, kind: Kind) {
        self.year = year
        switch kind {
        case .firstMonths(12): self.kind = .year
        case .firstMonths(1): self.kind = .month(1)
        default: self.kind = kind
        }
    }

    public static func month(_ year: Int, _ month: Int) -> Period { Period(year: year, kind: .month(month)) }
    public static func firstMonths(_ year: Int, _ n: Int) -> Period { Period(year: year, kind: .firstMonths(n)) }
    public static func year(_ year: Int) -> Period { Period(year: year, kind: .year) }

    /// The months this period covers (1 = January).
    public var months: ClosedRange<Int> {
        switch kind {
        case .month(let m): return m...m
        case .quarter(let q): return (q * 3 - 2)...(q * 3)
        case .firstMonths(let n): return 1...n
        case .year: return 1...12
        }
    }

    public var firstMonth: Int { months.lowerBound }
    public var lastMonth: Int { months.upperBound }

    /// Whether the period starts on 1 January (its figures are year-to-date totals).
    public var isYearToDate: Bool { firstMonth == 1 }

    /// The same period one year earlier ("cùng kỳ").
    public var sameTimeLastYear: Period { Period(year: year - 1, kind: kind) }

    /// The period immediately before, for month-on-month and quarter-on-quarter comparisons; nil for cumulative periods.
    public var previous: Period? {
        switch kind {
        case .month(1): return .month(year - 1, 12)
        case .month(let m): return .month(year, m - 1)
        case .quarter(1): return Period(year: year - 1, kind: .quarter(4))
        case .quarter(let q): return Period(year: year, kind: .quarter(q - 1))
        case .firstMonths, .year: return nil
        }
    }

    /// The months of the year that lead up to and include this period's last month.
    public var yearToDate: Period { Period(year: year, kind: .firstMonths(lastMonth)) }

    /// Every period its figure can be built from, itself included: the months, quarters and first months of the
    /// year that lie within it (a 9-month figure from H1 + Q3, Q1 + Q2 + Q3, or months).
    public var parts: [Period] {
        var result: [Period] = months.map { .month(year, $0) }
        result += (1...4).map { Period(year: year, kind: .quarter($0)) }.filter {
            $0.firstMonth >= firstMonth && $0.lastMonth <= lastMonth
        }
        if isYearToDate && lastMonth >= 2 {
            result += (2...lastMonth).map { Period(year: year, kind: .firstMonths($0)) }
        }
        var seen = Set<Period>()
        return result.filter { seen.insert($0).inserted }
    }
}

extension Period: CustomStringConvertible {
    /// The canonical code: `2017-M06`, `2017-Q2`, `2017-H1`, `2017-9M`, `2017`.
    public var code: String {
        switch kind {
        case .month(let m): return "\(year)-M" + (m < 10 ? "0\(m)" : "\(m)")
        case .quarter(let q): return "\(year)-Q\(q)"
        case .firstMonths(6): return "\(year)-H1"
        case .firstMonths(let n): return "\(year)-\(n)M"
        case .year: return "\(year)"
        }
    }

    public var description: String { code }

    /// Parses a period code; throws a Vietnamese message naming the code when it does not parse.
    public init(code raw: String) throws(PeriodError) {
        let text = raw.trimmingWhitespace().uppercased()
        let pieces = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard let yearText = pieces.first, yearText.count == 4, let year = Int(yearText),
            (1900...2200).contains(year)
        else { throw PeriodError(code: raw) }
        guard pieces.count == 2 else { self.init(year: year, kind: .year); return }
        let rest = pieces[1]
        if rest == "H1" { self.init(year: year, kind: .firstMonths(6)); return }
        if rest.hasPrefix("M"), let m = Int(rest.dropFirst()), (1...12).contains(m) {
            self.init(year: year, kind: .month(m)); return
        }
        if rest.hasPrefix("Q"), let q = Int(rest.dropFirst()), (1...4).contains(q) {
            self.init(year: year, kind: .quarter(q)); return
        }
        if rest.hasSuffix("M"), let n = Int(rest.dropLast()), (1...12).contains(n) {
            self.init(year: year, kind: .firstMonths(n)); return
        }
        throw PeriodError(code: raw)
    }
}

public struct PeriodError: Error, Equatable, CustomStringConvertible {
    public let code: String
    public var description: String {
        "Kỳ báo cáo \"\(code)\" không hợp lệ; viết như \"6 tháng đầu năm 2017\", \"9 tháng năm 2017\", \"năm 2017\", "
            + "\"quý II năm 2017\", \"tháng 6 năm 2017\" hoặc mã 2017-H1, 2017-9M, 2017, 2017-Q2, 2017-M06"
    }
}

extension Period {
    /// The period's name in report prose: "tháng 6 năm 2017", "quý II năm 2017", "6 tháng đầu năm 2017",
    /// "9 tháng năm 2017", "năm 2017".
    public var vietnameseName: String {
        switch kind {
        case .month(let m): return "tháng \(m) năm \(year)"
        case .quarter(let q): return "quý \(Self.roman[q - 1]) năm \(year)"
        case .firstMonths(6): return "6 tháng đầu năm \(year)"
        case .firstMonths(let n): return "\(n) tháng năm \(year)"
        case .year: return "năm \(year)"
        }
    }

    static let roman = ["I", "II", "III", "IV"]

    /// The period's name without its year, as a title may use it before "nhiệm vụ, giải pháp … năm 2017":
    /// "6 tháng đầu năm", "9 tháng đầu năm", "quý II"; the year keeps its number ("năm 2017"), "năm" alone saying
    /// nothing.
    public var vietnameseSpan: String {
        switch kind {
        case .month(let m): return "tháng \(m)"
        case .quarter(let q): return "quý \(Self.roman[q - 1])"
        case .firstMonths(let n): return "\(n) tháng đầu năm"
        case .year: return "năm \(year)"
        }
    }

    /// The report before this one in the usual cycle (6 tháng → 9 tháng → năm → 6 tháng of the next year; a month
    /// or quarter the one before): where a new report's narrative starts from.
    public var previousReport: Period {
        switch kind {
        case .month, .quarter: return previous ?? self
        case .firstMonths(let n) where n > 6: return .firstMonths(year, 6)
        case .firstMonths: return .year(year - 1)
        case .year: return .firstMonths(year, 9)
        }
    }

    /// Order of periods by their last month, then the longer first: the latest report before a period is the
    /// greatest key below its own.
    public var endOrder: Int { (year * 12 + lastMonth) * 13 + months.count }

    /// What is left of the year after the period, for "tasks for the rest of the year": "6 tháng cuối", "3 tháng
    /// cuối"; nil for the year itself (its tasks are for the next year).
    public var remainder: String? {
        let left = 12 - lastMonth
        guard left > 0 else { return nil }
        return left == 1 ? "tháng 12" : "\(left) tháng cuối"
    }
}

extension Period {
    /// Encoded as its code, "2017-H1".
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do { try self.init(code: text) } catch {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

extension Period {
    /// A period as people write it: its code ("2017-H1") or its words ("6 tháng đầu năm 2018", "9 tháng năm 2018",
    /// "năm 2018", "quý II năm 2018", "quý 2/2018", "tháng 6 năm 2018", "tháng 6/2018"); case, diacritics of "quý"
    /// and spacing as typed.
    public init(text raw: String) throws(PeriodError) {
        if let period = try? Period(code: raw) { self = period; return }
        if let period = Period(words: raw) { self = period; return }
        throw PeriodError(code: raw)
    }

    /// The words of a period, or nil.
    public init?(words raw: String) {
        let text = raw.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            .replacingOccurrences(of: "quí", with: "quý")
        func year(_ s: Substring) -> Int? { Int(s).flatMap { (1900...2200).contains($0) ? $0 : nil } }
        if let m = text.wholeMatch(of: /(?:cả )?năm (\d{4})/), let y = year(m.1) {
            self = .year(y)
        } else if let m = text.wholeMatch(of: /(\d{1,2}) tháng(?: đầu năm| năm| đầu năm năm)? (\d{4})/),
            let n = Int(m.1), (2...12).contains(n), let y = year(m.2)
        {
            self = Period(year: y, kind: .firstMonths(n))
        } else if let m = text.wholeMatch(of: /quý (i{1,3}|iv|\d)(?: năm |\/)(\d{4})/), let y = year(m.2),
            let q = ["i": 1, "ii": 2, "iii": 3, "iv": 4][String(m.1)] ?? Int(m.1), (1...4).contains(q)
        {
            self = Period(year: y, kind: .quarter(q))
        } else if let m = text.wholeMatch(of: /tháng (\d{1,2})(?: năm |\/)(\d{4})/), let n = Int(m.1),
            (1...12).contains(n), let y = year(m.2)
        {
            self = .month(y, n)
        } else {
            return nil
        }
    }

    /// The periods a picker offers around `year`, newest first, the usual reports of each year first: 6 tháng, 9
    /// tháng, năm, the quarters, the months.
    public static func choices(around year: Int) -> [Period] {
        (year - 3...year + 1).reversed().flatMap { y -> [Period] in
            [.firstMonths(y, 6), .firstMonths(y, 9), .year(y)] + (1...4).map { Period(year: y, kind: .quarter($0)) }
                + (1...12).map { .month(y, $0) }
        }
    }
}
