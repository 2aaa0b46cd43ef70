import XCTest

@testable import BaoCaoDomain

/// The values that once crashed the server: every computation on them gives a figure or "no figure", never a trap.
final class ExtremeValueTests: XCTestCase {
    let largest = Amount(scaled: Int64.max)
    let smallest = Amount(scaled: Int64.min)
    let tiny = Amount(scaled: 1)

    func testSumsAndDifferencesBeyond64BitsAreNoFigure() {
        XCTAssertNil(largest.adding(tiny))
        XCTAssertNil(smallest.subtracting(tiny))
        XCTAssertEqual(largest.subtracting(tiny), Amount(scaled: Int64.max - 1))
        XCTAssertNil(Amount.sum(Array(repeating: Amount.inputLimit, count: 1_000)))
        XCTAssertEqual(
            Amount.sum(Array(repeating: Amount.inputLimit, count: 12)), Amount(scaled: Amount.inputLimit.scaled * 12))
        XCTAssertEqual(smallest.magnitude, largest, "the one value without a positive twin does not trap")
    }

    func testTheReportedCrashIsNoFigure() {
        // 99.999.999.999.999 against last year's 0,0001: a percentage with 21 digits.
        let huge = Amount(plain: "99999999999999")!
        XCTAssertNil(Comparison.change(from: tiny, to: huge, style: .percent, decimals: 2))
        XCTAssertNil(Comparison.change(from: tiny, to: huge, style: .ratio, decimals: 2))
        XCTAssertNil(Comparison.percentOfTarget(huge, target: tiny, decimals: 2))
        XCTAssertNil(Comparison.percentOfTarget(largest, target: tiny, decimals: 4))
        XCTAssertNil(Comparison.change(from: smallest, to: largest, style: .absolute, decimals: 0))
        XCTAssertNil(largest.rounded(toDecimals: 0), "rounding up past the largest amount")
        XCTAssertNil(Amount.ratio(largest, times: Int64.max, over: tiny))
    }

    func testFormulasThatOverflowAreNoFigure() throws {
        let formula = try Formula("A * A * A / B")
        XCTAssertNil(formula.evaluate { $0 == "A" ? self.largest : self.tiny })
        XCTAssertNil(try Formula("A / B").evaluate { $0 == "A" ? self.largest : self.tiny })
        XCTAssertNil(try Formula("-A - A").evaluate { _ in self.smallest })
        XCTAssertEqual(try Formula("A - A").evaluate { _ in self.largest }, .zero)
    }

    func testFormulasTooLongOrTooDeepAreRefusedNotEvaluated() {
        let deep = String(repeating: "(", count: 100_000) + "A" + String(repeating: ")", count: 100_000)
        XCTAssertThrowsError(try Formula(deep)) { XCTAssertTrue("\($0)".contains("quá dài"), "\($0)") }
        let nested = String(repeating: "(", count: 65) + "A" + String(repeating: ")", count: 65)
        XCTAssertThrowsError(try Formula(nested)) { XCTAssertTrue("\($0)".contains("lồng ngoặc"), "\($0)") }
        let signs = String(repeating: "-", count: 65) + "A"
        XCTAssertThrowsError(try Formula(signs))
        XCTAssertNoThrow(try Formula(String(repeating: "(", count: 64) + "A" + String(repeating: ")", count: 64)))
        // A long flat sum stays within the length, so its tree stays shallow enough to walk.
        let long = Array(repeating: "A", count: 500).joined(separator: "+")
        XCTAssertEqual(try Formula(long).evaluate { _ in Amount(1) }, Amount(500))
    }

    func testTwelveMonthsAtTheLimitAddUp() {
        var months: [Int: Observation] = [:]
        for m in 1...12 { months[m] = Observation(value: Amount.inputLimit) }
        let year = PeriodCombination.combine(months: months, into: .year(2019), rule: .flow)
        XCTAssertEqual(year?.value, Amount(scaled: Amount.inputLimit.scaled * 12))
        for m in 1...12 { months[m] = Observation(value: largest) }
        XCTAssertNil(PeriodCombination.combine(months: months, into: .year(2019), rule: .flow))
    }

    func testEveryAmountCanBeWritten() {
        XCTAssertEqual(VietnameseNumber.format(largest, decimals: 0), "922.337.203.685.478")
        XCTAssertEqual(VietnameseNumber.format(smallest, decimals: 4), "-922.337.203.685.477,5808")
        XCTAssertEqual(
            VietnameseNumber.billionsAndMillions(largest, decimals: 0), "922.337.203.685 tỷ 478 triệu đồng")
        XCTAssertEqual(VietnameseNumber.format(tiny, decimals: 4), "0,0001")
    }

    func testEntryRefusesValuesBeyondTheLimitNamingIt() {
        XCTAssertEqual(try VietnameseNumber.parse("999.999.999.999,9999"), Amount.inputLimit)
        XCTAssertEqual(try VietnameseNumber.parse("-999.999.999.999"), Amount(plain: "-999999999999"))
        for text in ["1.000.000.000.000", "99.999.999.999.999", "-1.000.000.000.000", "123456789012345678901"] {
            XCTAssertThrowsError(try VietnameseNumber.parse(text)) { error in
                XCTAssertTrue(
                    "\(error)".contains("giá trị tuyệt đối lớn nhất được nhận là 999.999.999.999,9999"), "\(error)")
            }
        }
    }
}
