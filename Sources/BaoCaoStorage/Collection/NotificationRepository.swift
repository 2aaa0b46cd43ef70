import BaoCaoDomain
import SQLKit

/// A notice to one person in the application, with what became of its e-mail.
public struct StoredNotification: Hashable, Sendable {
    public var id: Int
    public var text: String
    public var link: String?
    public var createdBy: String
    public var createdAt: String
    public var read: Bool
    public var emailedTo: String?
    public var emailError: String?
}

/// Notices to people (reminders to send figures): written once per automatic reminder, read in the application.
public enum NotificationRepository {
    /// Writes a notice; with a `key` (an automatic reminder), at most one per person, unit and key: nil when it was
    /// already written.
    public static func add(
        accountID: Int, unitID: Int?, period: Period?, text: String, link: String?, key: String?, by user: String,
        _ db: any SQLDatabase
    ) async throws -> Int? {
        if let key,
            try await db.raw(
                """
                SELECT 1 AS one FROM notifications WHERE account_id = \(bind: accountID) AND unit_id = \(bind: unitID)
                AND reminder_key = \(bind: key)
                """
            ).first() != nil
        {
            return nil
        }
        let now = Timestamp.now()
        try await db.raw(
            """
            INSERT INTO notifications (account_id, unit_id, period, text, link, reminder_key, created_by, created_at)
            VALUES (\(bind: accountID), \(bind: unitID), \(bind: period?.code), \(bind: text), \(bind: link), \(bind: key),
            \(bind: user), \(bind: now))
            """
        ).run()
        return try await db.raw(
            """
            SELECT MAX(id) AS id FROM notifications WHERE account_id = \(bind: accountID) AND created_at = \(bind: now)
            """
        ).first()?.decode(column: "id", as: Int?.self)
    }

    /// Where the notice's e-mail went, or why it did not.
    public static func emailed(_ id: Int, to address: String?, error: String?, _ db: any SQLDatabase) async throws {
        try await db.raw(
            "UPDATE notifications SET emailed_to = \(bind: address), email_error = \(bind: error) WHERE id = \(bind: id)"
        ).run()
    }

    public static func unread(accountID: Int, _ db: any SQLDatabase) async throws -> Int {
        try await db.raw(
            "SELECT COUNT(*) AS n FROM notifications WHERE account_id = \(bind: accountID) AND read_at IS NULL"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// A person's notices, newest first.
    public static func list(
        accountID: Int, limit: Int = 100, _ db: any SQLDatabase
    ) async throws
        -> [StoredNotification]
    {
        try await db.raw(
            """
            SELECT id, text, link, created_by, created_at, read_at, emailed_to, email_error FROM notifications
            WHERE account_id = \(bind: accountID) ORDER BY id DESC LIMIT \(bind: limit)
            """
        ).all().map {
            StoredNotification(
                id: try $0.decode(column: "id", as: Int.self), text: try $0.decode(column: "text", as: String.self),
                link: try $0.decode(column: "link", as: String?.self),
                createdBy: try $0.decode(column: "created_by", as: String.self),
                createdAt: try $0.decode(column: "created_at", as: String.self),
                read: try $0.decode(column: "read_at", as: String?.self) != nil,
                emailedTo: try $0.decode(column: "emailed_to", as: String?.self),
                emailError: try $0.decode(column: "email_error", as: String?.self))
        }
    }

    public static func markRead(accountID: Int, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE notifications SET read_at = \(bind: Timestamp.now())
            WHERE account_id = \(bind: accountID) AND read_at IS NULL
            """
        ).run()
    }
}

/// Who a notice goes to: a person holding a role on a unit, with their e-mail address if they gave one.
public struct Recipient: Hashable, Sendable {
    public var accountID: Int
    public var username: String
    public var displayName: String
    public var email: String?

    /// From a row of `accounts` (id, username, display_name, email).
    init(row: any SQLRow) throws {
        accountID = try row.decode(column: "id", as: Int.self)
        username = try row.decode(column: "username", as: String.self)
        displayName = try row.decode(column: "display_name", as: String.self)
        email = try row.decode(column: "email", as: String?.self)
    }
}

extension AccountRepository {
    /// Everyone holding `role` on the unit.
    public static func holders(of role: Role, on unitID: Int, _ db: any SQLDatabase) async throws -> [Recipient] {
        try await db.raw(
            """
            SELECT a.id, a.username, a.display_name, a.email FROM accounts a
            JOIN role_grants g ON g.account_id = a.id
            WHERE g.role = \(bind: role.rawValue) AND g.unit_id = \(bind: unitID) ORDER BY a.username
            """
        ).all().map(Recipient.init(row:))
    }

    /// The account `username` as someone to notify; nil when there is none.
    public static func recipient(username: String, _ db: any SQLDatabase) async throws -> Recipient? {
        try await db.raw(
            "SELECT id, username, display_name, email FROM accounts WHERE username = \(bind: username)"
        ).first().map(Recipient.init(row:))
    }

    /// The units on which someone holds `role`.
    public static func unitsWithHolders(of role: Role, _ db: any SQLDatabase) async throws -> [Int] {
        try await db.raw(
            "SELECT DISTINCT unit_id FROM role_grants WHERE role = \(bind: role.rawValue) ORDER BY unit_id"
        )
        .all().map { try $0.decode(column: "unit_id", as: Int.self) }
    }

    /// Sets (or with nil, removes) a person's e-mail address.
    public static func setEmail(accountID: Int, to address: String?, _ db: any SQLDatabase) async throws {
        try await db.raw("UPDATE accounts SET email = \(bind: address) WHERE id = \(bind: accountID)").run()
    }

    /// The full names of `usernames` (a name that is no account, such as "demo", is left out).
    public static func displayNames(_ usernames: Set<String>, _ db: any SQLDatabase) async throws -> [String: String] {
        guard !usernames.isEmpty else { return [:] }
        var names: [String: String] = [:]
        for row in try await db.raw(
            "SELECT username, display_name FROM accounts WHERE username IN (\(binds: Array(usernames)))"
        ).all() {
            names[try row.decode(column: "username", as: String.self)] = try row.decode(
                column: "display_name", as: String.self)
        }
        return names
    }
}

extension SubmissionRepository {
    /// When each unit last sent its figures for the period (the latest step to "đã gửi"), as stored.
    public static func sentAt(unitIDs: [Int], period: Period, _ db: any SQLDatabase) async throws -> [Int: String] {
        guard !unitIDs.isEmpty else { return [:] }
        var result: [Int: String] = [:]
        for row in try await db.raw(
            """
            SELECT unit_id, MAX(at) AS at FROM submission_events
            WHERE period = \(bind: period.code) AND to_status = \(bind: SubmissionStatus.submitted.rawValue)
            AND unit_id IN (\(binds: unitIDs)) GROUP BY unit_id
            """
        ).all() {
            if let at = try row.decode(column: "at", as: String?.self) {
                result[try row.decode(column: "unit_id", as: Int.self)] = at
            }
        }
        return result
    }
}
