import BaoCaoDomain
import BaoCaoStorage
import XCTest

/// Every legal time limit of the shipped rules table, on real calendars: calendar days with a limit ending on a rest
/// day moved to the next working day, working days skipping weekends and holidays, the rule in force on the day,
/// extensions within what the rule allows, and the citation of each.
final class LegalClockTests: XCTestCase {
    var rules: ClockRules!
    /// 2017: 30/4 (Sunday) moved to Tuesday 2/5, 1/5 Monday. 2019: Tết, 4–8 February.
    let counter = LegalDayCounter(
        calendar: ReportCalendar(
            holidays: [
                CivilDate(2017, 5, 1), CivilDate(2017, 5, 2), CivilDate(2019, 2, 4), CivilDate(2019, 2, 5),
                CivilDate(2019, 2, 6), CivilDate(2019, 2, 7), CivilDate(2019, 2, 8),
            ]))

    override func setUpWithError() throws { rules = try LegalRules.bundled().clocks }

    func complaint(round: Int = 1, remote: Bool = false, complexity: CaseComplexity = .ordinary) -> LetterClock {
        LetterClock(
            kind: .complaint, round: round, remote: remote, complexity: complexity, receivedOn: CivilDate(2017, 3, 6),
            acceptedOn: CivilDate(2017, 3, 15))
    }

    func testComplaintIsAcceptedWithinTenDaysOfReceipt() throws {
        let due = try XCTUnwrap(complaint().acceptanceDeadline(rules, counter))
        XCTAssertEqual(due.date, CivilDate(2017, 3, 16))
        XCTAssertEqual(due.rule.citation, "Luật Khiếu nại 2011, Điều 27")
        XCTAssertFalse(due.movedOffRestDay)
        let second = try XCTUnwrap(complaint(round: 2).acceptanceDeadline(rules, counter))
        XCTAssertEqual(second.date, CivilDate(2017, 3, 16))
        XCTAssertEqual(second.rule.citation, "Luật Khiếu nại 2011, Điều 36")
        // Received on Wednesday 1/3: the tenth day is a Saturday, so the limit ends on Monday.
        var onWeekend = complaint()
        onWeekend.receivedOn = CivilDate(2017, 3, 1)
        let moved = try XCTUnwrap(onWeekend.acceptanceDeadline(rules, counter))
        XCTAssertEqual(moved.date, CivilDate(2017, 3, 13))
        XCTAssertTrue(moved.movedOffRestDay)
        XCTAssertTrue(moved.words.contains("Điều 148"), moved.words)
    }

    func testFirstComplaintThirtyOrFortyFiveDaysAndInRemoteAreasFortyFiveOrSixty() throws {
        let cases: [(Bool, CaseComplexity, Int, CivilDate)] = [
            (false, .ordinary, 30, CivilDate(2017, 4, 14)),
            // Day 45 is Saturday 29/4; Sunday, then the holidays of 1 and 2 May: Wednesday 3/5.
            (false, .complex, 45, CivilDate(2017, 5, 3)),
            (true, .ordinary, 45, CivilDate(2017, 5, 3)),
            // Day 60 is Sunday 14/5.
            (true, .complex, 60, CivilDate(2017, 5, 15)),
            // A very complex complaint takes the complex limit: the law has no longer one for complaints.
            (false, .veryComplex, 45, CivilDate(2017, 5, 3)),
        ]
        for (remote, complexity, days, date) in cases {
            let due = try XCTUnwrap(
                complaint(remote: remote, complexity: complexity).resolutionDeadline(rules, counter))
            XCTAssertEqual(due.rule.days, days, "\(remote) \(complexity)")
            XCTAssertEqual(due.date, date, "\(remote) \(complexity)")
            XCTAssertEqual(due.rule.citation, "Luật Khiếu nại 2011, Điều 28")
        }
    }

