import XCTest

@testable import BaoCaoDomain

/// Issue 12, part 2 (domain): which tasks a report accounts for and what it says of them; the tasks a report's
/// "nhiệm vụ trọng tâm" part proposes, with their field from the heading; the next period's end.
final class TaskSummaryTests: XCTestCase {
    let economy = "Nhiệm vụ kinh tế - ngân sách"
    let city = "Nhiệm vụ quản lý đô thị - tài nguyên môi trường"

    func item(
        _ title: String, field: String?, position: Int = 0, due: TaskDeadline, done: CivilDate? = nil
    ) -> TaskSummary.Item {
        TaskSummary.Item(
            title: title, field: field, fieldPosition: position, lead: "Phòng Tài chính - Kế hoạch", deadline: due,
            completedOn: done)
    }

    func testTheYearReportCountsTheTasksDueInItAsTheyStoodOnItsLastDay() {
        let tasks = [
            item("A", field: economy, position: 1, due: .on(CivilDate(2017, 12, 31)), done: CivilDate(2017, 11, 2)),
            item("B", field: economy, position: 1, due: .on(CivilDate(2017, 9, 30)), done: CivilDate(2017, 10, 5)),
            item("C", field: city, position: 2, due: .on(CivilDate(2017, 11, 30))),
            item("D", field: city, position: 2, due: .on(CivilDate(2017, 12, 31))),
            // Completed after the year ended: open (and overdue) as the year's report sees it.
            item("E", field: city, position: 2, due: .on(CivilDate(2017, 12, 15)), done: CivilDate(2018, 1, 10)),
            item("thường xuyên", field: economy, due: .recurring),
            item("next year", field: economy, due: .on(CivilDate(2018, 6, 30))),
            item("done last year", field: economy, due: .on(CivilDate(2016, 12, 31)), done: CivilDate(2016, 12, 1)),
        ]
        let summary = TaskSummary(period: .year(2017), tasks: tasks, today: CivilDate(2026, 11, 28))
        XCTAssertEqual(summary.asOf, CivilDate(2017, 12, 31))
        XCTAssertEqual(summary.items.map(\.item.title), ["A", "B", "C", "D", "E"])
        XCTAssertEqual(
            summary.sentence, "hoàn thành 2/5 nhiệm vụ, trong đó 1 đúng hạn; 3 nhiệm vụ chưa hoàn thành, 2 quá hạn")
        XCTAssertEqual(
            summary.byField,
            [
                "Nhiệm vụ kinh tế - ngân sách: hoàn thành 2/2 nhiệm vụ, trong đó 1 đúng hạn.",
                "Nhiệm vụ quản lý đô thị - tài nguyên môi trường: hoàn thành 0/3 nhiệm vụ; 3 nhiệm vụ chưa hoàn thành, 2 quá hạn.",
            ])
        XCTAssertEqual(
            summary.overdueLines,
            [
                "C (chủ trì: Phòng Tài chính - Kế hoạch; hạn 30/11/2017, quá hạn 31 ngày)",
                "E (chủ trì: Phòng Tài chính - Kế hoạch; hạn 15/12/2017, quá hạn 16 ngày)",
            ])
    }

    func testAnOverdueTaskIsCarriedIntoTheNextReportUntilItIsDone() {
        let open = item("C", field: city, due: .on(CivilDate(2017, 11, 30)))
        let late = item("E", field: city, due: .on(CivilDate(2017, 12, 15)), done: CivilDate(2018, 1, 10))
        let summary = TaskSummary(
            period: .firstMonths(2018, 6), tasks: [open, late], today: CivilDate(2018, 3, 1))
        XCTAssertEqual(summary.asOf, CivilDate(2018, 3, 1), "a running period is counted as of today")
        XCTAssertEqual(summary.items.map(\.status), [.overdue, .doneLate])
        XCTAssertEqual(
            summary.sentence, "hoàn thành 1/2 nhiệm vụ, sau hạn; 1 nhiệm vụ chưa hoàn thành, đã quá hạn")
        XCTAssertEqual(
            TaskSummary(period: .firstMonths(2018, 6), tasks: [], today: CivilDate(2018, 3, 1)).sentence,
            "không có nhiệm vụ nào đến hạn trong 6 tháng đầu năm")
    }

