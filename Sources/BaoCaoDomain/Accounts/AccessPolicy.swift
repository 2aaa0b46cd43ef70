/// Who may do what, and where: the rules every write (and every read of a draft) is checked against on the server.
/// Groundwork for the web application (issue 4): pure, so the whole role × unit × action matrix is tested here.
public enum Role: String, CaseIterable, Sendable, Codable {
    /// Manages the catalogue and the accounts of its locality.
    case administrator = "quan_tri"
    /// Enters a unit's figures and narrative.
    case reporter = "bao_cao_vien"
    /// Head of a unit: approves or returns what the unit submits.
    case approver = "phe_duyet"
    /// Assembles the report of a locality.
    case compiler = "tong_hop"
    /// Reads everything of the locality.
    case leader = "lanh_dao"
}

extension Role {
    public var vietnameseName: String {
        switch self {
        case .administrator: return "Quản trị"
        case .reporter: return "Báo cáo viên"
        case .approver: return "Phê duyệt"
        case .compiler: return "Tổng hợp"
        case .leader: return "Lãnh đạo"
        }
    }
}

public enum Action: String, CaseIterable, Sendable {
    case readPublished, readDraft, enterFigures, submit, approve, returnForChanges, reopen, assembleReport
    case manageCatalogue, manageAccounts
    /// Assign tasks, decide on extensions, confirm or send back their completion (the assigning body).
    case assignTasks
    /// Report a task's progress, ask for more time, propose it done (the lead unit).
    case reportTask
    /// Receive citizens and letters, classify and handle them (the reception office, the inspectorate, the head).
    case handleLetters

    /// As the security log writes it.
    public var vietnameseName: String {
        switch self {
        case .readPublished: return "xem bản đã công bố"
        case .readDraft: return "xem số liệu chưa duyệt"
        case .enterFigures: return "nhập số liệu"
        case .submit: return "gửi duyệt"
        case .approve: return "duyệt"
        case .returnForChanges: return "trả lại"
        case .reopen: return "mở lại"
        case .assembleReport: return "tổng hợp báo cáo"
        case .manageCatalogue: return "quản lý danh mục"
        case .manageAccounts: return "quản lý tài khoản"
        case .assignTasks: return "giao nhiệm vụ"
        case .reportTask: return "báo cáo thực hiện nhiệm vụ"
        case .handleLetters: return "tiếp công dân, xử lý đơn"
        }
    }
}

/// A role held over a unit and every unit below it.
public struct RoleGrant: Hashable, Sendable, Codable {
    public var role: Role
    public var unitID: Int
    public init(role: Role, unitID: Int) { self.role = role; self.unitID = unitID }
}

public enum AccessPolicy {
    /// What each role may do inside its scope.
    static let actions: [Role: Set<Action>] = [
        .administrator: Set(Action.allCases),
        .reporter: [.readPublished, .readDraft, .enterFigures, .submit, .reportTask, .handleLetters],
        .approver: [.readPublished, .readDraft, .approve, .returnForChanges, .reopen, .reportTask, .handleLetters],
        .compiler: [.readPublished, .readDraft, .assembleReport, .assignTasks, .handleLetters],
        .leader: [.readPublished, .readDraft, .assignTasks, .handleLetters],
    ]

    /// Whether someone holding `grants` may do `action` on the unit whose id is first in `targetAncestry`, followed
    /// by the ids of every unit above it. Published material is open to everyone, without an account.
    public static func allows(_ grants: [RoleGrant], _ action: Action, on targetAncestry: [Int]) -> Bool {
        if action == .readPublished { return true }
        let scope = Set(targetAncestry)
        return grants.contains { scope.contains($0.unitID) && actions[$0.role, default: []].contains(action) }
    }
}
