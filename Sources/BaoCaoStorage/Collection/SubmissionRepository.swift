import BaoCaoDomain
import SQLKit

/// A unit's place in the collection cycle for one period.
public struct Submission: Hashable, Sendable {
    public var unitID: Int
    public var period: String
    public var status: SubmissionStatus
    public var reason: String?
    public var updatedBy: String?
    public var updatedAt: String?

    public init(
        unitID: Int, period: String, status: SubmissionStatus, reason: String? = nil, updatedBy: String? = nil,
        updatedAt: String? = nil
    ) {
        self.unitID = unitID; self.period = period; self.status = status; self.reason = reason
        self.updatedBy = updatedBy; self.updatedAt = updatedAt
    }
}

/// One step taken: who moved the unit's figures from one status to another, when and why.
public struct SubmissionEvent: Hashable, Sendable {
    public var from: SubmissionStatus
    public var to: SubmissionStatus
    public var reason: String?
    public var by: String
    public var at: String
}

public enum SubmissionRepository {
    public static func submission(unitID: Int, period: Period, _ db: any SQLDatabase) async throws -> Submission {
        try await submissions(unitIDs: [unitID], period: period, db)[unitID]
            ?? Submission(unitID: unitID, period: period.code, status: .notStarted)
    }

    /// The stored submissions of `unitIDs` for the period; units without one have not started.
    public static func submissions(
        unitIDs: [Int], period: Period, _ db: any SQLDatabase
    ) async throws -> [Int: Submission] {
        guard !unitIDs.isEmpty else { return [:] }
        var result: [Int: Submission] = [:]
        for row in try await db.raw(
            """
            SELECT unit_id, status, reason, updated_by, updated_at FROM submissions
            WHERE period = \(bind: period.code) AND unit_id IN (\(binds: unitIDs))
            """
        ).all() {
            let id = try row.decode(column: "unit_id", as: Int.self)
            result[id] = Submission(
                unitID: id, period: period.code,
                status: SubmissionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
                reason: try row.decode(column: "reason", as: String?.self),
                updatedBy: try row.decode(column: "updated_by", as: String.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
        }
        return result
    }

    /// The submitted or approved submissions among `unitIDs` × `periods`: their figures may not change.
    public static func locked(
        unitIDs: Set<Int>, periods: Set<String>, _ db: any SQLDatabase
    ) async throws
        -> [LockKey: SubmissionStatus]
    {
        guard !unitIDs.isEmpty, !periods.isEmpty else { return [:] }
        var result: [LockKey: SubmissionStatus] = [:]
        for row in try await db.raw(
            """
            SELECT unit_id, period, status FROM submissions
            WHERE unit_id IN (\(binds: Array(unitIDs))) AND period IN (\(binds: Array(periods)))
            AND status IN (\(binds: [SubmissionStatus.submitted.rawValue, SubmissionStatus.approved.rawValue]))
            """
        ).all() {
            let key = LockKey(
                unitID: try row.decode(column: "unit_id", as: Int.self),
                period: try row.decode(column: "period", as: String.self))
            result[key] = SubmissionStatus(rawValue: try row.decode(column: "status", as: String.self))
        }
        return result
    }

    public struct LockKey: Hashable, Sendable {
        public var unitID: Int
        public var period: String
    }

    /// Takes `step` for the unit and period if the cycle allows it, recording the event. Run it inside the
    /// transaction that writes the figures, so a refused step writes nothing.
    @discardableResult
    public static func take(
        _ step: SubmissionStep, unitID: Int, period: Period, reason: String?, by user: String,
        _ db: any SQLDatabase
    ) async throws -> SubmissionStatus {
        let current = try await submission(unitID: unitID, period: period, db)
        let next = try SubmissionFlow.next(from: current.status, step, reason: reason).get()
        if next == current.status && step == .saveDraft { return next }
        let now = Timestamp.now()
        let kept = step == .returnForChanges ? reason : nil
        if current.status == .notStarted {
            try await db.raw(
                """
                INSERT INTO submissions (unit_id, period, status, reason, updated_by, updated_at)
                VALUES (\(bind: unitID), \(bind: period.code), \(bind: next.rawValue), \(bind: kept), \(bind: user), \(bind: now))
                """
            ).run()
        } else {
            try await db.raw(
                """
                UPDATE submissions SET status = \(bind: next.rawValue), reason = \(bind: kept), updated_by = \(bind: user),
                updated_at = \(bind: now) WHERE unit_id = \(bind: unitID) AND period = \(bind: period.code)
                """
            ).run()
        }
        try await db.raw(
            """
            INSERT INTO submission_events (unit_id, period, from_status, to_status, reason, by, at)
            VALUES (\(bind: unitID), \(bind: period.code), \(bind: current.status.rawValue), \(bind: next.rawValue),
            \(bind: reason), \(bind: user), \(bind: now))
            """
        ).run()
        return next
    }

    /// Steps taken, oldest first.
    public static func events(unitID: Int, period: Period, _ db: any SQLDatabase) async throws -> [SubmissionEvent] {
        try await db.raw(
            """
            SELECT from_status, to_status, reason, by, at FROM submission_events
            WHERE unit_id = \(bind: unitID) AND period = \(bind: period.code) ORDER BY id
            """
        ).all().map {
            SubmissionEvent(
                from: SubmissionStatus(rawValue: try $0.decode(column: "from_status", as: String.self)) ?? .draft,
                to: SubmissionStatus(rawValue: try $0.decode(column: "to_status", as: String.self)) ?? .draft,
                reason: try $0.decode(column: "reason", as: String?.self),
                by: try $0.decode(column: "by", as: String.self), at: try $0.decode(column: "at", as: String.self))
        }
    }
}
