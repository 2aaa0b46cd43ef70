import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// `GET /api/v1/tasks`: the assigned tasks the account may read (of its body, its units, or units helping), with
/// their status computed for today. `?unit=` a lead unit or assigning body (code), `?status=`, `?field=`,
/// `?source=`.
enum TasksAPI {
    struct TaskDTO: Content {
        var id: Int
        var title: String
        var content: String
        var source: String
        var sourceRef: String?
        var locality: String?
        var leadUnit: String?
        var leadUnitName: String
        var coUnits: [String]
        var field: String?
        var priority: String
        var deadlineKind: String
        var deadline: String?
        var originalDeadline: String?
        var status: String?
        var statusName: String?
        var statusWords: String?
        var lastProgressPercent: Int?
        var completedOn: String?
        var waiting: String?
        var illustrative: Bool
    }

    static func list(_ req: Request, _ web: Web) async throws -> [TaskDTO] {
        let c = try await TaskContext.load(req, web)
        let unit = try c.unitParameter(req)
        let status = req.queryText("status")
        if let status, TaskStatus(rawValue: status) == nil {
            throw Abort(
                .badRequest,
                reason:
                    "Tình trạng không đúng; một trong: \(TaskStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var filter = TaskRepository.Filter()
        filter.fieldCode = req.queryText("field")
        filter.source = req.queryText("source").flatMap(TaskSource.init(rawValue:))
        return try await TaskRepository.list(filter, web.db).filter { t in
            c.mayRead(t)
                && (unit.map { t.draft.leadUnitID == $0.id || t.draft.localityID == $0.id } ?? true)
                && (status.map { t.status(today: c.today, rule: c.rule)?.rawValue == $0 } ?? true)
        }.map { dto($0, c) }
    }

    static func dto(_ t: StoredTask, _ c: TaskContext) -> TaskDTO {
        let status = t.status(today: c.today, rule: c.rule)
        let kind: String =
            switch t.record.deadline {
            case .on: "han"
            case .none: "khong"
            case .recurring: "thuong_xuyen"
            }
        return TaskDTO(
            id: t.id, title: t.draft.title, content: t.draft.content, source: t.draft.source.rawValue,
            sourceRef: t.draft.sourceRef, locality: c.tree.byID[t.draft.localityID]?.code,
            leadUnit: t.draft.leadUnitID.flatMap { c.tree.byID[$0]?.code },
            leadUnitName: c.unitName(t.draft.leadUnitID),
            coUnits: t.draft.coUnitIDs.compactMap { c.tree.byID[$0]?.code }, field: t.draft.fieldCode,
            priority: t.draft.priority.rawValue, deadlineKind: kind, deadline: t.record.deadline.date?.description,
            originalDeadline: t.record.originalDeadline.date?.description, status: status?.rawValue,
            statusName: status?.vietnameseName, statusWords: t.statusWords(today: c.today, rule: c.rule),
            lastProgressPercent: t.lastProgress?.percent, completedOn: t.record.completedOn?.description,
            waiting: TaskContext.waiting(t), illustrative: t.draft.illustrative)
    }
}
