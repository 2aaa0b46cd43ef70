/// A sentence template with placeholders filled from figures.
///
/// `{part}` reads the subject indicator's figure, `{CODE.part}` another indicator's. Parts:
/// `name`, `verb` (ước đạt / đạt), `number` (qualifier and number), `value` (number with unit), `unit`,
/// `target` (bằng 50,10% kế hoạch năm), `pct_target` (50,10%), `change` (tăng 9,7% / tăng 01), `yoy` (tăng 9,7% so
/// với cùng kỳ), `mom` (giảm 0,4% so với tháng trước), `last_year`, `target_value`, `sentence` (the canonical
/// sentence); and without a figure: `year`, `prev_year`, `period` (6 tháng đầu năm 2017).
/// Example: `Giải quyết việc làm cho {value}, {target}`.
public struct PhraseTemplate: Hashable, Sendable {
    enum Piece: Hashable, Sendable {
        case text(String)
        case slot(code: String?, part: String)
    }

    public static let parts: Set<String> = [
        "name", "verb", "number", "value", "unit", "target", "pct_target", "change", "yoy", "mom", "last_year",
        "target_value", "sentence", "year", "prev_year", "period",
    ]

    let pieces: [Piece]

    public init(_ source: String) {
        var pieces: [Piece] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            let inside = rest[rest.index(after: open)..<close]
            if let dot = inside.lastIndex(of: ".") {
                pieces.append(.slot(code: String(inside[..<dot]), part: String(inside[inside.index(after: dot)...])))
            } else {
                pieces.append(.slot(code: nil, part: String(inside)))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    /// Codes of the other indicators the template names.
    public var references: Set<String> {
        Set(pieces.compactMap { if case .slot(let code?, _) = $0 { return code } else { return nil } })
    }

    /// Placeholders that name no known part, for validation when a template is saved.
    public var unknownParts: [String] {
        pieces.compactMap {
            if case .slot(_, let part) = $0, !Self.parts.contains(part) { return part } else { return nil }
        }
    }

    public func render(subject: Figure, figures: [String: Figure]) -> RenderedText {
        var text = ""
        var missing: [String] = []
        for piece in pieces {
            switch piece {
            case .text(let s): text += s
            case .slot(let code, let part):
                let label = (code ?? subject.indicator.code) + "." + part
                let figure = code.map { figures[$0] } ?? subject
                if let figure, let filled = Self.fill(part, figure) {
                    text += filled
                } else {
                    text += MissingMark.text(label)
                    missing.append(label)
                }
            }
        }
        // An empty part (a status verb left out for final values) must not leave a double space behind.
        let words = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        return RenderedText(text: words.replacingOccurrences(of: " ,", with: ","), missing: missing)
    }

    static func fill(_ part: String, _ figure: Figure) -> String? {
        let words = FigureWords(figure)
        switch part {
        case "name": return figure.indicator.name
        case "verb": return words.verb
        case "number": return words.number
        case "value": return words.value
        case "unit": return figure.indicator.unitOfMeasure
        case "target": return words.target
        case "pct_target": return words.percentOfTarget
        case "change": return words.change
        case "yoy": return words.yearOnYear
        case "mom": return words.periodOnPeriod
        case "last_year": return words.lastYearValue
        case "target_value": return words.targetValue
        case "sentence":
            let s = ResultSentence.canonical(figure)
            return s.missing.isEmpty ? s.text : nil
        case "year": return String(figure.period.year)
        case "prev_year": return String(figure.period.year - 1)
        case "period": return figure.period.vietnameseName
        default: return nil
        }
    }
}
