import BaoCaoDomain
import Foundation
import SQLKit

/// Between reports and tasks: what a published report's "nhiệm vụ trọng tâm" part proposes (one task a bullet, the
/// lead office proposed by the field's owner, due at the end of the next period), and what the next report says of
/// the tasks it accounts for (`TaskSummary`).
public enum ReportTasks {
    /// Proposes the tasks of a published report for review, unless that report has already set tasks (publishing a
    /// second version proposes nothing more). Returns how many were proposed.
    @discardableResult
    public static func propose(
        from document: ReportDocument, template: String, locality: StoredUnit, period: Period, by user: String,
        _ db: any SQLDatabase
    ) async throws -> Int {
        guard
            try await !TaskRepository.hasTasks(
                fromReport: template, localityID: locality.id, period: period, db)
        else { return 0 }
        let catalogue = try await IndicatorRepository.catalogue(db)
        let tree = try await UnitTree.load(db)
        let owners = fieldOwners(catalogue, locality: locality, tree: tree)
        let proposals = TaskProposals.from(document, fields: catalogue.fields)
        for proposal in proposals {
            let draft = TaskDraft(
                localityID: locality.id, title: proposal.title, content: proposal.content, source: .report,
                sourceRef: "Báo cáo tình hình kinh tế - xã hội \(period.vietnameseName)", sourceTemplate: template,
                sourcePeriod: period, fieldCode: proposal.fieldCode,
                leadUnitID: proposal.fieldCode.flatMap { owners[$0] }, deadline: .on(period.nextPeriodEnd))
            try await TaskRepository.create(draft, state: .proposed, by: user, db)
        }
        return proposals.count
    }

    /// By field code, the office of the locality that owns most of the field's indicators.
    static func fieldOwners(_ catalogue: Catalogue, locality: StoredUnit, tree: UnitTree) -> [String: Int] {
        var counts: [String: [Int: Int]] = [:]
        for indicator in catalogue.indicators {
            guard let code = indicator.ownerOffice, let office = tree.byCode[code], office.parentID == locality.id
            else { continue }
            counts[indicator.field, default: [:]][office.id, default: 0] += 1
        }
        return counts.mapValues { byOffice in
            byOffice.max { ($0.value, -$0.key) < ($1.value, -$1.key) }!.key
        }
    }

    /// What a report of `locality` for `period` says of the tasks the locality assigned, as on `today` (a past
    /// period as at its last day): those due in it (but the work programme's), and the programme's items of its
    /// months.
    public static func summary(
        localityID: Int, period: Period, today: CivilDate, _ db: any SQLDatabase
    ) async throws -> TaskSummary {
        let tasks = try await TaskRepository.list(.init(localityIDs: [localityID]), db)
        let fields = Dictionary(
            try await IndicatorRepository.catalogue(db).fields.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let tree = try await UnitTree.load(db)
        func item(_ task: StoredTask) -> TaskSummary.Item {
            let field = task.draft.fieldCode.flatMap { fields[$0] }
            return TaskSummary.Item(
                title: task.draft.title, field: field?.name, fieldPosition: field?.position ?? 0,
                lead: task.draft.leadUnitID.flatMap { tree.byID[$0] }.map(leadName) ?? "chưa giao",
                deadline: task.record.deadline, completedOn: task.record.completedOn,
                progressReported: !task.record.progress.isEmpty)
        }
        // The work programme has its own part: its items of the period's months.
        let programme = tasks.filter {
            $0.draft.source == .workProgramme && $0.draft.sourcePeriod == .year(period.year)
                && $0.draft.programmeMonth.map(period.months.contains) == true
        }
        return TaskSummary(
            period: period, tasks: tasks.filter { $0.draft.source != .workProgramme }.map(item),
            programme: programme.map(item), today: today)
    }

    /// How a report and a task list name a lead unit: an office by its name, a ward as its UBND.
    public static func leadName(_ unit: StoredUnit) -> String {
        unit.kind.isOffice ? unit.name : "UBND \(unit.nameInSentence)"
    }

    /// Today in Việt Nam, for callers that do not fix it.
    public static func today() -> CivilDate { Timestamp.vietnam(Date()).date }
}
