/// A sentence written from figures, with the parts it could not fill.
public struct RenderedText: Hashable, Sendable {
    public var text: String
    /// What was missing, as "CODE.part" (for the compiler to chase; never written as 0).
    public var missing: [String]
    /// The text piece by piece as a template wrote it (before spaces are tidied): for an editor to show each
    /// placeholder as a chip of what it says, its source on hover.
    public var segments: [Segment] = []

    public struct Segment: Hashable, Sendable {
        /// The placeholder as written, "{THU_NSNN.sentence}"; nil for the template's own words.
        public var source: String?
        public var text: String
        public var missing: Bool
    }

    public init(text: String, missing: [String] = [], segments: [Segment] = []) {
        self.text = text; self.missing = missing; self.segments = segments
    }
}

/// The canonical result sentence of the reference report:
/// "<name> <verb> <value>, bằng <p>% <kế hoạch năm>, tăng <g>% so với cùng kỳ", with its variants.
public enum ResultSentence {
    public static func canonical(_ figure: Figure, citing: Bool = false) -> RenderedText {
        let words = FigureWords(figure, citing: citing)
        let indicator = figure.indicator
        guard let value = words.value, let verb = words.verb else {
            return RenderedText(
                text: "\(indicator.name): \(MissingMark.text(indicator.code + ".value"))",
                missing: [indicator.code + ".value"])
        }
        var text = verb.isEmpty ? "\(indicator.name): \(value)" : "\(indicator.name) \(verb) \(value)"
        let target = words.target
        if let target { text += ", " + target }
        if let yoy = words.yearOnYear {
            let joinedByAnd = target != nil && indicator.phrasing.connector == .and
            text += (joinedByAnd ? " và " : ", ") + yoy
        }
        return RenderedText(text: text)
    }

    /// The indicator's sentence: its template when it has one, else the canonical sentence.
    /// `figures` gives the other indicators a template may name.
    public static func sentence(_ figure: Figure, figures: [String: Figure] = [:]) -> RenderedText {
        guard let template = figure.indicator.phrasing.template, !template.isEmpty else { return canonical(figure) }
        return PhraseTemplate(template).render(subject: figure, figures: figures)
    }
}

/// How a missing figure shows in generated text, so the compiler sees it at once.
public enum MissingMark {
    public static let prefix = "[thiếu số liệu"
    public static func text(_ what: String) -> String { "\(prefix): \(what)]" }

    /// A draft's section nobody has confirmed for this period yet: "[chưa cập nhật: …]".
    public static let updatePrefix = "[chưa cập nhật"
    public static func update(_ why: String) -> String { "\(updatePrefix): \(why)]" }

    /// The first mark of either kind in `text`, "[" to its "]", for writers that highlight them.
    public static func first(in text: Substring) -> ClosedRange<Substring.Index>? {
        let opens = [prefix, updatePrefix].compactMap { text.firstRange(of: $0)?.lowerBound }
        guard let open = opens.min(), let close = text[open...].firstIndex(of: "]") else { return nil }
        return open...close
    }
}
