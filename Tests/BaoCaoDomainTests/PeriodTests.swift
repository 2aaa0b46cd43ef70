import XCTest

@testable import BaoCaoDomain

final class PeriodTests: XCTestCase {
    func testCodesParseAndPrint() throws {
        XCTAssertEqual(try Period(code: "2017-M06"), .month(2017, 6))
        XCTAssertEqual(try Period(code: "2017-Q2").months, 4...6)
        XCTAssertEqual(try Period(code: "2017-H1"), try Period(code: "2017-6M"))
        XCTAssertEqual(try Period(code: "2017-6M").code, "2017-H1")
        XCTAssertEqual(try Period(code: "2017-9M").months, 1...9)
        XCTAssertEqual(try Period(code: "2017-5M").code, "2017-5M")
        XCTAssertEqual(try Period(code: "2017"), .year(2017))
        XCTAssertEqual(try Period(code: "2017-12M"), .year(2017))
        XCTAssertEqual(try Period(code: " 2017-h1 "), .firstMonths(2017, 6))
        for code in ["2017-M6", "2017-M01", "2017-Q2", "2017-H1", "2017-9M", "2017"] {
            XCTAssertEqual(try Period(code: code).code, code == "2017-M6" ? "2017-M06" : code)
        }
    }

    func testBadCodesAreRejectedInVietnamese() {
        for code in ["2017-M13", "2017-Q5", "17-M01", "2017-H2", "abc", "2017-13M", "2017-0M", ""] {
            XCTAssertThrowsError(try Period(code: code), code) { error in
                XCTAssertTrue("\(error)".contains("không hợp lệ"))
            }
        }
    }

    func testComparisonsPeriods() throws {
        XCTAssertEqual(try Period(code: "2017-H1").sameTimeLastYear.code, "2016-H1")
        XCTAssertEqual(Period.month(2017, 1).previous, .month(2016, 12))
        XCTAssertEqual(Period(year: 2017, kind: .quarter(1)).previous, Period(year: 2016, kind: .quarter(4)))
        XCTAssertNil(Period.firstMonths(2017, 6).previous)
        XCTAssertTrue(Period.firstMonths(2017, 9).isYearToDate)
        XCTAssertFalse(Period(year: 2017, kind: .quarter(2)).isYearToDate)
    }

    func testVietnameseNames() {
        XCTAssertEqual(Period.firstMonths(2017, 6).vietnameseName, "6 tháng đầu năm 2017")
        XCTAssertEqual(Period.firstMonths(2017, 9).vietnameseName, "9 tháng năm 2017")
        XCTAssertEqual(Period(year: 2017, kind: .quarter(3)).vietnameseName, "quý III năm 2017")
        XCTAssertEqual(Period.month(2017, 6).vietnameseName, "tháng 6 năm 2017")
        XCTAssertEqual(Period.year(2017).vietnameseName, "năm 2017")
    }
}

final class ReportCalendarTests: XCTestCase {
    func testDecree09Windows() {
        let c = ReportCalendar.decree09
        let month = c.window(for: .month(2017, 6))
        XCTAssertEqual(month.opens, CivilDate(2017, 5, 15))
        XCTAssertEqual(month.closes, CivilDate(2017, 6, 14))
        let january = c.window(for: .month(2017, 1))
        XCTAssertEqual(january.opens, CivilDate(2016, 12, 15))
        let quarter = c.window(for: Period(year: 2017, kind: .quarter(2)))
        XCTAssertEqual(quarter.opens, CivilDate(2017, 3, 15))
        XCTAssertEqual(quarter.closes, CivilDate(2017, 6, 14))
        let half = c.window(for: .firstMonths(2017, 6))
        XCTAssertEqual(half.opens, CivilDate(2016, 12, 15))
        XCTAssertEqual(half.closes, CivilDate(2017, 6, 14))
        XCTAssertEqual(c.window(for: .firstMonths(2017, 9)).closes, CivilDate(2017, 9, 14))
        XCTAssertEqual(c.window(for: .year(2017)).closes, CivilDate(2017, 12, 14))
    }

    func testDeadlineSkipsWeekendsAndHolidays() {
        // 14 June 2017 was a Wednesday: two working days later is Friday 16 June.
        XCTAssertEqual(CivilDate(2017, 6, 14).weekday, 3)
        XCTAssertEqual(ReportCalendar.decree09.window(for: .firstMonths(2017, 6)).deadline, CivilDate(2017, 6, 16))
        // 14 Oct 2017 was a Saturday: Monday 16 and Tuesday 17.
        XCTAssertEqual(ReportCalendar.decree09.window(for: .month(2017, 10)).deadline, CivilDate(2017, 10, 17))
        let withHoliday = ReportCalendar(deadlineWorkingDays: 2, holidays: [CivilDate(2017, 6, 15)])
        XCTAssertEqual(withHoliday.window(for: .firstMonths(2017, 6)).deadline, CivilDate(2017, 6, 19))
        let province = ReportCalendar(cutoffDay: 20, deadlineWorkingDays: 1)
        XCTAssertEqual(province.window(for: .month(2017, 6)).opens, CivilDate(2017, 5, 21))
    }

    func testCivilDates() {
        XCTAssertEqual(CivilDate(dayNumber: CivilDate(2016, 2, 29).dayNumber), CivilDate(2016, 2, 29))
        XCTAssertEqual(CivilDate(2016, 12, 31).adding(days: 1), CivilDate(2017, 1, 1))
        XCTAssertNil(CivilDate(iso: "2017-02-29"))
        XCTAssertEqual(CivilDate(iso: "2016-02-29")?.description, "2016-02-29")
    }
}