    func testSecondComplaintFortyFiveOrSixtyAndInRemoteAreasSixtyOrSeventy() throws {
        let cases: [(Bool, CaseComplexity, Int, CivilDate)] = [
            (false, .ordinary, 45, CivilDate(2017, 5, 3)),
            (false, .complex, 60, CivilDate(2017, 5, 15)),
            (true, .ordinary, 60, CivilDate(2017, 5, 15)),
            (true, .complex, 70, CivilDate(2017, 5, 24)),
        ]
        for (remote, complexity, days, date) in cases {
            let due = try XCTUnwrap(
                complaint(round: 2, remote: remote, complexity: complexity).resolutionDeadline(rules, counter))
            XCTAssertEqual(due.rule.days, days, "\(remote) \(complexity)")
            XCTAssertEqual(due.date, date, "\(remote) \(complexity)")
            XCTAssertEqual(due.rule.citation, "Luật Khiếu nại 2011, Điều 37")
        }
    }

    func testComplaintsAreNotExtended() {
        XCTAssertNotNil(complaint(complexity: .complex).extensionProblem(days: 10, rules))
    }

    func testDenunciationSince2019IsAcceptedWithinSevenWorkingDays() throws {
        // Received Thursday 31/1/2019: Friday 1/2 is the first working day, Tết (4–8/2) and the weekends are not
        // counted: the seventh is Monday 18/2.
        let clock = LetterClock(kind: .denunciation, receivedOn: CivilDate(2019, 1, 31))
        let due = try XCTUnwrap(clock.acceptanceDeadline(rules, counter))
        XCTAssertEqual(due.date, CivilDate(2019, 2, 18))
        XCTAssertEqual(due.rule.dayKind, .working)
        XCTAssertEqual(due.rule.citation, "Luật Tố cáo 2018, Điều 24 khoản 1")
        // Without the holidays in the calendar it would be Monday 11/2: the calendar matters.
        XCTAssertEqual(clock.acceptanceDeadline(rules, LegalDayCounter())?.date, CivilDate(2019, 2, 11))
    }

    func testDenunciationSince2019ThirtyDaysWithOneOrTwoExtensionsOfThirty() throws {
        func clock(_ complexity: CaseComplexity, _ extensions: [Int] = []) -> LetterClock {
            LetterClock(
                kind: .denunciation, complexity: complexity, receivedOn: CivilDate(2019, 2, 25),
                acceptedOn: CivilDate(2019, 3, 4), extensions: extensions)
        }
        let ordinary = try XCTUnwrap(clock(.ordinary).resolutionDeadline(rules, counter))
        XCTAssertEqual(ordinary.date, CivilDate(2019, 4, 3))
        XCTAssertEqual(ordinary.rule.citation, "Luật Tố cáo 2018, Điều 30 khoản 1")
        XCTAssertNotNil(clock(.ordinary).extensionProblem(days: 30, rules), "an ordinary case is not extended")

        XCTAssertNil(clock(.complex).extensionProblem(days: 30, rules))
        XCTAssertNotNil(clock(.complex).extensionProblem(days: 31, rules), "at most 30 days")
        XCTAssertNotNil(clock(.complex, [30]).extensionProblem(days: 10, rules), "once only")
        let complex = try XCTUnwrap(clock(.complex, [30]).resolutionDeadline(rules, counter))
        XCTAssertEqual(complex.date, CivilDate(2019, 5, 3))
        XCTAssertEqual(complex.extendedBy, 30)
        XCTAssertEqual(complex.rule.citation, "Luật Tố cáo 2018, Điều 30 khoản 2")

        XCTAssertNil(clock(.veryComplex, [30]).extensionProblem(days: 30, rules))
        XCTAssertNotNil(clock(.veryComplex, [30, 30]).extensionProblem(days: 1, rules), "twice only")
        let veryComplex = try XCTUnwrap(clock(.veryComplex, [30, 30]).resolutionDeadline(rules, counter))
        // Day 90 is Sunday 2/6/2019.
        XCTAssertEqual(veryComplex.date, CivilDate(2019, 6, 3))
        XCTAssertEqual(veryComplex.rule.citation, "Luật Tố cáo 2018, Điều 30 khoản 3")
    }

