import BaoCaoDomain
import SQLKit

/// One earlier version of a value and what replaced it.
public struct ValueChange: Hashable, Sendable, Codable {
    public var oldValue: Amount?
    public var oldStatus: String?
    public var oldNote: String?
    public var oldBy: String?
    public var oldAt: String?
    public var newValue: Amount?
    public var newStatus: String?
    public var newNote: String?
    public var changedBy: String
    public var changedAt: String
}

public enum ValueHistory {
    /// Changes of one value, oldest first.
    public static func changes(_ key: ValueWriter.Key, _ db: any SQLDatabase) async throws -> [ValueChange] {
        try await db.raw(
            """
            SELECT old_amount, old_status, old_note, old_by, old_at, new_amount, new_status, new_note, changed_by, changed_at
            FROM value_history WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID)
            AND period = \(bind: key.period.code) ORDER BY id
            """
        ).all().map { row in
            ValueChange(
                oldValue: (try row.decode(column: "old_amount", as: Int64?.self)).map(Amount.init(scaled:)),
                oldStatus: try row.decode(column: "old_status", as: String?.self),
                oldNote: try row.decode(column: "old_note", as: String?.self),
                oldBy: try row.decode(column: "old_by", as: String?.self),
                oldAt: try row.decode(column: "old_at", as: String?.self),
                newValue: (try row.decode(column: "new_amount", as: Int64?.self)).map(Amount.init(scaled:)),
                newStatus: try row.decode(column: "new_status", as: String?.self),
                newNote: try row.decode(column: "new_note", as: String?.self),
                changedBy: try row.decode(column: "changed_by", as: String.self),
                changedAt: try row.decode(column: "changed_at", as: String.self))
        }
    }
}
