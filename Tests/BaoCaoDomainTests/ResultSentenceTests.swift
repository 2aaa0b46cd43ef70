import XCTest

@testable import BaoCaoDomain

final class ResultSentenceTests: XCTestCase {
    func a(_ s: String) -> Amount { Amount(plain: s)! }
    let h1 = Period.firstMonths(2017, 6)

    func industry(status: ValueStatus = .estimate, value: String = "693843", lastYear: String = "632500") -> Figure {
        let indicator = Indicator(
            code: "GTSX_CN", name: "Giá trị sản xuất công nghiệp trên địa bàn",
            unitOfMeasure: "triệu đồng", field: "kinh_te", changeDecimals: 1)
        return Figure(
            indicator: indicator, period: h1, current: Observation(value: a(value), status: status),
            target: TargetValue(value: a("1385000"), kind: .plan),
            lastYear: Observation(value: a(lastYear)))
    }

    func testCanonicalSentence() {
        XCTAssertEqual(
            ResultSentence.canonical(industry()).text,
            "Giá trị sản xuất công nghiệp trên địa bàn ước đạt 693.843 triệu đồng, bằng 50,10% kế hoạch năm, tăng 9,7% so với cùng kỳ"
        )
    }

    func testFinalValueSaysDat() {
        XCTAssertEqual(
            ResultSentence.canonical(industry(status: .final)).text,
            "Giá trị sản xuất công nghiệp trên địa bàn đạt 693.843 triệu đồng, bằng 50,10% kế hoạch năm, tăng 9,7% so với cùng kỳ"
        )
    }

    func testFallSaysGiam() {
        XCTAssertTrue(ResultSentence.canonical(industry(lastYear: "726500")).text.hasSuffix("giảm 4,5% so với cùng kỳ"))
        XCTAssertTrue(ResultSentence.canonical(industry(lastYear: "693843")).text.hasSuffix(", bằng cùng kỳ"))
    }

    func testBudgetStyle() {
        var phrasing = Phrasing(moneyStyle: .billionsAndMillions, connector: .and)
        let indicator = Indicator(
            code: "THU_NSNN", name: "Tổng thu ngân sách nhà nước", unitOfMeasure: "triệu đồng",
            field: "kinh_te", phrasing: phrasing)
        let figure = Figure(
            indicator: indicator, period: h1, current: Observation(value: a("553100"), status: .estimate),
            target: TargetValue(value: a("1019700"), kind: .budget),
            lastYear: Observation(value: a("447410")))
        XCTAssertEqual(
            ResultSentence.canonical(figure).text,
            "Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng, bằng 54,24% dự toán và tăng 23,62% so với cùng kỳ"
        )
        phrasing.namesComparisonYear = true
        phrasing.estimateVerb = "ước thực hiện"
        phrasing.targetVerb = "đạt"
        phrasing.targetWords = "kế hoạch"
        var other = indicator
        other.phrasing = phrasing
        let f2 = Figure(
            indicator: other, period: h1, current: figure.current, target: figure.target, lastYear: figure.lastYear)
        XCTAssertEqual(
            ResultSentence.canonical(f2).text,
            "Tổng thu ngân sách nhà nước ước thực hiện 553 tỷ 100 triệu đồng, đạt 54,24% kế hoạch và tăng 23,62% so với cùng kỳ năm 2016"
        )
    }

    func testMissingPartsAreLeftOutOrFlagged() {
        let indicator = Indicator(
            code: "GPXD", name: "Số giấy phép xây dựng được cấp", unitOfMeasure: "giấy phép",
            field: "do_thi")
        let noTarget = Figure(
            indicator: indicator, period: h1, current: Observation(value: a("300"), status: .estimate))
        XCTAssertEqual(ResultSentence.canonical(noTarget).text, "Số giấy phép xây dựng được cấp ước đạt 300 giấy phép")
        let nothing = Figure(indicator: indicator, period: h1, current: nil)
        let rendered = ResultSentence.canonical(nothing)
        XCTAssertEqual(rendered.missing, ["GPXD.value"])
        XCTAssertTrue(rendered.text.contains("[thiếu số liệu"))
        XCTAssertFalse(rendered.text.contains(" 0 "))
    }

    func testQualifierAndLeadingZero() {
        let indicator = Indicator(
            code: "X", name: "Kinh phí bồi thường", unitOfMeasure: "triệu đồng", field: "do_thi",
            phrasing: Phrasing(finalVerb: ""))
        let f = Figure(indicator: indicator, period: h1, current: Observation(value: a("90000"), qualifier: .nearly))
        XCTAssertEqual(ResultSentence.canonical(f).text, "Kinh phí bồi thường: gần 90.000 triệu đồng")
        let permits = Indicator(
            code: "GP", name: "Giấy phép bán lẻ rượu", unitOfMeasure: "giấy phép", field: "kt",
            phrasing: Phrasing(leadingZero: true, template: "cấp {value}"))
        let g = Figure(indicator: permits, period: h1, current: Observation(value: a("9")))
        XCTAssertEqual(ResultSentence.sentence(g).text, "cấp 09 giấy phép")
    }

