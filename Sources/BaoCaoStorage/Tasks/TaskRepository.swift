import BaoCaoDomain
import SQLKit

/// Tasks as stored: created (proposed for review or assigned at once), revised while proposed, assigned or
/// dropped at review, and moved through their lifecycle by `TaskFlow` (each step with the version the person saw, so
/// two people's steps never overwrite each other), every change written to the task's history.
public enum TaskRepository {
    /// A step or a revision made on an older version than the stored one: nothing was written.
    public struct Conflict: Error, CustomStringConvertible {
        public var description: String {
            "Nhiệm vụ vừa được người khác thay đổi; chưa lưu. Tải lại trang để xem nội dung mới nhất rồi làm lại."
        }
    }

    /// A change refused: the lifecycle's or the draft's reasons, in Vietnamese.
    public typealias Refused = StepRefused

    public struct Filter: Sendable {
        public var localityIDs: [Int]?
        public var leadUnitIDs: [Int]?
        public var states: [TaskState] = [.assigned]
        public var source: TaskSource?
        public var fieldCode: String?
        public var sourceTemplate: String?
        public var sourcePeriod: Period?

        public init(
            localityIDs: [Int]? = nil, leadUnitIDs: [Int]? = nil, states: [TaskState] = [.assigned],
            source: TaskSource? = nil, fieldCode: String? = nil
        ) {
            self.localityIDs = localityIDs; self.leadUnitIDs = leadUnitIDs; self.states = states
            self.source = source; self.fieldCode = fieldCode
        }
    }

    @discardableResult
    public static func create(
        _ draft: TaskDraft, state: TaskState, by user: String, _ db: any SQLDatabase
    ) async throws -> Int {
        let problems = draft.problems(toAssign: state == .assigned)
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        let now = Timestamp.now()
        let (kind, due) = stored(draft.deadline)
        guard
            let id = try await db.raw(
                """
                INSERT INTO tasks (locality_id, title, content, source, source_ref, source_template, source_period,
                field_code, priority, assigner_name, lead_unit_id, co_unit_ids, deadline_kind, deadline, original_deadline,
                state, illustrative, version, created_by, created_at, updated_by, updated_at, programme_month, product)
                VALUES (\(bind: draft.localityID), \(bind: draft.title.trimmingWhitespace()), \(bind: draft.content),
                \(bind: draft.source.rawValue), \(bind: draft.sourceRef), \(bind: draft.sourceTemplate),
                \(bind: draft.sourcePeriod?.code), \(bind: draft.fieldCode), \(bind: draft.priority.rawValue),
                \(bind: draft.assignerName), \(bind: draft.leadUnitID), \(bind: ids(draft.coUnitIDs)), \(bind: kind),
                \(bind: due), \(bind: due), \(bind: state.rawValue), \(bind: draft.illustrative), \(bind: 1),
                \(bind: user), \(bind: now), \(bind: user), \(bind: now), \(bind: draft.programmeMonth),
                \(bind: draft.product)) RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw Conflict() }
        let what =
            state == .proposed
            ? "Đề xuất từ \((draft.sourceRef ?? draft.source.vietnameseName).lowercasingFirstWord), chờ rà soát"
            : "Giao nhiệm vụ, hạn \(draft.deadline.words)"
        try await event(id, state == .proposed ? "de_xuat" : "giao", what, by: user, at: now, db)
        return id
    }

    /// Rewrites a proposed task's draft at review (nothing of an assigned task: its deadline moves by extension).
    public static func revise(
        _ id: Int, to draft: TaskDraft, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        guard let task = try await find(id: id, db) else { throw Refused(reasons: ["Không có nhiệm vụ này"]) }
        guard task.state == .proposed else {
            throw Refused(reasons: [
                "Nhiệm vụ không còn chờ rà soát: đã giao thì không sửa được, hạn mới theo đề nghị gia hạn"
            ])
        }
        let problems = draft.problems(toAssign: false)
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        let (kind, due) = stored(draft.deadline)
        let now = Timestamp.now()
        let changed = try await db.raw(
            """
            UPDATE tasks SET title = \(bind: draft.title.trimmingWhitespace()), content = \(bind: draft.content),
            field_code = \(bind: draft.fieldCode), priority = \(bind: draft.priority.rawValue),
            assigner_name = \(bind: draft.assignerName), lead_unit_id = \(bind: draft.leadUnitID),
            co_unit_ids = \(bind: ids(draft.coUnitIDs)), deadline_kind = \(bind: kind), deadline = \(bind: due),
            illustrative = \(bind: draft.illustrative), product = \(bind: draft.product),
            original_deadline = \(bind: due), version = version + 1, updated_by = \(bind: user), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw Conflict() }
        try await event(id, "sua", "Sửa khi rà soát", by: user, at: now, db)
    }

