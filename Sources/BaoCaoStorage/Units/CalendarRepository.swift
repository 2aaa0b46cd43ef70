import BaoCaoDomain
import SQLKit

/// Report calendars per province; a province without one follows Decree 09's defaults.
public enum CalendarRepository {
    static func save(provinceID: Int, _ calendar: ReportCalendar, _ db: any SQLDatabase) async throws {
        let holidays = calendar.holidays.sorted().map(\.description).joined(separator: ";")
        try await db.raw(
            """
            INSERT INTO report_calendars (province_id, cutoff_day, deadline_working_days, holidays)
            VALUES (\(bind: provinceID), \(bind: calendar.cutoffDay), \(bind: calendar.deadlineWorkingDays), \(bind: holidays))
            ON CONFLICT (province_id) DO UPDATE SET cutoff_day = excluded.cutoff_day,
            deadline_working_days = excluded.deadline_working_days, holidays = excluded.holidays
            """
        ).run()
    }

    /// Calendars by province id.
    public static func all(_ db: any SQLDatabase) async throws -> [Int: ReportCalendar] {
        var result: [Int: ReportCalendar] = [:]
        for row in try await db.raw(
            "SELECT province_id, cutoff_day, deadline_working_days, holidays FROM report_calendars"
        ).all() {
            let holidays = try row.decode(column: "holidays", as: String.self).split(separator: ";")
                .compactMap { CivilDate(iso: String($0)) }
            result[try row.decode(column: "province_id", as: Int.self)] = ReportCalendar(
                cutoffDay: try row.decode(column: "cutoff_day", as: Int.self),
                deadlineWorkingDays: try row.decode(column: "deadline_working_days", as: Int.self),
                holidays: Set(holidays))
        }
        return result
    }

    /// The calendar that governs `unit`: its own province's (or its own, for a province), else Decree 09's.
    public static func calendar(
        for unit: StoredUnit, units: [StoredUnit], _ db: any SQLDatabase
    ) async throws -> ReportCalendar {
        let calendars = try await all(db)
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        var current: StoredUnit? = unit
        var seen = Set<Int>()
        while let u = current, seen.insert(u.id).inserted {
            if let calendar = calendars[u.id] { return calendar }
            current = u.parentID.flatMap { byID[$0] }
        }
        return .decree09
    }
}
