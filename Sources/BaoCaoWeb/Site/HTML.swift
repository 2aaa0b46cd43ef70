import BaoCaoDocuments

/// Markup that is safe by construction: text interpolated into it is escaped; only other `HTML` goes in as is.
/// A narrative containing `<script>` therefore reaches the browser as text.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public private(set) var markup: String

    public init(stringLiteral value: String) { markup = value }
    public init(stringInterpolation: Interpolation) { markup = stringInterpolation.markup }
    init(trusted markup: String) { self.markup = markup }

    public var description: String { markup }

    public struct Interpolation: StringInterpolationProtocol {
        var markup = ""
        public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { markup += literal }
        public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        public mutating func appendInterpolation(_ html: [HTML]) { for h in html { markup += h.markup } }
        public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
        public mutating func appendInterpolation(_ text: String?) { markup += HTML.escape(text ?? "") }
    }

    public static func escape(_ text: String) -> String { Markup.escape(text) }

    static func join(_ parts: [HTML], separator: HTML = "") -> HTML {
        HTML(trusted: parts.map(\.markup).joined(separator: separator.markup))
    }

    /// `selected` / `checked` attributes.
    static func flag(_ name: String, _ on: Bool) -> HTML { on ? HTML(trusted: " \(name)") : "" }
}
