import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// Issue 12, part 3: a locality's work programme imported from the exchange format becomes its tasks, due at the end
/// of their month; importing again changes nothing, a changed lead is updated with history; references are checked;
/// the report's part counts the period's items from the data.
final class ProgrammeTests: XCTestCase {
    static let header = "locality,year,month,content,lead,product,field,co_units,assigned_by\n"

    func testTheDemoProgrammeIsTasksAndTheReportCountsItsMonths() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let tree = try await UnitTree.load(store.sql)
        let district = try XCTUnwrap(tree.byCode["304"])
        var filter = TaskRepository.Filter(localityIDs: [district.id])
        filter.source = .workProgramme
        let items = try await TaskRepository.list(filter, store.sql)
        XCTAssertEqual(items.count, 24)
        let march = try XCTUnwrap(items.first { $0.draft.programmeMonth == 3 })
        XCTAssertEqual(march.record.deadline, .on(CivilDate(2017, 3, 31)), "due at the end of its month")
        XCTAssertEqual(march.draft.sourceRef, "Chương trình công tác năm 2017")
        XCTAssertEqual(march.draft.product, "Báo cáo của UBND quận")
        XCTAssertTrue(items.allSatisfy(\.draft.illustrative))

        // Counted from the data as at 30 June and 31 December 2017.
        let h1 = try await ReportTasks.summary(
            localityID: district.id, period: .firstMonths(2017, 6), today: CivilDate(2026, 11, 28), store.sql)
        let firstHalf = items.filter { ($0.draft.programmeMonth ?? 13) <= 6 }
        let doneByJune = firstHalf.filter { ($0.record.completedOn ?? CivilDate(2018, 1, 1)) <= CivilDate(2017, 6, 30) }
        let onTime = doneByJune.filter { $0.record.completedOn! <= $0.record.deadline.date! }
        XCTAssertEqual([firstHalf.count, doneByJune.count, onTime.count], [12, 11, 10])
        XCTAssertEqual(
            h1.programmeSentence,
            "hoàn thành 11/12 nội dung chương trình công tác 6 tháng đầu năm, trong đó 10 đúng hạn; 1 nội dung chưa hoàn thành"
        )
        XCTAssertEqual(h1.sentence, "không có nhiệm vụ nào đến hạn trong 6 tháng đầu năm", "the programme is apart")
        let year = try await ReportTasks.summary(
            localityID: district.id, period: .year(2017), today: CivilDate(2026, 11, 28), store.sql)
        XCTAssertEqual(
            year.programmeSentence,
            "hoàn thành 22/24 nội dung chương trình công tác năm 2017, trong đó 21 đúng hạn; 2 nội dung chưa hoàn thành, đều đã quá hạn"
        )
    }

    func testImportingAgainChangesNothingAndAChangedLeadIsUpdated() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let line = "304,2018,2,Kế hoạch tổ chức Tết Nguyên đán Mậu Tuất,304-VHTT,Kế hoạch của UBND quận,,304-CA,\n"
        let first = try await DatasetImporter.run(
            try DatasetReader.read(csv: Self.header + line), by: "tonghop", store: store)
        XCTAssertEqual(first.programme, 1)
        let same = try await DatasetImporter.run(
            try DatasetReader.read(csv: Self.header + line), by: "tonghop", store: store)
        XCTAssertEqual([same.programme, same.programmeUpdated, same.programmeUnchanged], [0, 0, 1])
        let moved = try await DatasetImporter.run(
            try DatasetReader.read(csv: Self.header + line.replacingOccurrences(of: "304-VHTT", with: "304-VP")),
            by: "tonghop", store: store)
        XCTAssertEqual(moved.programmeUpdated, 1)
        var filter = TaskRepository.Filter()
        filter.sourcePeriod = .year(2018)
        let listed = try await TaskRepository.list(filter, store.sql)
        let task = try XCTUnwrap(listed.first)
        let tree = try await UnitTree.load(store.sql)
        XCTAssertEqual(task.draft.leadUnitID, tree.byCode["304-VP"]?.id)
        XCTAssertEqual(task.record.deadline, .on(CivilDate(2018, 2, 28)))
        let history = try await TaskRepository.events(of: task.id, store.sql)
        XCTAssertEqual(history.map(\.action), ["giao", "cap_nhat"])
    }

    func testReferencesAreCheckedAndNothingIsWrittenOnAnyProblem() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let text =
            Self.header + "304,2018,1,Việc hợp lệ,304-VP,,,,\n"
            + "304,2018,2,Việc của phòng ở quận khác,31-STC,,,,\n"
            + "304-TP,2018,3,Phòng không có chương trình,304-VP,,,,\n"
            + "304,2018,4,Lĩnh vực lạ,304-VP,,khong_co,,\n"
        do {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: text, file: "ct.csv"), by: "t", store: store)
            XCTFail("refused")
        } catch let problems as ImportProblems {
            XCTAssertEqual(problems.problems.map(\.line), [3, 4, 5])
            XCTAssertEqual(problems.problems.map(\.column), ["lead", "locality", "field"])
            XCTAssertTrue(
                problems.problems[0].message.contains("không phải phòng, ban hay xã, phường thuộc UBND quận Ngô Quyền"))
        }
        var filter = TaskRepository.Filter()
        filter.sourcePeriod = .year(2018)
        let written = try await TaskRepository.list(filter, store.sql)
        XCTAssertTrue(written.isEmpty, "the valid line was not written either")
    }
}
