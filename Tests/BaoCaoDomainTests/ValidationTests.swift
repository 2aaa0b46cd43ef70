import XCTest

@testable import BaoCaoDomain

final class ValidationTests: XCTestCase {
    func a(_ s: String) -> Amount { Amount(plain: s)! }
    func indicator(_ code: String, checks: CheckBounds = CheckBounds()) -> Indicator {
        Indicator(code: code, name: "Chỉ tiêu \(code)", unitOfMeasure: "đơn", field: "x", checks: checks)
    }
    func figures(_ values: [String: String?], lastYear: [String: String] = [:]) -> [String: Figure] {
        var result: [String: Figure] = [:]
        for (code, value) in values {
            result[code] = Figure(
                indicator: indicator(code), period: .firstMonths(2017, 6),
                current: value.map { Observation(value: a($0)) },
                lastYear: lastYear[code].map { Observation(value: a($0)) })
        }
        return result
    }
    let resolved = ValidationRule(
        code: "GQ", left: "DON_GQ", comparison: .lessOrEqual, right: "DON_TN",
        message: "Số đơn đã giải quyết không thể nhiều hơn số đơn tiếp nhận")

    func testARuleHoldsOrIsBrokenWithItsNumbers() {
        XCTAssertNil(Validation.check(resolved, figures(["DON_GQ": "112", "DON_TN": "170"])))
        let broken = Validation.check(resolved, figures(["DON_GQ": "180", "DON_TN": "170"]))
        XCTAssertEqual(broken?.severity, .error)
        XCTAssertEqual(
            broken?.message,
            "Số đơn đã giải quyết không thể nhiều hơn số đơn tiếp nhận (DON_GQ = 180, DON_TN = 170; cần không lớn hơn)")
        XCTAssertEqual(broken?.indicators, ["DON_GQ", "DON_TN"])
    }

    func testMissingValuesFollowTheRulesStrategy() {
        let partial = figures(["DON_GQ": "5", "DON_TN": nil])
        XCTAssertNil(Validation.check(resolved, partial), "skipped while a value is missing (the default)")
        var counted = resolved
        counted.missing = .skipIfAll
        XCTAssertNotNil(Validation.check(counted, partial), "5 against a missing 0")
        XCTAssertNil(Validation.check(counted, figures(["DON_GQ": nil, "DON_TN": nil])), "all missing: skipped")
        counted.missing = .never
        counted.comparison = .greater
        XCTAssertNotNil(Validation.check(counted, figures(["DON_GQ": nil, "DON_TN": nil])), "0 > 0 is false")
    }

    func testExpressionsOnBothSides() {
        let rule = ValidationRule(
            code: "TNGT", left: "CHET + BI_THUONG", comparison: .greaterOrEqual, right: "VU", severity: .warning,
            message: "Mỗi vụ có thương vong")
        XCTAssertNil(Validation.check(rule, figures(["CHET": "3", "BI_THUONG": "2", "VU": "4"])))
        XCTAssertEqual(
            Validation.check(rule, figures(["CHET": "1", "BI_THUONG": "2", "VU": "4"]))?.severity, .warning)
    }

    func testBuiltInChecks() {
        let negative = Figure(
            indicator: indicator("HO"), period: .firstMonths(2017, 6), current: Observation(value: a("-1")))
        XCTAssertEqual(BuiltInChecks.violations(negative).map(\.key), ["am:HO"])
        let allowed = Figure(
            indicator: indicator("CAN_DOI", checks: CheckBounds(allowsNegative: true)), period: .firstMonths(2017, 6),
            current: Observation(value: a("-1")))
        XCTAssertTrue(BuiltInChecks.violations(allowed).isEmpty)
        // More than doubled against last year, and 160% of the annual target: two warnings.
        let jump = Figure(
            indicator: indicator("THU"), period: .firstMonths(2017, 6), current: Observation(value: a("160")),
            target: TargetValue(value: a("100"), kind: .plan), lastYear: Observation(value: a("70")))
        let keys = BuiltInChecks.violations(jump).map(\.key)
        XCTAssertEqual(keys, ["cung-ky:THU", "ke-hoach:THU"])
        XCTAssertTrue(BuiltInChecks.violations(jump).allSatisfy { $0.severity == .warning })
        let off = Figure(
            indicator: indicator("THU", checks: CheckBounds(changePercent: 0, targetPercent: 0)),
            period: .firstMonths(2017, 6), current: Observation(value: a("160")),
            target: TargetValue(value: a("100"), kind: .plan), lastYear: Observation(value: a("70")))
        XCTAssertTrue(BuiltInChecks.violations(off).isEmpty, "0 turns a bound off")
    }

    func testAnEnteredCumulativeFigureThatDiffersFromItsPartsIsAWarning() {
        let f = Figure(
            indicator: indicator("F"), period: .firstMonths(2017, 9), current: Observation(value: a("960")))
        let parts: [Period: Observation] = [
            .firstMonths(2017, 9): Observation(value: a("960")), .firstMonths(2017, 6): Observation(value: a("600")),
            Period(year: 2017, kind: .quarter(3)): Observation(value: a("350")),
        ]
        let v = BuiltInChecks.violations(f, parts: parts)
        XCTAssertEqual(v.map(\.key), ["luy-ke:F"])
        XCTAssertEqual(
            v.first?.message,
            "Chỉ tiêu F: số 9 tháng đầu năm đã nhập (960) khác số cộng từ các kỳ (6 tháng đầu năm + quý III = 950)")
        var same = parts
        same[.firstMonths(2017, 9)] = Observation(value: a("950"))
        XCTAssertTrue(BuiltInChecks.violations(f, parts: same).isEmpty)
    }
}
