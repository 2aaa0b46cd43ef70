/// A sentence template with placeholders filled from figures.
///
/// `{part}` reads the subject indicator's figure, `{CODE.part}` another indicator's. Parts:
/// `name`, `verb` (ước đạt / đạt), `number` (qualifier and number), `value` (number with unit), `unit`,
/// `target` (bằng 50,10% kế hoạch năm), `pct_target` (50,10%), `change` (tăng 9,7% / tăng 01), `yoy` (tăng 9,7% so
/// với cùng kỳ), `mom` (giảm 0,4% so với tháng trước), `last_year`, `target_value`, `sentence` (the canonical
/// sentence), `text` (the indicator's own sentence: its template, else the canonical one); and without a figure,
/// from the period: `year`, `prev_year`, `next_year`, `period` (6 tháng đầu năm 2017), `period_noyear` (6 tháng đầu
/// năm), `rest` (6 tháng cuối năm 2017), `rest_noyear`, `prev_period` (the report before: 6 tháng đầu năm 2017 for
/// 9 months), `targets_summary` (how the year's targets stand, `TargetSummary`), `tasks_summary` (how the tasks the report accounts for stand, `TaskSummary`), `programme_summary` (the work programme's items of the period's months), `months` (6 tháng), `cutoff_month` (tháng 5/2017: the month before the period's last, up to which a
/// report written during its last month has actual figures); and a locality's report settings (`ReportSetting`: `ky_hop`, `khoa_hdnd`, `chu_de_nam`). A filter after `|` changes case on any part: `upper`,
/// `lower`, `cap` (`{period|upper}`, `{GTSX_CN.text|cap}`); without one, a part that starts a sentence starts with a
/// capital, and `name` inside a sentence starts in lower case. Example: `Giải quyết việc làm cho {value}, {target}`.
public struct PhraseTemplate: Hashable, Sendable {
    enum Piece: Hashable, Sendable {
        case text(String)
        case slot(code: String?, part: String, filter: String?)
    }

    public static let parts: Set<String> = Set<String>([
        "name", "verb", "number", "value", "unit", "target", "pct_target", "change", "yoy", "mom", "last_year",
        "target_value", "sentence", "text", "year", "prev_year", "next_year", "period", "period_noyear", "rest",
        "rest_noyear", "prev_period", "months", "cutoff_month", "targets_summary", "tasks_summary", "programme_summary",
    ]).union(ReportSetting.allCases.map(\.rawValue))

    /// Parts that come from the period alone.
    static let periodParts: Set<String> = [
        "year", "prev_year", "next_year", "period", "period_noyear", "rest", "rest_noyear", "prev_period", "months",
        "cutoff_month",
    ]

    let pieces: [Piece]

