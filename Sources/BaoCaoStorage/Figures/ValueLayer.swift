import BaoCaoDomain
import SQLKit

/// Where each view's figures are kept: the working values as entered, and the official values as last approved,
/// each with the live sums of the commune values below every unit.
enum ValueLayer: Sendable {
    case working, official

    init(_ view: FigureView) { self = view == .working ? .working : .official }

    var valuesTable: String { self == .working ? Table.values : Table.officialValues }
    var values: SQLIdentifier { SQLIdentifier(valuesTable) }
    var rollups: SQLIdentifier { SQLIdentifier(self == .working ? Table.rollups : Table.officialRollups) }
}

/// A figure that would not fit BaoCao's arithmetic: refused with a message, the transaction rolled back.
public struct FigureOutOfRange: Error, CustomStringConvertible {
    public let description: String
    static let sum = FigureOutOfRange(
        description: "tổng cộng dồn lên đơn vị cấp trên sẽ vượt giới hạn tính toán; kiểm tra lại các số vừa nhập")
}
