import BaoCaoDomain
import Foundation

/// Writes a `Dataset` in the exchange format that `DatasetReader` reads: CSV (one table per file) or JSON.
public enum DatasetFormatter {
    /// The rows of one table, header first, as cells.
    public static func cells(_ table: TableKind, _ dataset: Dataset) -> [[String]] {
        var rows: [[String]] = [table.columns]
        switch table {
        case .fields:
            rows += dataset.fields.map { [$0.field.code, $0.field.name, String($0.field.position)] }
        case .units:
            rows += dataset.units.map {
                [
                    $0.code, $0.name, $0.kind.rawValue, $0.parent ?? "", $0.validFrom?.description ?? "",
                    $0.validTo?.description ?? "",
                ]
            }
        case .lineage:
            rows += dataset.lineage.map {
                [
                    $0.effective.description, $0.resolution, $0.resolutionDate?.description ?? "", $0.article ?? "",
                    $0.successor, $0.successorName ?? "", $0.predecessor, $0.predecessorName ?? "",
                    $0.succession.part.rawValue, $0.succession.share.map(VietnameseNumber.exact) ?? "",
                    $0.succession.basis?.rawValue ?? "", $0.succession.shareSource ?? "",
                ]
            }
        case .indicators:
            rows += dataset.indicators.map { record in
                let i = record.indicator, p = i.phrasing
                return [
                    i.code, i.name, i.unitOfMeasure, i.field, i.ownerOffice ?? "", i.unitAggregation.rawValue,
                    i.timeAggregation.rawValue, String(i.valueDecimals), String(i.targetDecimals),
                    String(i.changeDecimals), i.changeStyle.rawValue, i.formula ?? "", verb(p.estimateVerb),
                    verb(p.finalVerb), p.moneyStyle.rawValue, flag(p.leadingZero), p.targetVerb,
                    p.targetWords ?? "", p.connector.rawValue, flag(p.namesComparisonYear), p.template ?? "",
                    flag(p.standalone), String(i.position), i.reportedBy.rawValue, i.betterWhen.rawValue,
                    flag(i.checks.allowsNegative), String(i.checks.changePercent), String(i.checks.targetPercent),
                    flag(p.dropsTrailingZeros), i.definition ?? "", i.source ?? "",
                ]
            }
        case .targets:
            rows += dataset.targets.map {
                [
                    $0.indicator, $0.unit, String($0.year), $0.kind.rawValue, VietnameseNumber.exact($0.value),
                    $0.setBy ?? "", $0.note ?? "",
                ]
            }
        case .values:
            rows += dataset.values.map {
                [
                    $0.indicator, $0.unit, $0.period.code, VietnameseNumber.exact($0.observation.value),
                    $0.observation.status.rawValue, $0.observation.qualifier?.rawValue ?? "", $0.note ?? "",
                ]
            }
        case .rules:
            rows += dataset.rules.map {
                let r = $0.rule
                return [
                    r.code, r.left, r.comparison.rawValue, r.right, r.severity.rawValue, r.missing.rawValue, r.message,
                    r.unit ?? "",
                ]
            }
        case .calendars:
            rows += dataset.calendars.map {
                [
                    $0.province, String($0.calendar.cutoffDay), String($0.calendar.deadlineWorkingDays),
                    $0.calendar.holidays.sorted().map(\.description).joined(separator: ";"),
                ]
            }
        case .programme:
            rows += dataset.programme.map {
                [
                    $0.locality, String($0.year), String($0.month), $0.content, $0.lead, $0.product ?? "",
                    $0.field ?? "", $0.coUnits.joined(separator: ";"), $0.assignedBy ?? "",
                ]
            }
        case .tasks:
            rows += dataset.tasks.map {
                let deadline: String =
                    switch $0.deadline {
                    case .on(let day): day.description
                    case .recurring: "thuong_xuyen"
                    case .none: ""
                    }
                return [
                    $0.locality, $0.title, $0.content, $0.source.rawValue, $0.sourceRef ?? "", $0.field ?? "",
                    $0.priority.rawValue, $0.assignedBy ?? "", $0.lead, $0.coUnits.joined(separator: ";"), deadline,
                    $0.status ?? "", $0.completedOn?.description ?? "",
                ]
            }
        case .sessions:
            rows += dataset.sessions.map {
                [
                    $0.locality, String($0.session.number), $0.session.term, $0.session.opensOn.description,
                    $0.session.answerDeadline?.description ?? "",
                ]
            }
        case .petitions:
            rows += dataset.petitions.map {
                [
                    $0.locality, $0.term, String($0.session), $0.code ?? "", $0.heardAt, $0.heardOn?.description ?? "",
                    $0.deputies ?? "", $0.words, $0.field ?? "", $0.sameAs ?? "", $0.assignedTo ?? "",
                    $0.forwardedTo ?? "", $0.outcome?.rawValue ?? "", $0.answer ?? "", $0.reason ?? "",
                ]
            }
        case .receptions:
            rows += dataset.receptions.map {
                [
                    $0.locality, $0.heldOn?.description ?? "", $0.host.rawValue, $0.hostName, flag($0.regular),
                    $0.place ?? "", $0.session ?? "", String($0.visit.persons), flag($0.visit.crowd),
                    $0.visit.kind.rawValue, $0.visit.content, $0.visit.action.rawValue, $0.caseKey ?? "",
                ]
            }
        case .letters:
            rows += dataset.letters.map { l in
                let i = l.input
                return [
                    l.locality, l.code ?? "", i.receivedOn?.description ?? "", i.channel.rawValue, i.sentBy,
                    i.authorName, i.authorAddress, i.authorContact, String(i.signers), i.content, i.kind.rawValue,
                    String(i.round), flag(i.remote), l.caseKey ?? "", l.sameAs ?? "", l.eligible.map(flag) ?? "",
                    l.ineligibleReason ?? "", l.inCompetence.map(flag) ?? "", l.complexity.rawValue,
                    l.handlerUnit ?? "", l.handler ?? "", l.path?.rawValue ?? "", l.pathOn?.description ?? "",
                    l.pathDocument ?? "", l.forwardedTo ?? "",
                    l.extensions.map { "\($0.decidedOn)|\($0.days)|\($0.document)" }.joined(separator: ";"),
                    l.resolvedOn?.description ?? "", l.decisionDocument ?? "", l.outcome?.rawValue ?? "",
                    l.outcomeNote ?? "", l.returnedAmount.map(String.init) ?? "", l.returnedLand.map(String.init) ?? "",
                ]
            }
        }
        return rows
    }

    public static func csv(_ table: TableKind, _ dataset: Dataset) -> String {
        cells(table, dataset).map(CSVReader.line).joined(separator: "\n") + "\n"
    }

    /// One JSON object with a list per table; empty cells are left out, numbers stay strings in Vietnamese form.
    public static func json(_ dataset: Dataset) throws -> Data {
        var root: [String: [[String: String]]] = [:]
        for table in TableKind.allCases {
            let rows = cells(table, dataset)
            let header = rows[0]
            root[table.rawValue] = rows.dropFirst().map { row in
                var object: [String: String] = [:]
                for (i, cell) in row.enumerated() where !cell.isEmpty { object[header[i]] = cell }
                return object
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(root)
    }

    static func verb(_ text: String) -> String { text.isEmpty ? "-" : text }
    static func flag(_ value: Bool) -> String { value ? "true" : "false" }
}
