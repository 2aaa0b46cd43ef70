import BaoCaoDomain
import SQLKit

/// A stored target, as exports and the API show it.
public struct StoredTarget: Hashable, Sendable {
    public var indicatorID: Int
    public var unitID: Int
    public var year: Int
    public var kind: TargetKind
    public var value: Amount
    public var setBy: String?
    public var note: String?
    public var revision: Int
}

/// Annual targets with their revisions.
public enum TargetRepository {
    /// Records a target. An unchanged one is left alone; a changed one becomes a new revision and the earlier one
    /// stays in the table, no longer current.
    static func save(indicatorID: Int, unitID: Int, year: Int, kind: TargetKind, value: Amount, setBy: String?,
                     note: String?, by user: String, _ db: any SQLDatabase) async throws {
        let current = try await db.raw("""
            SELECT amount, set_by, note, revision FROM targets WHERE indicator_id = \(bind: indicatorID)
            AND unit_id = \(bind: unitID) AND year = \(bind: year) AND kind = \(bind: kind.rawValue)
            ORDER BY revision DESC LIMIT 1
            """).first()
        var revision = 1
        if let current {
            let same = try current.decode(column: "amount", as: Int64.self) == value.scaled
                && (try current.decode(column: "set_by", as: String?.self)) == setBy
                && (try current.decode(column: "note", as: String?.self)) == note
            if same { return }
            revision = try current.decode(column: "revision", as: Int.self) + 1
            try await db.raw("""
                UPDATE targets SET is_current = \(false) WHERE indicator_id = \(bind: indicatorID)
                AND unit_id = \(bind: unitID) AND year = \(bind: year) AND kind = \(bind: kind.rawValue)
                """).run()
        }
        try await db.raw("""
            INSERT INTO targets (indicator_id, unit_id, year, kind, amount, set_by, note, revision, is_current,
            recorded_by, recorded_at) VALUES (\(bind: indicatorID), \(bind: unitID), \(bind: year),
            \(bind: kind.rawValue), \(bind: value.scaled), \(bind: setBy), \(bind: note), \(bind: revision), \(true),
            \(bind: user), \(bind: Timestamp.now()))
            """).run()
    }

    /// Current targets of a unit for some years.
    static func current(unitID: Int, years: [Int], _ db: any SQLDatabase) async throws -> [StoredTarget] {
        try await db.raw("""
            SELECT indicator_id, unit_id, year, kind, amount, set_by, note, revision FROM targets
            WHERE unit_id = \(bind: unitID) AND year IN (\(binds: years)) AND is_current = \(true)
            ORDER BY recorded_at
            """).all().map(decode)
    }

    public static func allCurrent(_ db: any SQLDatabase) async throws -> [StoredTarget] {
        try await db.raw("""
            SELECT indicator_id, unit_id, year, kind, amount, set_by, note, revision FROM targets
            WHERE is_current = \(true) ORDER BY unit_id, indicator_id, year, kind
            """).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> StoredTarget {
        StoredTarget(indicatorID: try row.decode(column: "indicator_id", as: Int.self),
                     unitID: try row.decode(column: "unit_id", as: Int.self),
                     year: try row.decode(column: "year", as: Int.self),
                     kind: TargetKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .plan,
                     value: Amount(scaled: try row.decode(column: "amount", as: Int64.self)),
                     setBy: try row.decode(column: "set_by", as: String?.self),
                     note: try row.decode(column: "note", as: String?.self),
                     revision: try row.decode(column: "revision", as: Int.self))
    }
}
