import XCTest

@testable import BaoCaoDomain

/// A cumulative period's figure built from its parts when it was not entered itself.
final class CumulativePeriodTests: XCTestCase {
    func a(_ s: String) -> Amount { Amount(plain: s)! }
    func o(_ s: String, _ status: ValueStatus = .final) -> Observation { Observation(value: a(s), status: status) }
    let nineMonths = Period.firstMonths(2017, 9)

    func testNineMonthsFromTheFirstHalfAndTheThirdQuarter() {
        let parts: [Period: Observation] = [
            .firstMonths(2017, 6): o("600"), Period(year: 2017, kind: .quarter(3)): o("350", .estimate),
        ]
        let flow = PeriodCombination.combine(parts, into: nineMonths, rule: .flow)
        XCTAssertEqual(flow?.value, a("950"))
        XCTAssertEqual(flow?.status, .estimate, "an estimate among the parts makes the whole an estimate")
    }

    func testNineMonthsFromQuartersOrMonthsWithTheFewestParts() {
        var parts: [Period: Observation] = [:]
        for q in 1...3 { parts[Period(year: 2017, kind: .quarter(q))] = o("100") }
        for m in 1...9 { parts[.month(2017, m)] = o("1") }
        XCTAssertEqual(
            PeriodCombination.cover(nineMonths, from: Set(parts.keys))?.map(\.code), ["2017-Q1", "2017-Q2", "2017-Q3"])
        XCTAssertEqual(PeriodCombination.combine(parts, into: nineMonths, rule: .flow)?.value, a("300"))
        parts[.firstMonths(2017, 6)] = o("250")
        XCTAssertEqual(PeriodCombination.combine(parts, into: nineMonths, rule: .flow)?.value, a("350"), "H1 + Q3")
    }

    func testAGapOrAnOverlapGivesNoFigure() {
        let parts: [Period: Observation] = [
            .firstMonths(2017, 6): o("600"), .month(2017, 7): o("10"), .month(2017, 9): o("10"),
        ]
        XCTAssertNil(PeriodCombination.combine(parts, into: nineMonths, rule: .flow), "August is missing")
        // Overlapping parts are never both used: H1 and Q2 together would count April to June twice.
        let overlapping: [Period: Observation] = [
            .firstMonths(2017, 6): o("600"), Period(year: 2017, kind: .quarter(2)): o("300"),
            Period(year: 2017, kind: .quarter(3)): o("100"),
        ]
        XCTAssertEqual(PeriodCombination.combine(overlapping, into: nineMonths, rule: .flow)?.value, a("700"))
    }

    func testStocksTakeTheLastMonthAveragesWeighTheMonthsIndicesAreNeverBuilt() {
        let parts: [Period: Observation] = [
            .firstMonths(2017, 6): o("90"), Period(year: 2017, kind: .quarter(3)): o("120"),
            .month(2017, 9): o("118"),
        ]
        XCTAssertEqual(PeriodCombination.combine(parts, into: nineMonths, rule: .stock)?.value, a("118"))
        // (90 × 6 + 120 × 3) ÷ 9 = 100.
        XCTAssertEqual(PeriodCombination.combine(parts, into: nineMonths, rule: .average)?.value, a("100"))
        XCTAssertNil(PeriodCombination.combine(parts, into: nineMonths, rule: .none))
    }

    func testTheAssemblerPrefersAnEnteredCumulativeFigureAndSaysWhyAnIndexIsMissing() {
        let flow = Indicator(code: "F", name: "Thu", unitOfMeasure: "triệu đồng", field: "x")
        let index = Indicator(code: "I", name: "Chỉ số giá", unitOfMeasure: "%", field: "x", timeAggregation: .none)
        let sources = FigureSources(own: [
            "F": ["2017-H1": o("600"), "2017-Q3": o("350"), "2016-9M": o("800")],
            "I": ["2017-H1": o("103"), "2017-Q3": o("104")],
        ])
        let figures = FigureAssembler.figures(for: [flow, index], period: nineMonths, sources: sources)
        XCTAssertEqual(figures[0].current?.value, a("950"))
        XCTAssertEqual(figures[0].yearOnYear?.magnitude, a("18.75"))
        XCTAssertNil(figures[1].current)
        XCTAssertEqual(
            figures[1].gap(.value), "chỉ tiêu không cộng dồn theo thời gian: cần nhập số của đúng 9 tháng năm 2017")
        let entered = FigureAssembler.figures(
            for: [flow], period: nineMonths,
            sources: FigureSources(own: ["F": ["2017-9M": o("960"), "2017-H1": o("600"), "2017-Q3": o("350")]]))
        XCTAssertEqual(entered[0].current?.value, a("960"), "an entered 9-month figure wins over its parts")
    }

    func testPartsOfAPeriod() {
        XCTAssertEqual(
            Set(nineMonths.parts.map(\.code)),
            Set(
                (1...9).map { Period.month(2017, $0).code } + ["2017-Q1", "2017-Q2", "2017-Q3"]
                    + (2...9).map { Period.firstMonths(2017, $0).code }))
        XCTAssertEqual(Period.month(2017, 1).parts.map(\.code), ["2017-M01"])
        XCTAssertEqual(
            Set(Period(year: 2017, kind: .quarter(3)).parts.map(\.code)),
            ["2017-M07", "2017-M08", "2017-M09", "2017-Q3"])
    }
}