    func testTheTasksListsRenderInTheReport() {
        let template = ReportTemplate(
            header: [:],
            blocks: [
                .paragraph("Kết quả: {tasks_summary}:"), .list(.overdueTasks), .list(.tasksByField),
            ], footnotes: [:])
        let summary = TaskSummary(
            period: .year(2017), tasks: [item("C", field: city, due: .on(CivilDate(2017, 11, 30)))],
            today: CivilDate(2018, 1, 5))
        let document = ReportRenderer.render(template, period: .year(2017), figures: [], tasks: summary)
        XCTAssertEqual(
            document.blocks,
            [
                .paragraph([.text("Kết quả: Hoàn thành 0/1 nhiệm vụ; 1 nhiệm vụ chưa hoàn thành, đã quá hạn:")]),
                .bullet([.text("C (chủ trì: Phòng Tài chính - Kế hoạch; hạn 30/11/2017, quá hạn 31 ngày)")]),
                .bullet([
                    .text(
                        "Nhiệm vụ quản lý đô thị - tài nguyên môi trường: hoàn thành 0/1 nhiệm vụ; 1 nhiệm vụ chưa hoàn thành, đã quá hạn."
                    )
                ]),
            ])
        XCTAssertTrue(document.missing.isEmpty)
        // Made without the tasks (no store): flagged, never an invented count.
        let bare = ReportRenderer.render(template, period: .year(2017), figures: [])
        XCTAssertEqual(bare.missing.count, 3)
    }

    func testAReportsTaskPartProposesOneTaskPerBulletWithItsField() {
        let fields = [
            Field(code: "kinh_te", name: economy, position: 1),
            Field(code: "van_hoa_xa_hoi", name: "Nhiệm vụ văn hóa - xã hội", position: 3),
            Field(
                code: "quoc_phong_an_ninh",
                name: "Nhiệm vụ quốc phòng, an ninh và trật tự an toàn xã hội; công tác đối ngoại nhân dân", position: 5
            ),
        ]
        let document = ReportDocument(
            header: [:],
            blocks: [
                .heading(level: 1, lines: ["PHẦN 1:", "KẾT QUẢ"]),
                .heading(level: 3, lines: ["1. Nhiệm vụ kinh tế - ngân sách"]),
                .bullet([.text("Không phải nhiệm vụ.")]),
                .heading(
                    level: 1, lines: ["PHẦN 2:", "NHIỆM VỤ TRỌNG TÂM VÀ GIẢI PHÁP THỰC HIỆN 6 THÁNG CUỐI NĂM 2017"]),
                .paragraph([.text("Xác định cụ thể trên từng lĩnh vực như sau:")]),
                .heading(level: 3, lines: ["1. Nhiệm vụ kinh tế - ngân sách"]),
                .bullet([
                    .text("Rà soát chỉ tiêu, nhiệm vụ được giao. Hoàn thành cuộc tổng điều tra kinh tế"), .footnote(1),
                    .text(" năm 2017."),
                ]),
                .heading(level: 3, lines: ["3. Nhiệm vụ văn hóa – xã hội"]),
                .bullet([.text("Tổ chức các hoạt động Hè cho thiếu nhi đảm bảo an toàn, hiệu quả.")]),
                .heading(
                    level: 3,
                    lines: ["5. Nhiệm vụ quốc phòng, an ninh - trật tự an toàn xã hội; công tác đối ngoại nhân dân"]),
                .bullet([.text("Duy trì thường xuyên chế độ trực sẵn sàng chiến đấu.")]),
                .heading(level: 3, lines: ["6. Nhiệm vụ chưa có lĩnh vực"]),
                .bullet([.text("Việc khác.")]),
            ], footnotes: ["Chú thích"], missing: [])
        let proposals = TaskProposals.from(document, fields: fields)
        XCTAssertEqual(proposals.map(\.fieldCode), ["kinh_te", "van_hoa_xa_hoi", "quoc_phong_an_ninh", nil])
        XCTAssertEqual(proposals[0].title, "Rà soát chỉ tiêu, nhiệm vụ được giao")
        XCTAssertEqual(
            proposals[0].content,
            "Rà soát chỉ tiêu, nhiệm vụ được giao. Hoàn thành cuộc tổng điều tra kinh tế năm 2017.")
        XCTAssertEqual(proposals[1].title, "Tổ chức các hoạt động Hè cho thiếu nhi đảm bảo an toàn, hiệu quả")
        let long = String(repeating: "nâng cao chất lượng ", count: 20)
        let title = TaskProposals.title(of: long)
        XCTAssertLessThanOrEqual(title.count, 161)
        XCTAssertTrue(title.hasSuffix("lượng…"), title)
    }

    func testTheNextPeriodEnds() {
        XCTAssertEqual(Period.firstMonths(2017, 6).nextPeriodEnd, CivilDate(2017, 12, 31))
        XCTAssertEqual(Period.firstMonths(2017, 9).nextPeriodEnd, CivilDate(2017, 12, 31))
        XCTAssertEqual(Period.year(2017).nextPeriodEnd, CivilDate(2018, 12, 31))
        XCTAssertEqual(Period.month(2017, 12).nextPeriodEnd, CivilDate(2018, 1, 31))
        XCTAssertEqual(Period.month(2017, 1).nextPeriodEnd, CivilDate(2017, 2, 28))
        XCTAssertEqual(Period(year: 2017, kind: .quarter(4)).nextPeriodEnd, CivilDate(2018, 3, 31))
        XCTAssertEqual(Period(year: 2016, kind: .quarter(1)).nextPeriodEnd, CivilDate(2016, 6, 30))
    }
}
