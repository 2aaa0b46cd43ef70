import BaoCaoDomain
import Foundation

/// Writes a `ReportDocument` as a DOCX in the Decree 30/2020/NĐ-CP layout: A4, the two-column header, title and
/// subject, headings in the report's own numbering, justified 14 pt body with first-line indent, real Word
/// footnotes, page numbers centred at the top from page 2, and the signature block with "Nơi nhận:".
public enum DocxWriter {
    public static func write(_ document: ReportDocument) throws -> Data {
        var package = OOXMLPackage()
        package.add("[Content_Types].xml", DocxParts.contentTypes)
        package.add("_rels/.rels", DocxParts.packageRelationships)
        package.add("word/_rels/document.xml.rels", DocxParts.documentRelationships)
        package.add("word/styles.xml", DocxParts.styles)
        package.add("word/settings.xml", DocxParts.settings)
        package.add("word/header1.xml", DocxParts.pageNumberHeader)
        package.add("word/footer1.xml", DocxParts.viewFooter(document.view.map { $0.statement }))
        package.add("word/footnotes.xml", footnotes(document.footnotes))
        package.add("word/document.xml", body(document))
        return try package.data()
    }

    static func body(_ d: ReportDocument) -> String {
        var xml = XML.declaration + "<w:document \(WordML.namespaces)><w:body>"
        if d.view == .working {
            xml += WordML.paragraph(
                WordML.run("DỰ THẢO — " + FigureView.working.statement, .init(size: 22, bold: true)),
                .init(alignment: .center, after: 120))
            xml += missingList(d.missing)
        }
        xml += header(d)
        xml += WordML.paragraph(
            WordML.run(d.headerLines(.title).joined(separator: " "), .init(bold: true)),
            .init(alignment: .center, before: 360, after: 0, keepWithNext: true))
        xml += WordML.paragraph(
            WordML.lines(d.headerLines(.subject), .init(bold: true)),
            .init(alignment: .center, after: 0, keepWithNext: true))
        xml += WordML.rule(inset: 3_700, after: 240)
        for block in d.blocks { xml += self.block(block) }
        if d.isSigned { xml += signature(d) }
        if d.annexInDocument { xml += annex(d.annex, reference: d.annexReference) }
        xml += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId4\"/>"
        xml +=
            "<w:footerReference w:type=\"default\" r:id=\"rId5\"/><w:footerReference w:type=\"first\" r:id=\"rId5\"/>"
        xml += "<w:pgSz w:w=\"\(Decree30Layout.pageWidth)\" w:h=\"\(Decree30Layout.pageHeight)\"/>"
        xml += "<w:pgMar w:top=\"\(Decree30Layout.marginTop)\" w:right=\"\(Decree30Layout.marginRight)\" "
        xml += "w:bottom=\"\(Decree30Layout.marginBottom)\" w:left=\"\(Decree30Layout.marginLeft)\" "
        xml +=
            "w:header=\"\(Decree30Layout.headerDistance)\" w:footer=\"\(Decree30Layout.headerDistance)\" w:gutter=\"0\"/>"
        xml += "<w:titlePg/></w:sectPr></w:body></w:document>"
        return xml
    }

    /// On a draft, what the compiler must still fill, highlighted, before the document (a published report has none:
    /// it cannot be published while anything is missing).
    static func missingList(_ missing: [String]) -> String {
        guard !missing.isEmpty else { return "" }
        var xml = WordML.paragraph(
            WordML.run("Còn thiếu \(missing.count) số liệu:", .init(size: 22, bold: true)),
            .init(alignment: .left, after: 0))
        for item in missing {
            xml += WordML.paragraph(
                WordML.run("- " + item, .init(size: 22, highlighted: true)), .init(alignment: .left, after: 0))
        }
        return xml + WordML.pageBreak
    }

    /// Left: the issuing body in bold capitals with a short rule, the number, the purpose lines. Right: the national
    /// title, the motto with a rule its length, the place and date in italics.
    static func header(_ d: ReportDocument) -> String {
        let left = Decree30Layout.headerLeftColumn, right = Decree30Layout.textWidth - left
        let issuerFont = WordML.Font(size: Decree30Layout.issuer, bold: true)
        var leftCell = ""
        if !d.headerLines(.issuerParent).isEmpty {
            leftCell += WordML.paragraph(
                WordML.lines(d.headerLines(.issuerParent), .init(size: Decree30Layout.issuer)),
                .init(alignment: .center, after: 0))
        }
        leftCell += WordML.paragraph(
            WordML.lines(d.headerLines(.issuer), issuerFont),
            .init(alignment: .center, after: 0))
        leftCell += WordML.rule(inset: 1_250)
        leftCell += WordML.paragraph(
            WordML.lines(d.headerLines(.number), .init(size: Decree30Layout.issuer)),
            .init(alignment: .center, before: 120, after: 60))
        if !d.headerLines(.purpose).isEmpty {
            leftCell += WordML.paragraph(
                WordML.lines(d.headerLines(.purpose), .init(size: 24, italic: true)),
                .init(alignment: .center, after: 0))
        }
        var rightCell = WordML.paragraph(
            WordML.run(
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                .init(size: Decree30Layout.nationalTitle, bold: true)),
            .init(alignment: .center, after: 0))
        rightCell += WordML.paragraph(
            WordML.run("Độc lập - Tự do - Hạnh phúc", .init(bold: true)),
            .init(alignment: .center, after: 0))
        rightCell += WordML.rule(inset: 950)
        rightCell += WordML.paragraph(
            WordML.lines(d.headerLines(.placeDate), .init(italic: true)),
            .init(alignment: .center, before: 120, after: 0))
        return WordML.table(columns: [left, right], cells: [leftCell, rightCell])
    }

