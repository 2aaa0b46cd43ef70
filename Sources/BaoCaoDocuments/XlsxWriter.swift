import BaoCaoDomain
import Foundation

/// Writes the annex table as an XLSX workbook with the same Office Open XML package writer as the DOCX. Numbers
/// are real numeric cells (exact decimal text, no floating point on our side), so a spreadsheet can compute with them.
public enum XlsxWriter {
    /// The annex under `title`, with the report it goes with (`reference`, "(Kèm theo Báo cáo số …)") and
    /// `statement` (which figures it shows) on the line below.
    public static func write(
        _ annex: AnnexTable, title: String, reference: String? = nil, statement: String? = nil
    ) throws -> Data {
        var package = OOXMLPackage()
        package.add("[Content_Types].xml", contentTypes)
        package.add("_rels/.rels", packageRelationships)
        package.add("xl/workbook.xml", workbook)
        package.add("xl/_rels/workbook.xml.rels", workbookRelationships)
        package.add("xl/styles.xml", styles)
        package.add(
            "xl/worksheets/sheet1.xml",
            sheet(annex, title: title, statement: subtitle(reference: reference, statement: statement)))
        return try package.data()
    }

    /// A list as a sheet (the tasks for a meeting): `title` and `subtitle` above, the bold heading row repeated on
    /// every printed page, text cells with borders, wrapped; `widths` in characters, one per column.
    public static func table(
        title: String, subtitle: String, sheetName: String, headings: [String], rows: [[String]], widths: [Int]
    ) throws -> Data {
        var package = OOXMLPackage()
        package.add("[Content_Types].xml", contentTypes)
        package.add("_rels/.rels", packageRelationships)
        package.add("xl/workbook.xml", workbook(sheetName: sheetName))
        package.add("xl/_rels/workbook.xml.rels", workbookRelationships)
        package.add("xl/styles.xml", styles)
        var xmlRows = [row(1, [text("A1", title, style: 1)]), row(2, [text("A2", subtitle, style: 2)])]
        xmlRows.append(row(3, headings.enumerated().map { text(cell($0.offset, 3), $0.element, style: 1) }))
        for (index, values) in rows.enumerated() {
            let n = index + 4
            let tallest = zip(values, widths).map { lines($0.count, width: max(4, $1 - 2)) }.max() ?? 1
            xmlRows.append(
                row(n, values.enumerated().map { text(cell($0.offset, n), $0.element, style: 2) }, lines: tallest))
        }
        // The title and the line under it span the table's width.
        let last = String(cell(max(0, headings.count - 1), 1).dropLast())
        let columns = widths.enumerated().map {
            "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
        }.joined()
        package.add(
            "xl/worksheets/sheet1.xml",
            XML.declaration + """
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><cols>\(columns)</cols>\
                <sheetData>\(xmlRows.joined())</sheetData>\
                <mergeCells count="2"><mergeCell ref="A1:\(last)1"/><mergeCell ref="A2:\(last)2"/></mergeCells>\
                <pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
                <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>
                """)
        return try package.data()
    }

    /// The line under the title: the report the annex goes with, then which figures it shows.
    static func subtitle(reference: String?, statement: String?) -> String {
        [reference, statement].compactMap { $0 }.joined(separator: " — ")
    }

    static func sheet(_ annex: AnnexTable, title: String, statement: String?) -> String {
        var headings = AnnexTable.headings
        headings[4] = annex.currentHeading
        var rows: [String] = []
        rows.append(row(1, [text("A1", title, style: 1)]))
        rows.append(row(2, [text("A2", statement ?? "", style: 2)]))
        rows.append(
            row(
                3, headings.enumerated().map { text(cell($0.offset, 3), $0.element, style: 1) },
                lines: headings.dropFirst(2).map { lines($0.count, width: 14) }.max() ?? 1))
        for (index, r) in annex.rows.enumerated() {
            let n = index + 4
            let numbers = [r.target, r.lastYear, r.current, r.percentOfTarget, r.percentOfLastYear]
            rows.append(
                row(
                    n,
                    [text(cell(0, n), r.cells[0], style: 2), text(cell(1, n), r.unit, style: 2)]
                        + numbers.enumerated().map {
                            number(cell($0.offset + 2, n), $0.element, decimals: r.decimals[$0.offset])
                        }, lines: max(lines(r.cells[0].count, width: 52), lines(r.unit.count, width: 12))))
        }
        // Printed on A4 landscape, one page wide, the heading row repeated on every page (`Print_Titles`).
        return XML.declaration + """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>\
            <cols><col min="1" max="1" width="55" customWidth="1"/><col min="2" max="2" width="14" customWidth="1"/>\
            <col min="3" max="7" width="16" customWidth="1"/></cols><sheetData>\(rows.joined())</sheetData>\
            <pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>\
            <pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>
            """
    }

    static func cell(_ column: Int, _ row: Int) -> String { String(UnicodeScalar(UInt8(65 + column))) + String(row) }

    /// A row; with `lines` > 1, as tall as that many lines of wrapped text (spreadsheets do not grow a row for text
    /// they did not lay out themselves, and a printed row would be cut).
    static func row(_ n: Int, _ cells: [String], lines: Int = 1) -> String {
        let height = lines > 1 ? " ht=\"\(16 * lines)\" customHeight=\"1\"" : ""
        return "<row r=\"\(n)\"\(height)>\(cells.joined())</row>"
    }

    /// How many lines `characters` take in a column about `width` characters wide.
    static func lines(_ characters: Int, width: Int) -> Int { max(1, (characters + width - 1) / width) }

    static func text(_ ref: String, _ value: String, style: Int) -> String {
        "<c r=\"\(ref)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Markup.escape(value))</t></is></c>"
    }

    /// A numeric cell in the style of its decimals (styles 3–7: `#,##0` to `#,##0.0000`, no trailing separator).
    static func number(_ ref: String, _ value: Amount?, decimals: Int) -> String {
        let style = 3 + max(0, min(Amount.scale, decimals))
        guard let value else { return "<c r=\"\(ref)\" s=\"\(style)\"/>" }
        return "<c r=\"\(ref)\" s=\"\(style)\"><v>\(value.description)</v></c>"
    }

    static let type = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    static let contentTypes = OOXMLPackage.contentTypes([
        ("/xl/workbook.xml", "\(type)sheet.main+xml"), ("/xl/worksheets/sheet1.xml", "\(type)worksheet+xml"),
        ("/xl/styles.xml", "\(type)styles+xml"),
    ])

    static let packageRelationships = OOXMLPackage.relationships([("rId1", "officeDocument", "xl/workbook.xml")])

    static let workbook = workbook(sheetName: "Phụ lục")

    /// One sheet named `sheetName` (at most 31 characters, no `'`), its row 3 printed on every page.
    static func workbook(sheetName: String) -> String {
        let name = Markup.escape(String(sheetName.replacingOccurrences(of: "'", with: "").prefix(31)))
        return XML.declaration + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(name)" sheetId="1" r:id="rId1"/></sheets>\
            <definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">'\(name)'!$3:$3</definedName>\
            </definedNames></workbook>
            """
    }

    static let workbookRelationships = OOXMLPackage.relationships([
        ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"),
    ])

    /// 0: default; 1: bold heading with borders, wrapped; 2: text with borders; 3–7: number with borders and grouping,
    /// 0 to 4 decimals.
    static let styles = XlsxStyles.sheet()
}
