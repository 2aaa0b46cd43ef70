import BaoCaoDomain
import SQLKit

/// Where each view's figures are kept. The working values are `data_values`. The official values are mostly the same
/// rows: a working row marked `approved` is itself the official value. Only when an approved value is changed or
/// deleted in the working view, while the change waits for approval, is the approved value kept apart, in
/// `official_values`. So an approved figure is stored once, and one row of live sums per unit, indicator and period
/// serves both views (`RollupTable`).
enum ValueLayer: Sendable {
    case working, official

    init(_ view: FigureView) { self = view == .working ? .working : .official }

    /// The layer's values as a relation to select from (give it an alias).
    var values: SQLQueryString {
        switch self {
        case .working: return "data_values"
        case .official:
            return """
                (SELECT \(unsafeRaw: Self.columns) FROM data_values WHERE approved = \(true) \
                UNION ALL SELECT \(unsafeRaw: Self.columns) FROM official_values)
                """
        }
    }

    static let columns = "indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at"
}

/// A figure that would not fit BaoCao's arithmetic: refused with a message, the transaction rolled back.
public struct FigureOutOfRange: Error, CustomStringConvertible {
    public let description: String
    static let sum = FigureOutOfRange(
        description: "tổng cộng dồn lên đơn vị cấp trên sẽ vượt giới hạn tính toán; kiểm tra lại các số vừa nhập")
}
