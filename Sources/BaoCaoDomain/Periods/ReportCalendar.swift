/// When a period's data window opens and closes, and when its report is due.
///
/// Defaults follow Decree 09/2019/NĐ-CP, Art. 12: a monthly window runs from the 15th of the previous month to the
/// 14th; quarterly, from the 15th of the month before the quarter to the 14th of its last month; the first six
/// months, nine months and the year all start on 15 December of the previous year. Provinces set their own deadline,
/// a number of working days after the cut-off. Everything here is configuration, not law in code.
public struct ReportCalendar: Hashable, Sendable, Codable {
    /// Day of the month the window closes on (14 by default); it opens the next day of the previous cycle.
    public var cutoffDay: Int
    /// Working days between cut-off and deadline (at least 1).
    public var deadlineWorkingDays: Int
    /// Public holidays on which no work is due (besides Saturdays and Sundays).
    public var holidays: Set<CivilDate>

    public init(cutoffDay: Int = 14, deadlineWorkingDays: Int = 2, holidays: Set<CivilDate> = []) {
        self.cutoffDay = max(1, min(28, cutoffDay))
        self.deadlineWorkingDays = max(1, deadlineWorkingDays)
        self.holidays = holidays
    }

    public static let decree09 = ReportCalendar()

    public struct Window: Hashable, Sendable {
        public let opens: CivilDate
        public let closes: CivilDate
        public let deadline: CivilDate
    }

    /// The data window and deadline for a period.
    public func window(for period: Period) -> Window {
        let closes = CivilDate(period.year, period.lastMonth, cutoffDay)
        let firstMonthOfWindow = period.isYearToDate ? 1 : period.firstMonth
        let opensMonth = firstMonthOfWindow == 1 ? 12 : firstMonthOfWindow - 1
        let opensYear = firstMonthOfWindow == 1 ? period.year - 1 : period.year
        let opens = CivilDate(opensYear, opensMonth, cutoffDay + 1)
        return Window(opens: opens, closes: closes, deadline: workingDays(deadlineWorkingDays, after: closes))
    }

    /// The date `count` working days after `date`.
    public func workingDays(_ count: Int, after date: CivilDate) -> CivilDate {
        var day = date
        var left = count
        while left > 0 {
            day = day.adding(days: 1)
            if !day.isWeekend && !holidays.contains(day) { left -= 1 }
        }
        return day
    }
}
