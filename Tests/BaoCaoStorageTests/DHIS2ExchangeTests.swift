import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import BaoCaoTestSupport
import XCTest

/// Figures in and out as DHIS2 `dataValueSets`: round trips, strategies, dry runs, conflicts, locks.
final class DHIS2ExchangeTests: XCTestCase {
    /// What identifies a DHIS2 value and what it says, without who stored it and when.
    static func content(_ values: [DHIS2DataValue]) -> [String] {
        values.map { [$0.dataElement, $0.period, $0.orgUnit, $0.value ?? "", $0.comment ?? ""].joined(separator: "|") }
    }

    /// A fresh database holding the demo's catalogue, units and rules, and no figures.
    func catalogueOnly(_ source: Store) async throws -> Store {
        var dataset = try await DatasetExporter.export(source.sql)
        dataset.values = []
        (dataset.programme, dataset.tasks, dataset.sessions, dataset.petitions) = ([], [], [], [])
        (dataset.receptions, dataset.letters) = ([], [])
        let store = try await StoreHarness.fresh(for: self)
        _ = try await DatasetImporter.run(dataset, by: "test", store: store)
        return store
    }

    func testTheDemoExportedAndImportedAsDHIS2JSONAndCSVGivesIdenticalFigures() async throws {
        // setup
        let demo = try await StoreHarness.fresh(demo: true, for: self)
        let exported = try await DHIS2Exchange.export(.init(), demo.sql)
        let json = try DHIS2DataValueSet.json(exported.values)
        let csv = DHIS2DataValueSet.csv(exported.values)
        let all = try await DatasetExporter.export(demo.sql).values

        // MUT: JSON into one database with the catalogue only, CSV into another.
        let fromJSON = try await catalogueOnly(demo)
        let jsonSummary = try await DHIS2Exchange.importValues(
            try DHIS2DataValueSet.read(json: json), by: "dhis2", store: fromJSON)
        let fromCSV = try await catalogueOnly(demo)
        let csvSummary = try await DHIS2Exchange.importValues(
            try DHIS2DataValueSet.read(csv: csv), by: "dhis2", store: fromCSV)

        // validate: every figure DHIS2 has a period for comes back the same (value, status, qualifier, note); the
        // nine-month figures of the register, which DHIS2 cannot hold, are counted as left out.
        XCTAssertEqual(exported.skipped, all.filter { $0.period.kind == .firstMonths(9) }.count)
        XCTAssertGreaterThan(exported.skipped, 0)
        XCTAssertEqual(exported.values.count + exported.skipped, all.count)
        XCTAssertTrue(exported.values.contains { $0.comment?.hasPrefix("[ước tính]") == true }, "estimates travel")
        for (summary, store) in [(jsonSummary, fromJSON), (csvSummary, fromCSV)] {
            XCTAssertEqual(summary.status, .success, "\(summary.conflicts)")
            XCTAssertEqual(summary.importCount.imported, exported.values.count)
            let again = try await DHIS2Exchange.export(.init(), store.sql)
            XCTAssertEqual(Self.content(again.values), Self.content(exported.values))
            let records = try await DatasetExporter.export(store.sql).values
            XCTAssertEqual(
                Set(records.map { "\($0.indicator)|\($0.unit)|\($0.period.code)|\($0.observation)|\($0.note ?? "")" }),
                Set(
                    all.filter { $0.period.kind != .firstMonths(9) }.map {
                        "\($0.indicator)|\($0.unit)|\($0.period.code)|\($0.observation)|\($0.note ?? "")"
                    }))
        }
        // Importing the same payload again changes nothing.
        let repeated = try await DHIS2Exchange.importValues(
            try DHIS2DataValueSet.read(json: json), by: "dhis2", store: fromJSON)
        XCTAssertEqual(repeated.importCount.imported + repeated.importCount.updated, 0)
        XCTAssertEqual(repeated.importCount.ignored, exported.values.count)
    }

