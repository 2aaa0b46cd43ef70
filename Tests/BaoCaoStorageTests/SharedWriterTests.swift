import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import Foundation
import XCTest

@testable import BaoCaoStorage

/// An import (a command, its own process) and the server's saves on the same database at the same time: each waits
/// its turn, neither fails. On SQLite the two are separate connections to one file, as `baocao import` and
/// `baocao serve` are; on PostgreSQL two pools on one database.
final class SharedWriterTests: XCTestCase {
    func testAnImportAndSavesArrivingMeanwhileBothSucceed() async throws {
        let (importer, server) = try await StoreHarness.twoOnOneDatabase(for: self)
        let tree = try await UnitTree.load(server.sql)
        let catalogue = try await IndicatorRepository.catalogue(server.sql)
        let wards = tree.units.filter { $0.kind.isCommuneLevel }
        let communeIndicators = catalogue.indicators.filter { $0.reportedBy == .commune }
        var dataset = Dataset()
        for year in 1996...2011 {
            for month in 1...12 {
                for ward in wards {
                    for indicator in communeIndicators {
                        dataset.values.append(
                            ValueRecord(
                                indicator: indicator.code, unit: ward.code, period: .month(year, month),
                                observation: Observation(value: Amount(year * 100 + month), status: .final)))
                    }
                }
            }
        }
        XCTAssertGreaterThan(dataset.values.count, 10_000)
        let load = dataset
        async let imported = DatasetImporter.run(load, by: "nhap-tep", store: importer)
        // Saves arrive while the import writes, each in its own transaction, as web saves do.
        let key = ValueWriter.Key(
            indicatorID: try XCTUnwrap(catalogue.idByCode[communeIndicators[0].code]), unitID: wards[0].id,
            period: .month(2016, 1))
        for i in 1...25 {
            try await server.transaction { db in
                _ = try await ValueWriter.save(
                    key, Observation(value: Amount(i), status: .estimate), note: nil, by: "web", communeLevel: true, db)
            }
            try await Task.sleep(nanoseconds: 10_000_000)
        }
        _ = try await imported
        let saved = try await FigureEntry.stored(unitID: wards[0].id, period: .month(2016, 1), server.sql)
        XCTAssertEqual(saved[key.indicatorID]?.observation.value, Amount(25))
        let count = try await server.sql.raw("SELECT COUNT(*) AS n FROM data_values WHERE period LIKE '2005-%'")
            .first()?.decode(column: "n", as: Int.self)
        XCTAssertEqual(count, wards.count * communeIndicators.count * 12, "the import is whole")
    }
}
