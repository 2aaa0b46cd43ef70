import BaoCaoDomain
import Foundation

/// Times are stored as ISO 8601 text in UTC, readable in any database browser: "2026-11-26T20:30:01.123Z".
/// Written and read here by arithmetic (Foundation's ISO 8601 formatter cost a page a millisecond or more).
public enum Timestamp {
    public static func now() -> String { iso(Date()) }

    /// `date` as stored, to the millisecond (truncated).
    public static func iso(_ date: Date) -> String {
        // Through whole microseconds first: 79169022.696 s is 79169022695.99999 ms in binary. Kept within years
        // 0001–9999 (a date beyond would not be written by this program, and must not trap the conversion).
        let seconds = min(max(date.timeIntervalSince1970, -62_135_596_800), 253_402_300_799)
        let microseconds = Int((seconds.isNaN ? 0 : seconds * 1_000_000).rounded())
        let ms = microseconds >= 0 ? microseconds / 1000 : (microseconds - 999) / 1000
        let days = ms >= 0 ? ms / 86_400_000 : (ms - 86_399_999) / 86_400_000
        let inDay = ms - days * 86_400_000
        let second = inDay / 1000
        let date = CivilDate(dayNumber: days)
        return "\(digits(date.year, 4))-\(digits(date.month, 2))-\(digits(date.day, 2))"
            + "T\(digits(second / 3600, 2)):\(digits(second / 60 % 60, 2))"
            + ":\(digits(second % 60, 2)).\(digits(inDay % 1000, 3))Z"
    }

    /// The instant a stored timestamp names ("…T20:30:01Z" or with a fraction of a second); nil when it is not one.
    public static func date(_ text: String) -> Date? {
        let u = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard i < u.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(u[i]) else { return nil }
                n = n * 10 + Int(u[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard u.count >= 20, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-"), u[10] == UInt8(ascii: "T"),
            u[13] == UInt8(ascii: ":"), u[16] == UInt8(ascii: ":"), u.last == UInt8(ascii: "Z"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if u.count > 20 {
            guard u[19] == UInt8(ascii: "."), (22...30).contains(u.count), let digits = number(20..<(u.count - 1))
            else {
                return nil
            }
            fraction = Double(digits) / pow(10, Double(u.count - 21))
        } else if u[19] != UInt8(ascii: "Z") {
            return nil
        }
        let days = CivilDate(year, month, day).dayNumber
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second) + fraction)
    }

    /// The date and the minute of the day on Việt Nam's clock (UTC+7, no daylight saving since 1975).
    public static func vietnam(_ date: Date) -> (date: CivilDate, minute: Int) {
        let seconds = Int((date.timeIntervalSince1970 + 7 * 3600).rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (CivilDate(dayNumber: days), (seconds - days * 86_400) / 60)
    }

    static func digits(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
