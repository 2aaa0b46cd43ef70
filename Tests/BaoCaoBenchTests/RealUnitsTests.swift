import BaoCaoBench
import BaoCaoDomain
import BaoCaoExchange
import BaoCaoTestSupport
import Foundation
import XCTest

@testable import BaoCaoStorage

/// The real list of units since 1 July 2025: it imports as it is, and the national benchmark runs on it.
final class RealUnitsTests: XCTestCase {
    func testTheOfficialListImportsAsItIs() async throws {
        let store = try await StoreHarness.fresh(for: self)
        var dataset = Dataset()
        for name in ["provinces", "communes"] {
            let url = try XCTUnwrap(SyntheticNation.unitList(name))
            dataset.append(try DatasetReader.read(csv: String(contentsOf: url, encoding: .utf8), file: name + ".csv"))
        }
        let summary = try await DatasetImporter.run(dataset, by: "test", store: store)
        XCTAssertEqual(summary.units, 34 + 3_321)
        let tree = try await UnitTree.load(store.sql)
        XCTAssertEqual(tree.byCode["31"]?.name, "Thành phố Hải Phòng")
        XCTAssertEqual(tree.byCode["11329"]?.fullName, "Phường Ngô Quyền")
        XCTAssertEqual(tree.byCode["11329"]?.validFrom, "2025-07-01")
        let kinds = Dictionary(grouping: tree.units.filter(\.kind.isCommuneLevel), by: \.kind).mapValues(\.count)
        XCTAssertEqual(kinds, [.ward: 687, .commune: 2_621, .specialZone: 13])
    }

    func testTheNationIsTheRealCountryUnlessAScaleIsAskedFor() throws {
        let nation = try SyntheticNation.real(indicators: 3)
        XCTAssertTrue(nation.isReal)
        XCTAssertEqual(nation.provinces, 34)
        XCTAssertEqual(nation.communes, 3_321)
        XCTAssertEqual(nation.provinceCode(0), "01")
        XCTAssertEqual(nation.communeCode(0), "00004", "phường Ba Đình")
        let units = nation.catalogue().units
        XCTAssertEqual(units.count, 1 + 34 + 3_321)
        XCTAssertEqual(units.first { $0.code == "11329" }?.parent, "31")
        XCTAssertTrue(units.allSatisfy { $0.validFrom == nil }, "the benchmark's years are 2016–2017")
        let generated = SyntheticNation(provinces: 3, communes: 60, indicators: 2)
        XCTAssertFalse(generated.isReal)
        XCTAssertEqual(generated.communeCode(59), "X60")
        XCTAssertEqual(generated.provinceCode(generated.province(ofCommune: 59)), "T3")
    }
}