    func testAnUnknownDataElementIsAConflictAndNothingIsWritten() async throws {
        // setup: a payload with one good value (a new one) and one naming an indicator BaoCao does not have.
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let payload = Data(
            """
            {"dataSet": "KTXH", "period": "2017S1", "orgUnit": "304-P01",
             "dataValues": [
               {"dataElement": "HKD_MOI_PHUONG", "categoryOptionCombo": "default", "value": "7"},
               {"dataElement": "KHONG_CO", "value": "12"}
             ]}
            """.utf8)
        let values = try DHIS2DataValueSet.read(json: payload)
        let tree = try await UnitTree.load(store.sql)
        let p01 = try XCTUnwrap(tree.byCode["304-P01"])

        for dryRun in [true, false] {
            // MUT
            let summary = try await DHIS2Exchange.importValues(values, dryRun: dryRun, by: "dhis2", store: store)
            // validate
            XCTAssertEqual(summary.status, .error)
            XCTAssertEqual(summary.dryRun, dryRun)
            XCTAssertEqual(
                summary.conflicts,
                [.init(object: "KHONG_CO", value: "chỉ tiêu \"KHONG_CO\" không tồn tại", indexes: [1])])
            XCTAssertEqual(summary.importCount.imported, 0)
            XCTAssertEqual(summary.importCount.ignored, 2)
            let stored = try await FigureEntry.stored(unitID: p01.id, period: .firstMonths(2017, 6), store.sql)
            XCTAssertTrue(stored.isEmpty, "nothing written, dry run or not")
        }
        // A good payload in a dry run: counted, not written.
        let good = Array(values.prefix(1))
        let dry = try await DHIS2Exchange.importValues(good, dryRun: true, by: "dhis2", store: store)
        XCTAssertEqual(dry.status, .success)
        XCTAssertEqual(dry.importCount.imported, 1)
        let afterDryRun = try await FigureEntry.stored(unitID: p01.id, period: .firstMonths(2017, 6), store.sql)
        XCTAssertTrue(afterDryRun.isEmpty)
        let done = try await DHIS2Exchange.importValues(good, by: "dhis2", store: store)
        XCTAssertEqual(done.importCount.imported, 1)
        let afterImport = try await FigureEntry.stored(unitID: p01.id, period: .firstMonths(2017, 6), store.sql)
        XCTAssertEqual(afterImport.count, 1)
    }

    func testImportStrategiesCreateUpdateAndDelete() async throws {
        // setup: THU_NSNN of 304 for 2017-H1 is stored (553.100, an estimate); HKD_MOI_PHUONG of 304-P01 is not.
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = """
            dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup
            THU_NSNN,2017S1,304,default,default,600000,x,,[ước tính],false
            HKD_MOI_PHUONG,2017S1,304-P01,,,7,x,,,
            """
        let values = try DHIS2DataValueSet.read(csv: csv)
        func stored(_ indicator: String, _ unit: String) async throws -> StoredValue? {
            let tree = try await UnitTree.load(store.sql)
            let catalogue = try await IndicatorRepository.catalogue(store.sql)
            let all = try await FigureEntry.stored(
                unitID: try XCTUnwrap(tree.byCode[unit]).id, period: .firstMonths(2017, 6), store.sql)
            return all[try XCTUnwrap(catalogue.idByCode[indicator])]
        }

        // MUT + validate: CREATE takes the new value only.
        var summary = try await DHIS2Exchange.importValues(values, strategy: .create, by: "dhis2", store: store)
        XCTAssertEqual(summary.importCount.imported, 1)
        XCTAssertEqual(summary.importCount.ignored, 1)
        var thu = try await stored("THU_NSNN", "304")
        XCTAssertEqual(thu?.observation.value, Amount(553_100))
        // UPDATE changes the stored one, and the new one (now stored) is left as it is.
        summary = try await DHIS2Exchange.importValues(values, strategy: .update, by: "dhis2", store: store)
        XCTAssertEqual(summary.importCount.updated, 1)
        XCTAssertEqual(summary.importCount.ignored, 1)
        thu = try await stored("THU_NSNN", "304")
        XCTAssertEqual(thu?.observation.value, Amount(600_000))
        XCTAssertEqual(thu?.observation.status, .estimate)
        // DELETE takes both away, in the working and the official view; a second time there is nothing to delete.
        summary = try await DHIS2Exchange.importValues(values, strategy: .delete, by: "dhis2", store: store)
        XCTAssertEqual(summary.importCount.deleted, 2)
        XCTAssertEqual(summary.description, "Đã xóa.")
        thu = try await stored("THU_NSNN", "304")
        XCTAssertNil(thu)
        let official = try await DHIS2Exchange.export(
            .init(units: ["304"], periods: [.firstMonths(2017, 6)], view: .official), store.sql)
        XCTAssertFalse(official.values.contains { $0.dataElement == "THU_NSNN" })
        summary = try await DHIS2Exchange.importValues(values, strategy: .delete, by: "dhis2", store: store)
        XCTAssertEqual(summary.importCount.deleted, 0)
        XCTAssertEqual(summary.importCount.ignored, 2)
    }

