import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// Issue 12, part 6: tasks, council sessions and voters' petitions in the exchange format: exported and imported
/// into an empty database they come back the same (grouping, forwarding and answers included); imported again they
/// change nothing; a file with a problem names its line and column and writes nothing.
final class TaskExchangeTests: XCTestCase {
    func testTheDemosTasksSessionsAndPetitionsGoOutAndComeBackTheSame() async throws {
        let demo = try await StoreHarness.fresh(demo: true, for: self)
        let tree = try await UnitTree.load(demo.sql)
        let unit = try XCTUnwrap(tree.byCode["304"])
        // The reference report's tasks, as the demo's start-up proposes and assigns them.
        try await ReportTasks.propose(
            from: try await ReportQuery.document(
                template: DemoData.templateCode, unitID: unit.id, period: .firstMonths(2017, 6), view: .official,
                forPublication: true, demo.sql), template: DemoData.templateCode, locality: unit,
            period: .firstMonths(2017, 6), by: "tonghop", demo.sql)
        try await DemoData.playReportTasks(demo)
        let exported = try await DatasetExporter.export(demo.sql, today: CivilDate(2018, 1, 2))
        XCTAssertEqual(exported.tasks.count, 27)
        XCTAssertEqual(exported.sessions.count, 1)
        XCTAssertEqual(exported.petitions.count, 8)
        XCTAssertEqual(exported.tasks.filter { $0.status == "hoan_thanh_dung_han" }.count, 22, "status for people")
        // Through the files themselves: CSV for the tasks, JSON for everything.
        let csv = try DatasetReader.read(csv: DatasetFormatter.csv(.tasks, exported), file: "tasks.csv")
        XCTAssertEqual(csv.tasks.map(\.title), exported.tasks.map(\.title))
        XCTAssertEqual(csv.tasks.map(\.deadline), exported.tasks.map(\.deadline))
        XCTAssertEqual(csv.tasks.map(\.lead), exported.tasks.map(\.lead))
        let dataset = try DatasetReader.read(json: try DatasetFormatter.json(exported), file: "all.json")

        let copy = try await StoreHarness.fresh(for: self)
        let summary = try await DatasetImporter.run(dataset, by: "test", store: copy)
        XCTAssertEqual([summary.tasks, summary.sessions, summary.petitions], [27, 1, 8])
        XCTAssertEqual([summary.receptions, summary.letters], [147, 170], "the citizens' register too")
        let again = try await DatasetExporter.export(copy.sql, today: CivilDate(2018, 1, 2))
        XCTAssertEqual(again.sessions.map(\.session), exported.sessions.map(\.session))
        XCTAssertEqual(
            again.petitions.map {
                [$0.code, $0.sameAs, $0.assignedTo, $0.forwardedTo, $0.outcome?.rawValue, $0.answer]
            },
            exported.petitions.map {
                [$0.code, $0.sameAs, $0.assignedTo, $0.forwardedTo, $0.outcome?.rawValue, $0.answer]
            })
        XCTAssertEqual(again.tasks.map(\.title), exported.tasks.map(\.title))
        XCTAssertEqual(
            again.tasks.map(\.deadline), exported.tasks.map(\.deadline), "the first deadline, not the extended one")
        // Imported again: nothing new.
        let twice = try await DatasetImporter.run(dataset, by: "test", store: copy)
        XCTAssertEqual(
            [twice.tasks, twice.sessions, twice.petitions, twice.receptions, twice.letters], [0, 0, 0, 0, 0])
        XCTAssertEqual(twice.unchangedRecords, 27 + 1 + 8 + 147 + 170)
        // The register came back whole (codes, cases, repeats, handling), a denouncer's identity never went out.
        XCTAssertEqual(again.letters.map(\.code), exported.letters.map(\.code))
        XCTAssertEqual(again.letters.map(\.sameAs), exported.letters.map(\.sameAs))
        XCTAssertEqual(again.letters.map(\.path), exported.letters.map(\.path))
        XCTAssertEqual(again.letters.map(\.resolvedOn), exported.letters.map(\.resolvedOn))
        let letters = DatasetFormatter.csv(.letters, exported)
        XCTAssertFalse(letters.contains("Người tố cáo"))
        XCTAssertEqual(
            exported.letters.filter { $0.input.kind == .denunciation }.map(\.input.authorName).first, "(được bảo vệ)")
        XCTAssertTrue(letters.contains("Công dân số 1 (minh họa)"), "a complainant's name is part of the register")
    }

    func testAProblemNamesItsLineAndColumnAndNothingIsWritten() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let tasks =
            "locality,title,lead,deadline\n304,Kiểm tra an toàn thực phẩm dịp Tết,304-YT,2018-01-31\n"
            + "304,Việc giao nhầm,31-STC,2018-01-31\n"
        let petitions =
            "locality,term,session,code,heard_at,words,assigned_to,outcome,answer\n"
            + "304,XVIII,5,KN-A,Cử tri phường Máy Chai,Đề nghị lắp đèn,304-QLDT,,\n"
            + "304,XVIII,9,KN-B,Cử tri phường Máy Tơ,Đề nghị sửa đường,304-QLDT,,\n"
        var dataset = try DatasetReader.read(csv: tasks, file: "nv.csv")
        dataset.append(try DatasetReader.read(csv: petitions, file: "kn.csv"))
        do {
            _ = try await DatasetImporter.run(dataset, by: "t", store: store)
            XCTFail("refused")
        } catch let problems as ImportProblems {
            XCTAssertEqual(problems.problems.map(\.file), ["nv.csv", "kn.csv"])
            XCTAssertEqual(problems.problems.map(\.line), [3, 3])
            XCTAssertEqual(problems.problems.map(\.column), ["lead", "session"])
        }
        var filter = TaskRepository.Filter()
        filter.source = .other
        let written = try await TaskRepository.list(filter, store.sql)
        XCTAssertTrue(written.isEmpty, "the good line was not written either")
        // A petition answered "chưa giải quyết" without its reason is refused by the reader.
        XCTAssertThrowsError(
            try DatasetReader.read(
                csv: "locality,term,session,heard_at,words,assigned_to,outcome,answer\n"
                    + "304,XVIII,5,Cử tri,Đề nghị,304-QLDT,chua_giai_quyet,Đã xem xét\n", file: "kn.csv")
        ) { error in
            XCTAssertEqual((error as? ImportProblems)?.problems.first?.column, "reason")
        }
    }
}
