import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// The register of letters and receptions: the demo's synthetic register gives the reference report's counts as
/// figures; a letter goes through its steps each on the version seen; a denouncer's identity stays with the persons
/// handling the letter and the head, every read logged.
final class CitizenRegisterTests: XCTestCase {
    let today = CivilDate(2026, 11, 28)

    func unit(_ store: Store, _ code: String) async throws -> StoredUnit {
        let tree = try await UnitTree.load(store.sql)
        return try XCTUnwrap(tree.byCode[code])
    }

    func letter(id: Int? = nil, code: String? = nil, _ db: any SQLDatabase) async throws -> StoredLetter {
        let found =
            if let id { try await LetterRepository.find(id: id, db) } else {
                try await LetterRepository.find(code: code ?? "", db)
            }
        return try XCTUnwrap(found)
    }

    func testTheDemoRegisterGivesTheReferenceReportsCounts() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let expected = [
            "TIEP_DAN_BUOI": 147, "TIEP_DAN_VU_VIEC": 135, "TIEP_DAN_LUOT": 284, "DON_TIEP_NHAN": 170,
            "DON_TIEP_NHAN_VU": 149, "DON_GIAI_QUYET": 112, "DON_GIAI_QUYET_VU": 105,
        ]
        for view in [FigureView.working, .official] {
            for (code, value) in expected {
                let figure = try await StoreFixtures.figure(store, "304", "2017-H1", code, view: view)
                XCTAssertEqual(figure.current?.value, Amount(value), "\(code) \(view)")
            }
        }
        // Computed from the records, not typed: the letters themselves say so.
        let district = try await unit(store, "304")
        let letters = try await LetterRepository.list(
            localityID: district.id, from: CivilDate(2017, 1, 1), to: CivilDate(2017, 6, 30), store.sql)
        XCTAssertEqual(letters.count, 170)
        XCTAssertTrue(letters.allSatisfy(\.illustrative))
        XCTAssertEqual(Set(letters.map(\.caseID)).count, 149)
        XCTAssertEqual(letters.filter { ($0.closedOn ?? today) <= CivilDate(2017, 6, 30) }.count, 112)
        // The year: every letter closed by the end of August; the rate of the year is 100 %.
        let year = try await StoreFixtures.figure(store, "304", "2017", "DON_GIAI_QUYET", view: .official)
        XCTAssertEqual(year.current?.value, Amount(170))
        // Every demo letter was handled within its legal time limits.
        let everyLetter = try await LetterRepository.list(localityID: district.id, store.sql)
        for l in everyLetter {
            let timing = l.timing(today: today, rules: try LegalRules.bundled().clocks, counter: LegalDayCounter())
            XCTAssertTrue([nil, .doneOnTime].contains(timing.status), "\(l.id): \(String(describing: timing.status))")
            XCTAssertNil(timing.lateAcceptance, "\(l.id)")
        }
        // The chairman's regular days of the first half: 12 planned, 11 held, March not kept.
        let rules = try LegalRules.bundled()
        let check = try await ReceptionRepository.compliance(
            localityID: district.id, kind: .district, from: CivilDate(2017, 1, 1), to: CivilDate(2017, 6, 30),
            rules: rules.reception, store.sql)
        XCTAssertEqual(check?.spans.count, 6)
        XCTAssertEqual(check?.spans.map(\.kept), [true, true, false, true, true, true])
        XCTAssertEqual(check?.spans[2].missed, [CivilDate(2017, 3, 23)])
    }

    func testALetterGoesThroughItsStepsAndAStaleStepIsRefused() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let locality = try await unit(store, "304-P01").id
        let db = store.sql
        let rules = try LegalRules.bundled()
        let input = LetterInput(
            receivedOn: CivilDate(2026, 11, 2), authorName: "Trần Văn B", authorAddress: "Số 5 phố X",
            content: "Khiếu nại quyết định thu hồi đất", kind: .complaint)
        XCTAssertEqual(
            LetterInput(receivedOn: CivilDate(2027, 1, 1), authorName: " ", content: "", kind: .petition, round: 2)
                .problems(today: today),
            [
                "Ngày nhận đơn: sau hôm nay", "Người viết đơn: chưa ghi (đơn nặc danh thì ghi \"Nặc danh\")",
                "Nội dung đơn: chưa ghi", "Lần hai chỉ có với khiếu nại",
            ])
        let (id, code) = try await LetterRepository.receive(
            localityID: locality, input, today: today, by: "tiep.nhan", db)
        XCTAssertNil(LetterCode.problem(code), code)
        // Not classified: no acceptance yet.
        do {
            try await LetterRepository.decide(
                id, .accepted, on: CivilDate(2026, 11, 5), document: "TB 1", today: today, expecting: 1, by: "x", db)
            XCTFail("accepted before classification")
        } catch let refused as LetterRepository.Refused {
            XCTAssertTrue(refused.reasons.contains("Đơn chưa phân loại"), "\(refused)")
        }
        try await LetterRepository.classify(
            id, .init(kind: .complaint, eligible: true, inCompetence: true, handler: "thanh.tra"), expecting: 1,
            by: "tiep.nhan", db)
        // Someone else's older view of the letter: refused, nothing written.
        do {
            try await LetterRepository.decide(
                id, .accepted, on: CivilDate(2026, 11, 5), document: "TB 1", today: today, expecting: 1, by: "x", db)
            XCTFail("a stale version was accepted")
        } catch is LetterRepository.Conflict {}
        try await LetterRepository.decide(
            id, .accepted, on: CivilDate(2026, 11, 5), document: "Thông báo thụ lý số 12/TB-UBND", today: today,
            expecting: 2, by: "thanh.tra", db)
        var stored = try await letter(code: code, db)
        XCTAssertEqual(stored.stage, .accepted)
        let timing = stored.timing(today: today, rules: rules.clocks, counter: LegalDayCounter())
        XCTAssertEqual(timing.deadline?.date, CivilDate(2026, 12, 7), "30 days from 5/11 is Saturday 5/12")
        XCTAssertEqual(timing.status, .inProgress)
        XCTAssertNotNil(stored.clock.extensionProblem(days: 10, rules.clocks))
        do {
            try await LetterRepository.resolve(
                id, .init(day: CivilDate(2026, 11, 27), document: "QĐ 5", outcome: nil), today: today,
                expecting: 3, by: "thanh.tra", db)
            XCTFail("resolved without an outcome")
        } catch is LetterRepository.Refused {}
        try await LetterRepository.resolve(
            id,
            .init(
                day: CivilDate(2026, 11, 27), document: "Quyết định số 5/QĐ-UBND", outcome: .partly,
                returnedAmount: 12_000_000),
            today: today, expecting: 3, by: "thanh.tra", db)
        stored = try await letter(id: id, db)
        XCTAssertEqual(stored.stage, .resolved)
        XCTAssertEqual(stored.timing(today: today, rules: rules.clocks, counter: LegalDayCounter()).status, .doneOnTime)
        let events = try await LetterRepository.events(of: id, db)
        XCTAssertEqual(events.count, 4)
        XCTAssertFalse(events.contains { $0.detail.contains("Trần Văn B") }, "the history does not name the author")
    }

    func testADenouncersIdentityIsReadOnlyByItsHandlersAndTheHeadAndEveryReadIsLogged() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let locality = try await unit(store, "304-P01").id
        let db = store.sql
        let (id, _) = try await LetterRepository.receive(
            localityID: locality,
            LetterInput(
                receivedOn: CivilDate(2026, 11, 20), authorName: "Lê Thị Tố Cáo", authorAddress: "Ngõ 7",
                authorContact: "0900000000", content: "Tố cáo cán bộ nhận hối lộ", kind: .denunciation),
            today: today, by: "tiep.nhan", db)
        try await LetterRepository.classify(
            id, .init(kind: .denunciation, eligible: true, inCompetence: true, handler: "thanh.tra"), expecting: 1,
            by: "tiep.nhan", db)
        let denunciation = try await letter(id: id, db)
        let readers: [(LetterIdentity.Reader, Bool)] = [
            (.init(username: "tiep.nhan", isHead: false), true),
            (.init(username: "thanh.tra", isHead: false), true),
            (.init(username: "chu.tich", isHead: true), true),
            (.init(username: "tong.hop", isHead: false), false),
            (.init(username: "quan.tri", isHead: false), false),
        ]
        for (reader, allowed) in readers {
            let answer = try await LetterIdentity.read(denunciation, by: reader, purpose: "xem đơn", db)
            if allowed {
                XCTAssertEqual(
                    answer, .visible(LetterAuthor(name: "Lê Thị Tố Cáo", address: "Ngõ 7", contact: "0900000000")))
            } else {
                XCTAssertEqual(answer, .protected, reader.username)
            }
        }
        let reads = try await LetterIdentity.reads(of: id, db)
        XCTAssertEqual(reads.map(\.by), ["tiep.nhan", "thanh.tra", "chu.tich"])
        // A complaint's author is no secret to the register's readers, and its reads are not logged.
        let (complaint, _) = try await LetterRepository.receive(
            localityID: locality,
            LetterInput(
                receivedOn: CivilDate(2026, 11, 20), authorName: "Phạm Văn C", content: "Khiếu nại", kind: .complaint),
            today: today, by: "tiep.nhan", db)
        let stored = try await letter(id: complaint, db)
        let answer: LetterIdentity.Answer = try await LetterIdentity.read(
            stored, by: .init(username: "tong.hop", isHead: false), purpose: "x", db)
        XCTAssertEqual(answer, .visible(LetterAuthor(name: "Phạm Văn C", address: nil, contact: nil)))
        let complaintReads = try await LetterIdentity.reads(of: complaint, db)
        XCTAssertTrue(complaintReads.isEmpty)
    }

    func testACorrectedRulesTableReplacesTheShippedOneAndABadOneChangesNothing() async throws {
        let store = try await StoreHarness.fresh(demo: false, for: self)
        var text = try await LegalRules.text(.clocks, store.sql)
        text = text.replacingOccurrences(of: "thuong,khong,30,ngay", with: "thuong,khong,25,ngay")
        try await LegalRules.replace(.clocks, csv: text, by: "quantri", store.sql)
        let rules = try await LegalRules.load(store.sql)
        XCTAssertEqual(rules.clocks.rule(.complaint, .resolution, on: CivilDate(2026, 1, 5))?.days, 25)
        do {
            try await LegalRules.replace(.clocks, csv: text + "sai,khieu_nai\n", by: "quantri", store.sql)
            XCTFail("a bad table was stored")
        } catch let problem as ClockRules.Problem {
            XCTAssertEqual(problem.line, 19)
        }
        let kept = try await LegalRules.load(store.sql)
        XCTAssertEqual(kept.clocks.rule(.complaint, .resolution, on: CivilDate(2026, 1, 5))?.days, 25)
    }

    func testAFileOfLettersIsWrittenWholeOrNotAtAll() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let district = try await unit(store, "304")
        let before = try await LetterRepository.list(localityID: district.id, store.sql).count
        let csv = """
            locality,received_on,author_name,content,kind,eligible,in_competence,path,path_on,path_document
            304,2017-09-04,Lê Văn D,Khiếu nại việc cấp phép xây dựng,khieu_nai,true,true,thu_ly,2017-09-06,TB 40
            304,2017-09-05,Phạm Thị E,Phản ánh ngập úng,kien_nghi_phan_anh,true,true,thu_ly,2017-09-06,TB 41
            304,2017-09-05,Hoàng F,Tố cáo sai phạm,to_cao,,,,,

            """
        do {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: csv, file: "don.csv"), by: "t", store: store)
            XCTFail("a petition cannot be accepted for resolution")
        } catch let problems as ImportProblems {
            XCTAssertEqual(problems.problems.map(\.line), [3])
            XCTAssertTrue(problems.problems[0].description.contains("Thụ lý chỉ với khiếu nại, tố cáo"), "\(problems)")
        }
        let after = try await LetterRepository.list(localityID: district.id, store.sql).count
        XCTAssertEqual(after, before, "nothing written")
        let fixed = csv.replacingOccurrences(
            of: "kien_nghi_phan_anh,true,true,thu_ly", with: "kien_nghi_phan_anh,true,true,tra_loi")
        let summary = try await DatasetImporter.run(
            try DatasetReader.read(csv: fixed, file: "don.csv"), by: "t", store: store)
        XCTAssertEqual(summary.letters, 3)
        let nine = try await StoreFixtures.figure(store, "304", "2017-9M", "DON_TIEP_NHAN")
        XCTAssertEqual(nine.current?.value, Amount(173), "the register's figures follow an import")
    }

    func testTwoColleaguesReceivingLettersAtOnceAreBothCounted() async throws {
        let (first, second) = try await StoreHarness.twoOnOneDatabase(for: self)
        let district = try await unit(first, "304")
        let rules = try LegalRules.bundled()
        let today = self.today
        func receive(_ store: Store, _ name: String) async throws {
            try await store.transaction { db in
                try await LetterRepository.receive(
                    localityID: district.id,
                    LetterInput(
                        receivedOn: CivilDate(2017, 9, 4), authorName: name, content: "Phản ánh", kind: .petition),
                    today: today, by: name, db)
                try await RegisterFigures.refresh(
                    localityID: district.id, periods: Set(RegisterFigures.periods(containing: CivilDate(2017, 9, 4))),
                    rules: rules.figures, db)
            }
        }
        async let a: Void = receive(first, "mot")
        async let b: Void = receive(second, "hai")
        _ = try await (a, b)
        let nine = try await StoreFixtures.figure(first, "304", "2017-9M", "DON_TIEP_NHAN")
        XCTAssertEqual(nine.current?.value, Amount(172), "both letters counted, neither save refused")
    }
}
