import BaoCaoDomain
import BaoCaoStorage
import XCTest

/// The chairman's regular reception days against the law, and the register's counts as a report writes them.
final class ReceptionRegisterTests: XCTestCase {
    func testCommuneChairmanReceivesAtLeastOneDayAWeek() throws {
        let rules = try LegalRules.bundled().reception
        let rule = try XCTUnwrap(rules.rule(for: .commune, on: CivilDate(2026, 3, 2)))
        XCTAssertEqual(rule.days, 1)
        XCTAssertEqual(rule.span, .week)
        XCTAssertTrue(rule.citation.contains("Điều 15"))
        // Thursdays planned in March 2026; the chairman missed the one of 19/3.
        let planned = [5, 12, 19, 26].map { CivilDate(2026, 3, $0) }
        let held = [5, 12, 26].map { CivilDate(2026, 3, $0) }
        let check = ReceptionCompliance.check(
            planned: planned, held: held, rule: rule, from: CivilDate(2026, 3, 2), to: CivilDate(2026, 3, 29))
        XCTAssertEqual(check.spans.count, 4)
        XCTAssertEqual(check.spans.map(\.kept), [true, true, false, true])
        XCTAssertEqual(check.spans[2].missed, [CivilDate(2026, 3, 19)])
        XCTAssertEqual(check.keptCount, 3)
    }

    func testFormerDistrictTwoDaysAMonthUntilTheReform() throws {
        let rules = try LegalRules.bundled().reception
        let rule = try XCTUnwrap(rules.rule(for: .district, on: CivilDate(2017, 1, 1)))
        XCTAssertEqual(rule.days, 2)
        XCTAssertEqual(rule.span, .month)
        let check = ReceptionCompliance.check(
            planned: [],
            held: [CivilDate(2017, 1, 10), CivilDate(2017, 1, 10), CivilDate(2017, 2, 7), CivilDate(2017, 2, 21)],
            rule: rule, from: CivilDate(2017, 1, 1), to: CivilDate(2017, 2, 28))
        // Two sessions on one day are one day.
        XCTAssertEqual(check.spans.map(\.kept), [false, true])
        XCTAssertNil(rules.rule(for: .district, on: CivilDate(2025, 7, 1)), "no district level after 1/7/2025")
        XCTAssertEqual(rules.rule(for: .province, on: CivilDate(2025, 7, 1))?.days, 1)
        XCTAssertEqual(ReceptionTier(.ward), .commune)
        XCTAssertNil(ReceptionTier(.office))
    }

    func testCountsAsTheReportWritesThem() {
        let d = { (m: Int, day: Int) in CivilDate(2017, m, day) }
        let sessions = [
            RegisterCounts.Session(
                day: d(1, 5), visits: [.init(persons: 2, caseKey: "a"), .init(persons: 1, caseKey: "b")]),
            RegisterCounts.Session(day: d(3, 9), visits: [.init(persons: 6, caseKey: "a")]),
            RegisterCounts.Session(day: d(7, 3), visits: [.init(persons: 1, caseKey: "c")]),
        ]
        let letters = [
            RegisterCounts.Letter(receivedOn: d(1, 10), caseKey: "x", closedOn: d(2, 1)),
            RegisterCounts.Letter(receivedOn: d(1, 12), caseKey: "x", closedOn: d(2, 1)),
            RegisterCounts.Letter(receivedOn: d(5, 2), caseKey: "y", closedOn: d(7, 5)),
            RegisterCounts.Letter(receivedOn: d(6, 2), caseKey: "z", closedOn: nil),
            RegisterCounts.Letter(receivedOn: d(7, 2), caseKey: "w", closedOn: d(7, 3)),
        ]
        let h1 = RegisterCounts.of(sessions: sessions, letters: letters, from: d(1, 1), to: d(6, 30))
        XCTAssertEqual(
            [h1.sessions, h1.sessionCases, h1.persons, h1.letters, h1.letterCases, h1.lettersClosed, h1.casesClosed],
            [2, 2, 9, 4, 3, 2, 1])
        // Closed after the period's end does not count in it; it does in the nine months.
        let nine = RegisterCounts.of(sessions: sessions, letters: letters, from: d(1, 1), to: d(9, 30))
        XCTAssertEqual([nine.letters, nine.lettersClosed, nine.casesClosed], [5, 4, 3])
    }
}
