/// Which figures a page, a document or an export shows. Every reader of figures names one; nothing mixes them.
///
/// A value a reporter saves is part of the working view at once. It joins the official view only when the head of
/// its unit approves the unit's figures for the period (or when an administrator imports it); until then the
/// official view keeps the figure last approved. Publishing freezes the official view.
public enum FigureView: String, CaseIterable, Sendable, Codable {
    /// Every figure as entered, drafts included: what reporters, approvers and the compiler work on.
    case working = "lam-viec"
    /// Only approved figures: publication, the public page, the report a leader signs, exports for other systems.
    case official = "chinh-thuc"

    public var vietnameseName: String {
        switch self {
        case .working: return "Số liệu làm việc"
        case .official: return "Số liệu chính thức"
        }
    }

    /// What the view holds, as a page or a document states it.
    public var explanation: String {
        switch self {
        case .working: return "gồm cả số liệu đang nhập, chưa duyệt (được ghi rõ «chưa duyệt»)"
        case .official: return "chỉ gồm số liệu đã được duyệt"
        }
    }

    /// "Số liệu chính thức: chỉ gồm số liệu đã được duyệt".
    public var statement: String { "\(vietnameseName): \(explanation)" }
}
