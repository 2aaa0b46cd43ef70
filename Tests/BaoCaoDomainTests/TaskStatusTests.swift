import XCTest

@testable import BaoCaoDomain

/// Issue 12, part 1 (domain): a task's status in the national vocabulary, computed from its dates and completion,
/// and every step of its lifecycle with who may take it.
final class TaskStatusTests: XCTestCase {
    // Friday 29 December 2017; the deadline Tuesday 2 January 2018, with 1 January a holiday.
    let deadline = CivilDate(2018, 1, 2)
    let newYear = ReportCalendar(holidays: [CivilDate(2018, 1, 1)])

    func status(
        today: CivilDate, completed: CivilDate? = nil, progress: Bool = false, rule: TaskDueRule = TaskDueRule(),
        deadline: TaskDeadline? = nil
    ) -> TaskStatus {
        TaskStatus.of(
            deadline: deadline ?? .on(self.deadline), completedOn: completed, progressReported: progress,
            today: today, rule: rule)
    }

    func testStatusFollowsTheDatesAndTheCompletion() {
        XCTAssertEqual(status(today: CivilDate(2017, 12, 20)), .notDue)
        XCTAssertEqual(status(today: CivilDate(2017, 12, 20), progress: true), .inProgress)
        XCTAssertEqual(status(today: CivilDate(2017, 12, 30)), .dueSoon, "3 calendar days before")
        XCTAssertEqual(status(today: CivilDate(2017, 12, 29)), .notDue, "4 calendar days before")
        XCTAssertEqual(status(today: deadline), .dueSoon, "the deadline itself is still in time")
        XCTAssertEqual(status(today: CivilDate(2018, 1, 3)), .overdue, "the day after")
        XCTAssertEqual(status(today: CivilDate(2018, 1, 10), completed: deadline), .doneOnTime)
        XCTAssertEqual(status(today: CivilDate(2018, 1, 10), completed: CivilDate(2018, 1, 5)), .doneLate)
        XCTAssertEqual(status(today: CivilDate(2030, 1, 1), progress: true, deadline: .recurring), .inProgress)
        XCTAssertEqual(status(today: CivilDate(2030, 1, 1), deadline: TaskDeadline.none), .notDue, "never overdue")
        XCTAssertEqual(
            status(today: CivilDate(2030, 1, 1), completed: CivilDate(2029, 5, 1), deadline: .recurring), .doneOnTime)
    }

    func testWorkingDaysSkipWeekendsAndHolidaysWhereTheRuleSaysSo() {
        let rule = TaskDueRule(days: 1, workingDays: true, calendar: newYear)
        // From Friday 29/12 to Tuesday 2/1: Saturday, Sunday and New Year's Day do not count; 1 working day left.
        XCTAssertEqual(rule.daysLeft(until: deadline, from: CivilDate(2017, 12, 29)), 1)
        XCTAssertEqual(status(today: CivilDate(2017, 12, 29), rule: rule), .dueSoon)
        XCTAssertEqual(
            status(today: CivilDate(2017, 12, 29), rule: TaskDueRule(days: 1)), .notDue, "4 calendar days: not yet")
        XCTAssertEqual(rule.daysLeft(until: deadline, from: CivilDate(2017, 12, 28)), 2)
        XCTAssertEqual(
            TaskStatus.words(deadline: .on(deadline), completedOn: nil, today: CivilDate(2017, 12, 29), rule: rule),
            "còn 1 ngày làm việc")
        XCTAssertEqual(TaskStatus.words(deadline: .on(deadline), completedOn: nil, today: deadline), "hạn là hôm nay")
        XCTAssertEqual(
            TaskStatus.words(deadline: .on(deadline), completedOn: nil, today: CivilDate(2018, 1, 5)), "quá hạn 3 ngày")
        XCTAssertEqual(
            TaskStatus.words(deadline: .on(deadline), completedOn: CivilDate(2018, 1, 4), today: CivilDate(2018, 1, 9)),
            "hoàn thành quá hạn 2 ngày")
        XCTAssertEqual(TaskStatus.overdue.colour, "do")
        XCTAssertEqual(TaskStatus.dueSoon.vietnameseName, "Sắp đến hạn")
    }

    func step(
        _ s: TaskStep, by actor: TaskActor, _ task: TaskRecord, today: CivilDate = CivilDate(2017, 12, 20)
    ) throws -> TaskRecord {
        try TaskFlow.apply(s, by: actor, to: task, today: today).get()
    }

    func refusal(
        _ s: TaskStep, by actor: TaskActor, _ task: TaskRecord, today: CivilDate = CivilDate(2017, 12, 20)
    ) -> String? {
        if case .failure(let r) = TaskFlow.apply(s, by: actor, to: task, today: today) { return r.description }
        return nil
    }

