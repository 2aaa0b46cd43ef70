import BaoCaoDomain
import XCTest

@testable import BaoCaoExchange

final class ReportTemplateFormatTests: XCTestCase {
    let source = """
        ---
        issuer: ỦY BAN NHÂN DÂN | QUẬN NGÔ QUYỀN
        number: Số:     /BC-UBND
        subject: Tình hình kinh tế - xã hội {period_noyear}
        ---
        // a comment
        # PHẦN 1: | KẾT QUẢ {period|upper}
        ## I. CHỈ TIÊU
        ### 1. Kinh tế
        Kết quả: {GTSX_CN.sentence}.[^a]

        - {THU_NSNN.text}.[^1]

        [^1]: So sánh với dự toán năm thành phố giao
        [^a]: Ghi chú {year}
        """

    func testParsePrintParse() throws {
        let template = try ReportTemplateFormat.parse(source)
        XCTAssertEqual(template.header[.number], "Số:     /BC-UBND")
        XCTAssertEqual(template.blocks.count, 5)
        XCTAssertEqual(template.blocks[0], .heading(level: 1, text: "PHẦN 1: | KẾT QUẢ {period|upper}"))
        XCTAssertEqual(template.blocks[4], .bullet("{THU_NSNN.text}.[^1]"))
        XCTAssertEqual(template.footnotes["a"], "Ghi chú {year}")
        XCTAssertEqual(template.references, ["GTSX_CN", "THU_NSNN"])
        let again = try ReportTemplateFormat.parse(ReportTemplateFormat.print(template))
        XCTAssertEqual(again, template)
    }

    func testEmphasisBecomesItalicRuns() throws {
        let template = try ReportTemplateFormat.parse("- *công tác tư pháp*: thực hiện tốt[^1].\n[^1]: Ghi chú\n")
        let document = ReportRenderer.render(template, period: .firstMonths(2017, 6), figures: [])
        XCTAssertEqual(
            document.blocks,
            [.bullet([.italic("Công tác tư pháp"), .text(": thực hiện tốt"), .footnote(1), .text(".")])])
        XCTAssertEqual(document.bodyText, "- Công tác tư pháp: thực hiện tốt.")
    }

    func testProblemsAreNamed() {
        let bad = "---\nissuer: X\ncolour: red\n---\n#### too deep\n{GTSX_CN.bogus}\n[^1]: a\n[^1]: b\n"
        XCTAssertThrowsError(try ReportTemplateFormat.parse(bad, file: "mau.template")) { error in
            let messages = (error as! ImportProblems).problems.map(\.description)
            XCTAssertTrue(messages.contains { $0.contains("dòng 3") && $0.contains("tên: giá trị") }, "\(messages)")
            XCTAssertTrue(messages.contains { $0.contains("dòng 5") && $0.contains("3 cấp") })
            XCTAssertTrue(messages.contains { $0.contains("dòng 8") && $0.contains("đã có ở dòng 7") })
            XCTAssertTrue(messages.contains { $0.contains("{bogus}") })
        }
    }

    func testRenderingNumbersFootnotesAndFlagsMissingOnes() throws {
        let template = try ReportTemplateFormat.parse(source)
        let indicator = Indicator(code: "GTSX_CN", name: "Giá trị sản xuất", unitOfMeasure: "triệu đồng", field: "kt")
        let figure = Figure(
            indicator: indicator, period: .firstMonths(2017, 6),
            current: Observation(value: Amount(5), status: .estimate))
        let document = ReportRenderer.render(template, period: .firstMonths(2017, 6), figures: [figure])
        XCTAssertEqual(document.blocks[0], .heading(level: 1, lines: ["PHẦN 1:", "KẾT QUẢ 6 THÁNG ĐẦU NĂM 2017"]))
        XCTAssertEqual(document.headerLines(.subject), ["Tình hình kinh tế - xã hội 6 tháng đầu năm"])
        XCTAssertEqual(
            document.footnotes, ["Ghi chú 2017", "So sánh với dự toán năm thành phố giao"],
            "numbered in the order of first reference")
        XCTAssertEqual(
            document.blocks[3], .paragraph([.text("Kết quả: Giá trị sản xuất ước đạt 5 triệu đồng."), .footnote(1)]))
        XCTAssertEqual(document.missing, ["THU_NSNN.text"])
        XCTAssertEqual(document.blocks[4], .bullet([.text("[thiếu số liệu: THU_NSNN.text]."), .footnote(2)]))
    }
}
