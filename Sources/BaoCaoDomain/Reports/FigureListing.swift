/// The indicators' result sentences for one unit and period, grouped by field in report order: what
/// `baocao report --format text` prints.
public struct FigureListing: Sendable {
    public struct Section: Sendable {
        public var field: Field
        public var sentences: [RenderedText]
    }

    public var title: String
    public var sections: [Section]
    /// Which figures it lists, said under the title.
    public var view: FigureView?

    /// Everything a sentence could not fill, for the compiler.
    public var missing: [String] { sections.flatMap { $0.sentences.flatMap(\.missing) } }

    public init(unitName: String, period: Period, fields: [Field], figures: [Figure], view: FigureView? = nil) {
        title = "Kết quả thực hiện chỉ tiêu: \(unitName), \(period.vietnameseName)"
        self.view = view
        let byCode = Dictionary(uniqueKeysWithValues: figures.map { ($0.indicator.code, $0) })
        var sections: [Section] = []
        for field in fields {
            let sentences =
                figures
                .filter { $0.indicator.field == field.code && $0.indicator.phrasing.standalone }
                .map { figure -> RenderedText in
                    var s = ResultSentence.sentence(figure, figures: byCode)
                    s.text = s.text.capitalizingFirstLetter
                    return s
                }
            if !sentences.isEmpty { sections.append(Section(field: field, sentences: sentences)) }
        }
        self.sections = sections
    }

    public var text: String {
        var lines = [title] + (view.map { [$0.statement + "."] } ?? []) + [""]
        for (i, section) in sections.enumerated() {
            lines.append("\(i + 1). \(section.field.name)")
            for s in section.sentences { lines.append("- " + s.text + ".") }
            lines.append("")
        }
        let missing = self.missing
        if !missing.isEmpty {
            lines.append("Thiếu số liệu (\(missing.count)): " + missing.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}
