import BaoCaoDomain
import SQLKit

/// The register feeds the figures: for a locality and the periods around the days that changed, the counts of
/// `RegisterCounts` are written as the working values of the indicators the rules table maps them to, through the
/// same writer as any figure (history, versions, live sums up the hierarchy). They become official the way any
/// figure does: approved with the owner office's submission (or adopted by an administrator's load).
public enum RegisterFigures {
    public static let writer = "so-tiep-cong-dan"

    /// The periods a day's records count in: its month and quarter, the first six and nine months when it falls in
    /// them, and its year.
    public static func periods(containing day: CivilDate) -> [Period] {
        var periods: [Period] = [
            .month(day.year, day.month), Period(year: day.year, kind: .quarter((day.month + 2) / 3)),
        ]
        if day.month <= 6 { periods.append(.firstMonths(day.year, 6)) }
        if day.month <= 9 { periods.append(.firstMonths(day.year, 9)) }
        periods.append(.year(day.year))
        return periods
    }

    /// Rewrites the register's figures of `localityID` for `periods`; returns how many values changed. With `adopt`,
    /// they become official at once (the demo's load, like an administrator's import).
    @discardableResult
    public static func refresh(
        localityID: Int, periods: Set<Period>, rules: RegisterIndicators, adopt: Bool = false, _ db: any SQLDatabase
    ) async throws -> Int {
        guard let first = periods.map(\.firstDay).min(), let last = periods.map(\.lastDay).max() else { return 0 }
        let catalogue = try await IndicatorRepository.catalogue(db)
        let targets = rules.codes.compactMap { measure, code in catalogue.idByCode[code].map { (measure, $0) } }
        guard !targets.isEmpty else { return 0 }
        let sessions = try await ReceptionRepository.list(localityID: localityID, from: first, to: last, db).map {
            RegisterCounts.Session(
                day: $0.heldOn, visits: $0.visits.map { .init(persons: $0.persons, caseKey: String($0.caseID)) })
        }
        let letters = try await LetterRepository.list(localityID: localityID, from: first, to: last, db).map {
            RegisterCounts.Letter(receivedOn: $0.receivedOn, caseKey: String($0.caseID), closedOn: $0.closedOn)
        }
        let communeLevel = try await OfficialValues.isCommuneLevel(localityID, db)
        var changed = 0
        for period in periods.sorted(by: { $0.code < $1.code }) {
            let counts = RegisterCounts.of(
                sessions: sessions, letters: letters, from: period.firstDay, to: period.lastDay)
            for (measure, indicatorID) in targets {
                let key = ValueWriter.Key(indicatorID: indicatorID, unitID: localityID, period: period)
                let wrote = try await ValueWriter.save(
                    key, Observation(value: Amount(measure.value(counts)), status: .final),
                    note: "Tính từ sổ tiếp công dân, theo dõi đơn", by: writer, communeLevel: communeLevel, db)
                if wrote { changed += 1 }
            }
            if adopt {
                try await OfficialValues.adopt(
                    unitID: localityID, period: period, indicatorIDs: Set(targets.map(\.1)), db)
            }
        }
        return changed
    }
}
