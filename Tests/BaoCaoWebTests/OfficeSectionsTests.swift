import BaoCaoDomain
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Issue 11, part 4 (access): an office's reporter reaches the report sections given to the office from the menu and
/// from their start page, without rights over the whole draft; a ward's people open the ward's own template.
final class OfficeSectionsTests: XCTestCase {
    func testAnOfficeReporterFindsItsSectionsFromTheMenuAndTheStartPage() async throws {
        try await WebHarness.with(self, reform: true, today: CivilDate(2026, 11, 27)) { web in
            let office = try await web.login("ngoquyen.vhxh")
            let menu = try await web.get("/soan-bao-cao", as: office)
            XCTAssertEqual(menu.status, .seeOther, menu.body)
            XCTAssertEqual(menu.headers.first(name: .location), "/soan-bao-cao/duoc-giao")
            let list = try await web.get("/soan-bao-cao/duoc-giao", as: office)
            XCTAssertEqual(list.status, .ok)
            XCTAssertTrue(
                list.body.contains(
                    "href=\"/soan-bao-cao/muc?template=phuong-ngo-quyen-6-thang&amp;unit=11329&amp;period=2026-H1&amp;section=muc-4\">2. Văn hóa - xã hội</a>"
                ), list.body)
            XCTAssertTrue(list.body.contains("<td>6 tháng đầu năm 2026</td>"), list.body)
            XCTAssertTrue(list.body.contains("<td>10/06/2026 (quá hạn 170 ngày)</td>"), list.body)
            XCTAssertFalse(list.body.contains("Kinh tế - ngân sách"), "another office's section is not listed")
            let start = try await web.get("/nhap-lieu", as: office)
            XCTAssertTrue(
                start.body.contains("Bạn được giao 1 mục báo cáo, 1 mục chưa xong, hạn gần nhất ngày 10/06/2026."),
                start.body)
            // A ward's reporter opens the ward's own report, not the district's.
            let ward = try await web.login("ngoquyen.baocao")
            let own = try await web.get("/soan-bao-cao", as: ward)
            XCTAssertEqual(own.status, .ok, own.body)
            XCTAssertTrue(own.body.contains("phường Ngô Quyền, sau sắp xếp"), own.body)
            // An office with nothing given to it is told so, not refused.
            let other = try await web.login("tckh.baocao")
            let none = try await web.get("/soan-bao-cao/duoc-giao", as: other)
            XCTAssertEqual(none.status, .ok)
            XCTAssertTrue(none.body.contains("Chưa có mục báo cáo nào được giao cho đơn vị của bạn."), none.body)
        }
    }

    /// The browser journey's path on the 2017 demo: the compiler gives a finished section to an office, whose
    /// reporter logs in, lands on the entry page that says so, and reaches it from the list.
    func testTheJourneysOfficeSeesTheSectionItWasGiven() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let base = ["template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-H1"]
            _ = try await web.post(
                "/soan-bao-cao/giao", base.merging(["section": "muc-3", "office": "304-TCKH"]) { $1 }, as: compiler)
            let office = try await web.login("tckh.baocao")
            let home = try await web.get("/", as: office)
            let start = try await web.get(try XCTUnwrap(home.headers.first(name: .location)), as: office)
            XCTAssertTrue(start.body.contains("Bạn được giao 1 mục báo cáo."), start.body)
            let list = try await web.get("/soan-bao-cao/duoc-giao", as: office)
            XCTAssertTrue(list.body.contains(">1. Nhiệm vụ kinh tế - ngân sách</a>"), list.body)
            XCTAssertTrue(list.body.contains("<td>Đã xong</td>"), list.body)
        }
    }

    /// The compiler sets the date a section is due when giving it; a date that is not one is refused.
    func testASectionIsGivenWithTheDateItIsDue() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let base = [
                "template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-9M", "section": "muc-4",
                "office": "304-TCKH",
            ]
            let refused = try await web.post(
                "/soan-bao-cao/giao", base.merging(["han": "31/02/2017"]) { $1 }, as: compiler)
            XCTAssertEqual(refused.status, .badRequest)
            XCTAssertTrue(refused.body.contains("không phải một ngày"), refused.body)
            let given = try await web.post(
                "/soan-bao-cao/giao", base.merging(["han": "2017-09-10"]) { $1 }, as: compiler)
            XCTAssertEqual(given.status, .seeOther)
            let page = try await web.get(
                "/soan-bao-cao?template=ngo-quyen-6-thang&unit=304&period=2017-9M", as: compiler)
            XCTAssertTrue(page.body.contains("id=\"han-muc-4\" name=\"han\" value=\"2017-09-10\""), page.body)
            let office = try await web.login("tckh.baocao")
            let list = try await web.get("/soan-bao-cao/duoc-giao", as: office)
            XCTAssertTrue(list.body.contains("<td>10/09/2017"), list.body)
        }
    }
}
