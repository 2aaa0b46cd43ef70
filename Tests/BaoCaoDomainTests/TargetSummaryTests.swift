import XCTest

@testable import BaoCaoDomain

/// Issue 11, part 3: how the year's targets stand, counted by `TargetProgress`, and the list of those behind.
final class TargetSummaryTests: XCTestCase {
    static let h1 = Period.firstMonths(2017, 6)

    static func figure(
        _ code: String, _ name: String, value: String?, target: String, better: BetterWhen = .higher
    ) -> Figure {
        Figure(
            indicator: Indicator(
                code: code, name: name, unitOfMeasure: "tỷ đồng", field: "kt", betterWhen: better),
            period: h1, current: value.map { Observation(value: Amount(plain: $0)!, status: .final) },
            target: TargetValue(value: Amount(plain: target)!, kind: .plan))
    }

    func testItCountsByPaceAndListsThoseBehindWithTheirFigure() {
        let figures = [
            Self.figure("A", "Thu ngân sách", value: "60", target: "100"),  // 60% of the year at 6 months: on pace
            Self.figure("B", "Chi đầu tư", value: "45", target: "100"),  // 90% of the pace: near
            Self.figure("C", "Vốn huy động", value: "20", target: "100"),  // 40% of the pace: behind
            Self.figure("D", "Tai nạn giao thông", value: "80", target: "100", better: .lower),  // a ceiling passed
            Self.figure("E", "Thu phí", value: nil, target: "10"),
            Figure(
                indicator: Indicator(code: "F", name: "Không có kế hoạch", unitOfMeasure: "người", field: "kt"),
                period: Self.h1, current: Observation(value: Amount(5), status: .final)),
        ]
        let summary = TargetSummary(period: Self.h1, figures: figures)
        XCTAssertEqual(summary.total, 5, "only the indicators with a target")
        XCTAssertEqual(
            summary.sentence,
            "trong 5 chỉ tiêu có kế hoạch năm 2017: 1 chỉ tiêu đạt hoặc vượt tiến độ 6 tháng, 1 chỉ tiêu gần đạt, 2 chỉ tiêu chậm tiến độ; 1 chỉ tiêu chưa có số liệu"
        )
        XCTAssertEqual(
            summary.shortfalls,
            [
                "Vốn huy động: đạt 20 tỷ đồng, bằng 20% kế hoạch năm (tiến độ 6 tháng: 50%)",
                "Tai nạn giao thông: đạt 80 tỷ đồng, bằng 80% kế hoạch năm (mức tối đa theo tiến độ 6 tháng: 50%)",
            ])
    }

    func testATemplateWritesTheSummaryAndTheListWhereItSaysSo() {
        let template = ReportTemplate(blocks: [
            .paragraph("Tình hình chung: {targets_summary}."), .paragraph("Tồn tại:"), .list(.shortfalls),
        ])
        let figures = [Self.figure("C", "Vốn huy động", value: "20", target: "100")]
        let document = ReportRenderer.render(template, period: Self.h1, figures: figures)
        XCTAssertEqual(
            document.bodyText,
            """
            Tình hình chung: Trong 1 chỉ tiêu có kế hoạch năm 2017: 1 chỉ tiêu chậm tiến độ.
            Tồn tại:
            - Vốn huy động: đạt 20 tỷ đồng, bằng 20% kế hoạch năm (tiến độ 6 tháng: 50%)
            """)
        // Through a narrative and back, the list stays a list.
        let section = ReportSection(key: "muc-1", level: 1, title: "T", blockRange: 0..<3)
        let text = ReportSections.narrative(of: section, in: template)
        XCTAssertTrue(text.hasSuffix("\n@chi-tieu-cham"))
        XCTAssertEqual(ReportSections.blocks(fromNarrative: text), template.blocks)
    }
}
