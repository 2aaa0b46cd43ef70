import BaoCaoDomain
import SQLKit

/// Every indicator's figure for one unit and period in one view, with the comparisons, in report order.
///
/// Indexed lookups fetch the unit's own values, the live sums of the communes below it (the working sum, or the
/// official one made from it; with how many contributed and, in the working view, how many are not approved), how
/// many communes were expected to report, and its current targets, for the period, the same period last year, the period before, and every part they can be built from;
/// an incomplete sum also gets the sums over the communes that reported both periods. `FigureAssembler` does the
/// rest. No scan of the values table, whatever its size, unless a sum is incomplete.
public enum FigureQuery {
    public static func figures(
        unitID: Int, period: Period, catalogue: Catalogue, view: FigureView,
        _ db: any SQLDatabase
    ) async throws -> [Figure] {
        let sources = try await sources(unitID: unitID, period: period, catalogue: catalogue, view: view, db)
        return FigureAssembler.figures(for: catalogue.indicators, period: period, sources: sources)
    }

    /// The figures of many units (a province's communes), read together: the same few queries for all of them
    /// rather than for each one, by unit id.
    public static func figures(
        unitIDs: [Int], period: Period, catalogue: Catalogue, view: FigureView, _ db: any SQLDatabase
    ) async throws -> [Int: [Figure]] {
        try await sources(unitIDs: unitIDs, period: period, catalogue: catalogue, view: view, db).mapValues {
            FigureAssembler.figures(for: catalogue.indicators, period: period, sources: $0)
        }
    }

    static func sources(
        unitID: Int, period: Period, catalogue: Catalogue, view: FigureView, _ db: any SQLDatabase
    ) async throws -> FigureSources {
        try await sources(unitIDs: [unitID], period: period, catalogue: catalogue, view: view, db)[unitID]
            ?? FigureSources()
    }

    /// Units asked for in one query at most: well under the bound parameters either database allows.
    static let unitsPerQuery = 500

    static func sources(
        unitIDs: [Int], period: Period, catalogue: Catalogue, view: FigureView, perQuery: Int = unitsPerQuery,
        rebuilding: Bool = true, _ db: any SQLDatabase
    ) async throws -> [Int: FigureSources] {
        let layer = ValueLayer(view)
        let codes = Array(FigureSources.periodCodes(for: period)).sorted()
        var result = Dictionary(uniqueKeysWithValues: unitIDs.map { ($0, FigureSources()) })
        // A cut-down catalogue (one indicator over many units) asks only for its own rows.
        let only: SQLQueryString =
            (1...50).contains(catalogue.indicators.count)
            ? " AND indicator_id IN (\(binds: catalogue.indicators.compactMap { catalogue.idByCode[$0.code] }))" : ""
        for start in stride(from: 0, to: unitIDs.count, by: perQuery) {
            let ids = Array(unitIDs[start..<min(start + perQuery, unitIDs.count)])
            for (key, observation) in try await ownRows(layer, ids, codes, only, db) {
                guard let code = catalogue.codeByID[key.indicatorID] else { continue }
                result[key.unitID]?.own[code, default: [:]][key.period] = observation
            }
            for row in try await db.raw(
                """
                SELECT unit_id, indicator_id, period, \(unsafeRaw: RollupTable.columns(view).joined(separator: ", "))
                FROM rollups WHERE unit_id IN (\(binds: ids)) AND period IN (\(binds: codes))\(only)
                """
            ).all() {
                guard let code = catalogue.codeByID[try row.decode(column: "indicator_id", as: Int.self)],
                    let sum = try RollupTable.rolledUp(row, view)
                else { continue }
                let unitID = try row.decode(column: "unit_id", as: Int.self)
                result[unitID]?.rolledUp[code, default: [:]][try row.decode(column: "period", as: String.self)] = sum
            }
            for target in try await TargetRepository.current(unitIDs: ids, years: [period.year], db) {
                guard let code = catalogue.codeByID[target.indicatorID] else { continue }
                result[target.unitID]?.targets[code, default: [:]][target.year] = TargetValue(
                    value: target.value, kind: target.kind)
            }
        }
        // Units with communes below them: how many were expected, and the sums of those that reported both periods.
        for unitID in unitIDs where !(result[unitID]?.rolledUp.isEmpty ?? true) {
            guard var sources = result[unitID] else { continue }
            sources.expected = try await CoverageQuery.expected(below: unitID, periods: codes, db)
            sources.matched = try await matched(unitID, period, sources, catalogue, view, db)
            result[unitID] = sources
        }
        // Units reorganised since last year's period began: those formed since get it rebuilt from their
        // predecessors (whose own figures are read as they are, without rebuilding theirs in turn); those formed
        // within it get their predecessors' months before, joined to their own after; those that continued and took
        // others in get what they took in, added to their own. `FigureAssembler` decides indicator by indicator.
        if rebuilding && !unitIDs.isEmpty {
            for (unitID, rebuilt) in try await BaselineQuery.lastYear(
                unitIDs: unitIDs, period: period, catalogue: catalogue, view: view, db)
            {
                result[unitID]?.rebuiltLastYear = rebuilt
            }
        }
        return result
    }

