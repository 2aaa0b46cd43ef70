import BaoCaoDomain
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// Issue 12: a published report's "nhiệm vụ trọng tâm" become tasks for review; reviewed, they are assigned; their
/// lifecycle is stored step by step with its history, two people's steps never overwrite each other; and the next
/// report counts them from the data.
final class ReportTasksTests: XCTestCase {
    func district(_ store: Store) async throws -> StoredUnit {
        let tree = try await UnitTree.load(store.sql)
        return try XCTUnwrap(tree.byCode["304"])
    }

    func h1Document(_ store: Store, _ unit: StoredUnit) async throws -> ReportDocument {
        try await ReportQuery.document(
            template: DemoData.templateCode, unitID: unit.id, period: .firstMonths(2017, 6), view: .official,
            forPublication: true, today: CivilDate(2017, 6, 20), store.sql)
    }

    func testTheReferenceReportsPart2BecomesTwentySevenTasksForReviewOnce() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let unit = try await district(store)
        let document = try await h1Document(store, unit)
        let made = try await ReportTasks.propose(
            from: document, template: DemoData.templateCode, locality: unit, period: .firstMonths(2017, 6),
            by: "tonghop", store.sql)
        XCTAssertEqual(made, 27, "one task a bullet of PHẦN 2 (5 + 6 + 4 + 8 + 4)")
        let again = try await ReportTasks.propose(
            from: document, template: DemoData.templateCode, locality: unit, period: .firstMonths(2017, 6),
            by: "tonghop", store.sql)
        XCTAssertEqual(again, 0, "a second version of the report proposes nothing more")
        let tasks = try await TaskRepository.list(.init(localityIDs: [unit.id], states: [.proposed]), store.sql)
        XCTAssertEqual(tasks.count, 27)
        XCTAssertEqual(
            Dictionary(grouping: tasks, by: { $0.draft.fieldCode ?? "-" }).mapValues(\.count),
            ["kinh_te": 5, "do_thi": 6, "van_hoa_xa_hoi": 4, "thanh_tra_tu_phap": 8, "quoc_phong_an_ninh": 4])
        XCTAssertTrue(tasks.allSatisfy { $0.record.deadline == .on(CivilDate(2017, 12, 31)) })
        XCTAssertTrue(tasks.allSatisfy { $0.status(today: CivilDate(2017, 7, 1)) == nil }, "no status before review")
        let tree = try await UnitTree.load(store.sql)
        XCTAssertEqual(tasks[0].draft.leadUnitID, tree.byCode["304-TCKH"]?.id, "the economy field's owner office")
        XCTAssertEqual(
            tasks[0].draft.title,
            "Rà soát chỉ tiêu, nhiệm vụ được giao, phấn đấu hoàn thành và hoàn thành vượt mức các chỉ tiêu, nhiệm vụ 2017"
        )
        XCTAssertFalse(tasks.contains { $0.draft.content.contains("[^") }, "footnote marks are left out")
        XCTAssertEqual(tasks[0].draft.sourceRef, "Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2017")
        let history = try await TaskRepository.events(of: tasks[0].id, store.sql)
        XCTAssertEqual(history.map(\.action), ["de_xuat"])
    }

    func testTheYearReportCountsTheReviewedTasksExactlyFromTheData() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let unit = try await district(store)
        try await ReportTasks.propose(
            from: try await h1Document(store, unit), template: DemoData.templateCode, locality: unit,
            period: .firstMonths(2017, 6), by: "tonghop", store.sql)
        let assigned = try await DemoData.playReportTasks(store)
        XCTAssertEqual(assigned, 27)
        let replayed = try await DemoData.playReportTasks(store)
        XCTAssertEqual(replayed, 0, "played once")
        var fromReport = TaskRepository.Filter(localityIDs: [unit.id])
        fromReport.source = .report
        let tasks = try await TaskRepository.list(fromReport, store.sql)
        XCTAssertEqual(tasks.count, 27)
        XCTAssertTrue(tasks.allSatisfy(\.draft.illustrative), "the demo's made-up progress is labelled")
        // Counted here from the stored tasks themselves, as things stood on 31/12/2017.
        let endOfYear = CivilDate(2017, 12, 31)
        let due = tasks.filter { ($0.record.deadline.date ?? endOfYear.adding(days: 1)) <= endOfYear }
        let done = due.filter { ($0.record.completedOn ?? endOfYear.adding(days: 1)) <= endOfYear }
        let onTime = done.filter { $0.record.completedOn! <= $0.record.deadline.date! }
        let overdue = due.filter { $0.record.completedOn == nil && $0.record.deadline.date! < endOfYear }
        let summary = try await ReportTasks.summary(
            localityID: unit.id, period: .year(2017), today: CivilDate(2026, 11, 28), store.sql)
        XCTAssertEqual(summary.total, due.count)
        XCTAssertEqual(summary.completed, done.count)
        XCTAssertEqual(summary.onTime, onTime.count)
        XCTAssertEqual(summary.overdue.count, overdue.count)
        XCTAssertEqual(
            summary.sentence,
            "hoàn thành \(done.count)/\(due.count) nhiệm vụ, trong đó \(onTime.count) đúng hạn; "
                + "\(due.count - done.count) nhiệm vụ chưa hoàn thành, \(overdue.count) quá hạn")
        XCTAssertEqual([due.count, done.count, onTime.count, overdue.count], [26, 23, 22, 1], "the demo's story")
        // The year report says it, from the same data.
        let year = try await ReportQuery.document(
            template: DemoData.templateCode, unitID: unit.id, period: .year(2017), view: .working,
            today: CivilDate(2026, 11, 28), store.sql)
        let text = year.plainText
        XCTAssertTrue(
            text.contains(
                "Kết quả thực hiện các nhiệm vụ trọng tâm đề ra tại báo cáo 6 tháng đầu năm 2017: Hoàn thành 23/26 nhiệm vụ"
            ),
            text)
        XCTAssertTrue(text.contains("(chủ trì: Phòng Giáo dục và Đào tạo; hạn 30/11/2017, quá hạn 31 ngày)"))
        // Nothing of the tasks is due in the first half-year.
        let h1 = try await ReportTasks.summary(
            localityID: unit.id, period: .firstMonths(2017, 6), today: CivilDate(2026, 11, 28), store.sql)
        XCTAssertEqual(h1.sentence, "không có nhiệm vụ nào đến hạn trong 6 tháng đầu năm")
    }

    func testStepsAreStoredWithTheirHistoryAndTwoPeoplesStepsNeverOverwriteEachOther() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let tree = try await UnitTree.load(store.sql)
        let unit = try XCTUnwrap(tree.byCode["304"])
        let office = try XCTUnwrap(tree.byCode["304-TP"])
        let id = try await TaskRepository.create(
            TaskDraft(
                localityID: unit.id, title: "Rà soát thủ tục hành chính", content: "", source: .meeting,
                sourceRef: "Kết luận phiên họp UBND quận tháng 7/2017", leadUnitID: office.id,
                deadline: .on(CivilDate(2017, 8, 31))),
            state: .assigned, by: "tonghop", store.sql)
        let today = CivilDate(2017, 8, 10)
        let progress = TaskStep.reportProgress(.init(on: today, text: "Đã rà soát 40 thủ tục", percent: 40))
        let after = try await TaskRepository.apply(
            progress, by: .lead, to: id, expecting: 1, today: today, user: "tp.baocao", store.sql)
        XCTAssertEqual(after.version, 2)
        XCTAssertEqual(after.lastProgress?.percent, 40)
        XCTAssertEqual(after.status(today: today), .inProgress)
        // A colleague's step on the version both saw: refused, nothing written.
        do {
            try await TaskRepository.apply(
                progress, by: .lead, to: id, expecting: 1, today: today, user: "tp.duyet", store.sql)
            XCTFail("a step on an older version must be refused")
        } catch is TaskRepository.Conflict {}
        // The lead unit cannot confirm its own completion.
        do {
            try await TaskRepository.apply(
                .confirmCompletion, by: .lead, to: id, expecting: 2, today: today, user: "tp.baocao", store.sql)
            XCTFail("only the assigner confirms")
        } catch let refused as TaskRepository.Refused {
            XCTAssertEqual(
                refused.reasons, ["Chỉ cơ quan, người giao nhiệm vụ quyết định gia hạn và xác nhận hoàn thành"])
        }
        try await TaskRepository.apply(
            .requestExtension(to: CivilDate(2017, 9, 30), reason: "Chờ hướng dẫn của Sở Tư pháp"), by: .lead, to: id,
            expecting: 2, today: today, user: "tp.baocao", store.sql)
        let extended = try await TaskRepository.apply(
            .approveExtension, by: .assigner, to: id, expecting: 3, today: today, user: "tonghop", store.sql)
        XCTAssertEqual(extended.record.deadline, .on(CivilDate(2017, 9, 30)))
        XCTAssertEqual(extended.record.originalDeadline, .on(CivilDate(2017, 8, 31)))
        let history = try await TaskRepository.events(of: id, store.sql)
        XCTAssertEqual(history.map(\.action), ["giao", "tien_do", "de_nghi_gia_han", "dong_y_gia_han"])
        XCTAssertEqual(history.last?.detail, "Đồng ý gia hạn đến 30/09/2017")
        let count = try await store.sql.raw("SELECT COUNT(*) AS n FROM task_progress").first()?.decode(
            column: "n", as: Int.self)
        XCTAssertEqual(count, 1, "the refused step wrote no progress")
        // An assigned task's draft is not rewritten at review.
        do {
            try await TaskRepository.revise(id, to: extended.draft, expecting: 4, by: "tonghop", store.sql)
            XCTFail("an assigned task is not revised")
        } catch is TaskRepository.Refused {}
        // A task without a lead unit cannot be assigned.
        do {
            try await TaskRepository.create(
                TaskDraft(
                    localityID: unit.id, title: "Việc chưa rõ ai làm", content: "", source: .other, deadline: .none),
                state: .assigned, by: "tonghop", store.sql)
            XCTFail("assigning needs a lead unit")
        } catch let refused as TaskRepository.Refused {
            XCTAssertEqual(refused.reasons, ["Đơn vị chủ trì: chưa chọn"])
        }
    }
}
