import BaoCaoDomain
import SQLKit

/// A person who logs in, and the roles they hold.
public struct Account: Hashable, Sendable {
    public var id: Int
    public var username: String
    public var displayName: String
    public var passwordHash: String
    public var grants: [RoleGrant]
    /// The unit the account was made for: it stays that unit's account when its last role is withdrawn.
    public var homeUnitID: Int?

    public init(
        id: Int, username: String, displayName: String, passwordHash: String, grants: [RoleGrant], homeUnitID: Int?
    ) {
        self.id = id; self.username = username; self.displayName = displayName; self.passwordHash = passwordHash
        self.grants = grants; self.homeUnitID = homeUnitID
    }
}

/// Accounts and their role grants. Passwords arrive already hashed: hashing belongs to the web layer.
public enum AccountRepository {
    @discardableResult
    public static func create(
        username: String, displayName: String, passwordHash: String, grants: [RoleGrant], homeUnitID: Int? = nil,
        _ db: any SQLDatabase
    ) async throws -> Int {
        let now = Timestamp.now()
        let home = homeUnitID ?? grants.first?.unitID
        try await db.raw(
            """
            INSERT INTO accounts (username, display_name, password_hash, created_at, password_changed_at, home_unit_id)
            VALUES (\(bind: username.lowercased()), \(bind: displayName), \(bind: passwordHash), \(bind: now), \(bind: now),
            \(bind: home))
            """
        ).run()
        guard let account = try await find(username: username, db) else { throw Missing(username: username) }
        for grant in grants {
            try await db.raw(
                """
                INSERT INTO role_grants (account_id, role, unit_id)
                VALUES (\(bind: account.id), \(bind: grant.role.rawValue), \(bind: grant.unitID))
                """
            ).run()
        }
        return account.id
    }

    public static func find(username: String, _ db: any SQLDatabase) async throws -> Account? {
        guard
            let row = try await db.raw(
                "SELECT id FROM accounts WHERE username = \(bind: username.lowercased())"
            ).first()
        else { return nil }
        return try await find(id: try row.decode(column: "id", as: Int.self), db)
    }

    public static func find(id: Int, _ db: any SQLDatabase) async throws -> Account? {
        guard
            let row = try await db.raw(
                "SELECT id, username, display_name, password_hash, home_unit_id FROM accounts WHERE id = \(bind: id)"
            ).first()
        else { return nil }
        let grants = try await db.raw(
            "SELECT role, unit_id FROM role_grants WHERE account_id = \(bind: id) ORDER BY id"
        ).all().compactMap { row -> RoleGrant? in
            guard let role = Role(rawValue: try row.decode(column: "role", as: String.self)) else { return nil }
            return RoleGrant(role: role, unitID: try row.decode(column: "unit_id", as: Int.self))
        }
        return try account(id: id, row, grants: grants)
    }

    /// An account from a row with its columns `username`, `display_name`, `password_hash`, `home_unit_id`.
    static func account(id: Int, _ row: any SQLRow, grants: [RoleGrant]) throws -> Account {
        Account(
            id: id, username: try row.decode(column: "username", as: String.self),
            displayName: try row.decode(column: "display_name", as: String.self),
            passwordHash: try row.decode(column: "password_hash", as: String.self), grants: grants,
            homeUnitID: try row.decode(column: "home_unit_id", as: Int?.self))
    }

    /// Every account with its grants, by username.
    public static func all(_ db: any SQLDatabase) async throws -> [Account] {
        var accounts: [Account] = []
        for row in try await db.raw("SELECT id FROM accounts ORDER BY username").all() {
            if let account = try await find(id: try row.decode(column: "id", as: Int.self), db) {
                accounts.append(account)
            }
        }
        return accounts
    }

    public static func count(_ db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM accounts").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Whether anyone holds `role` on one of `unitIDs`.
    public static func anyHolds(_ role: Role, on unitIDs: [Int], _ db: any SQLDatabase) async throws -> Bool {
        guard !unitIDs.isEmpty else { return false }
        return try await db.raw(
            "SELECT 1 AS one FROM role_grants WHERE role = \(bind: role.rawValue) AND unit_id IN (\(binds: unitIDs)) LIMIT 1"
        ).first() != nil
    }

    public static func addGrant(accountID: Int, _ grant: RoleGrant, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO role_grants (account_id, role, unit_id)
            VALUES (\(bind: accountID), \(bind: grant.role.rawValue), \(bind: grant.unitID))
            ON CONFLICT (account_id, role, unit_id) DO NOTHING
            """
        ).run()
    }

    public static func removeGrant(accountID: Int, _ grant: RoleGrant, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            DELETE FROM role_grants WHERE account_id = \(bind: accountID) AND role = \(bind: grant.role.rawValue)
            AND unit_id = \(bind: grant.unitID)
            """
        ).run()
    }

