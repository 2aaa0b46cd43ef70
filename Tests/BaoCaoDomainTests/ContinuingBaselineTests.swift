import XCTest

@testable import BaoCaoDomain

/// Last year of a unit that continued and took another in: its own figure and the other's together when both are
/// there; its own incomplete sum as it is (compared on the units that reported both); no comparison, and why, when
/// the other's figure is missing — never its own alone as if it were the same territory.
final class ContinuingBaselineTests: XCTestCase {
    let indicator = Indicator(
        code: "THU", name: "Thu ngân sách", unitOfMeasure: "tỷ đồng", field: "kinh_te", reportedBy: .commune)
    let basis = Baseline.Basis(
        sources: [Baseline.Source(name: "Hải Dương", kind: .province, succession: Succession(part: .whole))],
        continuing: Baseline.Joined(lastMonth: 12, name: "Hải Phòng", kind: .centralCity))

    func figure(own: RolledUp, absorbed: Observation?) -> Figure {
        var sources = FigureSources(
            rolledUp: [
                "THU": ["2026-H1": RolledUp(total: Amount(100), contributors: 4, estimates: 0), "2025-H1": own]
            ],
            expected: [
                "2026-H1": ExpectedUnits(count: 4, unitWord: "phường"),
                "2025-H1": ExpectedUnits(count: 4, unitWord: "phường"),
            ])
        sources.rebuiltLastYear = Baseline.Rebuilt(
            observations: absorbed.map { ["THU": $0] } ?? [:],
            gaps: absorbed == nil ? ["THU": "chưa có số liệu cùng kỳ của tỉnh Hải Dương"] : [:], basis: basis,
            span: .firstMonths(2025, 6))
        return FigureAssembler.figures(for: [indicator], period: .firstMonths(2026, 6), sources: sources)[0]
    }

    func testBothTogetherOrNoComparison() {
        let complete = RolledUp(total: Amount(60), contributors: 4, estimates: 0)
        let both = figure(own: complete, absorbed: Observation(value: Amount(20)))
        XCTAssertEqual(both.lastYear?.value, Amount(80))
        XCTAssertEqual(both.lastYearRebuilt?.words, "của thành phố Hải Phòng và tỉnh Hải Dương")
        XCTAssertEqual(both.yearOnYear?.magnitude, Amount(25))

        let without = figure(own: complete, absorbed: nil)
        XCTAssertNil(without.lastYear, "never the city's own 60 alone")
        XCTAssertNil(without.yearOnYear)
        XCTAssertEqual(without.gap(.yearOnYear), "chưa có số liệu cùng kỳ của tỉnh Hải Dương")

        let partial = figure(own: RolledUp(total: Amount(30), contributors: 2, estimates: 0), absorbed: nil)
        XCTAssertEqual(partial.lastYear?.value, Amount(30), "an incomplete sum stays as it is")
        XCTAssertNil(partial.lastYearRebuilt)
        XCTAssertEqual(partial.yearOnYearBasis, .unavailable, "compared only on matched units, none here")
    }
}
