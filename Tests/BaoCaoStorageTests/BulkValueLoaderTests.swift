import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import SQLKit
import XCTest

@testable import BaoCaoStorage

final class BulkValueLoaderTests: XCTestCase {
    func testBulkLoadFeedsTheSameLiveSumsAndRefusesExistingValues() async throws {
        // setup: the catalogue of the rollup tests, values through the bulk path.
        let store = try await StoreHarness.fresh(for: self)
        var catalogue = Dataset()
        for csv in StoreFixtures.smallCountry { catalogue.append(try DatasetReader.read(csv: csv)) }
        _ = try await DatasetImporter.run(catalogue, by: "test", store: store)
        let units = UnitRepository.currentByCode(try await UnitRepository.all(store.sql))
        let ids = try await IndicatorRepository.catalogue(store.sql).idByCode
        let (x1, x2) = (units["X1"]!.id, units["X2"]!.id)
        var rows: [BulkValueLoader.Row] = []
        for m in 1...6 {
            rows.append(
                .init(
                    indicatorID: ids["DT"]!, unitID: x1, period: Period.month(2017, m).code, amount: 100_000,
                    estimate: false))
            rows.append(
                .init(
                    indicatorID: ids["DT"]!, unitID: x2, period: Period.month(2017, m).code, amount: 25_000,
                    estimate: m == 6))
        }
        // MUT
        try await BulkValueLoader.load(rows, by: "bulk", store: store)
        // validate
        let figure = try await StoreFixtures.figure(store, "T1", "2017-H1", "DT")
        XCTAssertEqual(figure.current?.value, Amount(75))
        XCTAssertEqual(figure.current?.status, .estimate)
        let country = try await StoreFixtures.figure(store, "VN", "2017-H1", "DT")
        XCTAssertEqual(country.current?.value, Amount(75))

        // A batch that repeats an existing value fails whole: nothing of it is written.
        let again = [
            BulkValueLoader.Row(indicatorID: ids["DT"]!, unitID: x1, period: "2017-M07", amount: 1, estimate: false),
            rows[0],
        ]
        do {
            try await BulkValueLoader.load(again, by: "bulk", store: store)
            XCTFail("an existing value must not be loaded twice")
        } catch {}
        let july = try await store.sql.raw("SELECT COUNT(*) AS n FROM data_values WHERE period = '2017-M07'").first()!
        XCTAssertEqual(try july.decode(column: "n", as: Int.self), 0)
        let after = try await StoreFixtures.figure(store, "T1", "2017-H1", "DT")
        XCTAssertEqual(after.current?.value, Amount(75))
    }

    func testALoadMovingThousandsOfSumsAddsThemAllUp() async throws {
        // setup: one commune, one indicator, every month of 220 years: 2,640 values, each moving the sums of the
        // province and the country, so 5,280 sums change in one load, more than one upsert statement holds.
        let store = try await StoreHarness.fresh(for: self)
        _ = try await StoreFixtures.load(store, StoreFixtures.smallCountry)
        let units = UnitRepository.currentByCode(try await UnitRepository.all(store.sql))
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let x1 = try XCTUnwrap(units["X1"]?.id)
        let dt = try XCTUnwrap(catalogue.idByCode["DT"])
        var rows: [BulkValueLoader.Row] = []
        for year in 1900..<2120 {
            for m in 1...12 {
                rows.append(
                    .init(
                        indicatorID: dt, unitID: x1, period: Period.month(year, m).code, amount: 10_000, estimate: false
                    ))
            }
        }
        // MUT
        try await BulkValueLoader.load(rows, by: "bulk", store: store)
        // validate
        let year = try await StoreFixtures.figure(store, "VN", "2017", "DT", view: .official)
        XCTAssertEqual(year.current?.value, Amount(12))
    }
}
