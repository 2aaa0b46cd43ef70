/// A report template cut into sections an office can write: each heading starts one, and it holds the blocks up to
/// the next heading. The compiler assigns sections; an office's narrative replaces the section's blocks.
public struct ReportSection: Hashable, Sendable {
    /// Stable within the template: "muc-3" is the third heading.
    public var key: String
    public var level: Int
    public var title: String
    /// Indexes of the blocks after the heading that the section holds.
    public var blockRange: Range<Int>
}

public enum ReportSections {
    public static func sections(of template: ReportTemplate) -> [ReportSection] {
        var sections: [ReportSection] = []
        var headingIndexes: [(Int, Int, String)] = []
        for (index, block) in template.blocks.enumerated() {
            if case .heading(let level, let text) = block { headingIndexes.append((index, level, text)) }
        }
        for (n, (index, level, text)) in headingIndexes.enumerated() {
            var end = n + 1 < headingIndexes.count ? headingIndexes[n + 1].0 : template.blocks.count
            if let annex = template.blocks[(index + 1)..<end].firstIndex(of: .annex) { end = annex }
            sections.append(
                ReportSection(
                    key: "muc-\(n + 1)", level: level, title: text.replacingOccurrences(of: " | ", with: " "),
                    blockRange: (index + 1)..<end))
        }
        return sections
    }

    /// The narrative text of a section's blocks: one paragraph a line, bullets starting "- ".
    public static func narrative(of section: ReportSection, in template: ReportTemplate) -> String {
        template.blocks[section.blockRange].compactMap { block -> String? in
            switch block {
            case .paragraph(let text): return text
            case .bullet(let text): return "- " + text
            case .list(let list): return list.rawValue
            case .heading, .annex: return nil
            }
        }.joined(separator: "\n")
    }

    /// Each section's narrative with its footnotes carried inside (`[^=text]`), by section key: a report's own text
    /// taken from a whole document in template form (the demo's 2017 report), so it needs none of the template's
    /// footnotes.
    public static func narratives(of document: ReportTemplate) -> [String: String] {
        var result: [String: String] = [:]
        for section in sections(of: document) {
            var text = narrative(of: section, in: document)
            for (label, note) in document.footnotes {
                text = text.replacingOccurrences(of: "[^\(label)]", with: ReportFootnote.marker(note))
            }
            result[section.key] = text
        }
        return result
    }

    /// Blocks from narrative text: a line is a paragraph, "- " starts a bullet; blank lines are ignored.
    public static func blocks(fromNarrative text: String) -> [ReportTemplate.Block] {
        text.split(whereSeparator: \.isNewline).compactMap { raw -> ReportTemplate.Block? in
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty { return nil }
            if let list = ReportTemplate.GeneratedList(rawValue: line) { return .list(list) }
            if line.hasPrefix("- ") { return .bullet(String(line.dropFirst(2)).trimmingWhitespace()) }
            return .paragraph(line)
        }
    }

    /// The template with the narratives written so far (by section key) in place of their sections' blocks, and a
    /// draft's "[chưa cập nhật: why]" first in each section `notes` names.
    public static func template(
        _ template: ReportTemplate, with narratives: [String: String], marking notes: [String: String] = [:]
    ) -> ReportTemplate {
        var result = template
        for section in sections(of: template).reversed() {
            guard narratives[section.key] != nil || notes[section.key] != nil else { continue }
            var blocks =
                narratives[section.key].map(blocks(fromNarrative:)) ?? Array(template.blocks[section.blockRange])
            if let note = notes[section.key] { blocks.insert(.paragraph(MissingMark.update(note)), at: 0) }
            result.blocks.replaceSubrange(section.blockRange, with: blocks)
        }
        return result
    }

    /// Problems with a narrative, in Vietnamese: placeholders naming no indicator, footnotes the template lacks.
    public static func problems(
        in text: String, knownCodes: Set<String>, footnotes: Set<String>
    ) -> [String] {
        var problems: [String] = []
        let template = PhraseTemplate(text)
        for code in template.references.sorted() where !knownCodes.contains(code) {
            problems.append("Chỉ tiêu \"\(code)\" không có trong danh mục")
        }
        for piece in text.split(separator: "[^", omittingEmptySubsequences: false).dropFirst() {
            guard let end = piece.firstIndex(of: "]") else { continue }
            let label = String(piece[..<end])
            // "[^=text]" carries its own note.
            if !footnotes.contains(label) && ReportFootnote.inlineText(label) == nil {
                problems.append("Chú thích [^\(label)] không có trong mẫu báo cáo")
            }
        }
        return problems
    }
}
