import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import XCTest

@testable import BaoCaoStorage

/// The unit tree and catalogue kept in memory are read again only when they change, in this process or another.
final class ReferenceDataTests: XCTestCase {
    func testTheTreeAndCatalogueAreReadAgainOnlyAfterAChangeByAnyProcess() async throws {
        let (server, importer) = try await StoreHarness.twoOnOneDatabase(for: self)
        let reference = ReferenceData(store: server)
        let first = try await reference.current()
        _ = try await reference.current()
        _ = try await reference.current()
        var loads = await reference.loads
        XCTAssertEqual(loads, 1, "nothing changed: read once")
        XCTAssertNil(first.tree.byCode["304-P99"])

        // Values change nothing kept.
        var values = Dataset()
        values.values.append(
            ValueRecord(
                indicator: "HKD_MOI_PHUONG", unit: "304-P01", period: .month(2017, 1),
                observation: Observation(value: Amount(3), status: .final)))
        _ = try await DatasetImporter.run(values, by: "test", store: importer)
        _ = try await reference.current()
        loads = await reference.loads
        XCTAssertEqual(loads, 1)

        // Another process adds a ward and an indicator: the next read sees both.
        var change = Dataset()
        change.units.append(UnitRecord(code: "304-P99", name: "phường Thử", kind: .ward, parent: "304"))
        var indicator = try XCTUnwrap(first.catalogue.indicator(code: "HKD_MOI_PHUONG"))
        indicator.code = "HKD_THU"
        indicator.name = "Hộ kinh doanh (thử)"
        change.indicators.append(IndicatorRecord(indicator: indicator, location: .init(file: nil, line: 1)))
        _ = try await DatasetImporter.run(change, by: "test", store: importer)
        let after = try await reference.current()
        loads = await reference.loads
        XCTAssertEqual(loads, 2)
        XCTAssertNotNil(after.tree.byCode["304-P99"])
        XCTAssertNotNil(after.catalogue.indicator(code: "HKD_THU"))
    }
}
