import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Reads the database back into a `Dataset` in the exchange format: what `baocao export` writes.
/// Targets are the current revisions; values the current versions of one view (history stays in the database):
/// the official figures for other systems, or the working ones with the drafts.
public enum DatasetExporter {
    public static func export(
        _ db: any SQLDatabase, view: FigureView = .official, today: CivilDate = ReportTasks.today()
    ) async throws -> Dataset {
        var dataset = Dataset()
        let nowhere = SourceLocation(file: nil, line: 0)
        let catalogue = try await IndicatorRepository.catalogue(db)
        dataset.fields = catalogue.fields.map { FieldRecord(field: $0, location: nowhere) }
        let units = try await UnitRepository.all(db)
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        dataset.units = units.map {
            UnitRecord(
                code: $0.code, name: $0.name, kind: $0.kind, parent: $0.parentID.flatMap { byID[$0]?.code },
                validFrom: $0.validFrom == UnitRepository.openStart ? nil : CivilDate(iso: $0.validFrom),
                validTo: $0.validTo.flatMap(CivilDate.init(iso:)), location: nowhere)
        }
        for reorganisation in try await LineageRepository.all(db).reversed() {
            for line in reorganisation.lines {
                guard let successor = byID[line.successorID], let predecessor = byID[line.predecessorID] else {
                    continue
                }
                dataset.lineage.append(
                    LineageRecord(
                        effective: reorganisation.effective, resolution: reorganisation.resolution,
                        resolutionDate: reorganisation.resolutionDate, article: line.article, successor: successor.code,
                        successorName: successor.name, predecessor: predecessor.code, predecessorName: predecessor.name,
                        succession: line.succession, location: nowhere))
            }
        }
        dataset.indicators = catalogue.indicators.map { IndicatorRecord(indicator: $0, location: nowhere) }
        // Rows go by unit, then in catalogue order, so an export does not depend on the order things were imported.
        let rank = Dictionary(uniqueKeysWithValues: catalogue.indicators.enumerated().map { ($1.code, $0) })
        var firstPosition: [String: Int] = [:]
        for (index, unit) in units.enumerated() where firstPosition[unit.code] == nil {
            firstPosition[unit.code] = index
        }
        let unitRank = { (code: String) in firstPosition[code] ?? Int.max }
        dataset.targets = try await TargetRepository.allCurrent(db).compactMap { t in
            guard let indicator = catalogue.codeByID[t.indicatorID], let unit = byID[t.unitID] else { return nil }
            return TargetRecord(
                indicator: indicator, unit: unit.code, year: t.year, kind: t.kind, value: t.value,
                setBy: t.setBy, note: t.note, location: nowhere)
        }.sorted {
            (unitRank($0.unit), rank[$0.indicator] ?? Int.max, $0.year, $0.kind.rawValue)
                < (unitRank($1.unit), rank[$1.indicator] ?? Int.max, $1.year, $1.kind.rawValue)
        }
        dataset.calendars = try await CalendarRepository.all(db).sorted { $0.key < $1.key }.compactMap { id, calendar in
            byID[id].map { CalendarRecord(province: $0.code, calendar: calendar, location: nowhere) }
        }
        dataset.rules = try await RuleRepository.all(db).map { RuleRecord(rule: $0.rule, location: nowhere) }
        let rows = try await db.raw(
            """
            SELECT indicator_id, unit_id, period, amount, status, qualifier, note FROM \(ValueLayer(view).values) v
            ORDER BY unit_id, indicator_id, period
            """
        ).all()
        for row in rows {
            guard let indicator = catalogue.codeByID[try row.decode(column: "indicator_id", as: Int.self)],
                let unit = byID[try row.decode(column: "unit_id", as: Int.self)],
                let period = try? Period(code: try row.decode(column: "period", as: String.self))
            else { continue }
            let observation = Observation(
                value: Amount(scaled: try row.decode(column: "amount", as: Int64.self)),
                status: ValueStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .final,
                qualifier: (try row.decode(column: "qualifier", as: String?.self)).flatMap(Qualifier.init(rawValue:)))
            dataset.values.append(
                ValueRecord(
                    indicator: indicator, unit: unit.code, period: period,
                    observation: observation, note: try row.decode(column: "note", as: String?.self),
                    location: nowhere))
        }
        dataset.values.sort {
            (unitRank($0.unit), rank[$0.indicator] ?? Int.max, $0.period.code)
                < (unitRank($1.unit), rank[$1.indicator] ?? Int.max, $1.period.code)
        }
        var programme = TaskRepository.Filter(states: TaskState.allCases)
        programme.source = .workProgramme
        dataset.programme = try await TaskRepository.list(programme, db).compactMap { task in
            guard let locality = byID[task.draft.localityID], let year = task.draft.sourcePeriod?.year,
                let month = task.draft.programmeMonth, let lead = task.draft.leadUnitID.flatMap({ byID[$0] })
            else { return nil }
            return ProgrammeRecord(
                locality: locality.code, year: year, month: month, content: task.draft.content, lead: lead.code,
                product: task.draft.product, field: task.draft.fieldCode,
                coUnits: task.draft.coUnitIDs.compactMap { byID[$0]?.code }, assignedBy: task.draft.assignerName,
                location: nowhere)
        }
        let tree = try await UnitTree.load(db)
        dataset.tasks = try await TaskImport.export(tree, today: today, db)
        (dataset.sessions, dataset.petitions) = try await PetitionImport.export(tree, db)
        (dataset.receptions, dataset.letters) = try await RegisterImport.export(tree, db)
        return dataset
    }
}
