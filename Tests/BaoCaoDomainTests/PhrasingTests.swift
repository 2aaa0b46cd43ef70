import Foundation
import XCTest

@testable import BaoCaoDomain

/// The phrasing bugs of issue 11, part 5: each written as a user found it, and how it reads now.
final class PhrasingTests: XCTestCase {
    let h1 = Period.firstMonths(2018, 6)

    func figure(
        _ value: Amount, unit: String = "triệu đồng", decimals: Int = 0, phrasing: Phrasing = Phrasing(),
        target: Amount? = nil, lastYear: Amount? = nil, style: ChangeStyle = .percent, name: String = "Số hộ nghèo"
    ) -> Figure {
        let indicator = Indicator(
            code: "X", name: name, unitOfMeasure: unit, field: "kt", valueDecimals: decimals, changeStyle: style,
            phrasing: phrasing)
        return Figure(
            indicator: indicator, period: h1, current: Observation(value: value, status: .final),
            target: target.map { TargetValue(value: $0, kind: .plan) },
            lastYear: lastYear.map { Observation(value: $0) })
    }

    func render(_ template: String, _ f: Figure) -> String {
        PhraseTemplate(template).render(subject: f, figures: [f.indicator.code: f]).text
    }

    /// With `leading_zero`, 0 was written "00".
    func testZeroHasNoLeadingZero() {
        let f = figure(.zero, unit: "giấy phép", phrasing: Phrasing(leadingZero: true))
        XCTAssertEqual(FigureWords(f).value, "0 giấy phép")
        XCTAssertEqual(
            FigureWords(figure(Amount(9), unit: "giấy phép", phrasing: Phrasing(leadingZero: true))).value,
            "09 giấy phép")
    }

    /// `{number}` wrote triệu while `{target_value}` wrote tỷ under one unit word.
    func testEveryAmountOfAnIndicatorHasItsMoneyStyle() {
        let f = figure(
            Amount(553_100), phrasing: Phrasing(moneyStyle: .billionsAndMillions), target: Amount(1_019_700),
            lastYear: Amount(500_000), style: .absolute)
        XCTAssertEqual(
            render("thu {number} {unit}, kế hoạch {target_value}, năm trước {last_year}", f),
            "thu 553 tỷ 100 triệu đồng, kế hoạch 1.019 tỷ 700 triệu đồng, năm trước 500 tỷ đồng")
        XCTAssertEqual(FigureWords(f).change, "tăng 53 tỷ 100 triệu")
        XCTAssertEqual(FigureWords(f).yearOnYear, "tăng 53 tỷ 100 triệu đồng so với cùng kỳ")
    }

    /// 0,5 triệu at 0 decimals was "1 triệu đồng"; 1.005 triệu at 1 decimal "1 tỷ 5,0 triệu đồng".
    func testAnAmountKeepsItsOrderOfMagnitude() {
        XCTAssertEqual(FigureWords(figure(Amount(plain: "0.5")!)).value, "0,5 triệu đồng")
        XCTAssertEqual(FigureWords(figure(Amount(plain: "0.04")!)).value, "0,04 triệu đồng")
        XCTAssertEqual(FigureWords(figure(Amount(plain: "1.5")!)).value, "2 triệu đồng", "ordinary rounding stays")
        let billions = Phrasing(moneyStyle: .billionsAndMillions)
        XCTAssertEqual(FigureWords(figure(Amount(1_005), decimals: 1, phrasing: billions)).value, "1 tỷ 5 triệu đồng")
        XCTAssertEqual(
            FigureWords(figure(Amount(plain: "1005.5")!, decimals: 1, phrasing: billions)).value,
            "1 tỷ 5,5 triệu đồng")
        XCTAssertEqual(VietnameseNumber.decimals(keeping: Amount(plain: "0.0001")!, at: 0), 4)
        XCTAssertEqual(VietnameseNumber.decimals(keeping: .zero, at: 0), 0)
    }

    /// "bằng 100,00% kế hoạch năm": a whole percentage is written without decimals.
    func testAWholePercentageHasNoDecimals() {
        let whole = figure(Amount(500), target: Amount(500), lastYear: Amount(250))
        XCTAssertEqual(FigureWords(whole).target, "bằng 100% kế hoạch năm")
        XCTAssertEqual(FigureWords(whole).yearOnYear, "tăng 100% so với cùng kỳ")
        let part = figure(Amount(501), target: Amount(1_000), lastYear: Amount(500))
        XCTAssertEqual(FigureWords(part).target, "bằng 50,10% kế hoạch năm")
        XCTAssertEqual(FigureWords(part).yearOnYear, "tăng 0,20% so với cùng kỳ")
    }

