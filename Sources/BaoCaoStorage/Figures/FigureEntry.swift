import BaoCaoDomain
import SQLKit

/// One changed input of an entry form: the value to store (nil deletes the stored one), its comment, and the
/// version the person's change was based on.
public struct EntryLine: Sendable {
    public var indicatorID: Int
    public var observation: Observation?
    public var note: String?
    /// The version the form showed; nil skips the check (a file imported by an administrator).
    public var basedOn: Int?

    public init(indicatorID: Int, observation: Observation?, note: String?, basedOn: Int?) {
        self.indicatorID = indicatorID; self.observation = observation; self.note = note; self.basedOn = basedOn
    }
}

/// Saves an entry form: the changed figures, the deletions and the step (save draft or submit) land together, or
/// nothing does. A line based on an older version than the stored one refuses the whole save with every conflict.
public enum FigureEntry {
    public struct Outcome: Sendable {
        public var changed: Int
        public var status: SubmissionStatus
        /// The form's violations after the save (the draft is saved whatever they are).
        public var violations: [Violation]
        /// Why a requested submission did not happen: errors, or warnings without an explanation. Empty when it did.
        public var blocking: [Violation]
    }

    /// Values changed by someone else since the form was opened: nothing was saved.
    public struct Conflicts: Error, Sendable {
        public var conflicts: [ValueWriter.VersionConflict]
    }

    /// `formUnit` is the unit whose submission the form belongs to (a ward, an office); `valueUnit` is the unit the
    /// figures are stored for (the ward itself, or the office's locality).
    /// Saves the lines and the explanations given for warnings (by violation key), then checks the form's rules on
    /// the saved figures: a submission goes ahead only without errors and with every warning explained.
    /// `tree` and `catalogue` when the caller holds them already: otherwise they are read inside the transaction.
    public static func save(
        _ lines: [EntryLine], explanations: [String: String] = [:], formUnit: StoredUnit, valueUnit: StoredUnit,
        period: Period, submit: Bool, by user: String, tree: UnitTree? = nil, catalogue: Catalogue? = nil,
        store: Store
    ) async throws -> Outcome {
        try await store.transaction { db in
            var status = try await SubmissionRepository.take(
                .saveDraft, unitID: formUnit.id, period: period, reason: nil, by: user, db)
            var conflicts: [ValueWriter.VersionConflict] = []
            for line in lines {
                guard let basedOn = line.basedOn else { continue }
                let key = ValueWriter.Key(indicatorID: line.indicatorID, unitID: valueUnit.id, period: period)
                do { try await ValueWriter.check(key, nil, expecting: basedOn, db) } catch let c
                    as ValueWriter.VersionConflict
                { conflicts.append(c) }
            }
            guard conflicts.isEmpty else { throw Conflicts(conflicts: conflicts) }
            var changed = 0
            do {
                for line in lines {
                    let key = ValueWriter.Key(indicatorID: line.indicatorID, unitID: valueUnit.id, period: period)
                    let communeLevel = valueUnit.kind.isCommuneLevel
                    let wrote =
                        if let observation = line.observation {
                            try await ValueWriter.save(
                                key, observation, note: line.note, by: user, communeLevel: communeLevel,
                                expecting: line.basedOn, db)
                        } else {
                            try await ValueWriter.delete(
                                key, by: user, communeLevel: communeLevel, expecting: line.basedOn, db)
                        }
                    if wrote { changed += 1 }
                }
            } catch let c as ValueWriter.VersionConflict { throw Conflicts(conflicts: [c]) }
            let given = explanations.mapValues { $0.trimmingWhitespace() }.filter { !$0.value.isEmpty }
            try await RuleNotes.save(given, unitID: formUnit.id, period: period, by: user, db)
            let violations = try await checks(
                formUnit: formUnit, valueUnit: valueUnit, period: period, tree: tree, catalogue: catalogue, db)
            let notes = try await RuleNotes.all(unitID: formUnit.id, period: period, db)
            let blocking = violations.filter { $0.severity == .error || notes[$0.key] == nil }
            if submit && blocking.isEmpty {
                status = try await SubmissionRepository.take(
                    .submit, unitID: formUnit.id, period: period, reason: nil, by: user, db)
            }
            return Outcome(changed: changed, status: status, violations: violations, blocking: submit ? blocking : [])
        }
    }

    /// The violations of a form's figures in the working view: its rules and its indicators' built-in checks.
    /// `tree` and `catalogue` when the caller holds them already (a server keeps them in memory).
    public static func checks(
        formUnit: StoredUnit, valueUnit: StoredUnit, period: Period, tree known: UnitTree? = nil,
        catalogue kept: Catalogue? = nil, _ db: any SQLDatabase
    ) async throws -> [Violation] {
        let catalogue: Catalogue
        if let kept { catalogue = kept } else { catalogue = try await IndicatorRepository.catalogue(db) }
        let tree: UnitTree
        if let known { tree = known } else { tree = try await UnitTree.load(db) }
        return try await ValidationQuery.violations(
            of: ReportingForms.indicators(for: formUnit, catalogue), unit: valueUnit, period: period, view: .working,
            tree: tree, catalogue: catalogue, db)
    }
}

/// A value as stored, with what the entry form shows beside it.
public struct StoredValue: Sendable, Equatable {
    public var observation: Observation
    public var note: String?
    public var updatedBy: String
    public var updatedAt: String
    public var changes: Int
    /// What a change to it must be based on.
    public var version: Int
}

extension FigureEntry {
    /// The unit's own stored working values for exactly `period`, by indicator id, with how many times each was
    /// changed and its version.
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
        return try await StoredRow.all(.working, unitID: unitID, period: period.code, db).reduce(into: [:]) {
            $0[$1.key] = $1.value.value(changes: counts[$1.key] ?? 0)
        }
    }

    /// The versions of the unit's keys that have no stored value but a history (deleted): what a form shows for
    /// an empty cell, so that a value someone enters meanwhile is not overwritten unseen.
    public static func absentVersions(unitID: Int, period: Period, _ db: any SQLDatabase) async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try await db.raw(
            """
            SELECT indicator_id, MAX(version) AS v FROM value_history
            WHERE unit_id = \(bind: unitID) AND period = \(bind: period.code) GROUP BY indicator_id
            """
        ).all() {
            if let v = try row.decode(column: "v", as: Int?.self) {
                result[try row.decode(column: "indicator_id", as: Int.self)] = v
            }
        }
        return result
    }
}
