import XCTest

@testable import BaoCaoDocuments

/// Issue 12, part 3 (and 14): the first sheet of a workbook as rows of text, as Excel and LibreOffice write them.
final class XlsxReaderTests: XCTestCase {
    func workbook(
        _ sheet: String, sharedStrings: String? = nil, sheetPath: String = "worksheets/data.xml"
    ) throws
        -> Data
    {
        var package = OOXMLPackage()
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        package.add(
            "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
        package.add(
            "xl/workbook.xml",
            "<workbook xmlns=\"\(main)\" xmlns:r=\"\(OOXMLPackage.relationshipBase.dropLast())\"><sheets>"
                + "<sheet name=\"Chương trình\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>")
        package.add(
            "xl/_rels/workbook.xml.rels",
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId7\" Type=\"\(OOXMLPackage.relationshipBase)worksheet\" Target=\"\(sheetPath)\"/>"
                + "</Relationships>")
        if let sharedStrings { package.add("xl/sharedStrings.xml", "<sst xmlns=\"\(main)\">\(sharedStrings)</sst>") }
        package.add("xl/\(sheetPath)", "<worksheet xmlns=\"\(main)\"><sheetData>\(sheet)</sheetData></worksheet>")
        return try package.data()
    }

    func testSharedInlineAndNumberCellsWithGapsAndRowNumbers() throws {
        let data = try workbook(
            """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>\
            <row r="2"><c r="A2"><v></v></c></row>\
            <row r="3"><c r="A3"><v>3.0</v></c><c r="B3" t="inlineStr"><is><t>Kế hoạch &amp; báo cáo</t></is></c>\
            <c r="C3"><v>2.5</v></c><c r="D3" t="str"><f>A3*2</f><v>6</v></c></row>
            """,
            sharedStrings: "<si><t>month</t></si><si><r><t>con</t></r><r><t>tent</t></r></si>")
        let rows = try XlsxReader.rows(data)
        XCTAssertEqual(
            rows,
            [
                .init(number: 1, cells: ["month", "", "content"]),
                .init(number: 3, cells: ["3", "Kế hoạch & báo cáo", "2.5", "6"], numeric: [0, 2]),
            ], "the empty row 2 is left out; a formula gives its value; numbers are marked as numbers")
    }

    func testAFileThatIsNotAWorkbookAndCellAddresses() throws {
        XCTAssertThrowsError(try XlsxReader.rows(Data("not a zip".utf8))) { error in
            XCTAssertEqual((error as? XlsxReader.Unreadable)?.description, "không phải tệp Excel (.xlsx) hợp lệ")
        }
        XCTAssertEqual(XlsxReader.column(of: "AA12"), 26)
        XCTAssertEqual(XlsxReader.number("1.0"), "1")
        XCTAssertEqual(XlsxReader.number("0.1"), "0.1")
    }
}
