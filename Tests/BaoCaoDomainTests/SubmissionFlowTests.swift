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

final class TargetProgressTests: XCTestCase {
    func testPaceDirectionAndStocks() {
        let h1 = Period.firstMonths(2017, 6)
        func progress(
            _ value: Int, of target: Int, better: BetterWhen = .higher, time: TimeAggregation = .flow,
            period: Period = Period.firstMonths(2017, 6)
        ) -> TargetProgress {
            var indicator = Indicator(code: "X", name: "X", unitOfMeasure: "hộ", field: "f", timeAggregation: time)
            indicator.betterWhen = better
            return TargetProgress.of(
                Figure(
                    indicator: indicator, period: period, current: Observation(value: Amount(value)),
                    target: TargetValue(value: Amount(target), kind: .plan)))
        }
        XCTAssertEqual(
            TargetProgress.expectedPercent(Indicator(code: "X", name: "X", unitOfMeasure: "", field: ""), h1),
            Amount(50))
        XCTAssertEqual(progress(501, of: 1000), .onTrack, "50,10% at six months")
        XCTAssertEqual(progress(500, of: 1000), .onTrack)
        XCTAssertEqual(progress(425, of: 1000), .near, "85% of the pace")
        XCTAssertEqual(progress(424, of: 1000), .behind)
        XCTAssertEqual(progress(250, of: 1000, period: .month(2017, 3)), .onTrack, "a quarter of the year by March")
        XCTAssertEqual(progress(40, of: 40, time: .stock), .onTrack, "a stock against the whole target")
        XCTAssertEqual(progress(30, of: 40, time: .stock), .behind)
        XCTAssertEqual(
            progress(45, of: 40, better: .lower, time: .stock), .near, "poor households: 112,5% of the ceiling")
        XCTAssertEqual(progress(47, of: 40, better: .lower, time: .stock), .behind)
        XCTAssertEqual(progress(38, of: 40, better: .lower, time: .stock), .onTrack)
        XCTAssertEqual(
            progress(60, of: 100, better: .lower), .behind, "60 deaths by June against a ceiling of 100 a year")
        let none = TargetProgress.of(
            Figure(
                indicator: Indicator(code: "X", name: "X", unitOfMeasure: "", field: ""), period: h1,
                current: Observation(value: Amount(1))))
        XCTAssertEqual(none, .noTarget)
    }
}
