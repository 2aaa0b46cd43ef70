/// Renders a `ReportTemplate` for one period with the figures of one unit: every placeholder filled from the
/// figures (through `PhraseTemplate`), footnotes numbered in order of first reference, paragraphs starting with a
/// capital, and whatever is missing flagged in the text and listed.
public enum ReportRenderer {
    public static func render(
        _ template: ReportTemplate, period: Period, figures: [Figure], settings: [ReportSetting: String] = [:],
        tasks: TaskSummary? = nil
    ) -> ReportDocument {
        let byCode = Dictionary(figures.map { ($0.indicator.code, $0) }, uniquingKeysWith: { a, _ in a })
        var missing: [String] = []
        var footnoteNumbers: [String: Int] = [:]
        var footnotes: [String] = []

        // The body cites where a baseline was rebuilt in a footnote; a footnote or the header names it in its words.
        func fill(_ text: String, keepingSpaces: Bool = false, citing: Bool = false) -> String {
            let rendered = PhraseTemplate(text).render(
                subject: nil, figures: byCode, period: period,
                keepingSpaces: keepingSpaces, citing: citing, settings: settings, tasks: tasks)
            missing += rendered.missing
            return rendered.text
        }

        func runs(_ text: String) -> [ReportDocument.Run] {
            var result: [ReportDocument.Run] = []
            var rest = Substring(text)
            while let open = rest.firstRange(of: "[^"), let close = Self.closingBracket(of: open, in: rest) {
                let label = String(rest[open.upperBound..<close])
                var before = String(rest[..<open.lowerBound])
                if let why = ReportFootnote.omission(label) {
                    missing.append(why)
                    for joint in [", ", "; ", " và "] where before.hasSuffix(joint) { before.removeLast(joint.count) }
                    result.append(.text(before))
                    rest = rest[rest.index(after: close)...]
                    continue
                }
                result.append(.text(before))
                if let n = footnoteNumbers[label] {
                    result.append(.footnoteAgain(n))
                } else if let inline = ReportFootnote.inlineText(label) {
                    footnotes.append(inline.capitalizingFirstLetter)
                    footnoteNumbers[label] = footnotes.count
                    result.append(.footnote(footnotes.count))
                } else if let body = template.footnotes[label] {
                    footnotes.append(fill(body).capitalizingFirstLetter)
                    footnoteNumbers[label] = footnotes.count
                    result.append(.footnote(footnotes.count))
                } else {
                    missing.append("[^\(label)]")
                    result.append(.text(MissingMark.text("chú thích \(label)")))
                }
                rest = rest[rest.index(after: close)...]
            }
            result.append(.text(String(rest)))
            return capitalized(emphasised(result))
        }

        var header: [ReportTemplate.HeaderField: [String]] = [:]
        // Header fields keep their blanks: "Số:     /BC-UBND", "ngày    tháng".
        for (field, text) in template.header {
            header[field] = text.split(separator: " | ", omittingEmptySubsequences: false)
                .map { fill(String($0).trimmingWhitespace(), keepingSpaces: true) }
        }
        var blocks: [ReportDocument.Block] = []
        var annexInDocument = false
        for block in template.blocks {
            switch block {
            case .heading(let level, let text):
                blocks.append(
                    .heading(
                        level: level,
                        lines: text.split(separator: " | ").map {
                            fill(String($0).trimmingWhitespace())
                        }))
            case .paragraph(let text): blocks.append(.paragraph(runs(fill(text, citing: true))))
            case .bullet(let text): blocks.append(.bullet(runs(fill(text, citing: true))))
            case .annex: annexInDocument = true
            case .list(let list):
                guard let lines = Self.lines(of: list, period: period, figures: figures, tasks: tasks) else {
                    missing.append(list.rawValue)
                    blocks.append(.paragraph([.text(MissingMark.text(list.vietnameseName))]))
                    continue
                }
                if lines.isEmpty { blocks.append(.paragraph([.text(Self.emptyList(list))])) }
                for line in lines { blocks.append(.bullet([.text(line)])) }
            }
        }
        return ReportDocument(
            header: header, blocks: blocks, footnotes: footnotes, missing: missing,
            annex: AnnexTable(period: period, figures: figures), annexInDocument: annexInDocument)
    }

    /// The lines a computed list gives; nil for the tasks' lists when the report was made without its tasks.
    public static func lines(
        of list: ReportTemplate.GeneratedList, period: Period, figures: [Figure], tasks: TaskSummary?
    ) -> [String]? {
        switch list {
        case .shortfalls: return TargetSummary(period: period, figures: figures).shortfalls
        case .tasksByField: return tasks?.byField
        case .overdueTasks: return tasks?.overdueLines
        }
    }

    /// What an empty list says instead.
    public static func emptyList(_ list: ReportTemplate.GeneratedList) -> String {
        switch list {
        case .shortfalls: return "Không có chỉ tiêu nào chậm so với tiến độ kế hoạch năm."
        case .tasksByField: return "Không có nhiệm vụ nào đến hạn trong kỳ."
        case .overdueTasks: return "Không có nhiệm vụ nào quá hạn."
        }
    }

    /// The "]" that closes the "[" at `open`, past any bracket inside (an inline note holding a "[thiếu số liệu: …]").
    static func closingBracket(of open: Range<Substring.Index>, in text: Substring) -> Substring.Index? {
        var depth = 1
        for index in text[open.upperBound...].indices {
            switch text[index] {
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 { return index }
            default: continue
            }
        }
        return nil
    }

    /// A paragraph starts with a capital letter, even when its first words come from a sentence template.
    static func capitalized(_ runs: [ReportDocument.Run]) -> [ReportDocument.Run] {
        switch runs.first {
        case .text(let first)?: return [.text(first.capitalizingFirstLetter)] + runs.dropFirst()
        case .italic(let first)?: return [.italic(first.capitalizingFirstLetter)] + runs.dropFirst()
        default: return runs
        }
    }

    /// Splits text runs at `*` into plain and italic runs; empty runs are dropped.
    static func emphasised(_ runs: [ReportDocument.Run]) -> [ReportDocument.Run] {
        var result: [ReportDocument.Run] = []
        var italic = false
        for run in runs {
            guard case .text(let text) = run else { result.append(run); continue }
            for (index, piece) in text.split(separator: "*", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { italic.toggle() }
                guard !piece.isEmpty else { continue }
                result.append(italic ? .italic(String(piece)) : .text(String(piece)))
            }
        }
        return result
    }
}
