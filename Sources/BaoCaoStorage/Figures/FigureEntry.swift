import BaoCaoDomain
import SQLKit

/// One input of an entry form, parsed: the value, its status and qualifier, and the reporter's comment.
public struct EntryLine: Sendable {
    public var indicatorID: Int
    public var observation: Observation
    public var note: String?
    public init(indicatorID: Int, observation: Observation, note: String?) {
        self.indicatorID = indicatorID; self.observation = observation; self.note = note
    }
}

/// Saves an entry form: the figures, the deletions and the step (save draft or submit) land together, or nothing does.
public enum FigureEntry {
    public struct Outcome: Sendable {
        public var changed: Int
        public var status: SubmissionStatus
    }

    /// `formUnit` is the unit whose submission the form belongs to (a ward, an office); `valueUnit` is the unit the
    /// figures are stored for (the ward itself, or the office's locality).
    public static func save(
        _ lines: [EntryLine], deleting: [Int] = [], formUnit: StoredUnit, valueUnit: StoredUnit, period: Period,
        submit: Bool, by user: String, store: Store
    ) async throws -> Outcome {
        try await store.transaction { db in
            var status = try await SubmissionRepository.take(
                .saveDraft, unitID: formUnit.id, period: period, reason: nil, by: user, db)
            var changed = 0
            for line in lines {
                let key = ValueWriter.Key(indicatorID: line.indicatorID, unitID: valueUnit.id, period: period)
                if try await ValueWriter.save(
                    key, line.observation, note: line.note, by: user,
                    communeLevel: valueUnit.kind.isCommuneLevel, db)
                {
                    changed += 1
                }
            }
            for indicatorID in deleting {
                let key = ValueWriter.Key(indicatorID: indicatorID, unitID: valueUnit.id, period: period)
                if try await ValueWriter.delete(key, by: user, communeLevel: valueUnit.kind.isCommuneLevel, db) {
                    changed += 1
                }
            }
            if submit {
                status = try await SubmissionRepository.take(
                    .submit, unitID: formUnit.id, period: period, reason: nil, by: user, db)
            }
            return Outcome(changed: changed, status: status)
        }
    }
}

/// A value as stored, with what the entry form shows beside it.
public struct StoredValue: Sendable {
    public var observation: Observation
    public var note: String?
    public var updatedBy: String
    public var updatedAt: String
    public var changes: Int
}

extension FigureEntry {
    /// The unit's own stored values for exactly `period`, by indicator id, with how many times each was changed.
    public static func stored(unitID: Int, period: Period, _ db: any SQLDatabase) async throws -> [Int: StoredValue] {
        var counts: [Int: Int] = [:]
        for row in try await db.raw(
            """
            SELECT indicator_id, COUNT(*) AS n FROM value_history
            WHERE unit_id = \(bind: unitID) AND period = \(bind: period.code) GROUP BY indicator_id
            """
        ).all() {
            counts[try row.decode(column: "indicator_id", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        var result: [Int: StoredValue] = [:]
        for row in try await db.raw(
            """
            SELECT indicator_id, amount, status, qualifier, note, updated_by, updated_at FROM data_values
            WHERE unit_id = \(bind: unitID) AND period = \(bind: period.code)
            """
        ).all() {
            let id = try row.decode(column: "indicator_id", as: Int.self)
            result[id] = StoredValue(
                observation: Observation(
                    value: Amount(scaled: try row.decode(column: "amount", as: Int64.self)),
                    status: ValueStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .final,
                    qualifier: (try row.decode(column: "qualifier", as: String?.self)).flatMap(
                        Qualifier.init(rawValue:))),
                note: try row.decode(column: "note", as: String?.self),
                updatedBy: try row.decode(column: "updated_by", as: String.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self), changes: counts[id] ?? 0)
        }
        return result
    }
}