    public static func setPassword(accountID: Int, hash: String, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE accounts SET password_hash = \(bind: hash), password_changed_at = \(bind: Timestamp.now())
            WHERE id = \(bind: accountID)
            """
        ).run()
    }

    struct Missing: Error, CustomStringConvertible {
        let username: String
        var description: String { "Không tạo được tài khoản \(username)" }
    }
}

/// A logged-in session: the account and the token every form of the session must carry.
public struct StoredSession: Sendable {
    public var accountID: Int
    public var csrfToken: String
    public var expiresAt: String
}

/// Sessions, looked up by a hash of the cookie's token so a leaked table opens no session.
public enum SessionRepository {
    public static func create(
        tokenHash: String, accountID: Int, csrfToken: String, expiresAt: String,
        _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO sessions (token_hash, account_id, csrf_token, created_at, expires_at)
            VALUES (\(bind: tokenHash), \(bind: accountID), \(bind: csrfToken), \(bind: Timestamp.now()), \(bind: expiresAt))
            """
        ).run()
    }

    /// The session of a token and its account with the account's grants, in one query (every request of a logged-in
    /// person asks it); nil when there is no such session.
    public static func findWithAccount(
        tokenHash: String, _ db: any SQLDatabase
    ) async throws -> (session: StoredSession, account: Account)? {
        let rows = try await db.raw(
            """
            SELECT s.account_id, s.csrf_token, s.expires_at, a.username, a.display_name, a.password_hash,
            a.home_unit_id, g.role, g.unit_id
            FROM sessions s JOIN accounts a ON a.id = s.account_id LEFT JOIN role_grants g ON g.account_id = a.id
            WHERE s.token_hash = \(bind: tokenHash) ORDER BY g.id
            """
        ).all()
        guard let row = rows.first else { return nil }
        let grants = try rows.compactMap { row -> RoleGrant? in
            guard let role = try row.decode(column: "role", as: String?.self).flatMap(Role.init(rawValue:)),
                let unitID = try row.decode(column: "unit_id", as: Int?.self)
            else { return nil }
            return RoleGrant(role: role, unitID: unitID)
        }
        let accountID = try row.decode(column: "account_id", as: Int.self)
        return (
            StoredSession(
                accountID: accountID, csrfToken: try row.decode(column: "csrf_token", as: String.self),
                expiresAt: try row.decode(column: "expires_at", as: String.self)),
            try AccountRepository.account(id: accountID, row, grants: grants)
        )
    }

    /// Removes sessions whose time is up (run at each login: the table never grows without bound).
    public static func deleteExpired(now: String, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE expires_at < \(bind: now)").run()
    }

    public static func delete(tokenHash: String, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
    }

    /// Ends every session of the account (after an administrator resets its password or changes its roles).
    public static func deleteAll(accountID: Int, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM sessions WHERE account_id = \(bind: accountID)").run()
    }

    /// Ends every other session of the account (after a password change).
    public static func deleteOthers(accountID: Int, keeping tokenHash: String, _ db: any SQLDatabase) async throws {
        try await db.raw(
            "DELETE FROM sessions WHERE account_id = \(bind: accountID) AND token_hash <> \(bind: tokenHash)"
        ).run()
    }
}

/// Security events (refusals, failed logins), kept in the database for whoever looks after the server.
public struct AuditEntry: Hashable, Sendable {
    public var at: String
    public var account: String?
    public var event: String
    public var detail: String
    /// The unit the event concerns (the unit acted on, or the account's own); nil when none is known (a visitor,
    /// an unknown name): such events are for the administrators of the whole system.
    public var unitID: Int?
}

public enum AuditLog {
    public static func record(
        event: String, account: String?, detail: String, unitID: Int? = nil, _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO audit_log (at, account, event, detail, unit_id)
            VALUES (\(bind: Timestamp.now()), \(bind: account), \(bind: event), \(bind: detail), \(bind: unitID))
            """
        ).run()
    }

    /// The latest events, newest first: every event when `within` is nil (an administrator of the whole system),
    /// else only those about that unit or a unit below it.
    public static func recent(
        limit: Int = 100, within: Int? = nil, _ db: any SQLDatabase
    ) async throws
        -> [AuditEntry]
    {
        let scope: SQLQueryString =
            within.map {
                "WHERE unit_id IN (SELECT unit_id FROM unit_ancestors WHERE ancestor_id = \(bind: $0))"
            } ?? ""
        return try await db.raw(
            "SELECT at, account, event, detail, unit_id FROM audit_log \(scope) ORDER BY id DESC LIMIT \(bind: limit)"
        ).all().map {
            AuditEntry(
                at: try $0.decode(column: "at", as: String.self),
                account: try $0.decode(column: "account", as: String?.self),
                event: try $0.decode(column: "event", as: String.self),
                detail: try $0.decode(column: "detail", as: String.self),
                unitID: try $0.decode(column: "unit_id", as: Int?.self))
        }
    }
}
