import BaoCaoDomain
import SQLKit

/// The approver's steps on a unit's figures for a period. Approving makes the figures official: the official view's
/// values of every indicator on the unit's form become what the working ones are, in the same transaction as the
/// step. Returning or reopening leaves the official view at what was last approved.
public enum FigureReview {
    @discardableResult
    public static func take(
        _ step: SubmissionStep, formUnit: StoredUnit, period: Period, reason: String?, by user: String,
        tree: UnitTree, catalogue known: Catalogue? = nil, _ db: any SQLDatabase
    ) async throws -> SubmissionStatus {
        guard step == .approve else {
            return try await SubmissionRepository.take(
                step, unitID: formUnit.id, period: period, reason: reason, by: user, db)
        }
        let catalogue: Catalogue
        if let known { catalogue = known } else { catalogue = try await IndicatorRepository.catalogue(db) }
        let ids = ReportingForms.indicators(for: formUnit, catalogue).compactMap { catalogue.idByCode[$0.code] }
        let valueUnit = tree.valueUnit(for: formUnit)
        let allowed = try await LocalitySettings.value(
            SeparationOfDuties.setting, ancestry: tree.ancestry(of: formUnit.id), db)
        let events = try await SubmissionRepository.events(unitID: formUnit.id, period: period, db)
        let since = events.last { $0.to == .approved }?.at
        if let refusal = SeparationOfDuties.refusal(
            approver: user, submitter: events.last { $0.to == .submitted }?.by,
            editors: try await editors(unitID: valueUnit.id, period: period, indicatorIDs: ids, since: since, db),
            selfApprovalAllowed: allowed == SeparationOfDuties.allowed)
        {
            throw refusal
        }
        let status = try await SubmissionRepository.take(
            step, unitID: formUnit.id, period: period, reason: reason, by: user, db)
        try await OfficialValues.adopt(unitID: valueUnit.id, period: period, indicatorIDs: Set(ids), db)
        return status
    }

    /// Who changed the unit's values of `indicatorIDs` for the period since `since` (the last approval; ever, when
    /// nil), deletions included, and who last set a value still waiting for approval.
    static func editors(
        unitID: Int, period: Period, indicatorIDs: [Int], since: String?, _ db: any SQLDatabase
    ) async throws -> Set<String> {
        guard !indicatorIDs.isEmpty else { return [] }
        let changed = try await db.raw(
            """
            SELECT DISTINCT changed_by AS who FROM value_history WHERE unit_id = \(bind: unitID)
            AND period = \(bind: period.code) AND indicator_id IN (\(binds: indicatorIDs))
            AND changed_at >= \(bind: since ?? "")
            UNION SELECT DISTINCT updated_by AS who FROM data_values WHERE unit_id = \(bind: unitID)
            AND period = \(bind: period.code) AND indicator_id IN (\(binds: indicatorIDs)) AND approved = \(bind: false)
            """
        ).all()
        return Set(try changed.map { try $0.decode(column: "who", as: String.self) })
    }
}
