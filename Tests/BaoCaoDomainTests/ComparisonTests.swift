import XCTest

@testable import BaoCaoDomain

final class ComparisonTests: XCTestCase {
    func a(_ s: String) -> Amount { Amount(plain: s)! }

    func testPercentOfTarget() {
        XCTAssertEqual(Comparison.percentOfTarget(a("693843"), target: a("1385000"), decimals: 2), a("50.1"))
        XCTAssertEqual(Comparison.percentOfTarget(a("3443"), target: a("6000"), decimals: 0), a("57"))
        XCTAssertNil(Comparison.percentOfTarget(a("5"), target: .zero, decimals: 2))
        XCTAssertNil(Comparison.percentOfTarget(nil, target: a("5"), decimals: 2))
        XCTAssertNil(Comparison.percentOfTarget(a("5"), target: nil, decimals: 2))
    }

    func testYearOnYearPercent() {
        let up = Comparison.change(from: a("632500"), to: a("693843"), style: .percent, decimals: 1)
        XCTAssertEqual(up?.direction, .up)
        XCTAssertEqual(up?.magnitude, a("9.7"))
        let down = Comparison.change(from: a("100"), to: a("95.5"), style: .percent, decimals: 1)
        XCTAssertEqual(down?.direction, .down)
        XCTAssertEqual(down?.magnitude, a("4.5"))
        // A change that rounds to zero is "bằng cùng kỳ", not "tăng 0,0%".
        XCTAssertEqual(
            Comparison.change(from: a("10000"), to: a("10001"), style: .percent, decimals: 1)?.direction, .same)
        XCTAssertNil(Comparison.change(from: .zero, to: a("5"), style: .percent, decimals: 1))
        XCTAssertNil(Comparison.change(from: nil, to: a("5"), style: .percent, decimals: 1))
    }

    func testOtherStyles() {
        let ratio = Comparison.change(from: a("100"), to: a("114.5"), style: .ratio, decimals: 1)
        XCTAssertEqual(ratio?.magnitude, a("114.5"))
        XCTAssertEqual(ratio?.direction, .up)
        let points = Comparison.change(from: a("61"), to: a("65"), style: .points, decimals: 0)
        XCTAssertEqual(points?.magnitude, a("4"))
        let absolute = Comparison.change(from: a("2"), to: a("3"), style: .absolute, decimals: 0)
        XCTAssertEqual(absolute?.direction, .up)
        XCTAssertEqual(absolute?.magnitude, a("1"))
        // Absolute and points comparisons work from a zero base too.
        XCTAssertEqual(Comparison.change(from: .zero, to: a("3"), style: .absolute, decimals: 0)?.magnitude, a("3"))
    }

    func testPeriodCombination() {
        let months: [Int: Observation] = [
            1: .init(value: a("10")), 2: .init(value: a("20"), status: .estimate),
            3: .init(value: a("30")),
        ]
        let q1 = Period(year: 2017, kind: .quarter(1))
        let flow = PeriodCombination.combine(months: months, into: q1, rule: .flow)
        XCTAssertEqual(flow?.value, a("60"))
        XCTAssertEqual(flow?.status, .estimate)
        XCTAssertEqual(PeriodCombination.combine(months: months, into: q1, rule: .stock)?.value, a("30"))
        // A missing month means no figure, never a partial sum.
        XCTAssertNil(PeriodCombination.combine(months: months, into: .firstMonths(2017, 4), rule: .flow))
        XCTAssertNil(PeriodCombination.combine(months: months, into: .firstMonths(2017, 4), rule: .stock))
    }

    func testRollupRules() {
        let r = RolledUp(total: a("300"), contributors: 4, estimates: 1)
        XCTAssertEqual(r.observation(.sum)?.value, a("300"))
        XCTAssertEqual(r.observation(.sum)?.status, .estimate)
        XCTAssertEqual(r.observation(.average)?.value, a("75"))
        XCTAssertNil(r.observation(.none))
        XCTAssertNil(RolledUp(total: .zero, contributors: 0, estimates: 0).observation(.sum))
    }
}

