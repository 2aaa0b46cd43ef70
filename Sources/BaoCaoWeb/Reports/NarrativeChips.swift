import BaoCaoDomain
import BaoCaoStorage

/// A section's narrative as the editor shows it beside the text: each placeholder a chip of what it says now (its
/// source on hover, a missing figure marked), italics in italics, footnotes as small notes, the summary list of
/// indicators behind their target and the tasks' lists drawn as they will be.
enum NarrativeChips {
    static func html(
        _ narrative: String, figures: [Figure], period: Period, settings: [ReportSetting: String],
        tasks: TaskSummary? = nil
    ) -> HTML {
        let byCode = Dictionary(figures.map { ($0.indicator.code, $0) }, uniquingKeysWith: { a, _ in a })
        var blocks: [HTML] = []
        for block in ReportSections.blocks(fromNarrative: narrative) {
            switch block {
            case .paragraph(let text): blocks.append("<p>\(line(text, byCode, period, settings, tasks))</p>")
            case .bullet(let text):
                blocks.append("<p class=\"bullet\">– \(line(text, byCode, period, settings, tasks))</p>")
            case .list(let list):
                let lines = ReportRenderer.lines(of: list, period: period, figures: figures, tasks: tasks)
                let items = (lines ?? []).map { s -> HTML in "<li>\(s)</li>" }
                let count: HTML = lines.map { "\($0.count)" } ?? "chưa tính được"
                blocks.append(
                    """
                    <div class="chip list" title="\(list.rawValue)">\
                    <p class="small">\(list.vietnameseName.capitalizingFirstLetter) (\(count)):</p><ul>\(items)</ul></div>
                    """)
            case .heading, .annex: continue
            }
        }
        return blocks.isEmpty ? "<p class=\"muted\">(Mục chưa có nội dung.)</p>" : HTML.join(blocks)
    }

    /// What each placeholder of the narrative says now, by its source ("{THU_NSNN.sentence}" → "Tổng thu ngân sách
    /// nhà nước ước đạt …"): the labels of the chips the editor shows in the text itself.
    static func labels(
        _ narrative: String, figures: [Figure], period: Period, settings: [ReportSetting: String],
        tasks: TaskSummary? = nil
    ) -> [String: String] {
        let byCode = Dictionary(figures.map { ($0.indicator.code, $0) }, uniquingKeysWith: { a, _ in a })
        var labels: [String: String] = [:]
        for line in narrative.split(whereSeparator: \.isNewline) {
            let rendered = PhraseTemplate(String(line)).render(
                subject: nil, figures: byCode, period: period, keepingSpaces: true, settings: settings, tasks: tasks)
            for segment in rendered.segments { if let source = segment.source { labels[source] = segment.text } }
        }
        return labels
    }

    /// One line: the template's words as typed (with `*…*` in italics and `[^…]` as notes), each placeholder a chip.
    static func line(
        _ text: String, _ figures: [String: Figure], _ period: Period, _ settings: [ReportSetting: String],
        _ tasks: TaskSummary?
    ) -> HTML {
        let rendered = PhraseTemplate(text).render(
            subject: nil, figures: figures, period: period, keepingSpaces: true, settings: settings, tasks: tasks)
        var words = Words()
        var out = ""
        for segment in rendered.segments {
            if let source = segment.source {
                let kind = segment.missing ? "chip thieu" : "chip"
                out += "<span class=\"\(kind)\" title=\"\(HTML.escape(source))\">\(HTML.escape(segment.text))</span>"
            } else {
                out += words.markup(segment.text)
            }
        }
        return HTML(trusted: out + words.closing)
    }

    /// The template's own words, whose italics and notes may open in one piece and close in a later one.
    struct Words {
        var italic = false
        var inNote = false

        mutating func markup(_ text: String) -> String {
            var out = ""
            var rest = Substring(text)
            while let c = rest.first {
                if rest.hasPrefix("[^=") {
                    out += "<sup class=\"note\">[chú thích: "
                    inNote = true
                    rest = rest.dropFirst(3)
                } else if rest.hasPrefix("[^"), let close = rest.firstIndex(of: "]") {
                    out +=
                        "<sup class=\"note\">["
                        + HTML.escape(String(rest[rest.index(rest.startIndex, offsetBy: 2)..<close])) + "]</sup>"
                    rest = rest[rest.index(after: close)...]
                } else if c == "]" && inNote {
                    out += "]</sup>"
                    inNote = false
                    rest = rest.dropFirst()
                } else if c == "*" {
                    out += italic ? "</em>" : "<em>"
                    italic.toggle()
                    rest = rest.dropFirst()
                } else {
                    out += HTML.escape(String(c))
                    rest = rest.dropFirst()
                }
            }
            return out
        }

        var closing: String { (inNote ? "</sup>" : "") + (italic ? "</em>" : "") }
    }
}