    struct OwnKey: Hashable { var unitID: Int; var indicatorID: Int; var period: String }

    /// The units' own values for the periods, as observations (a working value not yet approved is a draft): only
    /// the columns a figure needs.
    static func ownRows(
        _ layer: ValueLayer, _ unitIDs: [Int], _ codes: [String], _ only: SQLQueryString, _ db: any SQLDatabase
    ) async throws
        -> [OwnKey: Observation]
    {
        var result: [OwnKey: Observation] = [:]
        let working = layer == .working
        for row in try await db.raw(
            """
            SELECT unit_id, indicator_id, period, amount, status, qualifier\(unsafeRaw: working ? ", approved" : "")
            FROM \(layer.values) v WHERE unit_id IN (\(binds: unitIDs)) AND period IN (\(binds: codes))\(only)
            """
        ).all() {
            let key = OwnKey(
                unitID: try row.decode(column: "unit_id", as: Int.self),
                indicatorID: try row.decode(column: "indicator_id", as: Int.self),
                period: try row.decode(column: "period", as: String.self))
            let approved = working ? try row.decode(column: "approved", as: Bool.self) : true
            result[key] = Observation(
                value: Amount(scaled: try row.decode(column: "amount", as: Int64.self)),
                status: ValueStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .final,
                qualifier: try row.decode(column: "qualifier", as: String?.self).flatMap(Qualifier.init(rawValue:)),
                isDraft: !approved)
        }
        return result
    }

    /// For sums that are not complete in the period or in a period it is compared with (and that the unit has no own
    /// value for), the sums over the communes that reported both.
    static func matched(
        _ unitID: Int, _ period: Period, _ sources: FigureSources, _ catalogue: Catalogue, _ view: FigureView,
        _ db: any SQLDatabase
    ) async throws -> [String: [String: MatchedSums]] {
        let layer = ValueLayer(view)
        var result: [String: [String: MatchedSums]] = [:]
        let earlierPeriods = [period.sameTimeLastYear] + (period.previous.map { [$0] } ?? [])
        for earlier in earlierPeriods {
            let ids = sources.rolledUp.compactMap { code, sums -> Int? in
                guard let now = sums[period.code], let then = sums[earlier.code],
                    sources.own[code]?[period.code] == nil, sources.own[code]?[earlier.code] == nil
                else { return nil }
                let complete = { (sum: RolledUp, p: Period) in
                    sum.contributors >= (sources.expected[p.code]?.count ?? 0)
                }
                return complete(now, period) && complete(then, earlier) ? nil : catalogue.idByCode[code]
            }
            guard !ids.isEmpty else { continue }
            let rows: [any SQLRow]
            do {
                rows = try await db.raw(
                    """
                    SELECT c.indicator_id, CAST(SUM(c.amount) AS BIGINT) AS now_total,
                    CAST(SUM(p.amount) AS BIGINT) AS then_total, COUNT(*) AS units
                    FROM \(layer.values) c
                    JOIN unit_ancestors a ON a.unit_id = c.unit_id AND a.ancestor_id = \(bind: unitID) AND a.depth > 0
                    JOIN units u ON u.id = c.unit_id AND u.kind IN (\(binds: CoverageQuery.communeKinds))
                    JOIN \(layer.values) p ON p.unit_id = c.unit_id AND p.indicator_id = c.indicator_id
                    AND p.period = \(bind: earlier.code)
                    WHERE c.period = \(bind: period.code) AND c.indicator_id IN (\(binds: ids.sorted()))
                    GROUP BY c.indicator_id
                    """
                ).all()
            } catch  where "\(error)".contains("overflow") || "\(error)".contains("out of range") {
                continue  // a matched sum beyond 64 bits: no comparison
            }
            for row in rows {
                guard let code = catalogue.codeByID[try row.decode(column: "indicator_id", as: Int.self)] else {
                    continue
                }
                result[code, default: [:]][earlier.code] = MatchedSums(
                    current: Amount(scaled: try row.decode(column: "now_total", as: Int64.self)),
                    earlier: Amount(scaled: try row.decode(column: "then_total", as: Int64.self)),
                    units: try row.decode(column: "units", as: Int.self))
            }
            // Communes formed since last year's period began: their last year rebuilt from their predecessors.
            guard earlier == period.sameTimeLastYear else { continue }
            for (code, formed) in try await BaselineQuery.formedSince(
                below: unitID, period: period, indicatorIDs: ids, catalogue: catalogue, view: view, db)
            {
                var m = result[code]?[earlier.code] ?? MatchedSums(current: .zero, earlier: .zero, units: 0)
                guard let current = m.current.adding(formed.current), let then = m.earlier.adding(formed.earlier) else {
                    continue
                }
                m.current = current; m.earlier = then; m.units += formed.units; m.rebuilt += formed.rebuilt
                result[code, default: [:]][earlier.code] = m
            }
        }
        return result
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
