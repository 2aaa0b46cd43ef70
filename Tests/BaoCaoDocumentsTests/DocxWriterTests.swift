import BaoCaoDomain
import Foundation
import XCTest

@testable import BaoCaoDocuments

#if canImport(FoundationXML)
    import FoundationXML
#endif

final class DocxWriterTests: XCTestCase {
    let document = ReportDocument(
        header: [
            .issuer: ["ỦY BAN NHÂN DÂN", "QUẬN NGÔ QUYỀN"], .number: ["Số:     /BC-UBND"],
            .placeDate: ["Quận Ngô Quyền, ngày    tháng    năm 2017"], .title: ["BÁO CÁO"],
            .subject: ["Tình hình kinh tế - xã hội 6 tháng đầu năm"], .signature: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"],
            .recipients: ["Lưu: VT."],
        ],
        blocks: [
            .heading(level: 1, lines: ["PHẦN 1:", "KẾT QUẢ"]),
            .paragraph([.text("Thu ngân sách <đạt> & vượt"), .footnote(1), .text(".")]),
            .bullet([.text("Một ý")]),
        ],
        footnotes: ["So sánh với dự toán năm thành phố giao"], missing: [])

    func testTheDocumentXMLHasTheDecree30PageAndRealFootnotes() throws {
        let xml = DocxWriter.body(document)
        XCTAssertTrue(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4 portrait")
        XCTAssertTrue(
            xml.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""), "20/15/20/30 mm")
        XCTAssertTrue(xml.contains("<w:titlePg/>"), "no page number on page 1")
        XCTAssertTrue(xml.contains("<w:footnoteReference w:id=\"1\"/>"))
        XCTAssertTrue(xml.contains("Thu ngân sách &lt;đạt&gt; &amp; vượt"), "text is escaped")
        XCTAssertTrue(xml.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        XCTAssertTrue(DocxWriter.footnotes(document.footnotes).contains("So sánh với dự toán năm thành phố giao"))
        // Every part parses as XML.
        for part in [
            xml, DocxWriter.footnotes(document.footnotes), DocxParts.styles, DocxParts.settings,
            DocxParts.contentTypes, DocxParts.pageNumberHeader,
        ] {
            let parser = XMLParser(data: Data(part.utf8))
            XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")\n\(part.prefix(200))")
        }
    }

    /// The same footnote cited twice: one note and one auto-numbered reference, then a cross-reference showing the
    /// same number. A second footnoteReference would make Word and LibreOffice number a new, empty note.
    func testASecondMentionOfAFootnoteIsACrossReferenceNotANewNote() throws {
        var twice = document
        twice.blocks.append(.bullet([.text("Một ý nữa"), .footnoteAgain(1), .text(".")]))
        let xml = DocxWriter.body(twice)
        XCTAssertEqual(xml.components(separatedBy: "<w:footnoteReference ").count - 1, 1)
        XCTAssertTrue(xml.contains("<w:bookmarkStart w:id=\"1\" w:name=\"_RefFootnote1\"/>"))
        XCTAssertTrue(
            xml.contains(
                "<w:fldSimple w:instr=\" NOTEREF _RefFootnote1 \\f \\h \"><w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/>"
                    + "</w:rPr><w:t>1</w:t></w:r></w:fldSimple>"))
        XCTAssertTrue(XMLParser(data: Data(xml.utf8)).parse())
        let html = HTMLWriter.write(twice, title: "t")
        XCTAssertEqual(html.components(separatedBy: "id=\"ref1\"").count - 1, 1, "an id is given once")
        XCTAssertEqual(html.components(separatedBy: "href=\"#fn1\"").count - 1, 2)
    }

    /// A missing figure is highlighted on paper too, and a draft lists what is missing before the document.
    func testMissingFiguresAreHighlightedAndADraftListsThem() throws {
        var draft = document
        draft.blocks.append(.paragraph([.text("Thu [thiếu số liệu: THU.value] trong kỳ.")]))
        draft.missing = ["THU.value"]
        draft.view = .working
        let xml = DocxWriter.body(draft)
        XCTAssertTrue(
            xml.contains(
                "<w:r><w:rPr><w:highlight w:val=\"yellow\"/></w:rPr><w:t xml:space=\"preserve\">[thiếu số liệu: "
                    + "THU.value]</w:t></w:r>"), xml)
        XCTAssertTrue(xml.contains(">Còn thiếu 1 số liệu:<"))
        XCTAssertTrue(XMLParser(data: Data(xml.utf8)).parse())
        draft.view = .official
        XCTAssertFalse(DocxWriter.body(draft).contains("Còn thiếu"), "only a draft carries the list")
    }

    func testThePackageIsAZipWithItsParts() throws {
        let data = try DocxWriter.write(document)
        XCTAssertEqual(Array(data.prefix(2)), [0x50, 0x4B], "a ZIP file")
        let text = String(decoding: data, as: UTF8.self)
        for name in [
            "[Content_Types].xml", "word/document.xml", "word/footnotes.xml", "word/header1.xml", "word/styles.xml",
        ] {
            XCTAssertTrue(text.contains(name), name)
        }
    }
}

