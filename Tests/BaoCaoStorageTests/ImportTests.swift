import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

final class ImportTests: XCTestCase {
    func count(_ store: Store, _ table: String) async throws -> Int {
        try await store.sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(
            column: "n", as: Int.self)
    }

    func testABadRowWritesNothingAndNamesLineAndColumn() async throws {
        // setup
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let valuesBefore = try await count(store, "data_values")
        let csv = """
            indicator,unit,period,value,status
            GTSX_CN,304,2017-9M,"1.000.000",uoc
            KHONG_CO,304,2017-9M,5,uoc
            GTSX_CN,304-P99,2017-9M,5,uoc
            GTSX_CN,304,2017-M13,5,uoc
            GTSX_CN,304,2017-9M,"12,5,3",uoc
            TY_LE_GIAI_QUYET_DON,304,2017-9M,5,uoc
            """
        // MUT
        var thrown: ImportProblems?
        do {
            let dataset = try DatasetReader.read(csv: csv, file: "so-lieu.csv")
            _ = try await DatasetImporter.run(dataset, by: "test", store: store)
        } catch let error as ImportProblems { thrown = error }
        // validate: form problems are found first, all of them, in Vietnamese with line and column.
        let problems = try XCTUnwrap(thrown).problems
        XCTAssertEqual(problems.map(\.line), [5, 6])
        XCTAssertEqual(problems.map(\.column), ["period", "value"])
        XCTAssertTrue(
            problems[0].description.hasPrefix(
                "so-lieu.csv: dòng 5, cột \"period\": Kỳ báo cáo \"2017-M13\" không hợp lệ"))
        XCTAssertTrue(problems[1].description.contains("\"12,5,3\" không hợp lệ: có nhiều hơn một dấu phẩy"))

        // Reference problems are found against the database; still nothing is written.
        let referenceCSV = csv.split(separator: "\n").enumerated().filter { ![4, 5].contains($0.offset) }
            .map(\.element).joined(separator: "\n")
        do {
            _ = try await DatasetImporter.run(
                try DatasetReader.read(csv: referenceCSV, file: "so-lieu.csv"), by: "test", store: store)
            XCTFail("must not import")
        } catch let error as ImportProblems {
            XCTAssertEqual(error.problems.map(\.line), [3, 4, 5])
            XCTAssertEqual(error.problems.map(\.column), ["indicator", "unit", "indicator"])
            XCTAssertTrue(error.description.contains("chỉ tiêu \"KHONG_CO\" không tồn tại"))
            XCTAssertTrue(error.description.contains("đơn vị \"304-P99\" không tồn tại"))
            XCTAssertTrue(error.description.contains("được tính theo công thức"))
            XCTAssertTrue(error.description.contains("không có dữ liệu nào được ghi"))
        }
        let awaited1 = try await count(store, "data_values")
        XCTAssertEqual(awaited1, valuesBefore, "the good first row was rolled back too")
    }

    func testAFileMixingNewAndCorrectedValuesKeepsHistoryForTheCorrections() async throws {
        // setup
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = """
            indicator,unit,period,value,status,note
            GTSX_CN,304,2017-H1,"700.000",chinh_thuc,số chính thức
            GTSX_CN,304,2017-9M,"1.000.000",uoc,
            VIEC_LAM,304,2017-H1,"3.443",chinh_thuc,
            """
        // MUT
        let summary = try await DatasetImporter.run(try DatasetReader.read(csv: csv), by: "tckh", store: store)
        // validate: the first corrects an existing value, the second is new, the third is what is stored already.
        XCTAssertEqual(summary.values, 2)
        XCTAssertEqual(summary.unchangedValues, 1)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let allUnits = try await UnitRepository.all(store.sql)
        let unit = try XCTUnwrap(UnitRepository.current(code: "304", among: allUnits))
        let key = ValueWriter.Key(
            indicatorID: catalogue.idByCode["GTSX_CN"]!, unitID: unit.id, period: .firstMonths(2017, 6))
        let history = try await ValueHistory.changes(key, store.sql)
        XCTAssertEqual(history.map(\.oldValue), [Amount(693_843)])
        XCTAssertEqual(history.map(\.newNote), ["số chính thức"])
        let listing9M = try await ReferenceSentencesTests.listing(store, period: "2017-9M").text
        XCTAssertTrue(
            listing9M.contains(
                "Giá trị sản xuất công nghiệp trên địa bàn ước đạt 1.000.000 triệu đồng, bằng 72,20% kế hoạch năm"))
        let listingH1 = try await ReferenceSentencesTests.listing(store).text
        XCTAssertTrue(listingH1.contains("Giá trị sản xuất công nghiệp trên địa bàn đạt 700.000 triệu đồng"))
    }