    func testLockedFiguresAreNotDeletedAndWhatCannotMapIsRefused() async throws {
        // setup: Phòng Tài chính - Kế hoạch's figures of 2017-H1 approved.
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let tree = try await UnitTree.load(store.sql)
        let office = try XCTUnwrap(tree.byCode["304-TCKH"])
        for step in [SubmissionStep.saveDraft, .submit, .approve] {
            try await SubmissionRepository.take(
                step, unitID: office.id, period: .firstMonths(2017, 6), reason: nil, by: "t", store.sql)
        }
        let thu = DHIS2DataValue(dataElement: "THU_NSNN", period: "2017S1", orgUnit: "304", value: "553100")

        // MUT + validate: even a deletion naming the stored figure is refused while it is approved.
        let deleting = try await DHIS2Exchange.importValues([thu], strategy: .delete, by: "dhis2", store: store)
        XCTAssertEqual(deleting.status, .error)
        XCTAssertTrue(deleting.conflicts.first?.value.contains("đã duyệt") == true, "\(deleting.conflicts)")

        var disaggregated = thu
        disaggregated.categoryOptionCombo = "Nam_15_49"
        var halfYear = thu
        halfYear.period = "2017S2"
        var text = thu
        text.value = "1,5"
        let refused = try await DHIS2Exchange.importValues(
            [disaggregated, halfYear, text].enumerated().map { i, v in
                var v = v
                v.line = i + 1
                return v
            }, by: "dhis2", store: store)
        XCTAssertEqual(refused.status, .error)
        XCTAssertEqual(refused.conflicts.map(\.object), ["Nam_15_49", "2017S2", "1,5"])
        XCTAssertTrue(refused.conflicts[0].value.contains("chỉ nhận tổ hợp mặc định"))
    }
}

/// SDMX-CSV of the demo: every stored figure, nine-month ones included, as one row.
final class SDMXExportTests: XCTestCase {
    func testEveryFigureIsOneRowAndTheStructureListsTheCatalogue() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let csv = try await SDMXExport.data(.init(), store.sql)
        let values = try await DatasetExporter.export(store.sql).values
        let rows = try CSVReader.rows(csv)
        XCTAssertEqual(rows.count, values.count + 1)
        XCTAssertTrue(csv.contains("dataflow,BAOCAO:DF_KTXH(1.0),I,S,THU_NSNN,304,2017-S1,553100,triệu đồng,E,"))
        XCTAssertTrue(
            csv.contains(",C,TIEP_DAN_BUOI,304,2017-01-01/P9M,147,buổi,A,"), "the register's nine-month figure")
        let h1 = try await SDMXExport.data(.init(units: ["304"], periods: [.firstMonths(2017, 6)]), store.sql)
        XCTAssertFalse(h1.contains("2017-M06"))
        let structure = try await SDMXExport.structure(store.sql)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        for indicator in catalogue.indicators {
            XCTAssertTrue(structure.contains("<str:Code id=\"\(indicator.code)\">"), indicator.code)
        }
        XCTAssertTrue(structure.contains("<str:Code id=\"304-P01\">"))
    }
}
