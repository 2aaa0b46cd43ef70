import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Which stored figures an export to another system takes (DHIS2, SDMX): units by code (their descendants too with
/// `children`), periods, one view; nil is all. Read in a stable order: units as stored, indicators in catalogue
/// order, periods by code.
public struct FigureSelection: Sendable {
    public var units: [String]?
    public var children = false
    public var periods: Set<Period>?
    public var view = FigureView.official

    public init(
        units: [String]? = nil, children: Bool = false, periods: Set<Period>? = nil, view: FigureView = .official
    ) {
        self.units = units; self.children = children; self.periods = periods; self.view = view
    }

    /// A unit code the selection names that is not a unit.
    public struct UnknownUnit: Error, CustomStringConvertible {
        public let code: String
        public var description: String { "Không có đơn vị \"\(code)\"" }
    }

    /// One stored figure with who saved it last, and when.
    public struct Selected: Sendable {
        public var record: ValueRecord
        public var updatedBy: String?
        public var updatedAt: String?
    }

    public func read(_ db: any SQLDatabase) async throws -> [Selected] {
        let catalogue = try await IndicatorRepository.catalogue(db)
        let tree = try await UnitTree.load(db)
        var unitIDs: Set<Int>?
        if let codes = units {
            var ids = Set<Int>()
            for code in codes {
                let matching = tree.units.filter { $0.code == code }
                guard !matching.isEmpty else { throw UnknownUnit(code: code) }
                for unit in matching {
                    ids.insert(unit.id)
                    if children { ids.formUnion(tree.descendants(of: unit.id).map(\.id)) }
                }
            }
            unitIDs = ids
        }
        let rank = Dictionary(uniqueKeysWithValues: catalogue.indicators.enumerated().map { ($1.code, $0) })
        let unitRank = Dictionary(tree.units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: min)
        let rows = try await db.raw(
            "SELECT \(unsafeRaw: ValueLayer.columns) FROM \(ValueLayer(view).values) v"
        ).all()
        var found: [(unitID: Int, rank: Int, selected: Selected)] = []
        for row in rows {
            let unitID = try row.decode(column: "unit_id", as: Int.self)
            guard unitIDs?.contains(unitID) ?? true, let unit = tree.byID[unitID],
                let indicator = catalogue.codeByID[try row.decode(column: "indicator_id", as: Int.self)],
                let period = try? Period(code: try row.decode(column: "period", as: String.self)),
                periods?.contains(period) ?? true
            else { continue }
            let observation = Observation(
                value: Amount(scaled: try row.decode(column: "amount", as: Int64.self)),
                status: ValueStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .final,
                qualifier: (try row.decode(column: "qualifier", as: String?.self)).flatMap(Qualifier.init(rawValue:)))
            let record = ValueRecord(
                indicator: indicator, unit: unit.code, period: period, observation: observation,
                note: try row.decode(column: "note", as: String?.self))
            found.append(
                (
                    unitID, rank[indicator] ?? Int.max,
                    Selected(
                        record: record, updatedBy: try row.decode(column: "updated_by", as: String?.self),
                        updatedAt: try row.decode(column: "updated_at", as: String?.self))
                ))
        }
        found.sort {
            (unitRank[$0.unitID] ?? Int.max, $0.rank, $0.selected.record.period.code)
                < (unitRank[$1.unitID] ?? Int.max, $1.rank, $1.selected.record.period.code)
        }
        return found.map(\.selected)
    }
}
