/// Nobody approves figures they entered or submitted, whatever roles they hold: an approval is a second person's
/// check. A locality may allow it (a ward with a single official), as a setting of its own.
public enum SeparationOfDuties {
    /// The setting's name in a locality's settings; its value `cho_phep` allows approving one's own figures.
    public static let setting = "tu_duyet"
    public static let allowed = "cho_phep"

    /// Why `approver` may not approve figures submitted by `submitter` and changed (since the last approval) by
    /// `editors`; nil when they may.
    public static func refusal(
        approver: String, submitter: String?, editors: Set<String>, selfApprovalAllowed: Bool
    ) -> SubmissionFlow.Refusal? {
        guard !selfApprovalAllowed else { return nil }
        if submitter == approver {
            return .init(description: "Bạn đã gửi số liệu này nên không tự duyệt được; cần người khác duyệt")
        }
        if editors.contains(approver) {
            return .init(
                description: "Bạn đã nhập hoặc sửa số liệu đang chờ duyệt nên không tự duyệt được; cần người khác duyệt"
            )
        }
        return nil
    }
}
