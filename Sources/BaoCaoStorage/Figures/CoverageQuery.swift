import BaoCaoDomain
import SQLKit

/// Which commune-level units are expected to report in a period below a unit (those in force at any time during
/// it), and which of them did report an indicator: the counts every sum carries, and the names a compiler chases.
public enum CoverageQuery {
    static let communeKinds = UnitKind.allCases.filter(\.isCommuneLevel).map(\.rawValue)

    /// The units expected in each period, by period code: one grouped query over the units below.
    static func expected(
        below unitID: Int, periods codes: [String], _ db: any SQLDatabase
    ) async throws
        -> [String: ExpectedUnits]
    {
        struct Group { var kind: UnitKind; var from: String; var to: String?; var count: Int }
        let groups = try await db.raw(
            """
            SELECT u.kind, u.valid_from, u.valid_to, COUNT(*) AS n FROM unit_ancestors a JOIN units u ON u.id = a.unit_id
            WHERE a.ancestor_id = \(bind: unitID) AND a.depth > 0 AND u.kind IN (\(binds: communeKinds))
            GROUP BY u.kind, u.valid_from, u.valid_to
            """
        ).all().map {
            Group(
                kind: UnitKind(rawValue: try $0.decode(column: "kind", as: String.self)) ?? .commune,
                from: try $0.decode(column: "valid_from", as: String.self),
                to: try $0.decode(column: "valid_to", as: String?.self), count: try $0.decode(column: "n", as: Int.self)
            )
        }
        var result: [String: ExpectedUnits] = [:]
        for code in codes {
            guard let period = try? Period(code: code) else { continue }
            let (start, end) = bounds(period)
            let inForce = groups.filter { $0.from <= end && ($0.to ?? "9999") >= start }
            result[code] = ExpectedUnits(
                count: inForce.reduce(0) { $0 + $1.count }, unitWord: Coverage.unitWord(for: Set(inForce.map(\.kind))))
        }
        return result
    }

    /// The first and last day of a period, as ISO dates.
    static func bounds(_ period: Period) -> (String, String) {
        let start = CivilDate(period.year, period.firstMonth, 1)
        let end = CivilDate(
            period.year, period.lastMonth, CivilDate.daysIn(month: period.lastMonth, year: period.year))
        return (start.description, end.description)
    }

    /// Who reported what: for each indicator, the units below `unitID` expected in `period`, those that reported it
    /// (a value for exactly that period, in the view) and those that did not, by name.
    public struct Detail: Sendable {
        public var expected: [StoredUnit]
        /// By indicator id.
        public var reported: [Int: Set<Int>]

        public func missing(_ indicatorID: Int) -> [StoredUnit] {
            let done = reported[indicatorID] ?? []
            return expected.filter { !done.contains($0.id) }
        }
    }

    /// Which communes below `unit` reported each of `indicators` (by id, with how it adds up over time) for
    /// `period`: a value for the period itself, or values of its parts that make it (all six months of a half year,
    /// or its two quarters; for a stock, the value at its last month), as the live sums count them.
    public static func detail(
        below unit: StoredUnit, period: Period, view: FigureView, tree: UnitTree,
        indicators: [Int: TimeAggregation], _ db: any SQLDatabase
    ) async throws -> Detail {
        let (start, end) = bounds(period)
        let expected = tree.descendants(of: unit.id).filter {
            $0.kind.isCommuneLevel && $0.isInForce(from: start, to: end)
        }
        guard !indicators.isEmpty else { return Detail(expected: expected, reported: [:]) }
        let periods = Dictionary(([period] + period.parts).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var held: [Int: [Int: Set<Period>]] = [:]
        // The indicator ids in the query let the primary key (unit, indicator, period) find each row directly.
        for row in try await db.raw(
            """
            SELECT v.indicator_id, v.unit_id, v.period FROM \(ValueLayer(view).values) v
            JOIN unit_ancestors a ON a.unit_id = v.unit_id AND a.ancestor_id = \(bind: unit.id) AND a.depth > 0
            WHERE v.indicator_id IN (\(binds: indicators.keys.sorted())) AND v.period IN (\(binds: periods.keys.sorted()))
            """
        ).all() {
            guard let p = periods[try row.decode(column: "period", as: String.self)] else { continue }
            held[try row.decode(column: "indicator_id", as: Int.self), default: [:]][
                try row.decode(column: "unit_id", as: Int.self), default: []
            ].insert(p)
        }
        var reported: [Int: Set<Int>] = [:]
        for (indicatorID, units) in held {
            let rule = indicators[indicatorID] ?? .flow
            reported[indicatorID] = Set(
                units.compactMap { unitID, have in
                    let made =
                        have.contains(period)
                        || (rule == .stock
                            ? PeriodCombination.stockSource(period, from: have) != nil
                            : rule != .none && PeriodCombination.cover(period, from: have) != nil)
                    return made ? unitID : nil
                })
        }
        return Detail(expected: expected, reported: reported)
    }
}
