import BaoCaoDomain
import BaoCaoTestSupport
import XCTest

@testable import BaoCaoStorage

/// A trend across the 2025 reform, on the reform demo: phường Ngô Quyền's 2025-H1 point is rebuilt from its
/// predecessors and marked; the city's sums hold the wards in force in each period and the trend says where its
/// composition changed.
final class TrendTests: XCTestCase {
    func trend(_ code: String, unit: StoredUnit, _ store: Store) async throws -> Trend {
        let tree = try await UnitTree.load(store.sql)
        return try await TrendQuery.trend(
            of: code, unit: unit, periods: [2024, 2025, 2026].map { .firstMonths($0, 6) }, tree: tree,
            catalogue: try await IndicatorRepository.catalogue(store.sql), view: .official, store.sql)
    }

    func testATrendAcrossTheReformRebuildsTheEarlierPointAndNamesTheChange() async throws {
        let store = try await StoreHarness.fresh(for: self)
        try await DemoData.loadIfEmpty(store, reform: true)
        let tree = try await UnitTree.load(store.sql)
        let ward = try XCTUnwrap(tree.byCode["11329"])
        let own = try await trend("THU_NS_PHUONG", unit: ward, store)
        XCTAssertEqual(own.points.map(\.value), [nil, Amount(scaled: 51_075_000), Amount(5_120)])
        XCTAssertEqual(own.points.map { $0.rebuiltFrom != nil }, [false, true, false])
        XCTAssertEqual(own.changes, [])
        XCTAssertEqual(
            own.rebuiltNotes,
            [
                "Số liệu 6 tháng đầu năm 2025 được tổng hợp lại từ số liệu của các phường Máy Chai, Vạn Mỹ, Cầu Tre và "
                    + "một phần phường Gia Viên (30% dân số), Đông Khê (45% dân số), khi phường Ngô Quyền chưa hình thành."
            ])

        // The city: 2025-H1 sums the wards of then (8 of them reported), 2026-H1 those formed on 1 July 2025.
        let city = try XCTUnwrap(tree.byCode["31"])
        let sums = try await trend("THU_NS_PHUONG", unit: city, store)
        XCTAssertEqual(sums.points.map(\.value), [nil, Amount(11_550), Amount(9_600)])
        XCTAssertEqual(sums.points.map { $0.rebuiltFrom }, [nil, nil, nil], "a unit that existed is never rebuilt")
        XCTAssertEqual(sums.changes.map(\.index), [2])
        let change = try XCTUnwrap(sums.changes.first)
        XCTAssertEqual(
            change.added, ["phường Hồng Bàng", "phường Ngô Quyền", "phường Gia Viên", "phường Lê Chân"])
        XCTAssertTrue(change.removed.contains("phường Máy Chai") && change.removed.contains("quận Ngô Quyền"))
        XCTAssertEqual(change.removed.count, 21)
        XCTAssertEqual(
            sums.changeNotes.first?.hasPrefix(
                "Từ 6 tháng đầu năm 2026, thành phố Hải Phòng gồm 4 đơn vị trực thuộc: thêm phường Hồng Bàng, "
                    + "phường Ngô Quyền, phường Gia Viên, phường Lê Chân; không còn "), true, "\(sums.changeNotes)")
        XCTAssertEqual(
            sums.changeNotes.first?.hasSuffix("và 13 đơn vị khác. Số liệu trước và sau không cùng phạm vi."), true)
    }

    /// The city took tỉnh Hải Dương in on 1 July 2025: its 2025-H1 point is both together, marked, on the footprint
    /// it has since.
    func testATrendOfAUnitThatTookAnotherInRebuildsTheYearBefore() async throws {
        let store = try await StoreHarness.fresh(for: self)
        try await DemoData.loadIfEmpty(store, reform: true)
        let tree = try await UnitTree.load(store.sql)
        let city = try XCTUnwrap(tree.byCode["31"])
        let trend = try await trend("THU_NSNN_TP", unit: city, store)
        XCTAssertEqual(trend.points.map(\.value), [nil, Amount(61_000), Amount(61_300)])
        XCTAssertEqual(trend.changes, [], "the city's own figure: which wards it has does not change what it counts")
        XCTAssertEqual(
            trend.rebuiltNotes,
            [
                "Số liệu 6 tháng đầu năm 2025 được tổng hợp lại từ số liệu của thành phố Hải Phòng và tỉnh Hải Dương, "
                    + "theo phạm vi của thành phố Hải Phòng sau khi sắp xếp."
            ])
    }
}
