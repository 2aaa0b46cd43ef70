/// The Vietnamese words for each part of a figure: the pieces result sentences and templates are built from.
/// Each returns nil when the figure behind it is missing.
public struct FigureWords: Sendable {
    public let figure: Figure
    /// In a report, where last year's figure was rebuilt from other units goes to a footnote (a `[^=…]` marker the
    /// renderer numbers) instead of into the sentence.
    public let citing: Bool
    var indicator: Indicator { figure.indicator }
    var phrasing: Phrasing { figure.indicator.phrasing }

    public init(_ figure: Figure, citing: Bool = false) { self.figure = figure; self.citing = citing }

    /// The status verb: "ước đạt" for an estimate, "đạt" for a final value.
    public var verb: String? { figure.current.map { phrasing.verb(for: $0.status) } }

    /// The number alone, with its qualifier: "693.843", "gần 90.000", "09"; in tỷ and triệu for money written so
    /// ("553 tỷ 100 triệu", with `unit` then "đồng"); an incomplete or unapproved figure says so: "2.134,5 (mới có số
    /// liệu của 1/13 phường)".
    public var number: String? {
        guard let o = figure.current else { return nil }
        return noted(qualified(o, amount(o.value, withUnit: false)))
    }

    /// The unit word that goes after `number`: the indicator's unit, or "đồng" for money written in tỷ and triệu.
    public var unit: String { inBillionsAndMillions ? "đồng" : indicator.unitOfMeasure }

    /// The number with its unit: "693.843 triệu đồng", "553 tỷ 100 triệu đồng", "09 giấy phép", "65%"; an
    /// incomplete or unapproved figure says so.
    public var value: String? {
        guard let o = figure.current else { return nil }
        return noted(qualified(o, amountWithUnit(o.value)))
    }

