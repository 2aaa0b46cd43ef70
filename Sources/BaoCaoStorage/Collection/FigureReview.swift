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
        let status = try await SubmissionRepository.take(
            step, unitID: formUnit.id, period: period, reason: reason, by: user, db)
        if step == .approve {
            var catalogue = known
            if catalogue == nil { catalogue = try await IndicatorRepository.catalogue(db) }
            guard let catalogue else { return status }
            let ids = ReportingForms.indicators(for: formUnit, catalogue).compactMap { catalogue.idByCode[$0.code] }
            try await OfficialValues.adopt(
                unitID: tree.valueUnit(for: formUnit).id, period: period, indicatorIDs: Set(ids), db)
        }
        return status
    }
}
