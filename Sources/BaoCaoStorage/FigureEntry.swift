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

/// Saves an entry form: the figures and the step (save draft or submit) land together, or nothing does.
public enum FigureEntry {
    public struct Outcome: Sendable {
        public var changed: Int
        public var status: SubmissionStatus
    }

    /// `formUnit` is the unit whose submission the form belongs to (a ward, an office); `valueUnit` is the unit the
    /// figures are stored for (the ward itself, or the office's locality).
    public static func save(
        _ lines: [EntryLine], formUnit: StoredUnit, valueUnit: StoredUnit, period: Period, submit: Bool,
        by user: String, store: Store
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
            if submit {
                status = try await SubmissionRepository.take(
                    .submit, unitID: formUnit.id, period: period, reason: nil, by: user, db)
            }
            return Outcome(changed: changed, status: status)
        }
    }
}