    /// The review's decision on a proposed task: assign it (it needs a lead unit) or drop it.
    public static func decide(
        _ id: Int, assign: Bool, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        guard let task = try await find(id: id, db) else { throw Refused(reasons: ["Không có nhiệm vụ này"]) }
        guard task.state == .proposed else { throw Refused(reasons: ["Nhiệm vụ không còn chờ rà soát"]) }
        if assign {
            let problems = task.draft.problems(toAssign: true)
            guard problems.isEmpty else { throw Refused(reasons: problems) }
        }
        let now = Timestamp.now()
        let state: TaskState = assign ? .assigned : .dropped
        let changed = try await db.raw(
            """
            UPDATE tasks SET state = \(bind: state.rawValue), version = version + 1, updated_by = \(bind: user),
            updated_at = \(bind: now) WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw Conflict() }
        try await event(
            id, assign ? "giao" : "bo", assign ? "Giao nhiệm vụ, hạn \(task.record.deadline.words)" : "Không giao",
            by: user, at: now, db)
    }

    /// Takes one step of the task's lifecycle as `actor`, on the version the person saw.
    @discardableResult
    public static func apply(
        _ step: TaskStep, by actor: TaskActor, to id: Int, expecting version: Int, today: CivilDate, user: String,
        _ db: any SQLDatabase
    ) async throws -> StoredTask {
        guard let task = try await find(id: id, db) else { throw Refused(reasons: ["Không có nhiệm vụ này"]) }
        guard task.state == .assigned else { throw Refused(reasons: ["Nhiệm vụ chưa được giao"]) }
        guard task.version == version else { throw Conflict() }
        let next: TaskRecord
        switch TaskFlow.apply(step, by: actor, to: task.record, today: today) {
        case .success(let record): next = record
        case .failure(let refusal): throw Refused(reasons: [refusal.description])
        }
        let now = Timestamp.now()
        let (_, due) = stored(next.deadline)
        let changed = try await db.raw(
            """
            UPDATE tasks SET deadline = \(bind: due), extension_to = \(bind: next.pendingExtension?.to.description),
            extension_reason = \(bind: next.pendingExtension?.reason),
            extension_on = \(bind: next.pendingExtension?.requestedOn.description),
            proposed_on = \(bind: next.proposedCompletion?.on.description),
            proposed_text = \(bind: next.proposedCompletion?.text), completed_on = \(bind: next.completedOn?.description),
            sent_back = \(bind: next.sentBack), version = version + 1, updated_by = \(bind: user), updated_at = \(bind: now)
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw Conflict() }
        if case .reportProgress(let p) = step {
            try await db.raw(
                """
                INSERT INTO task_progress (task_id, on_date, text, percent, document, created_by, created_at)
                VALUES (\(bind: id), \(bind: p.on.description), \(bind: p.text), \(bind: p.percent), \(bind: p.document),
                \(bind: user), \(bind: now))
                """
            ).run()
        }
        let (action, detail) = describe(step, before: task.record)
        try await event(id, action, detail, by: user, at: now, db)
        guard let stored = try await find(id: id, db) else { throw Conflict() }
        return stored
    }

