import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// Every value has a version that only grows; a change based on an older version is refused with who changed it.
final class VersionTests: XCTestCase {
    func testAChangeBasedOnAnOldVersionIsRefusedAndVersionsNeverGoBack() async throws {
        // setup
        let store = try await StoreHarness.fresh(for: self)
        _ = try await StoreFixtures.load(store, StoreFixtures.smallCountry)
        let tree = try await UnitTree.load(store.sql)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let key = ValueWriter.Key(
            indicatorID: catalogue.idByCode["DT"]!, unitID: tree.byCode["X1"]!.id, period: .month(2017, 1))
        func save(_ value: Int, by user: String, expecting: Int?) async throws {
            try await store.transaction { db in
                _ = try await ValueWriter.save(
                    key, Observation(value: Amount(value)), note: nil, by: user, communeLevel: true,
                    expecting: expecting, db)
            }
        }
        func version() async throws -> Int { try await ValueWriter.version(key, store.sql) }

        // MUT / validate: two people open the empty cell (version 0); the first saves, the second is refused.
        try await save(10, by: "an", expecting: 0)
        var v = try await version()
        XCTAssertEqual(v, 1)
        do {
            try await save(20, by: "binh", expecting: 0)
            XCTFail("a save based on the empty cell must not overwrite an's value")
        } catch let conflict as ValueWriter.VersionConflict {
            XCTAssertEqual(conflict.current?.observation.value, Amount(10))
            XCTAssertEqual(conflict.changedBy, "an")
            XCTAssertEqual(conflict.version, 1)
        }
        let kept = try await StoreFixtures.figure(store, "X1", "2017-M01", "DT").current?.value
        XCTAssertEqual(kept, Amount(10))
        // Based on the version seen, it goes through.
        try await save(20, by: "binh", expecting: 1)
        v = try await version()
        XCTAssertEqual(v, 2)
        // A deletion moves the version on; re-entering the value moves it further, never back to 1.
        try await store.transaction { db in
            _ = try await ValueWriter.delete(key, by: "an", communeLevel: true, expecting: 2, db)
        }
        v = try await version()
        XCTAssertEqual(v, 3)
        do {
            try await save(30, by: "binh", expecting: 2)
            XCTFail("the value was deleted since version 2")
        } catch let conflict as ValueWriter.VersionConflict {
            XCTAssertNil(conflict.current)
            XCTAssertEqual(conflict.changedBy, "an")
        }
        try await save(30, by: "binh", expecting: 3)
        v = try await version()
        XCTAssertEqual(v, 4)
        let province = try await StoreFixtures.figure(store, "T1", "2017-M01", "DT").current?.value
        XCTAssertEqual(province, Amount(30), "the live sum follows every accepted change, none of the refused")
    }

    func testSumsThatWouldLeave64BitsAreRefusedAndNothingIsWritten() async throws {
        let store = try await StoreHarness.fresh(for: self)
        _ = try await StoreFixtures.load(store, StoreFixtures.smallCountry)
        let tree = try await UnitTree.load(store.sql)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let (x1, x2) = ["X1", "X2"].map {
            ValueWriter.Key(
                indicatorID: catalogue.idByCode["DT"]!, unitID: tree.byCode[$0]!.id, period: .month(2017, 1))
        }.pair
        // Values no person can type (an old database could hold them): the second would overflow the province sum.
        try await store.transaction { db in
            _ = try await ValueWriter.save(
                x1, Observation(value: Amount(scaled: Int64.max - 5)), note: nil, by: "t", communeLevel: true, db)
        }
        do {
            try await store.transaction { db in
                _ = try await ValueWriter.save(
                    x2, Observation(value: Amount(scaled: 10)), note: nil, by: "t", communeLevel: true, db)
            }
            XCTFail("the province's sum would overflow")
        } catch let error as FigureOutOfRange {
            XCTAssertTrue(error.description.contains("vượt giới hạn tính toán"))
        }
        let refused = try await StoreFixtures.figure(store, "X2", "2017-M01", "DT").current
        XCTAssertNil(refused, "the refused value is not stored")
        let province = try await StoreFixtures.figure(store, "T1", "2017-M01", "DT").current?.value
        XCTAssertEqual(province, Amount(scaled: Int64.max - 5))
        // The bulk path refuses the same way, and writes nothing.
        let rows = [
            BulkValueLoader.Row(
                indicatorID: catalogue.idByCode["DT"]!, unitID: tree.byCode["X2"]!.id, period: "2017-M01",
                amount: 10, estimate: false)
        ]
        do {
            try await BulkValueLoader.load(rows, by: "t", store: store)
            XCTFail("the bulk path must refuse it too")
        } catch is FigureOutOfRange {}
        let count = try await store.sql.raw("SELECT COUNT(*) AS n FROM data_values").first()!.decode(
            column: "n", as: Int.self)
        XCTAssertEqual(count, 1)
        // A figure with an extreme value still reads: comparisons are no figure, not a crash.
        let figure = try await StoreFixtures.figure(store, "T1", "2017-Q1", "DT")
        XCTAssertNil(figure.current, "February and March are missing")
    }

    func testNineMonthsFromTheStoredFirstHalfAndThirdQuarter() async throws {
        let store = try await StoreHarness.fresh(for: self)
        _ = try await StoreFixtures.load(store, StoreFixtures.smallCountry)
        _ = try await StoreFixtures.load(
            store,
            [
                "indicator,unit,period,value\nDT,X1,2017-H1,100\nDT,X1,2017-Q3,50\nDT,X2,2017-H1,10\nDT,X2,2017-Q3,5\n"
                    + "DT,X1,2016-9M,120\nDT,X2,2016-9M,15\n"
            ])
        let x1 = try await StoreFixtures.figure(store, "X1", "2017-9M", "DT")
        XCTAssertEqual(x1.current?.value, Amount(150))
        XCTAssertEqual(x1.yearOnYear?.magnitude, Amount(25))
        let province = try await StoreFixtures.figure(store, "T1", "2017-9M", "DT")
        XCTAssertEqual(province.current?.value, Amount(165), "the sums of H1 and Q3 added up")
        XCTAssertEqual(province.current?.coverage?.fraction, "2/2 xã")
    }
}

extension Array {
    var pair: (Element, Element) { (self[0], self[1]) }
}