    func testTemplateAcrossIndicators() {
        let count = Phrasing(leadingZero: true, namesComparisonYear: true)
        let accidents = Indicator(
            code: "TNGT_VU", name: "Số vụ tai nạn giao thông", unitOfMeasure: "vụ", field: "dt",
            changeDecimals: 0, changeStyle: .absolute,
            phrasing: Phrasing(
                leadingZero: true,
                template:
                    "xảy ra {value} tai nạn giao thông, làm {TNGT_CHET.value} chết, {TNGT_BT.value} bị thương ({TNGT_CHET.change} người chết so với cùng kỳ năm {prev_year})"
            ))
        let deaths = Indicator(
            code: "TNGT_CHET", name: "Số người chết", unitOfMeasure: "người", field: "dt",
            changeDecimals: 0, changeStyle: .absolute, phrasing: count)
        let injured = Indicator(
            code: "TNGT_BT", name: "Số người bị thương", unitOfMeasure: "người", field: "dt",
            changeDecimals: 0, changeStyle: .absolute, phrasing: count)
        let figures = [
            "TNGT_CHET": Figure(
                indicator: deaths, period: h1, current: Observation(value: Amount(3)),
                lastYear: Observation(value: Amount(2))),
            "TNGT_BT": Figure(indicator: injured, period: h1, current: Observation(value: Amount(2))),
        ]
        let subject = Figure(indicator: accidents, period: h1, current: Observation(value: Amount(4)))
        let text = ResultSentence.sentence(subject, figures: figures)
        XCTAssertEqual(
            text.text,
            "xảy ra 04 vụ tai nạn giao thông, làm 03 người chết, 02 người bị thương (tăng 01 người chết so với cùng kỳ năm 2016)"
        )
        XCTAssertEqual(text.missing, [])
        XCTAssertEqual(FigureWords(figures["TNGT_CHET"]!).yearOnYear, "tăng 01 người so với cùng kỳ năm 2016")
        let withoutInjured = ResultSentence.sentence(subject, figures: ["TNGT_CHET": figures["TNGT_CHET"]!])
        XCTAssertEqual(withoutInjured.missing, ["TNGT_BT.value"])
    }

    func testDerivedIndicator() {
        let received = Indicator(code: "DON_TN", name: "Đơn tiếp nhận", unitOfMeasure: "đơn", field: "tt")
        let resolved = Indicator(code: "DON_GQ", name: "Đơn giải quyết", unitOfMeasure: "đơn", field: "tt")
        let rate = Indicator(
            code: "TL_GQ", name: "Tỷ lệ giải quyết đơn", unitOfMeasure: "%", field: "tt",
            unitAggregation: .none, changeDecimals: 0, changeStyle: .points,
            formula: "DON_GQ / DON_TN * 100", phrasing: Phrasing(finalVerb: "đạt"))
        let inputs = [
            "DON_TN": Figure(
                indicator: received, period: h1, current: Observation(value: Amount(170)),
                lastYear: Observation(value: Amount(200))),
            "DON_GQ": Figure(
                indicator: resolved, period: h1, current: Observation(value: Amount(112)),
                lastYear: Observation(value: Amount(120))),
        ]
        let figure = DerivedFigures.figure(for: rate, period: h1, inputs: inputs, target: nil)
        XCTAssertEqual(
            ResultSentence.canonical(figure).text,
            "Tỷ lệ giải quyết đơn đạt 66%, tăng 6 điểm phần trăm so với cùng kỳ")
        let missing = DerivedFigures.figure(for: rate, period: h1, inputs: ["DON_GQ": inputs["DON_GQ"]!], target: nil)
        XCTAssertNil(missing.current)
    }

    func testMonthOnMonth() {
        let indicator = Indicator(code: "CPI", name: "Chỉ số giá", unitOfMeasure: "%", field: "kt", changeDecimals: 1)
        let f = Figure(
            indicator: indicator, period: .month(2017, 6), current: Observation(value: a("99.6")),
            previous: Observation(value: Amount(100)))
        XCTAssertEqual(FigureWords(f).periodOnPeriod, "giảm 0,4% so với tháng trước")
    }

    func testTemplateKnowsItsParts() {
        XCTAssertEqual(PhraseTemplate("{value} {bogus} {X.yoy}").unknownParts, ["bogus"])
        XCTAssertEqual(PhraseTemplate("{value} {X.yoy}").references, ["X"])
    }
}

final class RephrasingTests: XCTestCase {
    func testASentenceCanBeWordedDifferentlyWhereItIsUsed() {
        let indicator = Indicator(
            code: "GTSX_CN", name: "Giá trị sản xuất công nghiệp", unitOfMeasure: "triệu đồng",
            field: "kt", changeDecimals: 1)
        let figure = Figure(
            indicator: indicator, period: .firstMonths(2017, 6),
            current: Observation(value: Amount(693_843), status: .estimate),
            target: TargetValue(value: Amount(1_385_000), kind: .plan),
            lastYear: Observation(value: Amount(632_500)))
        let here = figure.rephrased {
            $0.estimateVerb = "ước thực hiện"; $0.targetVerb = "đạt"; $0.targetWords = "so với kế hoạch"
            $0.connector = .and; $0.namesComparisonYear = true
        }
        XCTAssertEqual(
            ResultSentence.canonical(here).text,
            "Giá trị sản xuất công nghiệp ước thực hiện 693.843 triệu đồng, đạt 50,10% so với kế hoạch và tăng 9,7% so với cùng kỳ năm 2016"
        )
        XCTAssertEqual(figure.indicator.phrasing, Phrasing(), "the catalogue's phrasing is untouched")
    }
}
