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
    /// A target to record, with its references resolved.
    struct Entry: Sendable {
        var indicatorID: Int
        var unitID: Int
        var year: Int
        var kind: TargetKind
        var value: Amount
        var setBy: String?
        var note: String?
    }

    /// Records targets. An unchanged one is left alone; a changed one becomes a new revision and the earlier one
    /// stays in the table, no longer current. New targets are written in multi-row inserts.
    static func save(_ entries: [Entry], by user: String, _ db: any SQLDatabase) async throws {
        struct Key: Hashable { var indicatorID, unitID, year: Int; var kind: TargetKind }
        var current: [Key: StoredTarget] = [:]
        for t in try await allCurrent(db) {
            current[Key(indicatorID: t.indicatorID, unitID: t.unitID, year: t.year, kind: t.kind)] = t
        }
        let now = Timestamp.now()
        var rows: [[any SQLExpression]] = []
        for e in entries {
            let key = Key(indicatorID: e.indicatorID, unitID: e.unitID, year: e.year, kind: e.kind)
            var revision = 1
            if let old = current[key] {
                if old.value == e.value && old.setBy == e.setBy && old.note == e.note { continue }
                revision = old.revision + 1
                try await db.raw(
                    """
                    UPDATE targets SET is_current = \(false) WHERE indicator_id = \(bind: e.indicatorID)
                    AND unit_id = \(bind: e.unitID) AND year = \(bind: e.year) AND kind = \(bind: e.kind.rawValue)
                    """
                ).run()
            }
            current[key] = StoredTarget(
                indicatorID: e.indicatorID, unitID: e.unitID, year: e.year, kind: e.kind,
                value: e.value, setBy: e.setBy, note: e.note, revision: revision)
            rows.append([
                SQLBind(e.indicatorID), SQLBind(e.unitID), SQLBind(e.year), SQLBind(e.kind.rawValue),
                SQLBind(e.value.scaled), SQLBind(e.setBy), SQLBind(e.note), SQLBind(revision), SQLBind(true),
                SQLBind(user), SQLBind(now),
            ])
        }
        for start in stride(from: 0, to: rows.count, by: 2_000) {
            let insert = db.insert(into: Table.targets).columns(
                "indicator_id", "unit_id", "year", "kind", "amount", "set_by", "note", "revision", "is_current",
                "recorded_by", "recorded_at")
            for row in rows[start..<min(start + 2_000, rows.count)] { insert.values(row) }
            try await insert.run()
        }
    }

    /// Current targets of some units for some years.
    static func current(unitIDs: [Int], years: [Int], _ db: any SQLDatabase) async throws -> [StoredTarget] {
        try await db.raw(
            """
            SELECT indicator_id, unit_id, year, kind, amount, set_by, note, revision FROM targets
            WHERE unit_id IN (\(binds: unitIDs)) AND year IN (\(binds: years)) AND is_current = \(true)
            ORDER BY recorded_at
            """
        ).all().map(decode)
    }

    public static func allCurrent(_ db: any SQLDatabase) async throws -> [StoredTarget] {
        try await db.raw(
            """
            SELECT indicator_id, unit_id, year, kind, amount, set_by, note, revision FROM targets
            WHERE is_current = \(true) ORDER BY unit_id, indicator_id, year, kind
            """
        ).all().map(decode)
    }

    static func decode(_ row: any SQLRow) throws -> StoredTarget {
        StoredTarget(
            indicatorID: try row.decode(column: "indicator_id", as: Int.self),
            unitID: try row.decode(column: "unit_id", as: Int.self),
            year: try row.decode(column: "year", as: Int.self),
            kind: TargetKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .plan,
            value: Amount(scaled: try row.decode(column: "amount", as: Int64.self)),
            setBy: try row.decode(column: "set_by", as: String?.self),
            note: try row.decode(column: "note", as: String?.self),
            revision: try row.decode(column: "revision", as: Int.self))
    }
}
