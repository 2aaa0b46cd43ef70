import BaoCaoDomain
import SQLKit

/// Saves working figures. Every save keeps the version it replaces in `value_history`, gives the value a new
/// version, and, for commune-level units, moves the live sums of every unit above in the same transaction, so
/// aggregates are right the moment it commits. A save based on an older version than the stored one is refused
/// (`VersionConflict`): nobody overwrites a colleague's change without seeing it.
public enum ValueWriter {
    public struct Key: Hashable, Sendable {
        public var indicatorID: Int
        public var unitID: Int
        public var period: Period
        public init(indicatorID: Int, unitID: Int, period: Period) {
            self.indicatorID = indicatorID; self.unitID = unitID; self.period = period
        }
    }

    /// The change a save was based on is no longer the stored one.
    public struct VersionConflict: Error, Sendable {
        public var key: Key
        /// What is stored now (nil: deleted since).
        public var current: StoredValue?
        /// Who made the change, and when (for a deletion, from the history).
        public var changedBy: String
        public var changedAt: String
        public var version: Int
    }

    /// Saves one value. Returns false when it equals what is stored (nothing written). With `expecting`, the
    /// version the person's change was based on, a different stored version refuses the save. The write itself is
    /// conditional on the version it read, so two transactions racing on one value cannot both win.
    ///
    /// The official value does not change: when the working row was the official value, the approved figure is kept
    /// apart until the change is approved; a value saved back to what is official is official again.
    @discardableResult
    public static func save(
        _ key: Key, _ observation: Observation, note: String?, by user: String,
        communeLevel: Bool, expecting: Int? = nil, _ db: any SQLDatabase
    ) async throws -> Bool {
        let now = Timestamp.now()
        let old = try await StoredRow.find(.working, key, db)
        if let expecting { try await check(key, old, expecting: expecting, db) }
        let kept = try await KeptOfficial.find(key, db)
        let official = kept ?? (old?.approved == true ? old : nil)
        var new = StoredRow(observation: observation, note: note, by: user, at: now, version: 0)
        new.approved = official.map { new.sameFigure(as: $0) } ?? false
        if let old {
            if old.sameFigure(as: new) { return false }
            let version = old.version + 1
            let updated = try await db.raw(
                """
                UPDATE data_values SET amount = \(bind: new.amount), status = \(bind: new.status),
                qualifier = \(bind: new.qualifier), note = \(bind: note), updated_by = \(bind: user),
                updated_at = \(bind: now), version = \(bind: version), approved = \(bind: new.approved)
                WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID)
                AND period = \(bind: key.period.code) AND version = \(bind: old.version)
                RETURNING version
                """
            ).all()
            if updated.isEmpty { try await check(key, nil, expecting: old.version, db) }
            if old.approved && !new.approved { try await KeptOfficial.keep(key, old, db) }
            try await db.raw(
                """
                INSERT INTO value_history (indicator_id, unit_id, period, old_amount, old_status, old_qualifier, old_note,
                old_by, old_at, new_amount, new_status, new_qualifier, new_note, changed_by, changed_at, version)
                VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: old.amount),
                \(bind: old.status), \(bind: old.qualifier), \(bind: old.note), \(bind: old.updatedBy), \(bind: old.updatedAt),
                \(bind: new.amount), \(bind: new.status), \(bind: new.qualifier), \(bind: note), \(bind: user), \(bind: now),
                \(bind: version))
                """
            ).run()
        } else {
            let version = try await absentVersion(key, db) + 1
            let inserted = try await db.raw(
                """
                INSERT INTO data_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by,
                updated_at, version, approved)
                VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: new.amount),
                \(bind: new.status), \(bind: new.qualifier), \(bind: note), \(bind: user), \(bind: now), \(bind: version),
                \(bind: new.approved))
                ON CONFLICT (unit_id, indicator_id, period) DO NOTHING RETURNING version
                """
            ).all()
            if inserted.isEmpty { try await check(key, nil, expecting: version - 1, db) }
        }
        // Back to the official figure: no longer kept apart.
        if new.approved && kept != nil { try await KeptOfficial.drop(key, db) }
        if communeLevel {
            var working: [(StoredRow, Int)] = [(new, 1)], pending: [(StoredRow, Int)] = []
            var moved: [(StoredRow, Int)] = []
            if !new.approved { pending.append((new, 1)) }
            if let old {
                working.append((old, -1))
                if !old.approved { pending.append((old, -1)) }
                if old.approved && !new.approved { moved.append((old, 1)) }
            }
            if new.approved, let kept { moved.append((kept, -1)) }
            let delta = RollupTable.Delta(
                working: try RollupTable.part(working), pending: try RollupTable.part(pending),
                kept: try RollupTable.part(moved))
            try await RollupTable.adjust(
                above: key.unitID, indicatorID: key.indicatorID, period: key.period.code, by: delta, db)
        }
        return true
    }

