import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Writes a whole `Dataset` in one transaction. Any problem (an unknown indicator, unit or field, a value for a
/// unit not in force during its period...) is collected with its line and column, and then nothing is written.
public enum DatasetImporter {
    public struct Summary: Sendable, Equatable {
        public var fields = 0, units = 0, lineage = 0, indicators = 0, targets = 0, values = 0, unchangedValues = 0,
            calendars = 0
        public var rules = 0
        /// Work programme items created, updated, unchanged.
        public var programme = 0, programmeUpdated = 0, programmeUnchanged = 0
        /// Tasks, council sessions and petitions created; those already there and left as they are.
        public var tasks = 0, sessions = 0, petitions = 0, unchangedRecords = 0
        /// Reception sessions and letters of the citizens' register created.
        public var receptions = 0, letters = 0
        /// Rules of severity "cảnh báo" the imported values break: reported, not refused.
        public var warnings: [ImportProblem] = []
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

        problems += try await LineageRepository.save(dataset.lineage, units: try await UnitRepository.all(db), db)
        summary.lineage = dataset.lineage.count

        let before = try await IndicatorRepository.catalogue(db)
        let fieldCodes = Set(before.fields.map(\.code))
        var indicatorCodes = Set(before.indicators.map(\.code))
        indicatorCodes.formUnion(dataset.indicators.map(\.indicator.code))
        for record in dataset.indicators {
            problems += IndicatorReferences.problems(
                record, fieldCodes: fieldCodes, indicatorCodes: indicatorCodes,
                unitCodes: knownUnitCodes)
        }
        try await IndicatorRepository.save(indicators: dataset.indicators, db)
        summary.indicators = dataset.indicators.count

        let references = References(
            catalogue: try await IndicatorRepository.catalogue(db), tree: try await UnitTree.load(db))
        let units = references.units

        var targets: [TargetRepository.Entry] = []
        for t in dataset.targets {
            guard
                let (indicatorID, unit) = references.resolve(
                    t.indicator, t.unit, during: .year(t.year), t.location, &problems)
            else {
                continue
            }
            targets.append(
                .init(
                    indicatorID: indicatorID, unitID: unit.id, year: t.year, kind: t.kind, value: t.value,
                    setBy: t.setBy, note: t.note))
        }
        try await TargetRepository.save(targets, by: user, db)
        summary.targets = targets.count

        for record in dataset.rules {
            let unitID = record.rule.unit.flatMap { units[$0]?.id }
            let found = RuleRepository.problems(record.rule, catalogue: references.catalogue, units: units)
            problems += found.map { record.location.problem(nil, $0) }
            if found.isEmpty { try await RuleRepository.save(record.rule, unitID: unitID, by: user, db) }
        }
        summary.rules = dataset.rules.count

        let written = try await writeValues(dataset.values, references, by: user, problems: &problems, db)
        summary.values = written.values
        summary.unchangedValues = written.unchanged
        if problems.isEmpty {
            let checked = try await ImportValidation.problems(written.resolved, references, db)
            problems += checked.errors
            summary.warnings = checked.warnings
        }

        for c in dataset.calendars {
            guard let unit = units[c.province] else {
                problems.append(c.location.problem("province", "đơn vị \"\(c.province)\" không tồn tại")); continue
            }
            guard [.province, .centralCity].contains(unit.kind) else {
                problems.append(
                    c.location.problem("province", "\"\(c.province)\" không phải tỉnh, thành phố trực thuộc trung ương")
                ); continue
            }
            try await CalendarRepository.save(provinceID: unit.id, c.calendar, db)
            summary.calendars += 1
        }

        let counts = try await ProgrammeImport.write(dataset.programme, references, by: user, problems: &problems, db)
        (summary.programme, summary.programmeUpdated, summary.programmeUnchanged) =
            (counts.created, counts.updated, counts.unchanged)
        let tasks = try await TaskImport.write(dataset.tasks, references, by: user, problems: &problems, db)
        let petitions = try await PetitionImport.write(
            sessions: dataset.sessions, petitions: dataset.petitions, references, by: user, problems: &problems, db)
        (summary.tasks, summary.sessions, summary.petitions) = (tasks.created, petitions.sessions, petitions.petitions)
        let register = try await RegisterImport.write(
            receptions: dataset.receptions, letters: dataset.letters, references, by: user, problems: &problems, db)
        (summary.receptions, summary.letters) = (register.receptions, register.letters)
        summary.unchangedRecords = tasks.unchanged + petitions.unchanged + register.unchanged

        guard problems.isEmpty else { throw ImportProblems(problems) }
        if unitsMoved {
            try await RollupTable.rebuild(db)
        }
        return summary
    }

    /// Figures of a unit whose submission for the period is sent or approved are locked, for the importer as for the
    /// entry form: each such row is a problem, with the unit, the period and what to do. A row repeating the stored
    /// figure passes, unless it is `deleting` it.
    static func lockProblems(
        _ resolved: [(ValueRecord, Int, StoredUnit)], _ references: References, deleting: Bool = false,
        _ db: any SQLDatabase
    ) async throws -> [ImportProblem] {
        let tree = UnitTree(try await UnitRepository.all(db))
        var owners: [(ValueRecord, Int, StoredUnit, StoredUnit)] = []
        for (v, indicatorID, unit) in resolved {
            guard let indicator = references.catalogue.indicator(code: v.indicator),
                let owner = ReportingForms.formUnit(of: unit, indicator, in: tree)
            else { continue }
            owners.append((v, indicatorID, unit, owner))
        }
        let locked = try await SubmissionRepository.locked(
            unitIDs: Set(owners.map(\.3.id)), periods: Set(owners.map(\.0.period.code)), db)
        var problems: [ImportProblem] = []
        var storedByUnit: [String: [Int: StoredValue]] = [:]
        for (v, indicatorID, unit, owner) in owners {
            guard let status = locked[.init(unitID: owner.id, period: v.period.code)] else { continue }
            // A row that repeats what is stored changes nothing and passes.
            let cacheKey = "\(unit.id)|\(v.period.code)"
            if storedByUnit[cacheKey] == nil {
                storedByUnit[cacheKey] = try await FigureEntry.stored(unitID: unit.id, period: v.period, db)
            }
            if !deleting, let stored = storedByUnit[cacheKey]?[indicatorID], stored.observation == v.observation,
                stored.note == v.note
            {
                continue
            }
            let state = status == .approved ? "đã duyệt" : "đã gửi, đang chờ duyệt"
            problems.append(
                v.location.problem(
                    "value",
                    "số liệu của \(owner.fullName) kỳ \(v.period.code) \(state): người duyệt cần mở lại (hoặc trả lại) trước khi nhập"
                ))
        }
        return problems
    }

    /// New values go in by the bulk path; values that exist already are saved one by one, keeping their history.
    static func writeValues(
        _ records: [ValueRecord], _ references: References, by user: String,
        problems: inout [ImportProblem], _ db: any SQLDatabase
    ) async throws -> (values: Int, unchanged: Int, resolved: [(ValueRecord, Int, StoredUnit)]) {
        var resolved: [(ValueRecord, Int, StoredUnit)] = []
        var firstLine: [ValueWriter.Key: Int] = [:]
        for v in records {
            guard
                let (indicatorID, unit) = references.resolve(
                    v.indicator, v.unit, during: v.period, v.location, &problems)
            else {
                continue
            }
            if references.catalogue.indicator(code: v.indicator)?.isDerived == true {
                problems.append(
                    v.location.problem(
                        "indicator", "chỉ tiêu \"\(v.indicator)\" được tính theo công thức, không nhập giá trị"))
                continue
            }
            if let problem = validity(unit, v) { problems.append(problem); continue }
            let key = ValueWriter.Key(indicatorID: indicatorID, unitID: unit.id, period: v.period)
            if let line = firstLine[key] {
                problems.append(v.location.problem("period", "trùng với dòng \(line): cùng chỉ tiêu, đơn vị và kỳ"))
                continue
            }
            firstLine[key] = v.location.line
            resolved.append((v, indicatorID, unit))
        }
        guard problems.isEmpty else { return (0, 0, []) }
        problems += try await lockProblems(resolved, references, db)
        guard problems.isEmpty else { return (0, 0, []) }

        // What an administrator imports is official at once, in both views: new keys by the bulk path, the others
        // one by one (keeping their history), then adopted into the official view.
        let unitIDs = Set(resolved.map(\.2.id)), periods = Set(resolved.map(\.0.period.code))
        let existing = try await existingKeys(.working, unitIDs: unitIDs, periods: periods, db)
        let existingOfficial = try await existingKeys(.official, unitIDs: unitIDs, periods: periods, db)
        var fresh: [BulkValueLoader.Row] = []
        var adopt: [ExistingKey: Set<Int>] = [:]
        var counts = (values: 0, unchanged: 0)
        for (v, indicatorID, unit) in resolved {
            let key = ExistingKey(indicatorID: indicatorID, unitID: unit.id, period: v.period.code)
            if !existing.contains(key) && !existingOfficial.contains(key) {
                fresh.append(
                    .init(
                        indicatorID: indicatorID, unitID: unit.id, period: v.period.code,
                        amount: v.observation.value.scaled, estimate: v.observation.status == .estimate,
                        qualifier: v.observation.qualifier?.rawValue, note: v.note))
                continue
            }
            let changed = try await ValueWriter.save(
                .init(indicatorID: indicatorID, unitID: unit.id, period: v.period), v.observation, note: v.note,
                by: user, communeLevel: unit.kind.isCommuneLevel, db)
            if changed { counts.values += 1 } else { counts.unchanged += 1 }
            adopt[ExistingKey(indicatorID: 0, unitID: unit.id, period: v.period.code), default: []].insert(indicatorID)
        }
        try await BulkValueLoader.insert(fresh, by: user, db)
        for (group, indicatorIDs) in adopt {
            try await OfficialValues.adopt(
                unitID: group.unitID, period: try Period(code: group.period), indicatorIDs: indicatorIDs, db)
        }
        counts.values += fresh.count
        return (counts.values, counts.unchanged, resolved)
    }

    struct ExistingKey: Hashable { var indicatorID: Int; var unitID: Int; var period: String }

    /// Which of the units' values for these periods exist already in a layer.
    static func existingKeys(
        _ layer: ValueLayer, unitIDs: Set<Int>, periods: Set<String>, _ db: any SQLDatabase
    ) async throws -> Set<ExistingKey> {
        var keys = Set<ExistingKey>()
        let ids = unitIDs.sorted()
        let periodCodes = periods.sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            let rows = try await db.raw(
                """
                SELECT indicator_id, unit_id, period FROM \(layer.values) v WHERE unit_id IN (\(binds: Array(ids[start..<min(start + 500, ids.count)])))
                AND period IN (\(binds: periodCodes))
                """
            ).all()
            for row in rows {
                keys.insert(
                    ExistingKey(
                        indicatorID: try row.decode(column: "indicator_id", as: Int.self),
                        unitID: try row.decode(column: "unit_id", as: Int.self),
                        period: try row.decode(column: "period", as: String.self)))
            }
        }
        return keys
    }

    /// A value must fall within the dates its unit is in force.
    static func validity(_ unit: StoredUnit, _ v: ValueRecord) -> ImportProblem? {
        let start = CivilDate(v.period.year, v.period.firstMonth, 1).description
        let end = CivilDate(
            v.period.year, v.period.lastMonth, CivilDate.daysIn(month: v.period.lastMonth, year: v.period.year)
        ).description
        if let to = unit.validTo, to < start {
            return v.location.problem(
                "period", "đơn vị \"\(unit.code)\" đã hết hiệu lực từ \(to), trước kỳ \(v.period.code)")
        }
        if unit.validFrom > end {
            return v.location.problem(
                "period", "đơn vị \"\(unit.code)\" có hiệu lực từ \(unit.validFrom), sau kỳ \(v.period.code)")
        }
        return nil
    }
}

