import XCTest

@testable import BaoCaoDomain

/// A sum not every unit reported says so, and is never compared as if complete.
final class CoverageTests: XCTestCase {
    func a(_ s: String) -> Amount { Amount(plain: s)! }
    let indicator = Indicator(
        code: "THU_NS_PHUONG", name: "Thu ngân sách phường", unitOfMeasure: "triệu đồng", field: "kinh_te",
        valueDecimals: 1, reportedBy: .commune)
    let thirteen = ExpectedUnits(count: 13, unitWord: "phường")

    func sources(matched: MatchedSums? = nil, thisYear: Int = 1, lastYear: Int = 2) -> FigureSources {
        FigureSources(
            rolledUp: [
                "THU_NS_PHUONG": [
                    "2017-H1": RolledUp(total: a("2134.5"), contributors: thisYear, estimates: 1),
                    "2016-H1": RolledUp(total: a("3490"), contributors: lastYear, estimates: 0),
                ]
            ],
            targets: ["THU_NS_PHUONG": [2017: TargetValue(value: a("52000"), kind: .plan)]],
            expected: ["2017-H1": thirteen, "2016-H1": thirteen],
            matched: matched.map { ["THU_NS_PHUONG": ["2016-H1": $0]] } ?? [:])
    }

    func figure(_ s: FigureSources) -> Figure {
        FigureAssembler.figures(for: [indicator], period: .firstMonths(2017, 6), sources: s)[0]
    }

    func testAPartialSumSaysHowManyUnitsAndIsComparedLikeWithLike() {
        let f = figure(sources(matched: MatchedSums(current: a("2134.5"), earlier: a("1850"), units: 1)))
        XCTAssertEqual(f.current?.coverage?.fraction, "1/13 phường")
        XCTAssertNil(f.percentOfTarget, "a partial sum is not a share of the whole district's target")
        XCTAssertEqual(f.yearOnYear?.magnitude, a("15.38"), "2.134,5 against the same ward's 1.850")
        XCTAssertEqual(TargetProgress.of(f), .incomplete)
        XCTAssertEqual(
            ResultSentence.canonical(f).text,
            "Thu ngân sách phường ước đạt 2.134,5 triệu đồng (mới có số liệu của 1/13 phường), chưa so với kế hoạch "
                + "năm, tăng 15,38% so với cùng kỳ (so sánh trên cùng 1 phường)")
        XCTAssertEqual(f.gap(.percentOfTarget), "mới có số liệu của 1/13 phường: chưa so với kế hoạch năm")
    }

    func testWithoutUnitsReportingBothYearsThereIsNoComparisonAndTheSentenceSaysWhy() {
        let f = figure(sources())
        XCTAssertNil(f.yearOnYear)
        XCTAssertEqual(
            f.gap(.yearOnYear),
            "hai kỳ không có số liệu của cùng các đơn vị (kỳ này 1/13 phường, cùng kỳ năm trước 2/13 phường)")
        XCTAssertTrue(
            ResultSentence.canonical(f).text.hasSuffix(
                "chưa so sánh được với cùng kỳ (hai kỳ không có số liệu của cùng các đơn vị)"))
    }

    func testACompleteSumIsComparedAsAWhole() {
        let f = figure(sources(thisYear: 13, lastYear: 13))
        XCTAssertNil(f.current?.coverage.flatMap { $0.isComplete ? nil : $0 })
        XCTAssertEqual(f.percentOfTarget, a("4.1"))
        XCTAssertEqual(f.yearOnYear?.direction, .down)
        XCTAssertEqual(
            ResultSentence.canonical(f).text,
            "Thu ngân sách phường ước đạt 2.134,5 triệu đồng, bằng 4,10% kế hoạch năm, giảm 38,84% so với cùng kỳ")
    }

    func testDraftsAreMarkedInTheWorkingView() {
        var s = sources(thisYear: 13, lastYear: 13)
        s.rolledUp["THU_NS_PHUONG"]?["2017-H1"]?.pending = 2
        XCTAssertEqual(
            FigureWords(figure(s)).value, "2.134,5 triệu đồng (2 phường chưa duyệt)")
        let own = Figure(
            indicator: indicator, period: .firstMonths(2017, 6),
            current: Observation(value: a("7"), status: .estimate, isDraft: true))
        XCTAssertEqual(FigureWords(own).value, "7,0 triệu đồng (chưa duyệt)")
    }

    func testADerivedRateOfAPartialSumIsPartialToo() {
        let rate = Indicator(
            code: "TY_LE", name: "Tỷ lệ", unitOfMeasure: "%", field: "kinh_te",
            formula: "THU_NS_PHUONG / 52000 * 100")
        let figures = FigureAssembler.figures(
            for: [indicator, rate], period: .firstMonths(2017, 6), sources: sources())
        XCTAssertEqual(figures[1].current?.coverage?.fraction, "1/13 phường")
    }

    func testTheWordForTheUnits() {
        XCTAssertEqual(Coverage.unitWord(for: [.ward]), "phường")
        XCTAssertEqual(Coverage.unitWord(for: [.ward, .commune]), "đơn vị cấp xã")
    }
}
