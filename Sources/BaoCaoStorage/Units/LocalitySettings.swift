import BaoCaoDomain
import SQLKit

/// Choices a locality makes for itself (whether an official may approve their own figures, say). A setting holds
/// for the unit and every unit below it, unless one of those chose otherwise: the nearest unit's choice wins.
public enum LocalitySettings {
    /// The value of `name` for the unit whose ancestry (itself first) is `ancestry`, or nil when none chose.
    public static func value(_ name: String, ancestry: [Int], _ db: any SQLDatabase) async throws -> String? {
        guard !ancestry.isEmpty else { return nil }
        let rows = try await db.raw(
            "SELECT unit_id, value FROM locality_settings WHERE name = \(bind: name) AND unit_id IN (\(binds: ancestry))"
        ).all()
        var chosen: [Int: String] = [:]
        for row in rows {
            chosen[try row.decode(column: "unit_id", as: Int.self)] = try row.decode(column: "value", as: String.self)
        }
        return ancestry.lazy.compactMap { chosen[$0] }.first
    }

    /// Sets `name` for `unitID`; nil removes the unit's own choice (it follows the unit above again).
    public static func set(
        _ name: String, to value: String?, unitID: Int, by user: String, _ db: any SQLDatabase
    )
        async throws
    {
        try await db.raw("DELETE FROM locality_settings WHERE unit_id = \(bind: unitID) AND name = \(bind: name)").run()
        guard let value else { return }
        try await db.raw(
            """
            INSERT INTO locality_settings (unit_id, name, value, updated_by, updated_at)
            VALUES (\(bind: unitID), \(bind: name), \(bind: value), \(bind: user), \(bind: Timestamp.now()))
            """
        ).run()
    }
}