    public init(_ source: String) {
        var pieces: [Piece] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            var inside = rest[rest.index(after: open)..<close]
            var filter: String?
            if let bar = inside.firstIndex(of: "|") {
                filter = String(inside[inside.index(after: bar)...])
                inside = inside[..<bar]
            }
            if let dot = inside.lastIndex(of: ".") {
                pieces.append(
                    .slot(
                        code: String(inside[..<dot]), part: String(inside[inside.index(after: dot)...]),
                        filter: filter))
            } else {
                pieces.append(.slot(code: nil, part: String(inside), filter: filter))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// Codes of the other indicators the template names.
    public var references: Set<String> {
        Set(pieces.compactMap { if case .slot(let code?, _, _) = $0 { return code } else { return nil } })
    }

    /// Placeholders that name no known part, for validation when a template is saved.
    public var unknownParts: [String] {
        pieces.compactMap { piece -> String? in
            guard case .slot(_, let part, let filter) = piece else { return nil }
            if !Self.parts.contains(part) { return part }
            if let filter, !["upper", "lower", "cap"].contains(filter) { return "\(part)|\(filter)" }
            return nil
        }
    }

    public func render(subject: Figure, figures: [String: Figure]) -> RenderedText {
        render(subject: subject, figures: figures, period: subject.period)
    }

    /// Fills the template. `subject` answers `{part}`; without one (narrative text), `{part}` may only name a period
    /// part. `depth` stops a `text` part from following templates round in a circle. `citing`: a report's words,
    /// where a rebuilt baseline is named in a footnote (`FigureWords.citing`).
    public func render(
        subject: Figure?, figures: [String: Figure], period: Period, depth: Int = 0,
        keepingSpaces: Bool = false, citing: Bool = false, settings: [ReportSetting: String] = [:],
        tasks: TaskSummary? = nil
    ) -> RenderedText {
        var text = ""
        var missing: [String] = []
        var segments: [RenderedText.Segment] = []
        for piece in pieces {
            let start = text.utf8.count
            let missingBefore = missing.count
            defer {
                var source: String?
                if case .slot(let code, let part, let filter) = piece {
                    source = "{" + (code.map { $0 + "." } ?? "") + part + (filter.map { "|" + $0 } ?? "") + "}"
                }
                segments.append(
                    .init(
                        source: source, text: String(decoding: text.utf8.dropFirst(start), as: UTF8.self),
                        missing: missing.count > missingBefore))
            }
            switch piece {
            case .text(let s): text += s
            case .slot(let code, let part, let filter):
                var filled: String?
                var label = part
                if code == nil, Self.periodParts.contains(part) {
                    filled = Self.fill(period: part, period)
                } else if code == nil, part == "targets_summary" {
                    filled = TargetSummary(period: period, figures: figures.values).sentence
                } else if code == nil, part == "tasks_summary" {
                    filled = tasks?.sentence
                    label = "kết quả thực hiện nhiệm vụ (tasks_summary)"
                } else if code == nil, part == "programme_summary" {
                    filled = tasks?.programmeSentence
                    label = "kết quả thực hiện chương trình công tác (programme_summary)"
                } else if code == nil, let setting = ReportSetting(rawValue: part) {
                    filled = settings[setting]
                    label = "thiết lập \(setting.vietnameseName) (\(part))"
                } else if let figure = code.map({ figures[$0] }) ?? subject {
                    label = figure.indicator.code + "." + part
                    if part == "text", let own = Self.ownText(figure, figures, depth, citing: citing) {
                        // What is known of it, with what is not flagged inside.
                        filled = own.text
                        missing += own.missing
                    } else if part != "text" {
                        filled = Self.fill(part, figure, citing: citing)
                    }
                    if filled == nil, let said = Self.unknown(part, figure) {
                        // The figure is there, this part of it is not: said in words, and flagged.
                        filled = said
                        missing.append(label)
                    }
                } else {
                    label = (code ?? "") + "." + part
                }
                if let filled {
                    // Words a slot brings in start a sentence when the text before them ended one.
                    let before = text.trimmingWhitespace()
                    let startsSentence =
                        depth == 0
                        && (before.isEmpty || [".", ":", "!", "?"].contains(before.last.map(String.init) ?? ""))
                    if startsSentence && filter == nil && !(code == nil && Self.periodParts.contains(part)) {
                        text += filled.capitalizingFirstLetter
                    } else if part == "name" && filter == nil {
                        // An indicator's name inside a sentence: "tăng số hộ nghèo", not "tăng Số hộ nghèo".
                        text += filled.lowercasingFirstWord
                    } else {
                        text += Self.apply(filter, filled)
                    }
                } else {
                    text += MissingMark.text(label)
                    missing.append(label)
                }
            }
        }
        if keepingSpaces { return RenderedText(text: text, missing: missing, segments: segments) }
        // An empty part (a status verb left out for final values) must not leave a double space behind.
        let words = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return RenderedText(
            text: words.replacingOccurrences(of: " ,", with: ","), missing: missing, segments: segments)
    }

    /// The indicator's own sentence, as far as it can be written: nil only when the figure itself is missing.
    static func ownText(_ figure: Figure, _ figures: [String: Figure], _ depth: Int, citing: Bool) -> RenderedText? {
        guard figure.current != nil else { return nil }
        if depth < 2, let template = figure.indicator.phrasing.template, !template.isEmpty {
            return PhraseTemplate(template).render(
                subject: figure, figures: figures, period: figure.period,
                depth: depth + 1, citing: citing)
        }
        return ResultSentence.canonical(figure, citing: citing)
    }

    /// What a part says when the figure has a value but not this part: "chưa có chỉ tiêu kế hoạch năm 2018",
    /// "chưa có số liệu cùng kỳ năm 2017 để so sánh". Nil for the parts that cannot be said so.
    static func unknown(_ part: String, _ figure: Figure) -> String? {
        guard figure.current != nil else { return nil }
        switch part {
        case "target" where figure.target == nil: return "chưa có chỉ tiêu kế hoạch năm \(figure.period.year)"
        case "yoy" where figure.lastYear == nil:
            return "chưa có số liệu cùng kỳ năm \(figure.period.year - 1) để so sánh"
        default: return nil
        }
    }

    static func apply(_ filter: String?, _ text: String) -> String {
        switch filter {
        case "upper": return text.uppercased()
        case "lower": return text.lowercased()
        case "cap": return text.capitalizingFirstLetter
        default: return text
        }
    }

    static func fill(period part: String, _ period: Period) -> String? {
        switch part {
        case "year": return String(period.year)
        case "prev_year": return String(period.year - 1)
        case "next_year": return String(period.year + 1)
        case "period": return period.vietnameseName
        case "period_noyear": return period.vietnameseSpan
        case "rest": return period.remainder.map { "\($0) năm \(period.year)" } ?? "năm \(period.year + 1)"
        case "rest_noyear": return period.remainder.map { "\($0) năm" } ?? "năm \(period.year + 1)"
        case "prev_period": return period.previousReport.vietnameseName
        case "months": return "\(period.months.count) tháng"
        case "cutoff_month":
            let month = period.lastMonth == 1 ? 12 : period.lastMonth - 1
            return "tháng \(month)/\(period.lastMonth == 1 ? period.year - 1 : period.year)"
        default: return nil
        }
    }

    static func fill(_ part: String, _ figure: Figure, citing: Bool = false) -> String? {
        let words = FigureWords(figure, citing: citing)
        switch part {
        case "name": return figure.indicator.name
        case "verb": return words.verb
        case "number": return words.number
        case "value": return words.value
        case "unit": return words.unit
        case "target": return words.target
        case "pct_target": return words.percentOfTarget
        case "change": return words.change
        case "yoy": return words.yearOnYear
        case "mom": return words.periodOnPeriod
        case "last_year": return words.lastYearValue
        case "target_value": return words.targetValue
        case "sentence":
            let s = ResultSentence.canonical(figure, citing: citing)
            return s.missing.isEmpty ? s.text : nil
        default: return fill(period: part, figure.period)
        }
    }
}
