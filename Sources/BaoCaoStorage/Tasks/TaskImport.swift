import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Tasks from the exchange format: each assigned by its locality's UBND to a unit directly under it. A task already
/// there (same locality and title) with the same lead and deadline is left as it is; one that differs is a problem
/// (its deadline moves by an extension on its page, not by a file). `status` and `completed_on` are not read.
enum TaskImport {
    static func write(
        _ rows: [TaskRow], _ references: References, by user: String, problems: inout [ImportProblem],
        _ db: any SQLDatabase
    ) async throws -> (created: Int, unchanged: Int) {
        var created = 0, unchanged = 0
        let fieldCodes = Set(references.catalogue.fields.map(\.code))
        var known: [String: StoredTask] = [:]
        for task in try await TaskRepository.list(.init(states: TaskState.allCases), db) {
            known["\(task.draft.localityID)|\(task.draft.title)"] = task
        }
        for row in rows {
            guard let locality = references.units[row.locality], !locality.kind.isOffice else {
                problems.append(
                    row.location.problem(
                        "locality", "\"\(row.locality)\" không phải một địa phương (UBND) có trong danh mục"))
                continue
            }
            func member(_ code: String, _ column: String) -> Int? {
                references.member(code, of: locality, column: column, at: row.location, &problems)?.id
            }
            let lead = member(row.lead, "lead")
            let helpers = row.coUnits.compactMap { member($0, "co_units") }
            if let field = row.field, !fieldCodes.contains(field) {
                problems.append(row.location.problem("field", "lĩnh vực \"\(field)\" không có trong danh mục"))
            }
            guard let lead else { continue }
            if let existing = known["\(locality.id)|\(row.title)"] {
                if existing.draft.leadUnitID == lead && existing.record.originalDeadline == row.deadline {
                    unchanged += 1
                } else {
                    problems.append(
                        row.location.problem(
                            "title",
                            "nhiệm vụ \"\(row.title)\" đã có với đơn vị chủ trì hoặc hạn khác; sửa trên trang nhiệm vụ (hạn mới theo đề nghị gia hạn)"
                        ))
                }
                continue
            }
            guard problems.isEmpty else { continue }
            let draft = TaskDraft(
                localityID: locality.id, title: row.title, content: row.content, source: row.source,
                sourceRef: row.sourceRef, fieldCode: row.field, priority: row.priority, assignerName: row.assignedBy,
                leadUnitID: lead, coUnitIDs: helpers, deadline: row.deadline)
            let reasons = draft.problems(toAssign: true)
            if !reasons.isEmpty {
                problems += reasons.map { row.location.problem(nil, $0) }
                continue
            }
            let id = try await TaskRepository.create(draft, state: .assigned, by: user, db)
            known["\(locality.id)|\(row.title)"] = try await TaskRepository.find(id: id, db)
            created += 1
        }
        return (created, unchanged)
    }

    /// The assigned tasks (the work programme's apart: its own table), as a file gives them.
    static func export(_ tree: UnitTree, today: CivilDate, _ db: any SQLDatabase) async throws -> [TaskRow] {
        try await TaskRepository.list(.init(), db).filter { $0.draft.source != .workProgramme }.compactMap { task in
            guard let locality = tree.byID[task.draft.localityID],
                let lead = task.draft.leadUnitID.flatMap({ tree.byID[$0] })
            else { return nil }
            let d = task.draft
            return TaskRow(
                locality: locality.code, title: d.title, content: d.content, source: d.source, sourceRef: d.sourceRef,
                field: d.fieldCode, priority: d.priority, assignedBy: d.assignerName, lead: lead.code,
                coUnits: d.coUnitIDs.compactMap { tree.byID[$0]?.code }, deadline: task.record.originalDeadline,
                status: task.status(today: today)?.rawValue, completedOn: task.record.completedOn)
        }
    }
}
