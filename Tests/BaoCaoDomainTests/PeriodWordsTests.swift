import XCTest

@testable import BaoCaoDomain

/// The words a template takes from the period, so that one template serves the 6-month, 9-month and year reports.
final class PeriodWordsTests: XCTestCase {
    func words(_ text: String, _ code: String) throws -> String {
        PhraseTemplate(text).render(subject: nil, figures: [:], period: try Period(code: code)).text
    }

    func testEachPeriodSaysItselfItsRestAndTheReportBefore() throws {
        let text = "{period_noyear}, | {rest} | {rest_noyear} | {prev_period} | qua {months} | đến hết {cutoff_month}"
        XCTAssertEqual(
            try words(text, "2017-H1"),
            "6 tháng đầu năm, | 6 tháng cuối năm 2017 | 6 tháng cuối năm | năm 2016 | qua 6 tháng | đến hết tháng 5/2017"
        )
        XCTAssertEqual(
            try words(text, "2017-9M"),
            "9 tháng đầu năm, | 3 tháng cuối năm 2017 | 3 tháng cuối năm | 6 tháng đầu năm 2017 | qua 9 tháng | đến hết tháng 8/2017"
        )
        XCTAssertEqual(
            try words(text, "2017"),
            "năm 2017, | năm 2018 | năm 2018 | 9 tháng năm 2017 | qua 12 tháng | đến hết tháng 11/2017")
        XCTAssertEqual(try words("{cutoff_month} {prev_period}", "2018-M01"), "tháng 12/2017 tháng 12 năm 2017")
    }

    func testTheLatestReportBeforeIsTheOneThatEndsLatestEarlier() {
        let h1 = Period.firstMonths(2017, 6), q2 = Period(year: 2017, kind: .quarter(2))
        let nine = Period.firstMonths(2017, 9), year = Period.year(2017)
        XCTAssertLessThan(h1.endOrder, nine.endOrder)
        XCTAssertLessThan(nine.endOrder, year.endOrder)
        XCTAssertLessThan(year.endOrder, Period.firstMonths(2018, 6).endOrder)
        XCTAssertLessThan(q2.endOrder, h1.endOrder, "ending the same month, the longer one is the later report")
    }

    func testASettingTheLocalityHasNotGivenIsFlagged() {
        let rendered = PhraseTemplate("kỳ họp thứ {ky_hop}, khóa {khoa_hdnd}").render(
            subject: nil, figures: [:], period: .firstMonths(2017, 6), settings: [.term: "XVIII"])
        XCTAssertEqual(rendered.text, "kỳ họp thứ [thiếu số liệu: thiết lập kỳ họp HĐND (ky_hop)], khóa XVIII")
        XCTAssertEqual(rendered.missing, ["thiết lập kỳ họp HĐND (ky_hop)"])
        XCTAssertEqual(PhraseTemplate("{ky_hop} {chu_de_nam|upper}").unknownParts, [])
    }

    func testAnInlineNoteMayHoldBrackets() {
        let template = ReportTemplate(blocks: [.paragraph("Văn bản[^=ghi chú [a] kết thúc] tiếp.")])
        let document = ReportRenderer.render(template, period: .firstMonths(2017, 6), figures: [])
        XCTAssertEqual(document.footnotes, ["Ghi chú [a] kết thúc"])
        XCTAssertEqual(document.bodyText, "Văn bản tiếp.")
    }

    /// "6 tháng đầu năm 2018" typed in a period box gave an error page.
    func testAPeriodIsAcceptedInItsWords() throws {
        let cases: [(String, Period)] = [
            ("6 tháng đầu năm 2018", .firstMonths(2018, 6)), ("9 tháng năm 2018", .firstMonths(2018, 9)),
            ("9 Tháng  đầu năm 2018", .firstMonths(2018, 9)), ("năm 2018", .year(2018)), ("Cả năm 2018", .year(2018)),
            ("quý II năm 2018", Period(year: 2018, kind: .quarter(2))),
            ("Quí 3/2018", Period(year: 2018, kind: .quarter(3))),
            ("tháng 6 năm 2018", .month(2018, 6)), ("tháng 12/2018", .month(2018, 12)),
            ("2018-H1", .firstMonths(2018, 6)),
        ]
        for (text, period) in cases { XCTAssertEqual(try Period(text: text), period, text) }
        for bad in ["6 tháng cuối năm 2018", "tháng 13 năm 2018", "quý V năm 2018", "năm 18"] {
            XCTAssertThrowsError(try Period(text: bad), bad)
        }
        // Every choice a picker offers reads back as itself.
        for period in Period.choices(around: 2018) { XCTAssertEqual(try Period(text: period.vietnameseName), period) }
    }
}