/// The catalogue and units a file's rows refer to by code.
struct References {
    let catalogue: Catalogue
    let tree: UnitTree
    /// Each code's current unit.
    var units: [String: StoredUnit] { tree.byCode }

    /// The unit `code` names (on `day`, else now) when it is directly under `locality` (an office or a ward of its
    /// UBND); else a problem at `column` of the row at `location`, and nil.
    func member(
        _ code: String, of locality: StoredUnit, on day: CivilDate? = nil, column: String, at location: SourceLocation,
        _ problems: inout [ImportProblem]
    ) -> StoredUnit? {
        let unit = day.flatMap { tree.unit(code: code, inForceOn: $0) } ?? units[code]
        guard let unit, unit.parentID == locality.id else {
            problems.append(
                location.problem(
                    column, "\"\(code)\" không phải phòng, ban hay xã, phường thuộc UBND \(locality.nameInSentence)"))
            return nil
        }
        return unit
    }

    /// The unit a code names for a period: a code reused after a reorganisation names the old unit for periods
    /// before the day and the new one after it (11329 is phường Máy Chai in 2025-H1, phường Ngô Quyền in 2026-H1).
    /// Of two units in force during one period, the later; of none, the current one (whose dates are then refused).
    func unit(_ code: String, during period: Period) -> StoredUnit? {
        let (start, end) = CoverageQuery.bounds(period)
        let inForce = tree.units.filter {
            $0.code == code && $0.isInForce(from: start, to: end)
        }
        return inForce.max { $0.validFrom < $1.validFrom } ?? units[code]
    }

