import BaoCaoDomain
import BaoCaoExchange
import Foundation
import SQLKit

/// The indicator catalogue and the fields it is grouped by.
public struct Catalogue: Sendable {
    public let fields: [Field]
    /// In report order: by field position, then indicator position.
    public let indicators: [Indicator]
    public let idByCode: [String: Int]
    public let codeByID: [Int: String]

    let byCode: [String: Indicator]

    init(fields: [Field], indicators: [Indicator], idByCode: [String: Int]) {
        self.fields = fields
        self.indicators = indicators
        self.idByCode = idByCode
        self.codeByID = Dictionary(uniqueKeysWithValues: idByCode.map { ($1, $0) })
        self.byCode = Dictionary(uniqueKeysWithValues: indicators.map { ($0.code, $0) })
    }

    public func indicator(code: String) -> Indicator? { byCode[code] }

    /// How each of `indicators` adds up over time, by indicator id: what `CoverageQuery.detail` needs to tell who
    /// reported a period from its parts.
    public func timeAggregations(of indicators: [Indicator]) -> [Int: TimeAggregation] {
        Dictionary(
            indicators.compactMap { i in idByCode[i.code].map { ($0, i.timeAggregation) } },
            uniquingKeysWith: { a, _ in a })
    }

    /// The catalogue cut down to `codes` and every indicator their formulas read (transitively): what one figure
    /// needs, so that a page about one indicator over many units does not compute every indicator for each.
    public func restricted(to codes: Set<String>) -> Catalogue {
        var needed = Set<String>()
        var queue = Array(codes)
        while let code = queue.popLast() {
            guard needed.insert(code).inserted, let indicator = byCode[code] else { continue }
            if let source = indicator.formula, let formula = try? Formula(source) {
                queue.append(contentsOf: formula.references)
            }
        }
        return Catalogue(
            fields: fields, indicators: indicators.filter { needed.contains($0.code) },
            idByCode: idByCode.filter { needed.contains($0.key) })
    }
}

public enum IndicatorRepository {
    public static func catalogue(_ db: any SQLDatabase) async throws -> Catalogue {
        let fieldRows = try await db.raw("SELECT code, name, position FROM fields ORDER BY position, code").all()
        let fields = try fieldRows.map {
            Field(
                code: try $0.decode(column: "code", as: String.self),
                name: try $0.decode(column: "name", as: String.self),
                position: try $0.decode(column: "position", as: Int.self))
        }
        let rows = try await db.raw(
            """
            SELECT id, code, name, unit_of_measure, field, owner_office, unit_aggregation, time_aggregation,
            value_decimals, target_decimals, change_decimals, change_style, formula, phrasing, position, reported_by,
            better_when, allow_negative, warn_change_percent, warn_target_percent, definition, source FROM indicators
            """
        ).all()
        var ids: [String: Int] = [:]
        var indicators: [Indicator] = []
        let decoder = JSONDecoder()
        for row in rows {
            let code = try row.decode(column: "code", as: String.self)
            ids[code] = try row.decode(column: "id", as: Int.self)
            let phrasingJSON = try row.decode(column: "phrasing", as: String.self)
            indicators.append(
                Indicator(
                    code: code, name: try row.decode(column: "name", as: String.self),
                    unitOfMeasure: try row.decode(column: "unit_of_measure", as: String.self),
                    field: try row.decode(column: "field", as: String.self),
                    ownerOffice: try row.decode(column: "owner_office", as: String?.self),
                    unitAggregation: UnitAggregation(
                        rawValue: try row.decode(column: "unit_aggregation", as: String.self)) ?? .sum,
                    timeAggregation: TimeAggregation(
                        rawValue: try row.decode(column: "time_aggregation", as: String.self)) ?? .flow,
                    valueDecimals: try row.decode(column: "value_decimals", as: Int.self),
                    targetDecimals: try row.decode(column: "target_decimals", as: Int.self),
                    changeDecimals: try row.decode(column: "change_decimals", as: Int.self),
                    changeStyle: ChangeStyle(rawValue: try row.decode(column: "change_style", as: String.self))
                        ?? .percent,
                    formula: try row.decode(column: "formula", as: String?.self),
                    phrasing: (try? decoder.decode(Phrasing.self, from: Data(phrasingJSON.utf8))) ?? Phrasing(),
                    position: try row.decode(column: "position", as: Int.self),
                    reportedBy: ReportingLevel(rawValue: try row.decode(column: "reported_by", as: String.self))
                        ?? .office,
                    betterWhen: BetterWhen(rawValue: try row.decode(column: "better_when", as: String.self)) ?? .higher,
                    checks: CheckBounds(
                        allowsNegative: try row.decode(column: "allow_negative", as: Bool.self),
                        changePercent: try row.decode(column: "warn_change_percent", as: Int.self),
                        targetPercent: try row.decode(column: "warn_target_percent", as: Int.self)),
                    definition: try row.decode(column: "definition", as: String?.self),
                    source: try row.decode(column: "source", as: String?.self))
            )
        }
        let fieldPosition = Dictionary(uniqueKeysWithValues: fields.map { ($0.code, $0.position) })
        indicators.sort {
            (fieldPosition[$0.field] ?? Int.max, $0.position, $0.code) < (
                fieldPosition[$1.field] ?? Int.max, $1.position, $1.code
            )
        }
        return Catalogue(fields: fields, indicators: indicators, idByCode: ids)
    }

