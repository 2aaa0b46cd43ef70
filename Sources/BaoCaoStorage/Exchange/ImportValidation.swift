import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// The checks an import runs on the values it writes, inside its transaction: for every unit and period it touches,
/// the catalogue's rules that read an imported indicator and the sign of each value, on the unit's own values as
/// they stand after the import. An error refuses the whole file, at the line of a value the rule reads; a warning
/// is reported with its line. (The warnings that compare with last year or the target are given by the forms and
/// `baocao validate`, which assemble whole figures.)
enum ImportValidation {
    static func problems(
        _ resolved: [(ValueRecord, Int, StoredUnit)], _ references: References, _ db: any SQLDatabase
    ) async throws -> (errors: [ImportProblem], warnings: [ImportProblem]) {
        guard !resolved.isEmpty else { return ([], []) }
        let catalogue = references.catalogue
        var errors: [ImportProblem] = [], warnings: [ImportProblem] = []
        var rows: [ValueGroup: [(ValueRecord, Int)]] = [:]
        var unitByID: [Int: StoredUnit] = [:]
        for (v, indicatorID, unit) in resolved {
            rows[ValueGroup(unitID: unit.id, period: v.period.code), default: []].append((v, indicatorID))
            unitByID[unit.id] = unit
            if let i = catalogue.indicator(code: v.indicator), v.observation.value.isNegative, !i.checks.allowsNegative
            {
                errors.append(v.location.problem("value", "\(i.name): số liệu không được âm"))
            }
        }
        let tree = try await UnitTree.load(db)
        let rules = try await RuleRepository.all(db)
        let stored = try await ownValues(Set(unitByID.keys), Set(rows.keys.map(\.period)), db)
        for (group, imported) in rows {
            guard let period = try? Period(code: group.period) else { continue }
            let importedCodes = Set(imported.compactMap { catalogue.codeByID[$0.1] })
            let ancestry = Set(tree.ancestry(of: group.unitID))
            var figures: [String: Figure] = [:]
            for (indicatorID, observation) in stored[group] ?? [:] {
                guard let code = catalogue.codeByID[indicatorID], let i = catalogue.indicator(code: code) else {
                    continue
                }
                figures[code] = Figure(indicator: i, period: period, current: observation)
            }
            for stored in rules where stored.unitID.map(ancestry.contains) ?? true {
                guard let codes = stored.rule.references, !codes.isDisjoint(with: importedCodes),
                    let violation = Validation.check(stored.rule, figures)
                else { continue }
                // At the first imported row the rule reads.
                guard let row = imported.first(where: { codes.contains(catalogue.codeByID[$0.1] ?? "") })?.0 else {
                    continue
                }
                let unit = unitByID[group.unitID]?.fullName ?? ""
                let problem = row.location.problem("value", "\(unit), kỳ \(group.period): \(violation.message)")
                if violation.severity == .error { errors.append(problem) } else { warnings.append(problem) }
            }
        }
        return (errors, warnings)
    }

    /// The own working values of the units for the periods, by unit and period.
    static func ownValues(
        _ unitIDs: Set<Int>, _ periods: Set<String>, _ db: any SQLDatabase
    ) async throws
        -> [ValueGroup: [Int: Observation]]
    {
        var result: [ValueGroup: [Int: Observation]] = [:]
        let ids = unitIDs.sorted()
        for start in stride(from: 0, to: ids.count, by: 500) {
            for row in try await db.raw(
                """
                SELECT indicator_id, unit_id, period, \(unsafeRaw: StoredRow.columns(.working)) FROM data_values
                WHERE unit_id IN (\(binds: Array(ids[start..<min(start + 500, ids.count)])))
                AND period IN (\(binds: periods.sorted()))
                """
            ).all() {
                let key = ValueGroup(
                    unitID: try row.decode(column: "unit_id", as: Int.self),
                    period: try row.decode(column: "period", as: String.self))
                result[key, default: [:]][try row.decode(column: "indicator_id", as: Int.self)] =
                    try StoredRow(row, working: true).observation
            }
        }
        return result
    }
}

/// One unit's values for one period.
struct ValueGroup: Hashable { var unitID: Int; var period: String }
