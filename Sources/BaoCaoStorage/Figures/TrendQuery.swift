import BaoCaoDomain
import SQLKit

/// A unit's figure of one indicator over the same period of recent years (`Trend`): its own figure where it has
/// one; for a period before it was formed, the figure rebuilt from its predecessors; and in each period the sub-units
/// then in force, so a change of composition shows.
public enum TrendQuery {
    public static func trend(
        of code: String, unit: StoredUnit, periods: [Period], tree: UnitTree, catalogue: Catalogue,
        view: FigureView, _ db: any SQLDatabase
    ) async throws -> Trend {
        let needed = catalogue.restricted(to: [code])
        func figure(_ period: Period) async throws -> Figure? {
            try await FigureQuery.figures(unitID: unit.id, period: period, catalogue: needed, view: view, db)
                .first { $0.indicator.code == code }
        }
        var points: [Trend.Point] = []
        for period in periods {
            let members = tree.children(of: unit.id, during: period).filter { !$0.kind.isOffice }
                .map { Trend.Member(id: $0.id, name: $0.nameInSentence) }
            var point = Trend.Point(period: period, value: try await figure(period)?.current?.value, members: members)
            // Formed after the period began: the period (or its months before) rebuilt from the predecessors.
            if point.value == nil, unit.validFrom > CoverageQuery.bounds(period).0 {
                // Rebuilt the way a comparison rebuilds it: as the same-period-last-year of the year after, which
                // assembles derived indicators from their rebuilt parts too.
                let after = try await figure(Period(year: period.year + 1, kind: period.kind))
                if let rebuilt = after?.lastYearRebuilt, let value = after?.lastYear?.value {
                    point.value = value
                    point.rebuiltFrom = rebuilt
                }
            }
            points.append(point)
        }
        return Trend(unitName: unit.nameInSentence, points: points)
    }
}
