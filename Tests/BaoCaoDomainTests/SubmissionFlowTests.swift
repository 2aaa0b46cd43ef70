import XCTest

@testable import BaoCaoDomain

final class SubmissionFlowTests: XCTestCase {
    func testTheCycle() {
        func next(_ s: SubmissionStatus, _ step: SubmissionStep, _ reason: String? = nil) -> SubmissionStatus? {
            try? SubmissionFlow.next(from: s, step, reason: reason).get()
        }
        XCTAssertEqual(next(.notStarted, .saveDraft), .draft)
        XCTAssertNil(next(.notStarted, .submit), "nothing to send yet")
        XCTAssertEqual(next(.draft, .submit), .submitted)
        XCTAssertNil(next(.submitted, .saveDraft), "waiting for review: not editable")
        XCTAssertNil(next(.submitted, .returnForChanges), "a return needs a reason")
        XCTAssertNil(next(.submitted, .returnForChanges, "   "), "a blank reason is no reason")
        XCTAssertEqual(next(.submitted, .returnForChanges, "sai số"), .returned)
        XCTAssertEqual(next(.returned, .saveDraft), .draft)
        XCTAssertEqual(next(.returned, .submit), .submitted)
        XCTAssertEqual(next(.submitted, .approve), .approved)
        XCTAssertNil(next(.approved, .saveDraft), "approved data is locked")
        XCTAssertNil(next(.draft, .approve), "only what was submitted is approved")
        XCTAssertNil(next(.draft, .reopen))
        XCTAssertEqual(next(.approved, .reopen), .draft)
        XCTAssertEqual(next(.approved, .returnForChanges, "phát hiện sai"), .returned)
    }

    func testLateness() {
        let deadline = CivilDate(2017, 6, 16)
        XCTAssertFalse(SubmissionFlow.isLate(.draft, deadline: deadline, today: CivilDate(2017, 6, 16)), "on the day")
        XCTAssertTrue(SubmissionFlow.isLate(.draft, deadline: deadline, today: CivilDate(2017, 6, 17)))
        XCTAssertTrue(SubmissionFlow.isLate(.returned, deadline: deadline, today: CivilDate(2017, 6, 17)))
        XCTAssertFalse(SubmissionFlow.isLate(.submitted, deadline: deadline, today: CivilDate(2017, 6, 17)))
        XCTAssertFalse(SubmissionFlow.isLate(.approved, deadline: deadline, today: CivilDate(2018, 1, 1)))
    }

    func testSectionsOfATemplateAndNarrativesInTheirPlace() {
        let template = ReportTemplate(
            blocks: [
                .heading(level: 1, text: "PHẦN 1"), .paragraph("Mở đầu {period}."),
                .heading(level: 2, text: "I. Kinh tế"), .paragraph("{GTSX_CN.sentence}."),
                .bullet("{THU_NSNN.sentence}."),
                .heading(level: 2, text: "II. Xã hội"), .paragraph("Văn hóa."), .annex,
            ], footnotes: ["1": "Chú thích"])
        let sections = ReportSections.sections(of: template)
        XCTAssertEqual(sections.map(\.key), ["muc-1", "muc-2", "muc-3"])
        XCTAssertEqual(sections[1].title, "I. Kinh tế")
        XCTAssertEqual(
            ReportSections.narrative(of: sections[1], in: template), "{GTSX_CN.sentence}.\n- {THU_NSNN.sentence}.")
        let written = ReportSections.template(template, with: ["muc-2": "Đoạn mới.\n\n- Gạch đầu dòng[^1]"])
        XCTAssertEqual(
            written.blocks,
            [
                .heading(level: 1, text: "PHẦN 1"), .paragraph("Mở đầu {period}."),
                .heading(level: 2, text: "I. Kinh tế"), .paragraph("Đoạn mới."), .bullet("Gạch đầu dòng[^1]"),
                .heading(level: 2, text: "II. Xã hội"), .paragraph("Văn hóa."), .annex,
            ], "the annex stays outside every section")
        XCTAssertEqual(
            ReportSections.problems(in: "{X.value} và [^9] và [^1]", knownCodes: ["GTSX_CN"], footnotes: ["1"]),
            ["Chỉ tiêu \"X\" không có trong danh mục", "Chú thích [^9] không có trong mẫu báo cáo"])
    }
}
