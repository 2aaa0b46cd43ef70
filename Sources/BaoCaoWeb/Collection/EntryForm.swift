import BaoCaoDomain
import BaoCaoStorage
import SQLKit
import Vapor

/// What an entry form needs: the unit it belongs to, the unit its figures are stored for, the indicators it asks
/// for, their figures and stored values, and where the unit stands in the cycle.
struct EntryForm {
    var formUnit: StoredUnit
    var valueUnit: StoredUnit
    var period: Period
    var catalogue: Catalogue
    var indicators: [Indicator]
    var figures: [String: Figure]
    var stored: [Int: StoredValue]
    var submission: Submission
    var events: [SubmissionEvent]

    static func load(unit: StoredUnit, period: Period, tree: UnitTree, _ db: any SQLDatabase) async throws -> EntryForm
    {
        let catalogue = try await IndicatorRepository.catalogue(db)
        let valueUnit = tree.valueUnit(for: unit)
        let figures = try await FigureQuery.figures(unitID: valueUnit.id, period: period, catalogue: catalogue, db)
        return EntryForm(
            formUnit: unit, valueUnit: valueUnit, period: period, catalogue: catalogue,
            indicators: ReportingForms.indicators(for: unit, catalogue),
            figures: Dictionary(uniqueKeysWithValues: figures.map { ($0.indicator.code, $0) }),
            stored: try await FigureEntry.stored(unitID: valueUnit.id, period: period, db),
            submission: try await SubmissionRepository.submission(unitID: unit.id, period: period, db),
            events: try await SubmissionRepository.events(unitID: unit.id, period: period, db))
    }

    /// What the person typed, kept when the form comes back with errors.
    struct Typed {
        var value: String
        var status: String
        var qualifier: String
        var note: String
    }

    struct Parsed {
        var lines: [EntryLine] = []
        /// Indicator ids whose stored value the person chose to delete.
        var deleting: [Int] = []
        var typed: [String: Typed] = [:]
        var errors: [String: String] = [:]
    }

    /// Parses the posted form: the lines to save and the values to delete, or every problem by indicator code (then
    /// nothing is saved).
    func parse(_ fields: [String: String]) -> Parsed {
        var lines: [EntryLine] = []
        var deleting: [Int] = []
        var typed: [String: Typed] = [:]
        var errors: [String: String] = [:]
        for indicator in indicators {
            let code = indicator.code
            let t = Typed(
                value: fields["v_\(code)"] ?? "", status: fields["s_\(code)"] ?? ValueStatus.estimate.rawValue,
                qualifier: fields["q_\(code)"] ?? "", note: fields["n_\(code)"] ?? "")
            typed[code] = t
            guard let id = catalogue.idByCode[code] else { continue }
            if fields["x_\(code)"] == "1" {
                if stored[id] != nil { deleting.append(id) }
                continue
            }
            if t.value.trimmingWhitespace().isEmpty {
                if stored[id] != nil {
                    errors[code] = "Ô trống: số đã lưu không bị xóa. Muốn xóa, đánh dấu ô \"Xóa số đã lưu\"."
                }
                continue
            }
            let amount: Amount
            do { amount = try VietnameseNumber.parse(t.value) } catch {
                errors[code] = error.description
                continue
            }
            guard let status = ValueStatus(rawValue: t.status) else {
                errors[code] = "Trạng thái \"\(t.status)\" không hợp lệ"
                continue
            }
            let qualifier = t.qualifier.isEmpty ? nil : Qualifier(rawValue: t.qualifier)
            if !t.qualifier.isEmpty && qualifier == nil {
                errors[code] = "Từ chỉ mức \"\(t.qualifier)\" không hợp lệ"
                continue
            }
            let note = t.note.trimmingWhitespace()
            lines.append(
                EntryLine(
                    indicatorID: id, observation: Observation(value: amount, status: status, qualifier: qualifier),
                    note: note.isEmpty ? nil : note))
        }
        return Parsed(lines: lines, deleting: deleting, typed: typed, errors: errors)
    }
}
