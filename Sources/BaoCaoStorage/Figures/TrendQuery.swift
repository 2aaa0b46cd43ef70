import BaoCaoDomain
import SQLKit

/// A unit's figure of one indicator over the same period of recent years (`Trend`): its own figure where it has
/// one; for a period before it was formed (or before it took other units in), the figure rebuilt from the units it
/// came from; and in each period the sub-units then in force, so a change of composition shows.
public enum TrendQuery {
    /// `periods` are the same period of consecutive years, oldest first.
    public static func trend(
        of code: String, unit: StoredUnit, periods: [Period], tree: UnitTree, catalogue: Catalogue,
        view: FigureView, _ db: any SQLDatabase
    ) async throws -> Trend {
        let needed = catalogue.restricted(to: [code])
        func figure(_ period: Period) async throws -> Figure? {
            try await FigureQuery.figures(unitID: unit.id, period: period, catalogue: needed, view: view, db)
                .first { $0.indicator.code == code }
        }
        // Who a sum holds matters only for a figure the communes report; an office's own figure is the unit's.
        let sums = catalogue.indicator(code: code)?.reportedBy == .commune
        var figures: [Figure?] = []
        for period in periods { figures.append(try await figure(period)) }
        var points: [Trend.Point] = []
        for (i, period) in periods.enumerated() {
            let members =
                sums
                ? tree.children(of: unit.id, during: period).filter { !$0.kind.isOffice }
                    .map { Trend.Member(id: $0.id, name: $0.nameInSentence) } : []
            var point = Trend.Point(period: period, value: figures[i]?.current?.value, members: members)
            // The year after compares with this period rebuilt the way a comparison rebuilds it (which assembles
            // derived indicators from their rebuilt parts too): for a unit formed since, or one that took others in.
            let after: Figure?
            if i + 1 < periods.count, periods[i + 1] == Period(year: period.year + 1, kind: period.kind) {
                after = figures[i + 1]
            } else if point.value == nil, unit.validFrom > CoverageQuery.bounds(period).0 {
                after = try await figure(Period(year: period.year + 1, kind: period.kind))
            } else {
                after = nil
            }
            if let rebuilt = after?.lastYearRebuilt, let value = after?.lastYear?.value,
                point.value == nil || rebuilt.continuing != nil
            {
                point.value = value
                point.rebuiltFrom = rebuilt
            }
            points.append(point)
        }
        return Trend(unitName: unit.nameInSentence, points: points)
    }
}
