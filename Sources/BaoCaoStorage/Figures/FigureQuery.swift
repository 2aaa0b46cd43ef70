import BaoCaoDomain
import SQLKit

/// Every indicator's figure for one unit and period, with the comparisons, in report order.
///
/// Three indexed lookups fetch the unit's own values, the live sums of the communes below it and its current
/// targets, for the period, the same period last year and the period before; `FigureAssembler` does the rest.
/// No scan of the values table, whatever its size.
public enum FigureQuery {
    public static func figures(
        unitID: Int, period: Period, catalogue: Catalogue,
        _ db: any SQLDatabase
    ) async throws -> [Figure] {
        let codes = Array(FigureSources.periodCodes(for: period)).sorted()
        var sources = FigureSources()

        let own = try await db.raw(
            """
            SELECT indicator_id, period, amount, status, qualifier FROM data_values
            WHERE unit_id = \(bind: unitID) AND period IN (\(binds: codes))
            """
        ).all()
        for row in own {
            guard let code = catalogue.codeByID[try row.decode(column: "indicator_id", as: Int.self)] else { continue }
            let observation = Observation(
                value: Amount(scaled: try row.decode(column: "amount", as: Int64.self)),
                status: ValueStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .final,
                qualifier: (try row.decode(column: "qualifier", as: String?.self)).flatMap(Qualifier.init(rawValue:)))
            sources.own[code, default: [:]][try row.decode(column: "period", as: String.self)] = observation
        }

        let sums = try await db.raw(
            """
            SELECT indicator_id, period, total, contributors, estimates FROM rollups
            WHERE unit_id = \(bind: unitID) AND period IN (\(binds: codes))
            """
        ).all()
        for row in sums {
            guard let code = catalogue.codeByID[try row.decode(column: "indicator_id", as: Int.self)] else { continue }
            let sum = RolledUp(
                total: Amount(scaled: try row.decode(column: "total", as: Int64.self)),
                contributors: try row.decode(column: "contributors", as: Int.self),
                estimates: try row.decode(column: "estimates", as: Int.self))
            sources.rolledUp[code, default: [:]][try row.decode(column: "period", as: String.self)] = sum
        }

        for target in try await TargetRepository.current(unitID: unitID, years: [period.year], db) {
            guard let code = catalogue.codeByID[target.indicatorID] else { continue }
            sources.targets[code, default: [:]][target.year] = TargetValue(value: target.value, kind: target.kind)
        }
        return FigureAssembler.figures(for: catalogue.indicators, period: period, sources: sources)
    }

    /// Sums of every indicator over the values below `unitID` for `periods`, by scanning the values table: what the
    /// live sums save. Only the benchmark calls it, as the comparison.
    public static func sumsByScanning(
        below unitID: Int, periods: [Period], _ db: any SQLDatabase
    ) async throws
        -> [Int: Amount]
    {
        var sums: [Int: Amount] = [:]
        for row in try await db.raw(
            """
            SELECT v.indicator_id, CAST(SUM(v.amount) AS BIGINT) AS total FROM data_values v JOIN unit_ancestors a ON a.unit_id = v.unit_id
            WHERE a.ancestor_id = \(bind: unitID) AND v.period IN (\(binds: periods.map(\.code)))
            GROUP BY v.indicator_id
            """
        ).all() {
            sums[try row.decode(column: "indicator_id", as: Int.self)] = Amount(
                scaled: try row.decode(column: "total", as: Int64.self))
        }
        return sums
    }
}
