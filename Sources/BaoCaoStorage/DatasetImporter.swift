import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Writes a whole `Dataset` in one transaction. Any problem (an unknown indicator, unit or field, a value for a
/// unit not in force during its period...) is collected with its line and column, and then nothing is written.
public enum DatasetImporter {
    public struct Summary: Sendable, Equatable {
        public var fields = 0, units = 0, indicators = 0, targets = 0, values = 0, unchangedValues = 0, calendars = 0
    }

    public static func run(_ dataset: Dataset, by user: String, store: Store) async throws -> Summary {
        try await store.transaction { db in try await write(dataset, by: user, db) }
    }

    static func write(_ dataset: Dataset, by user: String, _ db: any SQLDatabase) async throws -> Summary {
        var problems: [ImportProblem] = []
        var summary = Summary()

        try await IndicatorRepository.save(fields: dataset.fields, db)
        summary.fields = dataset.fields.count

        var knownUnitCodes = Set(try await UnitRepository.all(db).map(\.code))
        for record in dataset.units {
            if let parent = record.parent, !knownUnitCodes.contains(parent) {
                problems.append(record.location.problem("parent", "đơn vị cấp trên \"\(parent)\" không tồn tại"))
            }
            knownUnitCodes.insert(record.code)
        }
        let unitsMoved = try await UnitRepository.save(dataset.units, db)
        summary.units = dataset.units.count

        let fieldCodes = Set(try await IndicatorRepository.catalogue(db).fields.map(\.code))
        var indicatorCodes = Set(try await IndicatorRepository.catalogue(db).indicators.map(\.code))
        indicatorCodes.formUnion(dataset.indicators.map(\.indicator.code))
        for record in dataset.indicators {
            problems += IndicatorChecks.problems(record, fieldCodes: fieldCodes, indicatorCodes: indicatorCodes,
                                                 unitCodes: knownUnitCodes)
        }
        try await IndicatorRepository.save(indicators: dataset.indicators, db)
        summary.indicators = dataset.indicators.count

        let catalogue = try await IndicatorRepository.catalogue(db)
        let units = UnitRepository.currentByCode(try await UnitRepository.all(db))
        func resolve(_ indicator: String, _ unit: String, _ location: SourceLocation) -> (Int, StoredUnit)? {
            let indicatorID = catalogue.idByCode[indicator]
            let stored = units[unit]
            if indicatorID == nil { problems.append(location.problem("indicator", "chỉ tiêu \"\(indicator)\" không tồn tại")) }
            if stored == nil { problems.append(location.problem("unit", "đơn vị \"\(unit)\" không tồn tại")) }
            guard let indicatorID, let stored else { return nil }
            return (indicatorID, stored)
        }

        var targets: [TargetRepository.Entry] = []
        for t in dataset.targets {
            guard let (indicatorID, unit) = resolve(t.indicator, t.unit, t.location) else { continue }
            targets.append(.init(indicatorID: indicatorID, unitID: unit.id, year: t.year, kind: t.kind, value: t.value,
                                 setBy: t.setBy, note: t.note))
        }
        try await TargetRepository.save(targets, by: user, db)
        summary.targets = targets.count

        for v in dataset.values {
            guard let (indicatorID, unit) = resolve(v.indicator, v.unit, v.location) else { continue }
            if catalogue.indicator(code: v.indicator)?.isDerived == true {
                problems.append(v.location.problem("indicator", "chỉ tiêu \"\(v.indicator)\" được tính theo công thức, không nhập giá trị"))
                continue
            }
            if let problem = validity(unit, v) { problems.append(problem); continue }
            let written = try await ValueWriter.save(
                .init(indicatorID: indicatorID, unitID: unit.id, period: v.period), v.observation, note: v.note,
                by: user, communeLevel: unit.kind.isCommuneLevel, db)
            if written { summary.values += 1 } else { summary.unchangedValues += 1 }
        }

        for c in dataset.calendars {
            guard let unit = units[c.province] else {
                problems.append(c.location.problem("province", "đơn vị \"\(c.province)\" không tồn tại")); continue
            }
            guard [.province, .centralCity].contains(unit.kind) else {
                problems.append(c.location.problem("province", "\"\(c.province)\" không phải tỉnh, thành phố trực thuộc trung ương")); continue
            }
            try await CalendarRepository.save(provinceID: unit.id, c.calendar, db)
            summary.calendars += 1
        }

        guard problems.isEmpty else { throw ImportProblems(problems) }
        if unitsMoved { try await ValueWriter.rebuildRollups(db) }
        return summary
    }

    /// A value must fall within the dates its unit is in force.
    static func validity(_ unit: StoredUnit, _ v: ValueRecord) -> ImportProblem? {
        let start = CivilDate(v.period.year, v.period.firstMonth, 1).description
        let end = CivilDate(v.period.year, v.period.lastMonth, CivilDate.daysIn(month: v.period.lastMonth, year: v.period.year)).description
        if let to = unit.validTo, to < start {
            return v.location.problem("period", "đơn vị \"\(unit.code)\" đã hết hiệu lực từ \(to), trước kỳ \(v.period.code)")
        }
        if unit.validFrom > end {
            return v.location.problem("period", "đơn vị \"\(unit.code)\" có hiệu lực từ \(unit.validFrom), sau kỳ \(v.period.code)")
        }
        return nil
    }
}

/// Reference checks of an indicator against the catalogue.
enum IndicatorChecks {
    static func problems(_ record: IndicatorRecord, fieldCodes: Set<String>, indicatorCodes: Set<String>,
                         unitCodes: Set<String>) -> [ImportProblem] {
        let i = record.indicator
        var problems: [ImportProblem] = []
        if !fieldCodes.contains(i.field) {
            problems.append(record.location.problem("field", "lĩnh vực \"\(i.field)\" không tồn tại"))
        }
        if let office = i.ownerOffice, !unitCodes.contains(office) {
            problems.append(record.location.problem("owner_office", "đơn vị \"\(office)\" không tồn tại"))
        }
        if let source = i.formula, let formula = try? Formula(source) {
            for code in formula.references.sorted() where !indicatorCodes.contains(code) {
                problems.append(record.location.problem("formula", "công thức dùng chỉ tiêu \"\(code)\" không tồn tại"))
            }
        }
        if let template = i.phrasing.template {
            for code in PhraseTemplate(template).references.sorted() where !indicatorCodes.contains(code) {
                problems.append(record.location.problem("template", "mẫu câu dùng chỉ tiêu \"\(code)\" không tồn tại"))
            }
        }
        return problems
    }
}
