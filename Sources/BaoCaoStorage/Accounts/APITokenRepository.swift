import BaoCaoDomain
import SQLKit

/// A token a program uses instead of a person's session: one role on one unit, like a person's grant; official
/// figures only unless it may read drafts; until it expires or is revoked. Only its hash is stored.
public struct APIToken: Sendable, Equatable {
    public var id: Int
    public var name: String
    /// The first characters of the token, to recognise it in lists (the token itself is shown once).
    public var prefix: String
    public var role: Role
    public var unitID: Int
    public var drafts: Bool
    public var createdBy: String
    public var createdAt: String
    public var expiresAt: String
    public var revokedBy: String?
    public var revokedAt: String?
    public var lastUsedAt: String?

    /// Whether it can be used at `now` (a timestamp): not revoked, not expired.
    public func isActive(at now: String) -> Bool { revokedAt == nil && expiresAt > now }
}

/// One use of a token: the request and its answer.
public struct APITokenUse: Sendable, Equatable {
    public var at: String
    public var method: String
    public var path: String
    public var status: Int
    public var address: String?
}

public enum APITokenRepository {
    @discardableResult
    public static func create(
        name: String, hash: String, prefix: String, role: Role, unitID: Int, drafts: Bool, expiresAt: String,
        by user: String, _ db: any SQLDatabase
    ) async throws -> Int {
        let row = try await db.raw(
            """
            INSERT INTO api_tokens (name, token_hash, prefix, role, unit_id, drafts, created_by, created_at, expires_at)
            VALUES (\(bind: name), \(bind: hash), \(bind: prefix), \(bind: role.rawValue), \(bind: unitID), \(bind: drafts),
            \(bind: user), \(bind: Timestamp.now()), \(bind: expiresAt)) RETURNING id
            """
        ).first()
        return try row?.decode(column: "id", as: Int.self) ?? 0
    }

    static let columns =
        "id, name, prefix, role, unit_id, drafts, created_by, created_at, expires_at, revoked_by, revoked_at, last_used_at"

    public static func find(hash: String, _ db: any SQLDatabase) async throws -> APIToken? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM api_tokens WHERE token_hash = \(bind: hash)").first()
            .flatMap(token)
    }

    /// The tokens of these units (all when nil), the newest first.
    public static func all(unitIDs: Set<Int>?, _ db: any SQLDatabase) async throws -> [APIToken] {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM api_tokens ORDER BY id DESC").all().compactMap(token)
            .filter { unitIDs?.contains($0.unitID) ?? true }
    }

    public static func get(_ id: Int, _ db: any SQLDatabase) async throws -> APIToken? {
        try await db.raw("SELECT \(unsafeRaw: columns) FROM api_tokens WHERE id = \(bind: id)").first().flatMap(token)
    }

    /// Revokes a token; false when it was revoked already.
    @discardableResult
    public static func revoke(_ id: Int, by user: String, _ db: any SQLDatabase) async throws -> Bool {
        !(try await db.raw(
            """
            UPDATE api_tokens SET revoked_by = \(bind: user), revoked_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id) AND revoked_at IS NULL RETURNING id
            """
        ).all()).isEmpty
    }

    public static func recordUse(
        _ tokenID: Int, method: String, path: String, status: Int, address: String?, _ db: any SQLDatabase
    ) async throws {
        let now = Timestamp.now()
        try await db.raw(
            """
            INSERT INTO api_token_uses (token_id, at, method, path, status, address)
            VALUES (\(bind: tokenID), \(bind: now), \(bind: method), \(bind: String(path.prefix(500))), \(bind: status),
            \(bind: address))
            """
        ).run()
        try await db.raw("UPDATE api_tokens SET last_used_at = \(bind: now) WHERE id = \(bind: tokenID)").run()
    }

    /// The latest uses of a token, the newest first.
    public static func uses(_ tokenID: Int, limit: Int = 100, _ db: any SQLDatabase) async throws -> [APITokenUse] {
        try await db.raw(
            """
            SELECT at, method, path, status, address FROM api_token_uses WHERE token_id = \(bind: tokenID)
            ORDER BY id DESC LIMIT \(bind: limit)
            """
        ).all().map { row in
            APITokenUse(
                at: try row.decode(column: "at", as: String.self),
                method: try row.decode(column: "method", as: String.self),
                path: try row.decode(column: "path", as: String.self),
                status: try row.decode(column: "status", as: Int.self),
                address: try row.decode(column: "address", as: String?.self))
        }
    }

    static func token(_ row: any SQLRow) -> APIToken? {
        guard let role = (try? row.decode(column: "role", as: String.self)).flatMap(Role.init(rawValue:)) else {
            return nil
        }
        return try? APIToken(
            id: row.decode(column: "id", as: Int.self), name: row.decode(column: "name", as: String.self),
            prefix: row.decode(column: "prefix", as: String.self), role: role,
            unitID: row.decode(column: "unit_id", as: Int.self), drafts: row.decode(column: "drafts", as: Bool.self),
            createdBy: row.decode(column: "created_by", as: String.self),
            createdAt: row.decode(column: "created_at", as: String.self),
            expiresAt: row.decode(column: "expires_at", as: String.self),
            revokedBy: row.decode(column: "revoked_by", as: String?.self),
            revokedAt: row.decode(column: "revoked_at", as: String?.self),
            lastUsedAt: row.decode(column: "last_used_at", as: String?.self))
    }
}
