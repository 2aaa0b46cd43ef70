import BaoCaoDomain
import BaoCaoTestSupport
import XCTest

@testable import BaoCaoStorage

/// One indicator over many units reads only that indicator (and what its formula reads), with the same figure as
/// the whole catalogue gives.
final class RestrictedCatalogueTests: XCTestCase {
    func testAFigureFromTheCutDownCatalogueIsTheSame() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let tree = try await UnitTree.load(store.sql)
        let district = try XCTUnwrap(tree.byCode["304"])
        let cut = catalogue.restricted(to: ["TY_LE_GIAI_QUYET_DON"])
        XCTAssertEqual(
            Set(cut.indicators.map(\.code)), ["TY_LE_GIAI_QUYET_DON", "DON_GIAI_QUYET", "DON_TIEP_NHAN"],
            "the formula's inputs come along")
        for code in ["TY_LE_GIAI_QUYET_DON", "THU_NSNN", "HO_NGHEO_PHUONG"] {
            let whole = try await FigureQuery.figures(
                unitID: district.id, period: .firstMonths(2017, 6), catalogue: catalogue, view: .official, store.sql
            ).first { $0.indicator.code == code }
            let alone = try await FigureQuery.figures(
                unitID: district.id, period: .firstMonths(2017, 6), catalogue: catalogue.restricted(to: [code]),
                view: .official, store.sql
            ).first { $0.indicator.code == code }
            if code != "HO_NGHEO_PHUONG" { XCTAssertNotNil(whole?.current, code) }
            XCTAssertEqual(alone?.current, whole?.current, code)
            XCTAssertEqual(alone?.lastYear, whole?.lastYear, code)
            XCTAssertEqual(alone?.percentOfTarget, whole?.percentOfTarget, code)
        }
    }

    /// Many units read together (a province's communes on the one-indicator page) get exactly the figures each
    /// gets alone, whatever the number of units per query.
    func testManyUnitsReadTogetherGetTheirOwnFigures() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let units = try await UnitTree.load(store.sql).units
        var compared = 0
        for view in [FigureView.official, .working] {
            for period in [Period.firstMonths(2017, 6), .year(2016)] {
                for perQuery in [2, FigureQuery.unitsPerQuery] {
                    let together = try await FigureQuery.sources(
                        unitIDs: units.map(\.id), period: period, catalogue: catalogue, view: view,
                        perQuery: perQuery, store.sql
                    ).mapValues { FigureAssembler.figures(for: catalogue.indicators, period: period, sources: $0) }
                    XCTAssertEqual(together.count, units.count)
                    for unit in units {
                        let alone = try await FigureQuery.figures(
                            unitID: unit.id, period: period, catalogue: catalogue, view: view, store.sql)
                        XCTAssertEqual(together[unit.id], alone, "\(unit.code) \(period.code) \(view)")
                        compared += alone.filter { $0.current != nil }.count
                    }
                }
            }
        }
        XCTAssertGreaterThan(compared, 100, "the demo has figures to compare")
    }
}
