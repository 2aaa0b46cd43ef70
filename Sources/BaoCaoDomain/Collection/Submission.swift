/// Where a unit's figures for one period stand in the collection cycle.
public enum SubmissionStatus: String, CaseIterable, Sendable, Codable {
    case notStarted = "chua_bat_dau"
    case draft = "nhap"
    case submitted = "da_gui"
    case returned = "tra_lai"
    case approved = "da_duyet"

    public var vietnameseName: String {
        switch self {
        case .notStarted: return "Chưa bắt đầu"
        case .draft: return "Đang nhập"
        case .submitted: return "Đã gửi, chờ duyệt"
        case .returned: return "Bị trả lại"
        case .approved: return "Đã duyệt"
        }
    }

    /// Whether the unit's reporters may change its figures.
    public var isEditable: Bool { [.notStarted, .draft, .returned].contains(self) }

    /// Whether the unit has done its part (a deadline passed in this state is not late).
    public var isDelivered: Bool { [.submitted, .approved].contains(self) }
}

/// A step of the collection cycle, and the status it leads to.
public enum SubmissionStep: String, CaseIterable, Sendable {
    case saveDraft, submit, approve, returnForChanges, reopen

    /// The permission the step needs.
    public var action: Action {
        switch self {
        case .saveDraft: return .enterFigures
        case .submit: return .submit
        case .approve: return .approve
        case .returnForChanges: return .returnForChanges
        case .reopen: return .reopen
        }
    }

    public var vietnameseName: String {
        switch self {
        case .saveDraft: return "Lưu nháp"
        case .submit: return "Gửi duyệt"
        case .approve: return "Duyệt"
        case .returnForChanges: return "Trả lại"
        case .reopen: return "Mở lại"
        }
    }
}

public enum SubmissionFlow {
    public struct Refusal: Error, Equatable, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// The status after `step` from `status`, or why the step is not allowed now. Returning needs a reason.
    public static func next(
        from status: SubmissionStatus, _ step: SubmissionStep, reason: String? = nil
    ) -> Result<SubmissionStatus, Refusal> {
        switch (step, status) {
        case (.saveDraft, let s) where s.isEditable: return .success(.draft)
        case (.saveDraft, .submitted):
            return .failure(Refusal(description: "Số liệu đã gửi, đang chờ duyệt: không sửa được"))
        case (.saveDraft, _):
            return .failure(Refusal(description: "Số liệu đã duyệt và bị khóa; cần mở lại trước khi sửa"))
        case (.submit, .draft), (.submit, .returned): return .success(.submitted)
        case (.submit, .notStarted): return .failure(Refusal(description: "Chưa có số liệu nào để gửi"))
        case (.submit, _): return .failure(Refusal(description: "Số liệu đã được gửi"))
        case (.approve, .submitted): return .success(.approved)
        case (.returnForChanges, .submitted), (.returnForChanges, .approved):
            guard let reason, !reason.trimmingWhitespace().isEmpty else {
                return .failure(Refusal(description: "Cần ghi lý do trả lại"))
            }
            return .success(.returned)
        case (.reopen, .approved): return .success(.draft)
        case (.approve, _), (.returnForChanges, _):
            return .failure(Refusal(description: "Chỉ duyệt hoặc trả lại số liệu đã gửi"))
        case (.reopen, _): return .failure(Refusal(description: "Chỉ mở lại số liệu đã duyệt"))
        }
    }

    /// Whether `deadline` has passed on `today` without the unit delivering.
    public static func isLate(_ status: SubmissionStatus, deadline: CivilDate?, today: CivilDate) -> Bool {
        guard let deadline, !status.isDelivered else { return false }
        return today > deadline
    }
}

/// Whether a unit sent its figures by the deadline: on time, late by how many days, or not yet (and how long until
/// or since the deadline). What the tracker says instead of a bare "Đã nộp".
public enum SubmissionTiming: Hashable, Sendable {
    case onTime
    case sentLate(days: Int)
    /// Sent, but when is not known (figures sent before BaoCao kept the day).
    case sent
    case due(daysLeft: Int)
    case overdue(days: Int)

    /// `sentOn`: the day (in Vietnam) the figures were last sent, when they are sent.
    public static func of(
        _ status: SubmissionStatus, sentOn: CivilDate?, deadline: CivilDate, today: CivilDate
    ) -> SubmissionTiming {
        if status.isDelivered {
            guard let sentOn else { return .sent }
            let late = sentOn.dayNumber - deadline.dayNumber
            return late > 0 ? .sentLate(days: late) : .onTime
        }
        let left = deadline.dayNumber - today.dayNumber
        return left >= 0 ? .due(daysLeft: left) : .overdue(days: -left)
    }

    public var words: String {
        switch self {
        case .onTime: return "Nộp đúng hạn"
        case .sentLate(let d): return "Nộp muộn \(Self.count(d)) ngày"
        case .sent: return "Đã nộp"
        case .due(0): return "Hạn là hôm nay"
        case .due(let d): return "Còn \(Self.count(d)) ngày"
        case .overdue(let d): return "Quá hạn \(Self.count(d)) ngày"
        }
    }

    /// Late, sent or not.
    public var isLate: Bool {
        switch self {
        case .sentLate, .overdue: return true
        case .onTime, .sent, .due: return false
        }
    }
}