    func testTheSameValueTwiceInOneFileIsAnError() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = "indicator,unit,period,value\nGTSX_CN,304,2017-9M,1\nGTSX_CN,304,2017-9M,2\n"
        do {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: csv), by: "test", store: store)
            XCTFail("duplicate")
        } catch let error as ImportProblems {
            XCTAssertEqual(error.problems.map(\.line), [3])
            XCTAssertTrue(error.problems[0].message.contains("trùng với dòng 2"))
        }
    }

    func testSubmittedOrApprovedFiguresAreLockedForTheImporterToo() async throws {
        // setup: Phòng Tài chính - Kế hoạch's figures of 2017-H1 approved.
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let tree = try await UnitTree.load(store.sql)
        let office = try XCTUnwrap(tree.byCode["304-TCKH"])
        let h1 = Period.firstMonths(2017, 6)
        for step in [SubmissionStep.saveDraft, .submit, .approve] {
            try await SubmissionRepository.take(step, unitID: office.id, period: h1, reason: nil, by: "t", store.sql)
        }
        func importing(_ rows: String) async throws -> [ImportProblem] {
            do {
                _ = try await DatasetImporter.run(
                    try DatasetReader.read(csv: "indicator,unit,period,value,status\n" + rows), by: "test", store: store
                )
                return []
            } catch let error as ImportProblems { return error.problems }
        }
        // MUT + validate: the stored figure again passes; a change is refused with unit, period and what to do;
        // figures of other offices, of wards and of other periods are not locked.
        var problems = try await importing("THU_NSNN,304,2017-H1,553.100,uoc\n")
        XCTAssertEqual(problems, [])
        problems = try await importing("THU_NSNN,304,2017-H1,600.000,uoc\nHKD_MOI_PHUONG,304-P01,2017-H1,7,uoc\n")
        XCTAssertEqual(problems.map(\.line), [2])
        XCTAssertEqual(
            problems.first?.message,
            "số liệu của Phòng Tài chính - Kế hoạch kỳ 2017-H1 đã duyệt: người duyệt cần mở lại (hoặc trả lại) trước khi nhập"
        )
        let unchanged = try await FigureEntry.stored(
            unitID: try XCTUnwrap(tree.byCode["304-P01"]).id, period: h1, store.sql)
        XCTAssertTrue(unchanged.isEmpty, "nothing written when one row is refused")
        problems = try await importing("HKD_CAP_GCN,304,2017-H1,260,uoc\nTHU_NSNN,304,2017-M07,1,uoc\n")
        XCTAssertEqual(problems, [], "Phòng Kinh tế's figure; another period")
        try await SubmissionRepository.take(.reopen, unitID: office.id, period: h1, reason: nil, by: "t", store.sql)
        problems = try await importing("THU_NSNN,304,2017-H1,600.000,uoc\n")
        XCTAssertEqual(problems, [], "reopened: the import goes through")
    }

    func testRulesRefuseAnImportThatBreaksAnErrorRuleAndReportItsWarnings() async throws {
        // setup: the demo, whose rules the reference figures satisfy.
        let store = try await StoreHarness.fresh(demo: true, for: self)
        // MUT: more letters resolved than received (an error), on line 3.
        let bad = "indicator,unit,period,value\nDON_TIEP_NHAN,304,2018-H1,100\nDON_GIAI_QUYET,304,2018-H1,120\n"
        do {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: bad, file: "don.csv"), by: "t", store: store)
            XCTFail("the rule must refuse the file")
        } catch let error as ImportProblems {
            XCTAssertEqual(error.problems.count, 1)
            XCTAssertEqual(
                error.problems.first?.description,
                "don.csv: dòng 2, cột \"value\": quận Ngô Quyền, kỳ 2018-H1: Số đơn đã giải quyết xong không thể "
                    + "nhiều hơn số đơn tiếp nhận (DON_GIAI_QUYET = 120, DON_TIEP_NHAN = 100; cần không lớn hơn)")
        }
        let nothing = try await store.sql.raw("SELECT COUNT(*) AS n FROM data_values WHERE period = '2018-H1'").first()!
        XCTAssertEqual(try nothing.decode(column: "n", as: Int.self), 0, "nothing of the file is written")
        // A warning rule passes, reported with its line; a negative count is an error.
        let warned = "indicator,unit,period,value\nNHA_CHINH_SACH,304,2018-H1,5\nNHA_CS_KHOI_CONG,304,2018-H1,8\n"
        let summary = try await DatasetImporter.run(
            try DatasetReader.read(csv: warned, file: "nha.csv"), by: "t", store: store)
        XCTAssertEqual(summary.values, 2)
        XCTAssertEqual(summary.warnings.map(\.line), [2])
        let negative = "indicator,unit,period,value\nTNGT_VU,304,2018-H1,-1\n"
        do {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: negative), by: "t", store: store)
            XCTFail("a negative count is refused")
        } catch let error as ImportProblems {
            XCTAssertTrue(error.description.contains("Số vụ tai nạn giao thông: số liệu không được âm"))
        }
    }

    func testRulesRoundTripThroughTheExchangeFormat() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let exported = try await DatasetExporter.export(store.sql)
        XCTAssertEqual(exported.rules.count, 11)
        let csv = DatasetFormatter.csv(.rules, exported)
        XCTAssertTrue(csv.hasPrefix("code,left,operator,right,severity,missing,message,unit\n"))
        XCTAssertTrue(csv.contains("DON_GQ_LE_TIEP_NHAN,DON_GIAI_QUYET,<=,DON_TIEP_NHAN,loi,bo_qua_khi_thieu,"))
        let bad = "code,left,operator,right,message\nX,DON_GIAI_QUYET,=<,KHONG_CO,Sai\n"
        XCTAssertThrowsError(try DatasetReader.read(csv: bad, file: "r.csv")) { error in
            XCTAssertTrue("\(error)".contains("cột \"operator\""), "\(error)")
        }
        let unknown = "code,left,operator,right,message\nX,DON_GIAI_QUYET,<=,KHONG_CO,Sai\n"
        do {
            _ = try await DatasetImporter.run(
                try DatasetReader.read(csv: unknown, file: "r.csv"), by: "t", store: store)
            XCTFail("a rule naming no indicator is refused")
        } catch {
            XCTAssertTrue("\(error)".contains("vế phải: chỉ tiêu \"KHONG_CO\" không có trong danh mục"), "\(error)")
        }
    }

    func testCalendarsAreForProvincesOnly() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = "province,cutoff_day,deadline_working_days\n304,20,3\nXX,20,3\n"
        do {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: csv), by: "test", store: store)
            XCTFail("a district has no calendar of its own")
        } catch let error as ImportProblems {
            XCTAssertEqual(error.problems.map(\.line), [2, 3])
            XCTAssertTrue(error.problems[0].message.contains("không phải tỉnh"))
        }
    }

    func testUnitValidityIsChecked() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = "indicator,unit,period,value\nGTSX_CN,304,2026-H1,5\n"
        do {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: csv), by: "test", store: store)
            XCTFail("the district was abolished on 1 July 2025")
        } catch let error as ImportProblems {
            XCTAssertTrue(error.description.contains("đã hết hiệu lực từ 2025-06-30"), error.description)
        }
    }

    func testTargetRevisionsAreKept() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let revised = "indicator,unit,year,target_kind,value,set_by\nVIEC_LAM,304,2017,ke_hoach,\"5.000\",HĐND quận\n"
        _ = try await DatasetImporter.run(try DatasetReader.read(csv: revised), by: "test", store: store)
        let rows = try await store.sql.raw(
            """
            SELECT amount, revision, is_current FROM targets t JOIN indicators i ON i.id = t.indicator_id
            WHERE i.code = 'VIEC_LAM' ORDER BY revision
            """
        ).all()
        XCTAssertEqual(try rows.map { try $0.decode(column: "amount", as: Int64.self) }, [60_000_000, 50_000_000])
        XCTAssertEqual(try rows.map { try $0.decode(column: "is_current", as: Bool.self) }, [false, true])
        let listing = try await ReferenceSentencesTests.listing(store).text
        XCTAssertTrue(listing.contains("Giải quyết việc làm cho 3.443 lượt người, bằng 69% kế hoạch năm"))
    }

    func testExportImportRoundTrip() async throws {
        // setup
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let calendar = "province,cutoff_day,deadline_working_days,holidays\n31,20,3,2017-06-22;2017-09-04\n"
        _ = try await DatasetImporter.run(try DatasetReader.read(csv: calendar), by: "test", store: store)
        let exported = try await DatasetExporter.export(store.sql)
        XCTAssertEqual(exported.calendars.first?.calendar.holidays.count, 2)
        var csvs: [TableKind: String] = [:]
        for table in TableKind.allCases { csvs[table] = DatasetFormatter.csv(table, exported) }
        let json = try DatasetFormatter.json(exported)

        // MUT: CSV into one fresh database, JSON into another.
        let fromCSV = try await StoreHarness.fresh(for: self)
        var dataset = Dataset()
        for table in TableKind.allCases {
            dataset.append(try DatasetReader.read(csv: csvs[table]!, file: table.rawValue))
        }
        _ = try await DatasetImporter.run(dataset, by: "test", store: fromCSV)
        let again = try await DatasetExporter.export(fromCSV.sql)
        let sentencesCSV = try await ReferenceSentencesTests.listing(fromCSV).text

        let fromJSON = try await StoreHarness.fresh(for: self)
        _ = try await DatasetImporter.run(try DatasetReader.read(json: json), by: "test", store: fromJSON)
        let againJSON = try await DatasetExporter.export(fromJSON.sql)

        // validate
        for table in TableKind.allCases {
            XCTAssertEqual(DatasetFormatter.csv(table, again), csvs[table], table.rawValue)
            XCTAssertEqual(DatasetFormatter.csv(table, againJSON), csvs[table], table.rawValue)
        }
        // 123 typed, 77 computed from the register (7 indicators × 11 periods of 2017).
        XCTAssertEqual(exported.values.count, 200)
        for sentence in ReferenceSentencesTests.golden {
            XCTAssertTrue(sentencesCSV.localizedCaseInsensitiveContains(sentence), sentence)
        }
    }
}
