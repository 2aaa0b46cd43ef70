import BaoCaoDomain

/// Small builders of WordprocessingML fragments.
enum WordML {
    struct Font {
        var size: Int = Decree30Layout.body
        var bold = false
        var italic = false
        /// A yellow marker, as on paper: what the compiler must still fill.
        var highlighted = false
    }

    static func run(_ text: String, _ font: Font = Font()) -> String {
        var props = ""
        if font.bold { props += "<w:b/><w:bCs/>" }
        if font.italic { props += "<w:i/><w:iCs/>" }
        if font.highlighted { props += "<w:highlight w:val=\"yellow\"/>" }
        if font.size != Decree30Layout.body {
            props += "<w:sz w:val=\"\(font.size)\"/><w:szCs w:val=\"\(font.size)\"/>"
        }
        let rPr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        return "<w:r>\(rPr)<w:t xml:space=\"preserve\">\(Markup.escape(text))</w:t></w:r>"
    }

    /// Text as runs, each "[thiếu số liệu: …]" or "[chưa cập nhật: …]" mark in a highlighted run of its own so it shows on paper.
    static func marked(_ text: String, _ font: Font = Font()) -> String {
        var out = ""
        var rest = Substring(text)
        while let mark = MissingMark.first(in: rest) {
            if mark.lowerBound > rest.startIndex { out += run(String(rest[..<mark.lowerBound]), font) }
            var highlighted = font
            highlighted.highlighted = true
            out += run(String(rest[mark]), highlighted)
            rest = rest[rest.index(after: mark.upperBound)...]
        }
        return rest.isEmpty ? out : out + run(String(rest), font)
    }

    /// Lines of one paragraph, separated by line breaks.
    static func lines(_ lines: [String], _ font: Font) -> String {
        lines.map { run($0, font) }.joined(separator: "<w:r><w:br/></w:r>")
    }

    /// A footnote's reference mark, bookmarked so a later mention can point back to it.
    static func footnoteReference(_ id: Int) -> String {
        "<w:bookmarkStart w:id=\"\(id)\" w:name=\"\(footnoteBookmark(id))\"/>"
            + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>"
            + "<w:bookmarkEnd w:id=\"\(id)\"/>"
    }

    /// A second mention of footnote `id`: Word's cross-reference to the footnote's number (`NOTEREF … \f`, formatted
    /// as a reference mark), showing the same number; a second `footnoteReference` would make a new, empty note.
    static func footnoteCrossReference(_ id: Int) -> String {
        "<w:fldSimple w:instr=\" NOTEREF \(footnoteBookmark(id)) \\f \\h \">"
            + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:t>\(id)</w:t></w:r></w:fldSimple>"
    }

    static func footnoteBookmark(_ id: Int) -> String { "_RefFootnote\(id)" }

    enum Alignment: String { case left, center, both, right }

    struct Paragraph {
        var alignment: Alignment = .both
        var firstLine = 0
        var before = 0
        var after = 120
        var keepWithNext = false
    }

    static func paragraph(_ content: String, _ p: Paragraph = Paragraph()) -> String {
        var props = ""
        if p.keepWithNext { props += "<w:keepNext/>" }
        props += "<w:spacing w:before=\"\(p.before)\" w:after=\"\(p.after)\"/>"
        if p.firstLine > 0 { props += "<w:ind w:firstLine=\"\(p.firstLine)\"/>" }
        props += "<w:jc w:val=\"\(p.alignment.rawValue)\"/>"
        return "<w:p><w:pPr>\(props)</w:pPr>\(content)</w:p>"
    }

    /// A table with single borders: the annex. The first row is the heading, repeated on every page.
    static func gridTable(columns: [Int], rows: [[String]], numericFrom: Int) -> String {
        let line = ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined()
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
        xml += "<w:tblBorders>\(line)</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
        xml += columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (r, row) in rows.enumerated() {
            xml += r == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>"
            for (c, (width, cell)) in zip(columns, row).enumerated() {
                let alignment: Alignment = r == 0 ? .center : (c >= numericFrom ? .right : .left)
                let para = paragraph(
                    run(cell, Font(size: 22, bold: r == 0)),
                    Paragraph(alignment: alignment, after: 0))
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(para)</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static let pageBreak = "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"

    /// A short horizontal rule, centred: an empty, tiny paragraph with a bottom border, shortened by `inset` on each
    /// side (Decree 30's rules under the issuer, the motto and the subject).
    static func rule(inset: Int, after: Int = 60) -> String {
        "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
            + "<w:spacing w:before=\"0\" w:after=\"\(after)\" w:line=\"120\" w:lineRule=\"exact\"/>"
            + "<w:ind w:left=\"\(inset)\" w:right=\"\(inset)\"/><w:rPr><w:sz w:val=\"4\"/></w:rPr></w:pPr></w:p>"
    }

    /// A borderless table of fixed columns; each cell is a list of paragraphs.
    static func table(columns: [Int], cells: [String]) -> String {
        let none = ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"nil\"/>" }.joined()
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(columns.reduce(0, +))\" w:type=\"dxa\"/>"
        xml += "<w:tblBorders>\(none)</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
        xml +=
            "<w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        xml += "<w:tblGrid>" + columns.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid><w:tr>"
        for (width, content) in zip(columns, cells) {
            xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>\(content)</w:tc>"
        }
        return xml + "</w:tr></w:tbl>"
    }

    static let namespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        """
}