    func testDenunciationIn2017FollowsTheLawThenInForce() throws {
        let received = LetterClock(kind: .denunciation, receivedOn: CivilDate(2017, 3, 6))
        let acceptance = try XCTUnwrap(received.acceptanceDeadline(rules, counter))
        XCTAssertEqual(acceptance.date, CivilDate(2017, 3, 16))
        XCTAssertEqual(acceptance.rule.citation, "Luật Tố cáo 2011, Điều 20")
        var accepted = received
        accepted.acceptedOn = CivilDate(2017, 3, 15)
        XCTAssertEqual(accepted.resolutionDeadline(rules, counter)?.date, CivilDate(2017, 5, 15))  // 60 days
        XCTAssertNil(accepted.extensionProblem(days: 30, rules))
        XCTAssertNotNil(accepted.extensionProblem(days: 31, rules))
        accepted.complexity = .complex
        XCTAssertEqual(accepted.resolutionDeadline(rules, counter)?.date, CivilDate(2017, 6, 13))  // 90 days
        XCTAssertNil(accepted.extensionProblem(days: 60, rules))
        accepted.extensions = [60]
        // 150 days: Saturday 12/8, so Monday 14/8.
        XCTAssertEqual(accepted.resolutionDeadline(rules, counter)?.date, CivilDate(2017, 8, 14))
        XCTAssertNotNil(accepted.extensionProblem(days: 10, rules), "once only under the 2011 law")
    }

    func testPetitionsHaveNoLegalClock() {
        let clock = LetterClock(kind: .petition, receivedOn: CivilDate(2017, 3, 6), acceptedOn: CivilDate(2017, 3, 7))
        XCTAssertNil(clock.acceptanceDeadline(rules, counter))
        XCTAssertNil(clock.resolutionDeadline(rules, counter))
    }

    func testEveryRuleHasItsCitationAndABadTableIsRefusedWithItsLine() throws {
        XCTAssertEqual(rules.rules.count, 17)
        for rule in rules.rules {
            XCTAssertTrue(rule.citation.hasPrefix("Luật "), rule.code)
            XCTAssertTrue(rule.citation.contains("Điều "), rule.code)
        }
        let header = ClockRules.header
        let good = [
            "x", "khieu_nai", "thu_ly", "1", "", "", "10", "ngay", "0", "0", "2012-07-01", "", "Luật X, Điều 1",
        ]
        XCTAssertEqual(try ClockRules(rows: [header, good]).rules.count, 1)
        var noCitation = good
        noCitation[12] = ""
        XCTAssertThrowsError(try ClockRules(rows: [header, good.map { $0 == "x" ? "y" : $0 }, noCitation])) { error in
            XCTAssertEqual((error as? ClockRules.Problem)?.line, 3)
            XCTAssertTrue("\(error)".contains("căn cứ"), "\(error)")
        }
        var petition = good
        petition[1] = "kien_nghi_phan_anh"
        XCTAssertThrowsError(try ClockRules(rows: [header, petition]))
        var zero = good
        zero[6] = "0"
        XCTAssertThrowsError(try ClockRules(rows: [header, zero]))
    }

    func testStatusAndWordsFollowTheTasksScheme() throws {
        let clock = LetterClock(kind: .denunciation, receivedOn: CivilDate(2019, 3, 1))  // Friday
        // Seven working days: Tuesday 12/3.
        func timing(_ today: CivilDate) -> LetterTiming {
            LetterTiming.of(clock, path: nil, closedOn: nil, today: today, rules: rules, counter: counter)
        }
        XCTAssertEqual(timing(CivilDate(2019, 3, 4)).deadline?.date, CivilDate(2019, 3, 12))
        XCTAssertEqual(timing(CivilDate(2019, 3, 4)).status, .notDue)
        XCTAssertEqual(timing(CivilDate(2019, 3, 7)).status, .dueSoon)
        XCTAssertEqual(timing(CivilDate(2019, 3, 7)).words, "còn 3 ngày làm việc")
        XCTAssertEqual(timing(CivilDate(2019, 3, 14)).status, .overdue)
        XCTAssertEqual(timing(CivilDate(2019, 3, 14)).words, "quá hạn 2 ngày")
        // Accepted late, then resolved within its own limit.
        var accepted = clock
        accepted.acceptedOn = CivilDate(2019, 3, 14)
        let resolved = LetterTiming.of(
            accepted, path: .accepted, closedOn: CivilDate(2019, 4, 1), today: CivilDate(2019, 4, 20), rules: rules,
            counter: counter)
        XCTAssertEqual(resolved.status, .doneOnTime)
        XCTAssertEqual(resolved.lateAcceptance, "thụ lý quá hạn 2 ngày")
    }
}