final class FormulaTests: XCTestCase {
    func testEvaluatesExactly() throws {
        let f = try Formula("DON_GQ / DON_TN * 100")
        XCTAssertEqual(f.references, ["DON_GQ", "DON_TN"])
        let values = ["DON_GQ": Amount(112), "DON_TN": Amount(170)]
        XCTAssertEqual(f.evaluate { values[$0] }, Amount(plain: "65.8824"))
        XCTAssertEqual(try Formula("(A + B) * 2 - -1").evaluate { _ in Amount(1) }, Amount(5))
        XCTAssertEqual(try Formula("1 / 3 * 3").evaluate { _ in nil }, Amount(1))
    }

    func testMissingInputsAndZeroDivisorGiveNoFigure() throws {
        let f = try Formula("A / B")
        XCTAssertNil(f.evaluate { $0 == "A" ? Amount(1) : nil })
        XCTAssertNil(f.evaluate { $0 == "A" ? Amount(1) : .zero })
    }

    func testSyntaxErrors() {
        for bad in ["A +", "(A", "A $ B", "", "A B"] {
            XCTAssertThrowsError(try Formula(bad), bad)
        }
    }
}

final class FigureAssemblerTests: XCTestCase {
    let revenue = Indicator(code: "DT", name: "Doanh thu", unitOfMeasure: "triệu đồng", field: "kt")
    let population = Indicator(
        code: "DS", name: "Dân số", unitOfMeasure: "người", field: "xh",
        timeAggregation: .stock)
    let rate = Indicator(
        code: "TL", name: "Tỷ lệ", unitOfMeasure: "%", field: "xh", unitAggregation: .none,
        formula: "DT / DS * 100")

    func testOwnExactValueWinsOverMonthsAndCommunes() {
        var sources = FigureSources()
        sources.own["DT"] = ["2017-H1": Observation(value: Amount(600), status: .estimate)]
        sources.rolledUp["DT"] = ["2017-H1": RolledUp(total: Amount(1), contributors: 1, estimates: 0)]
        let f = FigureAssembler.figures(for: [revenue], period: .firstMonths(2017, 6), sources: sources)
        XCTAssertEqual(f.first?.current?.value, Amount(600))
        XCTAssertEqual(f.first?.current?.status, .estimate)
    }

    func testMonthsCombineAndCommunesAddUp() {
        var sources = FigureSources()
        var months: [String: RolledUp] = [:]
        for m in 1...6 {
            months[Period.month(2017, m).code] = RolledUp(total: Amount(10 * m), contributors: 2, estimates: 0)
        }
        for m in 1...6 {
            months[Period.month(2016, m).code] = RolledUp(total: Amount(5 * m), contributors: 2, estimates: 0)
        }
        sources.rolledUp["DT"] = months
        sources.rolledUp["DS"] = months
        sources.targets["DT"] = [2017: TargetValue(value: Amount(420), kind: .plan)]
        let figures = FigureAssembler.figures(
            for: [revenue, population, rate], period: .firstMonths(2017, 6), sources: sources)
        XCTAssertEqual(figures[0].current?.value, Amount(210))
        XCTAssertEqual(figures[0].lastYear?.value, Amount(105))
        XCTAssertEqual(figures[0].percentOfTarget, Amount(50))
        XCTAssertEqual(figures[0].yearOnYear?.magnitude, Amount(100))
        XCTAssertEqual(figures[1].current?.value, Amount(60), "a stock takes its last month")
        XCTAssertEqual(figures[2].current?.value, Amount(350), "derived from the resolved figures")
        // A month missing: no figure for the half year, not a partial sum.
        sources.rolledUp["DT"]?["2017-M03"] = nil
        let gap = FigureAssembler.figures(for: [revenue], period: .firstMonths(2017, 6), sources: sources)
        XCTAssertNil(gap[0].current)
        XCTAssertNil(gap[0].percentOfTarget)
    }

    func testPeriodCodesToFetch() {
        let codes = FigureSources.periodCodes(for: .month(2017, 1))
        XCTAssertEqual(codes, ["2017-M01", "2016-M01", "2016-M12"])
    }
}
