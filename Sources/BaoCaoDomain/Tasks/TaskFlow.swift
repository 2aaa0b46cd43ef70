/// A task as its lifecycle sees it: the deadline in force (after approved extensions), what the lead unit reported,
/// what waits for the assigner (a request to extend, a proposal that it is done), and when it was completed.
public struct TaskRecord: Hashable, Sendable {
    public struct Progress: Hashable, Sendable {
        public var on: CivilDate
        public var text: String
        /// 0...100, as the lead unit estimates it.
        public var percent: Int
        /// The document it rests on (number/ký hiệu and date), if any.
        public var document: String?

        public init(on: CivilDate, text: String, percent: Int, document: String? = nil) {
            self.on = on; self.text = text; self.percent = percent; self.document = document
        }
    }

    public struct Extension: Hashable, Sendable {
        public var to: CivilDate
        public var reason: String
        public var requestedOn: CivilDate

        public init(to: CivilDate, reason: String, requestedOn: CivilDate) {
            self.to = to; self.reason = reason; self.requestedOn = requestedOn
        }
    }

    public struct Completion: Hashable, Sendable {
        public var on: CivilDate
        public var text: String

        public init(on: CivilDate, text: String) { self.on = on; self.text = text }
    }

    public var deadline: TaskDeadline
    public var originalDeadline: TaskDeadline
    public var progress: [Progress] = []
    public var pendingExtension: Extension?
    public var proposedCompletion: Completion?
    public var completedOn: CivilDate?
    /// Why the assigner last sent a proposed completion back.
    public var sentBack: String?

    public init(deadline: TaskDeadline) {
        self.deadline = deadline; self.originalDeadline = deadline
    }

    public func status(today: CivilDate, rule: TaskDueRule = TaskDueRule()) -> TaskStatus {
        TaskStatus.of(
            deadline: deadline, completedOn: completedOn,
            progressReported: !progress.isEmpty || proposedCompletion != nil, today: today, rule: rule)
    }
}

/// Who takes a step: the lead unit (đơn vị chủ trì) reports, asks and proposes; the assigner (cơ quan, người giao)
/// decides.
public enum TaskActor: Hashable, Sendable { case lead, assigner }

public enum TaskStep: Hashable, Sendable {
    case reportProgress(TaskRecord.Progress)
    case requestExtension(to: CivilDate, reason: String)
    case approveExtension
    case refuseExtension(reason: String)
    case proposeCompletion(on: CivilDate, text: String)
    case confirmCompletion
    case sendBack(reason: String)
}

/// The steps a task may take, who may take them and when; a refused step says why in Vietnamese and changes nothing.
public enum TaskFlow {
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let description: String
    }

    public static func apply(
        _ step: TaskStep, by actor: TaskActor, to task: TaskRecord, today: CivilDate
    ) -> Result<TaskRecord, Refusal> {
        func refuse(_ why: String) -> Result<TaskRecord, Refusal> { .failure(Refusal(description: why)) }
        func blank(_ text: String) -> Bool { text.trimmingWhitespace().isEmpty }
        var next = task
        if task.completedOn != nil { return refuse("Nhiệm vụ đã hoàn thành; không thay đổi được nữa") }
        switch (step, actor) {
        case (.reportProgress(let p), .lead):
            guard (0...100).contains(p.percent) else { return refuse("Tiến độ phải từ 0 đến 100%") }
            guard !blank(p.text) else { return refuse("Chưa ghi nội dung báo cáo tiến độ") }
            guard p.on <= today else { return refuse("Ngày báo cáo tiến độ \(p.on.slashed) chưa tới") }
            next.progress.append(p)
        case (.requestExtension(let to, let reason), .lead):
            guard let due = task.deadline.date else {
                return refuse("Nhiệm vụ \(task.deadline.words) không có hạn để gia hạn")
            }
            guard task.pendingExtension == nil else { return refuse("Đang chờ quyết định về đề nghị gia hạn trước") }
            guard to > due, to >= today else {
                return refuse("Hạn mới phải sau hạn hiện tại \(due.slashed) và sau hôm nay")
            }
            guard !blank(reason) else { return refuse("Đề nghị gia hạn cần ghi lý do") }
            next.pendingExtension = .init(to: to, reason: reason, requestedOn: today)
        case (.approveExtension, .assigner):
            guard let request = task.pendingExtension else { return refuse("Không có đề nghị gia hạn nào đang chờ") }
            next.deadline = .on(request.to)
            next.pendingExtension = nil
        case (.refuseExtension(let reason), .assigner):
            guard task.pendingExtension != nil else { return refuse("Không có đề nghị gia hạn nào đang chờ") }
            guard !blank(reason) else { return refuse("Từ chối gia hạn cần ghi lý do") }
            next.pendingExtension = nil
        case (.proposeCompletion(let on, let text), .lead):
            guard task.proposedCompletion == nil else {
                return refuse("Đã đề nghị công nhận hoàn thành, đang chờ xác nhận")
            }
            guard on <= today else { return refuse("Ngày hoàn thành \(on.slashed) chưa tới") }
            guard !blank(text) else { return refuse("Đề nghị công nhận hoàn thành cần ghi kết quả") }
            next.proposedCompletion = .init(on: on, text: text)
            next.sentBack = nil
        case (.confirmCompletion, .assigner):
            guard let proposal = task.proposedCompletion else {
                return refuse("Đơn vị chủ trì chưa đề nghị công nhận hoàn thành")
            }
            next.completedOn = proposal.on
            next.proposedCompletion = nil
        case (.sendBack(let reason), .assigner):
            guard task.proposedCompletion != nil else { return refuse("Không có đề nghị hoàn thành nào để trả lại") }
            guard !blank(reason) else { return refuse("Trả lại cần ghi lý do") }
            next.proposedCompletion = nil
            next.sentBack = reason
        case (.reportProgress, .assigner), (.requestExtension, .assigner), (.proposeCompletion, .assigner):
            return refuse("Chỉ đơn vị chủ trì báo cáo tiến độ, đề nghị gia hạn và đề nghị công nhận hoàn thành")
        case (.approveExtension, .lead), (.refuseExtension, .lead), (.confirmCompletion, .lead), (.sendBack, .lead):
            return refuse("Chỉ cơ quan, người giao nhiệm vụ quyết định gia hạn và xác nhận hoàn thành")
        }
        return .success(next)
    }
}