    static func describe(_ step: TaskStep, before: TaskRecord) -> (String, String) {
        switch step {
        case .reportProgress(let p):
            return ("tien_do", "Báo cáo tiến độ ngày \(p.on.slashed), đạt \(p.percent)%: \(p.text)")
        case .requestExtension(let to, let reason):
            return ("de_nghi_gia_han", "Đề nghị gia hạn đến \(to.slashed): \(reason)")
        case .approveExtension:
            return ("dong_y_gia_han", "Đồng ý gia hạn đến \(before.pendingExtension?.to.slashed ?? "")")
        case .refuseExtension(let reason): return ("tu_choi_gia_han", "Không đồng ý gia hạn: \(reason)")
        case .proposeCompletion(let on, let text):
            return ("de_nghi_hoan_thanh", "Đề nghị công nhận hoàn thành ngày \(on.slashed): \(text)")
        case .confirmCompletion:
            return (
                "xac_nhan_hoan_thanh",
                "Xác nhận hoàn thành ngày \(before.proposedCompletion?.on.slashed ?? "")"
            )
        case .sendBack(let reason): return ("tra_lai", "Trả lại đề nghị hoàn thành: \(reason)")
        }
    }

    public static func find(id: Int, _ db: any SQLDatabase) async throws -> StoredTask? {
        try await load("WHERE id = \(bind: id)", db).first
    }

    public static func list(_ filter: Filter, _ db: any SQLDatabase) async throws -> [StoredTask] {
        var condition: SQLQueryString = "WHERE state IN (\(binds: filter.states.map(\.rawValue)))"
        func and(_ column: String, _ value: String) {
            condition.appendLiteral(" AND \(column) = ")
            condition.appendInterpolation(bind: value)
        }
        if let ids = filter.localityIDs {
            condition.appendInterpolation(unsafeRaw: " AND locality_id IN (\(numbers(ids)))")
        }
        if let ids = filter.leadUnitIDs {
            condition.appendInterpolation(unsafeRaw: " AND lead_unit_id IN (\(numbers(ids)))")
        }
        if let source = filter.source { and("source", source.rawValue) }
        if let field = filter.fieldCode { and("field_code", field) }
        if let template = filter.sourceTemplate { and("source_template", template) }
        if let period = filter.sourcePeriod { and("source_period", period.code) }
        return try await load(condition, db)
    }

    /// The history of a task, oldest first.
    public static func events(of id: Int, _ db: any SQLDatabase) async throws -> [TaskEvent] {
        try await db.raw(
            """
            SELECT action, detail, created_by, created_at FROM task_events WHERE task_id = \(bind: id) ORDER BY id
            """
        ).all().map { row in
            TaskEvent(
                action: try row.decode(column: "action", as: String.self),
                detail: try row.decode(column: "detail", as: String.self),
                by: try row.decode(column: "created_by", as: String.self),
                at: try row.decode(column: "created_at", as: String.self))
        }
    }

    /// Whether a report (template, locality, period) has already set tasks, in any state.
    public static func hasTasks(
        fromReport template: String, localityID: Int, period: Period, _ db: any SQLDatabase
    ) async throws -> Bool {
        try await db.raw(
            """
            SELECT COUNT(*) AS n FROM tasks WHERE source_template = \(bind: template)
            AND locality_id = \(bind: localityID) AND source_period = \(bind: period.code)
            """
        ).first()?.decode(column: "n", as: Int.self) ?? 0 > 0
    }

    // MARK: - Rows

    /// Only ids and fixed words go into the SQL text itself; everything typed is bound.
    static func numbers(_ ids: [Int]) -> String { ids.isEmpty ? "NULL" : ids.map(String.init).joined(separator: ", ") }

    static func ids(_ list: [Int]) -> String { list.map(String.init).joined(separator: ",") }

    static func stored(_ deadline: TaskDeadline) -> (kind: String, date: String?) {
        switch deadline {
        case .on(let d): return ("han", d.description)
        case .none: return ("khong", nil)
        case .recurring: return ("thuong_xuyen", nil)
        }
    }

    static func deadline(kind: String, date: String?) -> TaskDeadline {
        switch kind {
        case "thuong_xuyen": return .recurring
        case "han": return date.flatMap(CivilDate.init(iso:)).map { .on($0) } ?? .none
        default: return .none
        }
    }

