/// A footnote whose text comes with the words that need it rather than from the template (where a comparison's
/// baseline was rebuilt from other units): written into rendered text as `[^=text]` and numbered by `ReportRenderer`
/// like the template's own `[^label]`. The same text twice is one footnote.
public enum ReportFootnote {
    public static func marker(_ text: String) -> String {
        "[^=" + text.replacingOccurrences(of: "]", with: ")") + "]"
    }

    /// A comparison the report leaves out, and why, for the compiler: `[^!why]`. The renderer writes nothing in
    /// the text (nor the ", " before it) and lists `why` among what the document is missing.
    public static func omitted(_ why: String) -> String {
        "[^!" + why.replacingOccurrences(of: "]", with: ")") + "]"
    }

    /// The text an inline label carries; nil for a template's own label.
    static func inlineText(_ label: String) -> String? { label.hasPrefix("=") ? String(label.dropFirst()) : nil }

    /// Why a comparison was left out; nil for any other label.
    static func omission(_ label: String) -> String? { label.hasPrefix("!") ? String(label.dropFirst()) : nil }
}
