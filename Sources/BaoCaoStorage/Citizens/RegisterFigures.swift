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
        // Two changes of one register at once on PostgreSQL: the second waits here until the first commits, then
        // counts with it (SQLite writes one transaction at a time).
        if db.dialect.name == "postgresql" {
            try await db.raw("SELECT pg_advisory_xact_lock(\(bind: 13_000_000 + localityID))").run()
        }
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
        var stored: Set<String> = []
        if adopt {
            // What an administrator's load adds, it adds approved in a few statements; what is there already goes
            // through the writer (history) and is adopted.
            for row in try await db.raw(
                "SELECT indicator_id, period FROM data_values WHERE unit_id = \(bind: localityID)"
            ).all() {
                stored.insert(
                    "\(try row.decode(column: "indicator_id", as: Int.self))|\(try row.decode(column: "period", as: String.self))"
                )
            }
        }
        var fresh: [BulkValueLoader.Row] = []
        var changed = 0
        for period in periods.sorted(by: { $0.code < $1.code }) {
            let counts = RegisterCounts.of(
                sessions: sessions, letters: letters, from: period.firstDay, to: period.lastDay)
            var written: Set<Int> = []
            for (measure, indicatorID) in targets {
                let value = Amount(measure.value(counts))
                if adopt && !stored.contains("\(indicatorID)|\(period.code)") {
                    fresh.append(
                        BulkValueLoader.Row(
                            indicatorID: indicatorID, unitID: localityID, period: period.code, amount: value.scaled,
                            estimate: false, note: note))
                    changed += 1
                    continue
                }
                let key = ValueWriter.Key(indicatorID: indicatorID, unitID: localityID, period: period)
                if try await ValueWriter.save(
                    key, Observation(value: value, status: .final), note: note, by: writer,
                    communeLevel: communeLevel, db)
                {
                    changed += 1
                }
                written.insert(indicatorID)
            }
            if adopt && !written.isEmpty {
                try await OfficialValues.adopt(unitID: localityID, period: period, indicatorIDs: written, db)
            }
        }
        try await BulkValueLoader.insert(fresh, by: writer, db)
        return changed
    }

    static let note = "Tính từ sổ tiếp công dân, theo dõi đơn"
}