    func testAnExtensionIsAskedByTheLeadAndDecidedByTheAssigner() throws {
        var task = TaskRecord(deadline: .on(deadline))
        XCTAssertNotNil(refusal(.requestExtension(to: CivilDate(2018, 1, 31), reason: "x"), by: .assigner, task))
        XCTAssertEqual(
            refusal(.requestExtension(to: CivilDate(2018, 1, 1), reason: "chờ vốn"), by: .lead, task),
            "Hạn mới phải sau hạn hiện tại 02/01/2018 và sau hôm nay")
        XCTAssertEqual(
            refusal(.requestExtension(to: CivilDate(2018, 1, 31), reason: " "), by: .lead, task),
            "Đề nghị gia hạn cần ghi lý do")
        task = try step(.requestExtension(to: CivilDate(2018, 1, 31), reason: "chờ vốn"), by: .lead, task)
        XCTAssertEqual(task.deadline, .on(deadline), "nothing changes until the assigner decides")
        XCTAssertNotNil(refusal(.requestExtension(to: CivilDate(2018, 2, 28), reason: "nữa"), by: .lead, task))
        XCTAssertEqual(
            refusal(.approveExtension, by: .lead, task),
            "Chỉ cơ quan, người giao nhiệm vụ quyết định gia hạn và xác nhận hoàn thành")
        let refused = try step(.refuseExtension(reason: "không có cơ sở"), by: .assigner, task)
        XCTAssertEqual(refused.deadline, .on(deadline))
        XCTAssertNil(refused.pendingExtension)
        task = try step(.approveExtension, by: .assigner, task)
        XCTAssertEqual(task.deadline, .on(CivilDate(2018, 1, 31)))
        XCTAssertEqual(task.originalDeadline, .on(deadline), "the original deadline is kept")
        XCTAssertEqual(task.status(today: CivilDate(2018, 1, 10)), .notDue, "no longer overdue")
        XCTAssertNotNil(
            refusal(
                .requestExtension(to: CivilDate(2030, 1, 1), reason: "x"), by: .lead, TaskRecord(deadline: .recurring)))
    }

    func testCompletionIsProposedConfirmedOrSentBack() throws {
        var task = TaskRecord(deadline: .on(deadline))
        task = try step(
            .reportProgress(.init(on: CivilDate(2017, 12, 15), text: "Đã khảo sát", percent: 40)), by: .lead, task)
        XCTAssertEqual(task.status(today: CivilDate(2017, 12, 20)), .inProgress)
        XCTAssertEqual(
            refusal(.reportProgress(.init(on: CivilDate(2017, 12, 15), text: "x", percent: 140)), by: .lead, task),
            "Tiến độ phải từ 0 đến 100%")
        XCTAssertEqual(
            refusal(.confirmCompletion, by: .assigner, task), "Đơn vị chủ trì chưa đề nghị công nhận hoàn thành")
        task = try step(.proposeCompletion(on: CivilDate(2017, 12, 20), text: "Đã xong"), by: .lead, task)
        XCTAssertNotNil(refusal(.proposeCompletion(on: CivilDate(2017, 12, 20), text: "lần 2"), by: .lead, task))
        // Sent back: in progress again, the reason kept; proposed again and confirmed, done on the proposed day.
        let back = try step(.sendBack(reason: "Thiếu biên bản nghiệm thu"), by: .assigner, task)
        XCTAssertNil(back.proposedCompletion)
        XCTAssertEqual(back.sentBack, "Thiếu biên bản nghiệm thu")
        XCTAssertEqual(back.status(today: CivilDate(2018, 1, 3)), .overdue)
        var again = try step(
            .proposeCompletion(on: CivilDate(2018, 1, 4), text: "Đủ hồ sơ"), by: .lead, back,
            today: CivilDate(2018, 1, 4))
        XCTAssertNil(again.sentBack)
        again = try step(.confirmCompletion, by: .assigner, again, today: CivilDate(2018, 1, 8))
        XCTAssertEqual(again.completedOn, CivilDate(2018, 1, 4))
        XCTAssertEqual(again.status(today: CivilDate(2018, 1, 8)), .doneLate)
        XCTAssertEqual(
            refusal(
                .reportProgress(.init(on: CivilDate(2018, 1, 8), text: "x", percent: 100)), by: .lead, again,
                today: CivilDate(2018, 1, 8)),
            "Nhiệm vụ đã hoàn thành; không thay đổi được nữa")
        // Confirmed on time.
        let onTime = try step(.confirmCompletion, by: .assigner, task, today: CivilDate(2018, 1, 8))
        XCTAssertEqual(onTime.status(today: CivilDate(2018, 1, 8)), .doneOnTime)
    }
}
