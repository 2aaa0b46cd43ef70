import BaoCaoDomain
import SQLKit

/// Saves figures. Every save keeps the version it replaces in `value_history` and, for commune-level units, moves
/// the live sums of every unit above in the same transaction, so aggregates are right the moment it commits.
public enum ValueWriter {
    public struct Key: Hashable, Sendable {
        public var indicatorID: Int
        public var unitID: Int
        public var period: Period
        public init(indicatorID: Int, unitID: Int, period: Period) {
            self.indicatorID = indicatorID; self.unitID = unitID; self.period = period
        }
    }

    /// Saves one value. Returns false when it equals what is stored (nothing written).
    @discardableResult
    public static func save(
        _ key: Key, _ observation: Observation, note: String?, by user: String,
        communeLevel: Bool, _ db: any SQLDatabase
    ) async throws -> Bool {
        let now = Timestamp.now()
        let existing = try await db.raw(
            """
            SELECT amount, status, qualifier, note, updated_by, updated_at FROM data_values
            WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).first()
        var delta = observation.value.scaled
        var contributorDelta = 1
        var estimateDelta = observation.status == .estimate ? 1 : 0
        if let old = existing {
            let oldAmount = try old.decode(column: "amount", as: Int64.self)
            let oldStatus = try old.decode(column: "status", as: String.self)
            let oldQualifier = try old.decode(column: "qualifier", as: String?.self)
            let oldNote = try old.decode(column: "note", as: String?.self)
            if oldAmount == observation.value.scaled && oldStatus == observation.status.rawValue
                && oldQualifier == observation.qualifier?.rawValue && oldNote == note
            {
                return false
            }
            try await db.raw(
                """
                INSERT INTO value_history (indicator_id, unit_id, period, old_amount, old_status, old_qualifier, old_note,
                old_by, old_at, new_amount, new_status, new_qualifier, new_note, changed_by, changed_at)
                VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: oldAmount),
                \(bind: oldStatus), \(bind: oldQualifier), \(bind: oldNote),
                \(bind: try old.decode(column: "updated_by", as: String.self)),
                \(bind: try old.decode(column: "updated_at", as: String.self)), \(bind: observation.value.scaled),
                \(bind: observation.status.rawValue), \(bind: observation.qualifier?.rawValue), \(bind: note),
                \(bind: user), \(bind: now))
                """
            ).run()
            try await db.raw(
                """
                UPDATE data_values SET amount = \(bind: observation.value.scaled), status = \(bind: observation.status.rawValue),
                qualifier = \(bind: observation.qualifier?.rawValue), note = \(bind: note), updated_by = \(bind: user),
                updated_at = \(bind: now)
                WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
                """
            ).run()
            delta -= oldAmount
            contributorDelta = 0
            estimateDelta -= oldStatus == ValueStatus.estimate.rawValue ? 1 : 0
        } else {
            try await db.raw(
                """
                INSERT INTO data_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at)
                VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: observation.value.scaled),
                \(bind: observation.status.rawValue), \(bind: observation.qualifier?.rawValue), \(bind: note), \(bind: user),
                \(bind: now))
                """
            ).run()
        }
        if communeLevel && (delta != 0 || contributorDelta != 0 || estimateDelta != 0) {
            try await db.raw(
                """
                INSERT INTO rollups (unit_id, indicator_id, period, total, contributors, estimates)
                SELECT ancestor_id, \(bind: key.indicatorID), \(bind: key.period.code), \(bind: delta),
                \(bind: contributorDelta), \(bind: estimateDelta)
                FROM unit_ancestors WHERE unit_id = \(bind: key.unitID) AND depth > 0
                ON CONFLICT (unit_id, indicator_id, period) DO UPDATE SET total = rollups.total + excluded.total,
                contributors = rollups.contributors + excluded.contributors, estimates = rollups.estimates + excluded.estimates
                """
            ).run()
        }
        return true
    }

    /// Deletes one value, keeping what it was in `value_history` (the new side empty) and taking it out of the live
    /// sums above. Returns false when there was nothing to delete.
    @discardableResult
    public static func delete(
        _ key: Key, by user: String, communeLevel: Bool, _ db: any SQLDatabase
    ) async throws
        -> Bool
    {
        guard
            let old = try await db.raw(
                """
                SELECT amount, status, qualifier, note, updated_by, updated_at FROM data_values
                WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
                """
            ).first()
        else { return false }
        let amount = try old.decode(column: "amount", as: Int64.self)
        let status = try old.decode(column: "status", as: String.self)
        try await db.raw(
            """
            INSERT INTO value_history (indicator_id, unit_id, period, old_amount, old_status, old_qualifier, old_note,
            old_by, old_at, changed_by, changed_at)
            VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: amount), \(bind: status),
            \(bind: try old.decode(column: "qualifier", as: String?.self)), \(bind: try old.decode(column: "note", as: String?.self)),
            \(bind: try old.decode(column: "updated_by", as: String.self)),
            \(bind: try old.decode(column: "updated_at", as: String.self)), \(bind: user), \(bind: Timestamp.now()))
            """
        ).run()
        try await db.raw(
            """
            DELETE FROM data_values
            WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).run()
        if communeLevel {
            let estimate = status == ValueStatus.estimate.rawValue ? 1 : 0
            try await db.raw(
                """
                UPDATE rollups SET total = total - \(bind: amount), contributors = contributors - 1,
                estimates = estimates - \(bind: estimate)
                WHERE indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
                AND unit_id IN (SELECT ancestor_id FROM unit_ancestors WHERE unit_id = \(bind: key.unitID) AND depth > 0)
                """
            ).run()
        }
        return true
    }

    /// Recomputes every live sum from the values: needed only when the hierarchy itself changes (a merger moves
    /// communes), never for a saved figure.
    static func rebuildRollups(_ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM rollups").run()
        try await db.raw(
            """
            INSERT INTO rollups (unit_id, indicator_id, period, total, contributors, estimates)
            SELECT a.ancestor_id, v.indicator_id, v.period, SUM(v.amount), COUNT(*),
            SUM(CASE WHEN v.status = \(bind: ValueStatus.estimate.rawValue) THEN 1 ELSE 0 END)
            FROM data_values v JOIN unit_ancestors a ON a.unit_id = v.unit_id AND a.depth > 0
            JOIN units u ON u.id = v.unit_id AND u.kind IN (\(binds: UnitKind.allCases.filter(\.isCommuneLevel).map(\.rawValue)))
            GROUP BY a.ancestor_id, v.indicator_id, v.period
            """
        ).run()
    }
}