    static func save(fields: [FieldRecord], _ db: any SQLDatabase) async throws {
        if !fields.isEmpty { try await ReferenceData.changed(db) }
        for record in fields {
            let f = record.field
            try await db.raw(
                """
                INSERT INTO fields (code, name, position) VALUES (\(bind: f.code), \(bind: f.name), \(bind: f.position))
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position
                """
            ).run()
        }
    }

    static func save(indicators: [IndicatorRecord], _ db: any SQLDatabase) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if !indicators.isEmpty { try await ReferenceData.changed(db) }
        for record in indicators {
            let i = record.indicator
            let phrasing = String(decoding: try encoder.encode(i.phrasing), as: UTF8.self)
            try await db.raw(
                """
                INSERT INTO indicators (code, name, unit_of_measure, field, owner_office, unit_aggregation,
                time_aggregation, value_decimals, target_decimals, change_decimals, change_style, formula, phrasing, position,
                reported_by, better_when, allow_negative, warn_change_percent, warn_target_percent, definition, source)
                VALUES (\(bind: i.code), \(bind: i.name), \(bind: i.unitOfMeasure), \(bind: i.field), \(bind: i.ownerOffice),
                \(bind: i.unitAggregation.rawValue), \(bind: i.timeAggregation.rawValue), \(bind: i.valueDecimals),
                \(bind: i.targetDecimals), \(bind: i.changeDecimals), \(bind: i.changeStyle.rawValue), \(bind: i.formula),
                \(bind: phrasing), \(bind: i.position), \(bind: i.reportedBy.rawValue), \(bind: i.betterWhen.rawValue),
                \(bind: i.checks.allowsNegative), \(bind: i.checks.changePercent), \(bind: i.checks.targetPercent),
                \(bind: i.definition), \(bind: i.source))
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, unit_of_measure = excluded.unit_of_measure,
                field = excluded.field, owner_office = excluded.owner_office, unit_aggregation = excluded.unit_aggregation,
                time_aggregation = excluded.time_aggregation, value_decimals = excluded.value_decimals,
                target_decimals = excluded.target_decimals, change_decimals = excluded.change_decimals,
                change_style = excluded.change_style, formula = excluded.formula, phrasing = excluded.phrasing,
                position = excluded.position, reported_by = excluded.reported_by,
                better_when = excluded.better_when, allow_negative = excluded.allow_negative,
                warn_change_percent = excluded.warn_change_percent, warn_target_percent = excluded.warn_target_percent,
                definition = excluded.definition, source = excluded.source
                """
            ).run()
        }
    }
}