    /// What a figure's claim must carry: how many units its sum holds when not all reported, and whether it holds
    /// values not yet approved (working view): "mới có số liệu của 1/13 phường, 1 phường chưa duyệt".
    public var note: String? {
        guard let o = figure.current else { return nil }
        var parts: [String] = []
        if let c = o.coverage, !c.isComplete { parts.append("mới có số liệu của \(c.fraction)") }
        if o.isDraft {
            if let c = o.coverage, c.pending > 0 {
                parts.append("\(c.pending) \(c.unitWord) chưa duyệt")
            } else {
                parts.append("chưa duyệt")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    func noted(_ text: String) -> String { note.map { "\(text) (\($0))" } ?? text }

    /// "bằng 50,10% kế hoạch năm", "bằng 54,24% dự toán"; "chưa so với kế hoạch năm" for a sum not every unit
    /// reported.
    public var target: String? {
        guard let kind = figure.target?.kind else { return nil }
        if figure.current?.isComplete == false { return "chưa so với \(phrasing.targetWords(for: kind))" }
        guard let p = figure.percentOfTarget else { return nil }
        return "\(phrasing.targetVerb) \(percent(p, indicator.targetDecimals)) \(phrasing.targetWords(for: kind))"
    }

    /// The % of target alone: "50,10%".
    public var percentOfTarget: String? { figure.percentOfTarget.map { percent($0, indicator.targetDecimals) } }

    /// The change alone: "tăng 9,7%", "giảm 4,5%", "tăng 01", "tăng 4 điểm phần trăm", "bằng 114,5%".
    public var change: String? { figure.yearOnYear.map(changeWords) }

    /// "so với cùng kỳ" or "so với cùng kỳ năm 2016".
    public var sameTimeLastYear: String { "so với " + lastYearNoun }

    /// "cùng kỳ" or "cùng kỳ năm 2016"; for a unit formed since, the units last year's figure was rebuilt from:
    /// "cùng kỳ năm 2025 của các phường Máy Chai, Vạn Mỹ và một phần phường Gia Viên (35% dân số)", or when citing,
    /// "cùng kỳ năm 2025" and a footnote that names them.
    var lastYearNoun: String {
        if let rebuilt = figure.lastYearRebuilt {
            let noun = "cùng kỳ năm \(figure.period.year - 1)"
            guard citing else { return noun + " " + rebuilt.words }
            return noun + ReportFootnote.marker(rebuilt.footnote(year: figure.period.year - 1))
        }
        return "cùng kỳ" + (phrasing.namesComparisonYear ? " năm \(figure.period.year - 1)" : "")
    }

    /// "tăng 9,7% so với cùng kỳ", "bằng cùng kỳ", "tăng 1.181 tấn so với cùng kỳ năm 2016"; on the units that
    /// reported both years when a sum is incomplete: "tăng 15,38% so với cùng kỳ (so sánh trên cùng 1 phường)".
    public var yearOnYear: String? {
        guard let c = figure.yearOnYear else {
            // A unit formed since last year whose last year could not be rebuilt: said, with what is missing.
            if figure.current != nil, figure.lastYear == nil, let gap = figure.lastYearGap {
                let words = "chưa so sánh được với cùng kỳ năm \(figure.period.year - 1) (\(gap))"
                // A report leaves the comparison out and tells the compiler, rather than print the instruction.
                return citing ? ReportFootnote.omitted("\(indicator.code): \(words)") : words
            }
            return incomparable(figure.lastYear, figure.yearOnYearBasis, lastYearNoun)
        }
        if c.direction == .same && c.style != .ratio {
            return "bằng " + lastYearNoun + matchedNote(figure.yearOnYearBasis)
        }
        var words = changeWords(c)
        if c.style == .absolute { words += " " + unit }
        return words + " " + sameTimeLastYear + matchedNote(figure.yearOnYearBasis)
    }

    /// "giảm 0,4% so với tháng trước", "tăng 2,1% so với quý trước".
    public var periodOnPeriod: String? {
        guard let previous = figure.period.previous else { return nil }
        let noun: String
        switch previous.kind {
        case .quarter: noun = "quý trước"
        default: noun = "tháng trước"
        }
        guard let c = figure.periodOnPeriod else {
            return incomparable(figure.previous, figure.periodOnPeriodBasis, noun)
        }
        if c.direction == .same { return "bằng \(noun)" + matchedNote(figure.periodOnPeriodBasis) }
        var words = changeWords(c)
        if c.style == .absolute { words += " " + unit }
        return words + " so với " + noun + matchedNote(figure.periodOnPeriodBasis)
    }

    /// " (so sánh trên cùng 1 phường)" when a comparison stands on the units that reported both periods; " (so
    /// sánh trên cùng 2 phường, số liệu cùng kỳ của 2 phường dựng lại từ các đơn vị trước khi sắp xếp)" when some
    /// were formed since.
    func matchedNote(_ basis: ComparisonBasis) -> String {
        guard case .matched(let m) = basis else { return "" }
        let word = figure.current?.coverage?.unitWord ?? "đơn vị"
        guard m.rebuilt > 0 else { return " (so sánh trên cùng \(m.units) \(word))" }
        return
            " (so sánh trên cùng \(m.units) \(word), số liệu cùng kỳ của \(m.rebuilt) \(word) dựng lại từ các đơn vị "
            + "trước khi sắp xếp)"
    }

    /// Both figures exist but hold different units and none reported both: said, not left out silently.
    /// "chưa so sánh được với cùng kỳ (hai kỳ không có số liệu của cùng các đơn vị)".
    func incomparable(_ earlier: Observation?, _ basis: ComparisonBasis, _ noun: String) -> String? {
        guard figure.current != nil, earlier != nil, basis == .unavailable else { return nil }
        return "chưa so sánh được với \(noun) (hai kỳ không có số liệu của cùng các đơn vị)"
    }

    /// Last year's figure with its unit: "632.500 triệu đồng".
    public var lastYearValue: String? { figure.lastYear.map { qualified($0, amountWithUnit($0.value)) } }

    /// The target with its unit.
    public var targetValue: String? { figure.target.map { amountWithUnit($0.value) } }

    func changeWords(_ c: Change) -> String {
        switch c.style {
        case .ratio:
            return "bằng " + percent(c.magnitude, indicator.changeDecimals)
        case .percent:
            return c.direction == .same
                ? "bằng" : "\(c.direction.word) \(percent(c.magnitude, indicator.changeDecimals))"
        case .points:
            let n = VietnameseNumber.trimmed(c.magnitude, decimals: indicator.changeDecimals, wholeOnly: true)
            return c.direction == .same ? "bằng" : "\(c.direction.word) \(n) điểm phần trăm"
        case .absolute:
            // An absolute change is an amount of the indicator: its decimals and its money style ("giảm 1.181 tấn").
            return c.direction == .same ? "bằng" : "\(c.direction.word) \(amount(c.magnitude, withUnit: false))"
        }
    }

    /// A percentage at most `decimals`, a whole one without them: "50,10%", "100%", never "100,00%".
    func percent(_ p: Amount, _ decimals: Int) -> String {
        VietnameseNumber.trimmed(p, decimals: decimals, wholeOnly: true) + "%"
    }

    var inBillionsAndMillions: Bool { indicator.isMoneyInMillions && phrasing.moneyStyle == .billionsAndMillions }

    func amountWithUnit(_ amount: Amount) -> String { self.amount(amount, withUnit: true) }

    /// An amount of the indicator as every part writes it: its decimals (more only for a non-zero amount that would
    /// otherwise round to another order of magnitude), leading zero and money style; with its unit or without.
    func amount(_ amount: Amount, withUnit: Bool) -> String {
        var decimals = VietnameseNumber.decimals(keeping: amount, at: indicator.valueDecimals)
        if phrasing.dropsTrailingZeros { decimals = VietnameseNumber.significantDecimals(amount, at: decimals) }
        if inBillionsAndMillions {
            let text = VietnameseNumber.billionsAndMillions(amount, decimals: decimals)
            return withUnit || !text.hasSuffix(" đồng") ? text : String(text.dropLast(" đồng".count))
        }
        let n = VietnameseNumber.format(amount, decimals: decimals, leadingZero: phrasing.leadingZero)
        guard withUnit else { return n }
        return indicator.unitOfMeasure == "%" ? n + "%" : n + " " + indicator.unitOfMeasure
    }

    func qualified(_ o: Observation, _ text: String) -> String {
        o.qualifier.map { "\($0.word) \(text)" } ?? text
    }
}