    /// Deletes one value, keeping what it was in `value_history` (the new side empty) and taking it out of the live
    /// sums above. Returns false when there was nothing to delete. An approved value stays official, kept apart,
    /// until the deletion is approved.
    @discardableResult
    public static func delete(
        _ key: Key, by user: String, communeLevel: Bool, expecting: Int? = nil, _ db: any SQLDatabase
    ) async throws -> Bool {
        let old = try await StoredRow.find(.working, key, db)
        if let expecting { try await check(key, old, expecting: expecting, db) }
        guard let old else { return false }
        let deleted = try await db.raw(
            """
            DELETE FROM data_values WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID)
            AND period = \(bind: key.period.code) AND version = \(bind: old.version) RETURNING version
            """
        ).all()
        if deleted.isEmpty { try await check(key, nil, expecting: old.version, db) }
        if old.approved { try await KeptOfficial.keep(key, old, db) }
        try await db.raw(
            """
            INSERT INTO value_history (indicator_id, unit_id, period, old_amount, old_status, old_qualifier, old_note,
            old_by, old_at, changed_by, changed_at, version)
            VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: old.amount),
            \(bind: old.status), \(bind: old.qualifier), \(bind: old.note), \(bind: old.updatedBy), \(bind: old.updatedAt),
            \(bind: user), \(bind: Timestamp.now()), \(bind: old.version + 1))
            """
        ).run()
        if communeLevel {
            let delta = RollupTable.Delta(
                working: try RollupTable.part([(old, -1)]),
                pending: try RollupTable.part(old.approved ? [] : [(old, -1)]),
                kept: try RollupTable.part(old.approved ? [(old, 1)] : []))
            try await RollupTable.adjust(
                above: key.unitID, indicatorID: key.indicatorID, period: key.period.code, by: delta, db)
        }
        return true
    }

    /// The version of a key: the stored value's, or for a key without a value the version its last deletion made
    /// (0 for one never stored). It only ever grows.
    public static func version(_ key: Key, _ db: any SQLDatabase) async throws -> Int {
        if let row = try await StoredRow.find(.working, key, db) { return row.version }
        return try await absentVersion(key, db)
    }

    static func absentVersion(_ key: Key, _ db: any SQLDatabase) async throws -> Int {
        try await db.raw(
            """
            SELECT MAX(version) AS v FROM value_history WHERE unit_id = \(bind: key.unitID)
            AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).first()?.decode(column: "v", as: Int?.self) ?? 0
    }

    /// Refuses with `VersionConflict` unless the key is at version `expecting`. With `stored` nil, reads it again:
    /// a conditional write that touched no row lost a race, and this says to whom.
    static func check(_ key: Key, _ stored: StoredRow?, expecting: Int, _ db: any SQLDatabase) async throws {
        var stored = stored
        if stored == nil { stored = try await StoredRow.find(.working, key, db) }
        if let stored {
            guard stored.version != expecting else { return }
            throw VersionConflict(
                key: key, current: stored.value(changes: 0), changedBy: stored.updatedBy, changedAt: stored.updatedAt,
                version: stored.version)
        }
        let version = try await absentVersion(key, db)
        guard version != expecting else { return }
        let last = try await ValueHistory.changes(key, db).last
        throw VersionConflict(
            key: key, current: nil, changedBy: last?.changedBy ?? "", changedAt: last?.changedAt ?? "",
            version: version)
    }
}

extension Int64 {
    /// The difference, or nil when it does not fit.
    func subtractingChecked(_ other: Int64) -> Int64? {
        let (value, overflow) = subtractingReportingOverflow(other)
        return overflow ? nil : value
    }
}
