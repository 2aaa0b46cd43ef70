import BaoCaoDomain
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Issue 11, part 6 (dashboard): the counts by pace first, a filter to the indicators behind, sorting, cards on a
/// phone, and the period typed in words.
final class DashboardTests: XCTestCase {
    func testTheDashboardSummarisesFiltersAndSorts() async throws {
        try await WebHarness.with(self) { web in
            let leader = try await web.login("tonghop")
            // setup, nine months (pace 75%): GTSX_CN at 10% of its year (behind), THU_NSNN at 68,65% (near: over 85%
            // of the pace), DT_TMDV at 82,82% (on pace); the others not yet entered.
            _ = try await web.post(
                "/nhap-lieu",
                [
                    "unit": "304-TCKH", "period": "2017-9M", "buoc": "luu", "v_GTSX_CN": "138.500",
                    "v_THU_NSNN": "700.000", "v_DT_TMDV": "20.000.000",
                ], as: try await web.login("tckh.baocao"))
            let page = try await web.get(
                "/tong-quan?unit=304&period=9%20th%C3%A1ng%20n%C4%83m%202017", as: leader)
            XCTAssertEqual(page.status, .ok, "the period in words")
            XCTAssertTrue(page.body.contains("Tổng quan: quận Ngô Quyền — 9 tháng năm 2017"))
            XCTAssertTrue(page.body.contains("<h2 id=\"tom-tat\">Tóm tắt tiến độ</h2>"))
            let summary = try XCTUnwrap(page.body.components(separatedBy: "id=\"tom-tat\"").last)
            XCTAssertTrue(summary.contains("<strong>1</strong> chậm</a>"), summary.prefix(1500).description)
            XCTAssertTrue(summary.contains("<strong>1</strong> gần đạt</a>"))
            XCTAssertTrue(summary.contains("Chỉ xem 1 chỉ tiêu chậm tiến độ"))
            XCTAssertTrue(
                summary.contains("chưa có số liệu</a>"), "a target without its figure is not 'không có kế hoạch'")
            XCTAssertTrue(page.body.contains("class=\"grid cards\""), "cards on a phone")
            XCTAssertTrue(page.body.contains("class=\"chart-narrow\""))

            // MUT: behind only.
            let behind = try await web.get("/tong-quan?unit=304&period=2017-9M&tien_do=cham", as: leader)
            let rows = behind.body.components(separatedBy: "<tr><td data-label=\"Chỉ tiêu\">").dropFirst()
            XCTAssertEqual(rows.count, 1, behind.body)
            XCTAssertTrue(rows.first?.contains("Giá trị sản xuất công nghiệp") == true)
            XCTAssertTrue(behind.body.contains("1 chỉ tiêu — chậm"))

            // Sorted by % of target either way; figures without one come last either way.
            func order(_ sort: String) async throws -> [String] {
                let page = try await web.get("/tong-quan?unit=304&period=2017-9M&sap_xep=\(sort)", as: leader)
                let rows = page.body.components(separatedBy: "<tr><td data-label=\"Chỉ tiêu\">").dropFirst()
                return rows.prefix(3).map { row in
                    ["GTSX_CN", "THU_NSNN", "DT_TMDV"].first { row.contains("indicator=\($0)&") } ?? "?"
                }
            }
            let lowFirst = try await order("pt_tang")
            XCTAssertEqual(lowFirst, ["GTSX_CN", "THU_NSNN", "DT_TMDV"])
            let highFirst = try await order("pt_giam")
            XCTAssertEqual(highFirst, ["DT_TMDV", "THU_NSNN", "GTSX_CN"])
            let byName = try await web.get("/tong-quan?unit=304&period=2017-9M&sap_xep=ten", as: leader)
            let names = byName.body.components(separatedBy: "<tr><td data-label=\"Chỉ tiêu\"><a href=\"").dropFirst()
                .compactMap {
                    $0.split(separator: ">", maxSplits: 1).last?.split(separator: "<").first.map(String.init)
                }
            XCTAssertEqual(names, names.sorted { $0.lowercased() < $1.lowercased() })
            XCTAssertGreaterThan(names.count, 10)
        }
    }

    /// Each indicator's help is on the entry form, beside its name.
    func testTheEntryFormExplainsEachIndicator() async throws {
        try await WebHarness.with(self) { web in
            let office = try await web.login("tckh.baocao")
            let form = try await web.get("/nhap-lieu?unit=304-TCKH&period=2017-9M", as: office)
            let row = try XCTUnwrap(
                form.body.components(separatedBy: "<tr>").first { $0.contains("for=\"v-THU_NSNN\"") })
            XCTAssertTrue(row.contains("<details class=\"help\"><summary title=\"Giải thích chỉ tiêu\""), row)
            XCTAssertTrue(row.contains("<dt>Định nghĩa</dt><dd>Tổng các khoản thu ngân sách nhà nước"), row)
            XCTAssertTrue(row.contains("<dt>Đơn vị báo cáo</dt><dd>Phòng Tài chính - Kế hoạch báo cáo</dd>"), row)
            XCTAssertTrue(row.contains("<dt>Nguồn số liệu</dt><dd>Số thu của Kho bạc Nhà nước quận"), row)
        }
    }
}
