import BaoCaoDomain
import Foundation
import XCTest

@testable import BaoCaoStorage

final class TimestampTests: XCTestCase {
    func testWritesWhatFoundationsFormatterWrites() {
        let foundation = ISO8601DateFormatter()
        foundation.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            // Whole milliseconds from 1970 to 2100: Foundation rounds sub-millisecond parts its own way.
            let ms = Int.random(in: 0..<4_102_444_800_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(ms) / 1000)
            XCTAssertEqual(Timestamp.iso(date), foundation.string(from: date), "\(ms) ms")
            XCTAssertEqual(
                Timestamp.date(Timestamp.iso(date)).map { Int(($0.timeIntervalSince1970 * 1000).rounded()) }, ms)
        }
        XCTAssertEqual(Timestamp.iso(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00.000Z")
    }

    /// No date traps the conversion: beyond the years 0001–9999 it is written at their edge.
    func testExtremeDatesAreKeptInRange() {
        XCTAssertEqual(Timestamp.iso(Date(timeIntervalSince1970: .infinity)), "9999-12-31T23:59:59.000Z")
        XCTAssertEqual(Timestamp.iso(Date(timeIntervalSince1970: -.infinity)), "0001-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.iso(Date(timeIntervalSince1970: .nan)), "1970-01-01T00:00:00.000Z")
        XCTAssertEqual(Timestamp.iso(Date(timeIntervalSince1970: 1e300)), "9999-12-31T23:59:59.000Z")
    }

    func testReadsStoredFormsAndRefusesOthers() {
        XCTAssertEqual(Timestamp.date("2017-06-30T17:00:00Z")?.timeIntervalSince1970, 1_498_842_000)
        XCTAssertEqual(Timestamp.date("2017-06-30T17:00:00.5Z")?.timeIntervalSince1970, 1_498_842_000.5)
        for bad in [
            "", "2017-06-30", "2017-06-30 17:00:00", "2017-02-30T00:00:00Z", "2017-06-30T24:00:00Z",
            "2017-06-30T17:00:00.Z", "2017-06-30T17:00:00+07:00", "２017-06-30T17:00:00Z", "2017-06-30T17:0a:00Z",
        ] {
            XCTAssertNil(Timestamp.date(bad), bad)
        }
    }

    func testVietnamClockIsSevenHoursAhead() {
        let evening = Timestamp.date("2026-11-26T20:30:01.123Z")!
        let (date, minute) = Timestamp.vietnam(evening)
        XCTAssertEqual(date, CivilDate(2026, 11, 27))
        XCTAssertEqual(minute, 3 * 60 + 30)
        XCTAssertEqual(Timestamp.vietnam(Timestamp.date("2026-12-31T16:59:59Z")!).date, CivilDate(2026, 12, 31))
        XCTAssertEqual(Timestamp.vietnam(Timestamp.date("2026-12-31T17:00:00Z")!).date, CivilDate(2027, 1, 1))
    }
}
