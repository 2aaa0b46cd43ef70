import Foundation

/// Times are stored as ISO 8601 text in UTC, readable in any database browser.
public enum Timestamp {
    public static func now() -> String { iso(Date()) }

    /// `date` as stored: "2026-11-26T20:30:01.123Z".
    public static func iso(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }
}
