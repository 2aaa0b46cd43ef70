import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

/// Values saved at communes reach every unit above them in the same transaction.
final class RollupTests: XCTestCase {
    func load(_ store: Store, _ csvs: [String]) async throws -> DatasetImporter.Summary {
        try await StoreFixtures.load(store, csvs)
    }

    func figure(_ store: Store, _ unit: String, _ period: String, _ code: String) async throws -> Figure {
        try await StoreFixtures.figure(store, unit, period, code)
    }

    func catalogueCSV() -> [String] { StoreFixtures.smallCountry }

    func testCommuneValuesAddUpLiveThroughTheHierarchy() async throws {
        // setup
        let store = try await StoreHarness.fresh(for: self)
        _ = try await load(store, catalogueCSV())
        var values = "indicator,unit,period,value,status\n"
        for m in 1...6 {
            values +=
                "DT,X1,2017-M0\(m),10,chinh_thuc\nDT,X2,2017-M0\(m),\"2,5\",uoc\nDT,X3,2017-M0\(m),100,chinh_thuc\n"
            values += "DT,X1,2016-M0\(m),5,chinh_thuc\nDT,X2,2016-M0\(m),5,chinh_thuc\n"
            values += "DS,X1,2017-M0\(m),\(1000 + m),chinh_thuc\nDS,X2,2017-M0\(m),2000,chinh_thuc\n"
        }
        values += "TB,X1,2017-H1,10,chinh_thuc\nTB,X2,2017-H1,20,chinh_thuc\n"
        _ = try await load(store, [values])
        let targets = "indicator,unit,year,target_kind,value\nDT,T1,2017,ke_hoach,150\n"
        _ = try await load(store, [targets])

        // MUT / validate: the province is the sum of its communes, over six months.
        let h1 = try await figure(store, "T1", "2017-H1", "DT")
        XCTAssertEqual(h1.current?.value, Amount(75))
        XCTAssertEqual(h1.current?.status, .estimate, "one commune's figures are estimates")
        XCTAssertEqual(h1.lastYear?.value, Amount(60))
        XCTAssertEqual(h1.percentOfTarget, Amount(50))
        XCTAssertEqual(h1.yearOnYear?.magnitude, Amount(25))
        let awaited1 = try await figure(store, "VN", "2017-H1", "DT").current?.value
        XCTAssertEqual(awaited1, Amount(675))
        let awaited2 = try await figure(store, "T1", "2017-H1", "DS").current?.value
        XCTAssertEqual(awaited2, Amount(3006), "stock: June")
        let awaited3 = try await figure(store, "T1", "2017-H1", "TB").current?.value
        XCTAssertEqual(awaited3, Amount(15), "average of communes")
        let awaited4 = try await figure(store, "T1", "2017-Q2", "DT").current?.value
        XCTAssertEqual(awaited4, Amount(plain: "37.5"))
        let awaited5 = try await figure(store, "T1", "2017-M06", "DT").periodOnPeriod?.direction
        XCTAssertEqual(awaited5, .same)

        // A correction at a commune is in the province's figure at once.
        let fix = "indicator,unit,period,value,status\nDT,X2,2017-M06,\"12,5\",chinh_thuc\n"
        _ = try await load(store, [fix])
        let after = try await figure(store, "T1", "2017-H1", "DT")
        XCTAssertEqual(after.current?.value, Amount(85))
        XCTAssertEqual(after.current?.status, .estimate, "five months of X2 are still estimates")
        let awaited6 = try await figure(store, "T1", "2017-M06", "DT").current?.status
        XCTAssertEqual(awaited6, .final)
        let awaited7 = try await figure(store, "VN", "2017-H1", "DT").current?.value
        XCTAssertEqual(awaited7, Amount(685))
    }

    func testMovingACommuneRebuildsTheSums() async throws {
        let store = try await StoreHarness.fresh(for: self)
        _ = try await load(store, catalogueCSV())
        _ = try await load(store, ["indicator,unit,period,value\nDT,X1,2017,10\nDT,X2,2017,20\nDT,X3,2017,40\n"])
        let awaited8 = try await figure(store, "T1", "2017", "DT").current?.value
        XCTAssertEqual(awaited8, Amount(30))
        // A merger moves X2 under T2.
        _ = try await load(store, ["code,name,kind,parent\nX2,Xã Hai,xa,T2\n"])
        let awaited9 = try await figure(store, "T1", "2017", "DT").current?.value
        XCTAssertEqual(awaited9, Amount(10))
        let awaited10 = try await figure(store, "T2", "2017", "DT").current?.value
        XCTAssertEqual(awaited10, Amount(60))
        let awaited11 = try await figure(store, "VN", "2017", "DT").current?.value
        XCTAssertEqual(awaited11, Amount(70))
    }

    /// A move that keeps history: the commune's unit ends the day before and starts again under its new parent, with
    /// a lineage line between the two. The old parent's past sums keep it, the new parent has it from the day, and
    /// its next year compares with itself under the old parent.
    func testAMoveThatKeepsHistoryEndsTheUnitAndStartsItAgain() async throws {
        let store = try await StoreHarness.fresh(for: self)
        _ = try await load(store, catalogueCSV())
        _ = try await load(store, ["indicator,unit,period,value\nDT,X1,2017,10\nDT,X2,2017,20\nDT,X3,2017,40\n"])
        _ = try await load(
            store,
            [
                "code,name,kind,parent,valid_from,valid_to\nX2,Xã Hai,xa,T1,,2017-12-31\nX2,Xã Hai,xa,T2,2018-01-01,\n",
                "effective,resolution,successor,predecessor,part\n2018-01-01,01/NQ-HĐND,X2,X2,toan_bo\n",
                "indicator,unit,period,value\nDT,X2,2018,30\nDT,X3,2018,40\n",
            ])
        let t1Before = try await figure(store, "T1", "2017", "DT").current?.value
        XCTAssertEqual(t1Before, Amount(30), "2017 of Tỉnh Một still holds Xã Hai")
        let t2Before = try await figure(store, "T2", "2017", "DT").current?.value
        XCTAssertEqual(t2Before, Amount(40))
        let t2After = try await figure(store, "T2", "2018", "DT").current?.value
        XCTAssertEqual(t2After, Amount(70), "2018 of Tỉnh Hai holds Xã Hai")
        let moved = try await figure(store, "X2", "2018", "DT")
        XCTAssertEqual(moved.lastYear?.value, Amount(20))
        XCTAssertEqual(moved.yearOnYear?.magnitude, Amount(50))
        XCTAssertEqual(moved.lastYearRebuilt?.words, "của xã Hai")
    }
}
