import BaoCaoDomain

/// What the assigner writes of a task: everything but its lifecycle.
public struct TaskDraft: Hashable, Sendable {
    public var localityID: Int
    public var title: String
    public var content: String
    public var source: TaskSource
    /// The document, meeting or report it comes from, as written ("Kết luận số 12/TB-UBND ngày 05/7/2017").
    public var sourceRef: String?
    public var sourceTemplate: String?
    public var sourcePeriod: Period?
    public var fieldCode: String?
    public var priority: TaskPriority
    public var assignerName: String?
    public var leadUnitID: Int?
    public var coUnitIDs: [Int]
    public var deadline: TaskDeadline
    public var illustrative: Bool
    /// A work programme item's month (its year is `sourcePeriod`), and what it leads to.
    public var programmeMonth: Int?
    public var product: String?

    public init(
        localityID: Int, title: String, content: String, source: TaskSource, sourceRef: String? = nil,
        sourceTemplate: String? = nil, sourcePeriod: Period? = nil, fieldCode: String? = nil,
        priority: TaskPriority = .normal, assignerName: String? = nil, leadUnitID: Int? = nil, coUnitIDs: [Int] = [],
        deadline: TaskDeadline, illustrative: Bool = false, programmeMonth: Int? = nil, product: String? = nil
    ) {
        self.localityID = localityID; self.title = title; self.content = content; self.source = source
        self.sourceRef = sourceRef; self.sourceTemplate = sourceTemplate; self.sourcePeriod = sourcePeriod
        self.fieldCode = fieldCode; self.priority = priority; self.assignerName = assignerName
        self.leadUnitID = leadUnitID; self.coUnitIDs = coUnitIDs; self.deadline = deadline
        self.illustrative = illustrative; self.programmeMonth = programmeMonth; self.product = product
    }

    /// What is wrong with it, in Vietnamese, field by field; empty when it may be saved. Assigning needs a lead unit.
    public func problems(toAssign: Bool) -> [String] {
        var problems: [String] = []
        if title.trimmingWhitespace().isEmpty { problems.append("Tên nhiệm vụ: chưa ghi") }
        if title.count > 500 { problems.append("Tên nhiệm vụ: dài quá 500 ký tự") }
        if content.count > 20_000 { problems.append("Nội dung: dài quá 20.000 ký tự") }
        if toAssign && leadUnitID == nil { problems.append("Đơn vị chủ trì: chưa chọn") }
        if let lead = leadUnitID, coUnitIDs.contains(lead) {
            problems.append("Đơn vị phối hợp: không trùng đơn vị chủ trì")
        }
        return problems
    }
}

/// A stored task: its draft, where it stands in review, its lifecycle, and who changed it last.
public struct StoredTask: Hashable, Sendable {
    public var id: Int
    public var draft: TaskDraft
    public var state: TaskState
    public var record: TaskRecord
    public var version: Int
    public var createdBy: String
    public var createdAt: String
    public var updatedBy: String
    public var updatedAt: String

    /// Its status on `today`; nil until it is assigned.
    public func status(today: CivilDate, rule: TaskDueRule = TaskDueRule()) -> TaskStatus? {
        state == .assigned ? record.status(today: today, rule: rule) : nil
    }

    /// "quá hạn 3 ngày", "còn 2 ngày", … beside the status.
    public func statusWords(today: CivilDate, rule: TaskDueRule = TaskDueRule()) -> String? {
        guard state == .assigned else { return nil }
        return TaskStatus.words(
            deadline: record.deadline, completedOn: record.completedOn, today: today, rule: rule)
    }

    /// The last progress reported, if any.
    public var lastProgress: TaskRecord.Progress? { record.progress.last }
}

/// One change to a task, as its history shows it.
public struct TaskEvent: Hashable, Sendable {
    public var action: String
    public var detail: String
    public var by: String
    public var at: String
}