    /// `{name}` kept its capital inside a sentence; filters work on any part.
    func testANameInsideASentenceStartsInLowerCase() {
        let f = figure(Amount(18), unit: "hộ")
        XCTAssertEqual(render("Giảm {name} còn {value}", f), "Giảm số hộ nghèo còn 18 hộ")
        XCTAssertEqual(render("{name}: {value}", f), "Số hộ nghèo: 18 hộ")
        XCTAssertEqual(render("Chỉ số {name|cap} và {value|upper}", f), "Chỉ số Số hộ nghèo và 18 HỘ")
        XCTAssertEqual(render("đạt {X.name|lower}", f), "đạt số hộ nghèo")
        let gdp = figure(Amount(18), unit: "%", name: "GDP bình quân")
        XCTAssertEqual(render("tăng {name}", gdp), "tăng GDP bình quân", "an abbreviation keeps its capitals")
        XCTAssertEqual(PhraseTemplate("{name|lower}{value|cap}").unknownParts, [])
    }

    /// "giảm 1.181,00 tấn": an absolute change is written with the value's decimals.
    func testAnAbsoluteChangeHasTheValuesDecimals() {
        let f = figure(Amount(10_000), unit: "tấn", lastYear: Amount(11_181), style: .absolute)
        XCTAssertEqual(FigureWords(f).yearOnYear, "giảm 1.181 tấn so với cùng kỳ")
    }

    /// Decimals were always all written ("2.134,50 tấn"); an indicator may make them a maximum.
    func testAnIndicatorMayDropTrailingZerosOfItsValues() throws {
        let value = try XCTUnwrap(Amount(plain: "2134.5"))
        XCTAssertEqual(FigureWords(figure(value, unit: "tấn", decimals: 2)).value, "2.134,50 tấn")
        let trimmed = figure(value, unit: "tấn", decimals: 2, phrasing: Phrasing(trimsZeros: true))
        XCTAssertEqual(FigureWords(trimmed).value, "2.134,5 tấn")
        XCTAssertEqual(
            FigureWords(figure(Amount(7), unit: "tấn", decimals: 2, phrasing: Phrasing(trimsZeros: true))).value,
            "7 tấn")
        let money = figure(
            try XCTUnwrap(Amount(plain: "553100.50")), decimals: 2,
            phrasing: Phrasing(moneyStyle: .billionsAndMillions, trimsZeros: true))
        XCTAssertEqual(FigureWords(money).value, "553 tỷ 100,5 triệu đồng")
        // Phrasings stored before the switch read as they did.
        let old = try JSONDecoder().decode(
            Phrasing.self,
            from: Data(
                #"{"estimateVerb":"ước đạt","finalVerb":"đạt","moneyStyle":"trieu","leadingZero":false,"targetVerb":"bằng","connector":"comma","namesComparisonYear":false,"standalone":true}"#
                    .utf8))
        XCTAssertFalse(old.dropsTrailingZeros)
    }
}

/// Issue 11, part 2: a figure the sentence cannot complete still says what is known, and the compiler sees the gap.
final class IncompleteSentenceTests: XCTestCase {
    func testAFigureWithoutItsTargetSaysWhatIsKnown() {
        let indicator = Indicator(
            code: "VIEC_LAM", name: "Giải quyết việc làm", unitOfMeasure: "lượt người", field: "vh",
            phrasing: Phrasing(template: "Giải quyết việc làm cho {value}, {target}"))
        let figure = Figure(
            indicator: indicator, period: .firstMonths(2018, 6), current: Observation(value: Amount(3_000)))
        let document = ReportRenderer.render(
            ReportTemplate(blocks: [.paragraph("{VIEC_LAM.text}; {VIEC_LAM.yoy}.")]), period: .firstMonths(2018, 6),
            figures: [figure])
        XCTAssertEqual(
            document.bodyText,
            "Giải quyết việc làm cho 3.000 lượt người, chưa có chỉ tiêu kế hoạch năm 2018; chưa có số liệu cùng kỳ "
                + "năm 2017 để so sánh.")
        XCTAssertEqual(document.missing, ["VIEC_LAM.target", "VIEC_LAM.yoy"])
        // Without the figure itself, nothing is made up.
        let none = ReportRenderer.render(
            ReportTemplate(blocks: [.paragraph("{VIEC_LAM.text}.")]), period: .firstMonths(2018, 6),
            figures: [Figure(indicator: indicator, period: .firstMonths(2018, 6), current: nil)])
        XCTAssertEqual(none.bodyText, "[thiếu số liệu: VIEC_LAM.text].")
    }

}