    static func block(_ block: ReportDocument.Block) -> String {
        switch block {
        case .heading(let level, let lines):
            let bold = WordML.Font(bold: true)
            if level == 1 {
                return WordML.paragraph(
                    WordML.lines(lines, bold), .init(alignment: .center, before: 240, keepWithNext: true))
            }
            return WordML.paragraph(
                WordML.lines(lines, bold),
                .init(firstLine: Decree30Layout.firstLineIndent, before: 120, keepWithNext: true))
        case .paragraph(let runs):
            return WordML.paragraph(content(runs), .init(firstLine: Decree30Layout.firstLineIndent))
        case .bullet(let runs):
            return WordML.paragraph(content([.text("- ")] + runs), .init(firstLine: Decree30Layout.firstLineIndent))
        case .table(let table):
            let total = max(1, table.widths.reduce(0, +))
            let columns = table.widths.map { $0 * Decree30Layout.textWidth / total }
            // An empty paragraph after it: Word joins two tables that touch.
            return WordML.gridTable(columns: columns, rows: [table.headings] + table.rows, numericFrom: Int.max)
                + WordML.paragraph("", .init(after: 0))
        }
    }

    static func content(_ runs: [ReportDocument.Run]) -> String {
        runs.map {
            switch $0 {
            case .text(let t): return WordML.marked(t)
            case .italic(let t): return WordML.marked(t, .init(italic: true))
            case .footnote(let n): return WordML.footnoteReference(n)
            case .footnoteAgain(let n): return WordML.footnoteCrossReference(n)
            }
        }.joined()
    }

    /// Right: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH" and the signer. Left: "Nơi nhận:" (12 pt bold italic) and the
    /// recipients (11 pt), each line "- ...".
    static func signature(_ d: ReportDocument) -> String {
        let half = Decree30Layout.textWidth / 2
        var leftCell = WordML.paragraph(
            WordML.run("Nơi nhận:", .init(size: 24, bold: true, italic: true)),
            .init(alignment: .left, before: 240, after: 0))
        for line in d.headerLines(.recipients) {
            leftCell += WordML.paragraph(
                WordML.run("- " + line, .init(size: Decree30Layout.recipients)),
                .init(alignment: .left, after: 0))
        }
        var rightCell = WordML.paragraph(
            WordML.lines(d.headerLines(.signature), .init(bold: true)),
            .init(alignment: .center, before: 240, after: 1_440))
        rightCell += WordML.paragraph(
            WordML.lines(d.headerLines(.signer), .init(bold: true)),
            .init(alignment: .center, after: 0))
        return WordML.table(columns: [half, Decree30Layout.textWidth - half], cells: [leftCell, rightCell])
            + WordML.paragraph("", .init(after: 0))
    }

    /// The annex on a page of its own: title, then the table of indicators with their comparisons.
    static func annex(_ annex: AnnexTable, reference: String? = nil) -> String {
        var xml = WordML.pageBreak
        xml += WordML.paragraph(WordML.run("PHỤ LỤC", .init(bold: true)), .init(alignment: .center, after: 0))
        xml += WordML.paragraph(
            WordML.run("Một số chỉ tiêu kinh tế - xã hội chủ yếu \(annex.period.vietnameseName)", .init(bold: true)),
            .init(alignment: .center, after: reference == nil ? 240 : 0))
        if let reference {
            xml += WordML.paragraph(
                WordML.run(reference, .init(size: Decree30Layout.issuer, italic: true)),
                .init(alignment: .center, after: 240))
        }
        var headings = AnnexTable.headings
        headings[4] = annex.currentHeading
        let width = Decree30Layout.textWidth
        let columns = [width - 900 - 3 * 1_350 - 2 * 1_000, 900, 1_350, 1_350, 1_350, 1_000, 1_000]
        return xml + WordML.gridTable(columns: columns, rows: [headings] + annex.rows.map(\.cells), numericFrom: 2)
            + WordML.paragraph("", .init(after: 0))
    }

    static func footnotes(_ notes: [String]) -> String {
        var xml = XML.declaration + "<w:footnotes \(WordML.namespaces)>"
        xml += "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
        xml += "<w:r><w:separator/></w:r></w:p></w:footnote>"
        xml += "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr>"
        xml += "<w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
        for (index, text) in notes.enumerated() {
            xml += "<w:footnote w:id=\"\(index + 1)\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
            xml += "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r>"
            xml += WordML.run(" " + text, .init(size: Decree30Layout.footnote)) + "</w:p></w:footnote>"
        }
        return xml + "</w:footnotes>"
    }
}
