import XCTest

@testable import BaoCaoDomain

/// Issue 11, part 6: each indicator explains itself beside the entry form.
final class IndicatorHelpTests: XCTestCase {
    func testAFormulaIsWrittenInTheNamesOfWhatItReads() {
        let rate = Indicator(
            code: "TY_LE", name: "Tỷ lệ giải quyết đơn", unitOfMeasure: "%", field: "tt",
            timeAggregation: .none, formula: "DON_GQ / DON_TN * 100", reportedBy: .office,
            definition: "Tỷ lệ số đơn đã giải quyết xong trên số đơn tiếp nhận.", source: "Sổ theo dõi đơn.")
        let help = IndicatorHelp(
            rate, names: ["DON_GQ": "Số đơn đã giải quyết", "DON_TN": "Số đơn tiếp nhận"], owner: "Thanh tra quận")
        XCTAssertEqual(
            help.lines.map(\.label),
            ["Định nghĩa", "Cách tính", "Tổng hợp", "Đơn vị báo cáo", "Nguồn số liệu", "Đánh giá"])
        XCTAssertEqual(help.lines[1].text, "«Số đơn đã giải quyết» ÷ «Số đơn tiếp nhận» × 100")
        XCTAssertEqual(help.lines[3].text, "Thanh tra quận báo cáo")
    }

    func testWithoutADefinitionItStillSaysHowItAddsUpAndWhoReports() {
        let poor = Indicator(
            code: "HO_NGHEO", name: "Số hộ nghèo", unitOfMeasure: "hộ", field: "vh", timeAggregation: .stock,
            reportedBy: .commune, betterWhen: .lower)
        let help = IndicatorHelp(poor, names: [:], owner: "Phòng Lao động - Thương binh và Xã hội")
        XCTAssertEqual(
            help.lines.map(\.text),
            [
                "số tại thời điểm cuối kỳ; số của địa phương là tổng số của các đơn vị",
                "từng xã, phường báo cáo; Phòng Lao động - Thương binh và Xã hội theo dõi",
                "càng thấp càng tốt; kế hoạch năm là mức trần",
            ])
    }
}