    static func load(_ condition: SQLQueryString, _ db: any SQLDatabase) async throws -> [StoredTask] {
        var query: SQLQueryString = "SELECT * FROM tasks "
        query.appendInterpolation(condition)
        query.appendLiteral(" ORDER BY id")
        let rows = try await db.raw(query).all()
        let taskIDs = try rows.map { try $0.decode(column: "id", as: Int.self) }
        var progress: [Int: [TaskRecord.Progress]] = [:]
        if !taskIDs.isEmpty {
            for row in try await db.raw(
                """
                SELECT task_id, on_date, text, percent, document FROM task_progress
                WHERE task_id IN (\(unsafeRaw: numbers(taskIDs))) ORDER BY on_date, id
                """
            ).all() {
                guard let on = CivilDate(iso: try row.decode(column: "on_date", as: String.self)) else { continue }
                progress[try row.decode(column: "task_id", as: Int.self), default: []].append(
                    .init(
                        on: on, text: try row.decode(column: "text", as: String.self),
                        percent: try row.decode(column: "percent", as: Int.self),
                        document: try row.decode(column: "document", as: String?.self)))
            }
        }
        return try rows.map { row in
            func date(_ column: String) throws -> CivilDate? {
                try row.decode(column: column, as: String?.self).flatMap(CivilDate.init(iso:))
            }
            let id = try row.decode(column: "id", as: Int.self)
            let kind = try row.decode(column: "deadline_kind", as: String.self)
            let draft = TaskDraft(
                localityID: try row.decode(column: "locality_id", as: Int.self),
                title: try row.decode(column: "title", as: String.self),
                content: try row.decode(column: "content", as: String.self),
                source: TaskSource(rawValue: try row.decode(column: "source", as: String.self)) ?? .other,
                sourceRef: try row.decode(column: "source_ref", as: String?.self),
                sourceTemplate: try row.decode(column: "source_template", as: String?.self),
                sourcePeriod: try row.decode(column: "source_period", as: String?.self).flatMap {
                    try? Period(code: $0)
                },
                fieldCode: try row.decode(column: "field_code", as: String?.self),
                priority: TaskPriority(rawValue: try row.decode(column: "priority", as: String.self)) ?? .normal,
                assignerName: try row.decode(column: "assigner_name", as: String?.self),
                leadUnitID: try row.decode(column: "lead_unit_id", as: Int?.self),
                coUnitIDs: try row.decode(column: "co_unit_ids", as: String.self).split(separator: ",").compactMap {
                    Int($0)
                },
                deadline: deadline(kind: kind, date: try row.decode(column: "deadline", as: String?.self)),
                illustrative: try row.decode(column: "illustrative", as: Bool.self),
                programmeMonth: try row.decode(column: "programme_month", as: Int?.self),
                product: try row.decode(column: "product", as: String?.self))
            var record = TaskRecord(deadline: draft.deadline)
            record.originalDeadline = deadline(
                kind: kind, date: try row.decode(column: "original_deadline", as: String?.self))
            record.progress = progress[id] ?? []
            if let to = try date("extension_to"), let on = try date("extension_on") {
                record.pendingExtension = .init(
                    to: to, reason: try row.decode(column: "extension_reason", as: String?.self) ?? "", requestedOn: on)
            }
            if let on = try date("proposed_on") {
                record.proposedCompletion = .init(
                    on: on, text: try row.decode(column: "proposed_text", as: String?.self) ?? "")
            }
            record.completedOn = try date("completed_on")
            record.sentBack = try row.decode(column: "sent_back", as: String?.self)
            return StoredTask(
                id: id, draft: draft,
                state: TaskState(rawValue: try row.decode(column: "state", as: String.self)) ?? .proposed,
                record: record, version: try row.decode(column: "version", as: Int.self),
                createdBy: try row.decode(column: "created_by", as: String.self),
                createdAt: try row.decode(column: "created_at", as: String.self),
                updatedBy: try row.decode(column: "updated_by", as: String.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
        }
    }

    static func event(
        _ id: Int, _ action: String, _ detail: String, by user: String, at: String, _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO task_events (task_id, action, detail, created_by, created_at)
            VALUES (\(bind: id), \(bind: action), \(bind: detail), \(bind: user), \(bind: at))
            """
        ).run()
    }
}