    /// The indicator's id and the unit, or the problems of a row that names either wrongly.
    func resolve(
        _ indicator: String, _ unit: String, during period: Period, _ location: SourceLocation,
        _ problems: inout [ImportProblem]
    ) -> (Int, StoredUnit)? {
        let indicatorID = catalogue.idByCode[indicator]
        let stored = self.unit(unit, during: period)
        if indicatorID == nil {
            problems.append(location.problem("indicator", "chỉ tiêu \"\(indicator)\" không tồn tại"))
        }
        if stored == nil { problems.append(location.problem("unit", "đơn vị \"\(unit)\" không tồn tại")) }
        guard let indicatorID, let stored else { return nil }
        return (indicatorID, stored)
    }
}

/// Reference checks of an indicator against the catalogue.
enum IndicatorReferences {
    static func problems(
        _ record: IndicatorRecord, fieldCodes: Set<String>, indicatorCodes: Set<String>,
        unitCodes: Set<String>
    ) -> [ImportProblem] {
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

extension DatasetImporter {
    struct RolledBack: Error { let summary: Summary }

    /// What `run` would do, without doing it: every check and count, in a transaction rolled back at the end.
    /// Throws the same problems as `run`.
    public static func dryRun(_ dataset: Dataset, by user: String, store: Store) async throws -> Summary {
        let committed: Summary
        do {
            committed = try await store.transaction { db -> Summary in
                throw RolledBack(summary: try await write(dataset, by: user, db))
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.summary
        }
        return committed  // never reached: the work above always throws

    }
}