final class HTMLWriterTests: XCTestCase {
    func testTheHTMLEscapesLinksFootnotesAndMarksMissingFigures() {
        let document = ReportDocument(
            header: [.number: ["Số:     /BC-UBND"], .title: ["BÁO CÁO"]],
            blocks: [.paragraph([.text("Văn bản <script>alert(1)</script> [thiếu số liệu: X.value]"), .footnote(1)])],
            footnotes: ["Chú thích & nguồn"], missing: ["X.value"])
        let html = HTMLWriter.write(document, title: "Báo cáo")
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<mark>[thiếu số liệu: X.value]</mark>"))
        XCTAssertTrue(html.contains("href=\"#fn1\"") && html.contains("id=\"fn1\""))
        XCTAssertTrue(html.contains("Chú thích &amp; nguồn"))
        XCTAssertTrue(html.contains("Số: &nbsp; &nbsp; /BC-UBND"), "the blank number keeps its blanks")
        XCTAssertTrue(html.contains("@page{size:A4;margin:20mm 15mm 20mm 30mm}"))
    }
}

/// Issue 11, part 7: the annex says which report it goes with (Decree 30).
final class AnnexReferenceTests: XCTestCase {
    func testTheAnnexNamesTheReportItIsAttachedTo() throws {
        var document = ReportDocument(
            header: [
                .issuer: ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HẢI PHÒNG"], .number: ["Số:     /BC-UBND"],
                .placeDate: ["Hải Phòng, ngày    tháng    năm 2026"],
            ],
            blocks: [], footnotes: [], missing: [], annexInDocument: true)
        let line = "(Kèm theo Báo cáo số     /BC-UBND ngày    tháng    năm 2026 của UBND thành phố Hải Phòng)"
        XCTAssertEqual(document.annexReference, line)
        XCTAssertTrue(DocxWriter.body(document).contains(line))
        let html = HTMLWriter.write(document, title: "t")
        XCTAssertTrue(
            html.contains(
                "(Kèm theo Báo cáo số &nbsp; &nbsp; /BC-UBND ngày &nbsp; &nbsp;tháng &nbsp; &nbsp;năm 2026 của UBND thành phố Hải Phòng)"
            ),
            "the blanks to fill in are kept: \(html)")
        let subtitle = XlsxWriter.subtitle(reference: document.annexReference, statement: "Số liệu chính thức")
        XCTAssertEqual(subtitle, line + " — Số liệu chính thức")
        XCTAssertTrue(XlsxWriter.sheet(document.annex, title: "Phụ lục", statement: subtitle).contains(line))
        document.header[.number] = nil
        XCTAssertNil(document.annexReference, "no number, no line")
    }
}

/// Issue 11, part 7: the annex workbook prints on A4 landscape one page wide with its heading row on every page, and
/// each number has the format of its decimals (no trailing separator, "0,5" never shown as "1").
final class XlsxWriterTests: XCTestCase {
    func testTheAnnexPrintsOnA4LandscapeAndEachNumberHasItsDecimals() throws {
        let indicator = Indicator(
            code: "THU", name: "Thu ngân sách", unitOfMeasure: "triệu đồng", field: "kt", valueDecimals: 0)
        let figure = Figure(
            indicator: indicator, period: .firstMonths(2026, 6),
            current: Observation(value: Amount(plain: "0.5")!, status: .final),
            target: TargetValue(value: Amount(plain: "0.5")!, kind: .plan),
            lastYear: Observation(value: Amount(plain: "0.3")!))
        let annex = AnnexTable(period: .firstMonths(2026, 6), figures: [figure])
        XCTAssertEqual(annex.rows.first?.decimals, [1, 1, 1, 0, 2], "0,5 at one decimal; 100% whole; 166,67% two")
        XCTAssertEqual(annex.rows.first?.cells[2...], ["0,5", "0,3", "0,5", "100", "166,67"])
        let sheet = XlsxWriter.sheet(annex, title: "Phụ lục", statement: nil)
        XCTAssertTrue(sheet.contains("<c r=\"C4\" s=\"4\"><v>0.5</v></c>"), sheet)
        XCTAssertTrue(sheet.contains("<c r=\"F4\" s=\"3\"><v>100</v></c>"), sheet)
        XCTAssertTrue(
            sheet.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        XCTAssertTrue(sheet.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
        XCTAssertTrue(
            XlsxWriter.workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Phụ lục'!$3:$3"))
        XCTAssertTrue(XlsxWriter.styles.contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0\"/>"))
        XCTAssertFalse(XlsxWriter.styles.contains("#,##0.##"), "no format that leaves a trailing separator")
        for part in [sheet, XlsxWriter.workbook, XlsxWriter.styles] {
            XCTAssertTrue(XMLParser(data: Data(part.utf8)).parse(), part)
        }
    }
}
