import BaoCaoExchange
import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

final class APITests: XCTestCase {
    /// A fresh database with the demo data and accounts → configure → log in as the district's leader (live figures
    /// and reports need an account) → test → shut down.
    func withApp(calendar: String? = nil, _ test: (Application, HTTPHeaders) async throws -> Void) async throws {
        try await WebHarness.with(self, calendar: calendar) { web in
            try await test(web.app, try await web.login("lanhdao").headers)
        }
    }

    func json(_ res: XCTHTTPResponse) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [String: Any])
    }

    func testFiguresOfAUnitAndPeriodWithComparisons() async throws {
        try await withApp { app, auth in
            try await app.test(.GET, "/api/v1/figures?unit=304&period=2017-6M", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .ok)
                let body = try json(res)
                let unit = try XCTUnwrap(body["unit"] as? [String: Any])
                XCTAssertEqual(unit["full_name"] as? String, "quận Ngô Quyền")
                XCTAssertEqual((body["period"] as? [String: Any])?["code"] as? String, "2017-H1")
                XCTAssertEqual((body["period"] as? [String: Any])?["deadline"] as? String, "2017-06-16")
                let figures = try XCTUnwrap(body["figures"] as? [[String: Any]])
                let budget = try XCTUnwrap(figures.first { $0["indicator"] as? String == "THU_NSNN" })
                XCTAssertEqual(budget["value"] as? String, "553100")
                XCTAssertEqual(budget["status"] as? String, "uoc")
                XCTAssertEqual(budget["percent_of_target"] as? String, "54.24")
                XCTAssertEqual(budget["target_kind"] as? String, "du_toan")
                let yoy = try XCTUnwrap(budget["year_on_year"] as? [String: Any])
                XCTAssertEqual(yoy["direction"] as? String, "tang")
                XCTAssertEqual(yoy["magnitude"] as? String, "23.62")
                XCTAssertEqual(
                    budget["sentence"] as? String,
                    "Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng, bằng 54,24% dự toán và tăng 23,62% so với cùng kỳ"
                )
                let rate = try XCTUnwrap(figures.first { $0["indicator"] as? String == "TY_LE_GIAI_QUYET_DON" })
                XCTAssertEqual(rate["value"] as? String, "65.8824")
            }
        }
    }

    func testAPartialDraftSumIsMarkedInTheWorkingViewAndAbsentFromTheOfficialOne() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            _ = try await web.post(
                "/nhap-lieu", ["unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "12"],
                as: reporter)
            let leader = try await web.login("lanhdao")
            func figure(_ view: String?) async throws -> [String: Any] {
                let query = view.map { "&view=\($0)" } ?? ""
                let res = try await web.get("/api/v1/figures?unit=304&period=2017-H1\(query)", as: leader)
                let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(res.body.utf8)) as? [String: Any])
                XCTAssertEqual(body["view"] as? String, view == "working" ? "lam-viec" : "chinh-thuc")
                let figures = try XCTUnwrap(body["figures"] as? [[String: Any]])
                return try XCTUnwrap(figures.first { $0["indicator"] as? String == "HKD_MOI_PHUONG" })
            }
            let official = try await figure(nil)
            XCTAssertNil(official["value"], "the official view (the default) has no unapproved figure")
            XCTAssertEqual(
                (official["unavailable"] as? [String: String])?["value"], "chưa có số liệu 6 tháng đầu năm 2017")
            let working = try await figure("working")
            XCTAssertEqual(working["value"] as? String, "12")
            XCTAssertEqual(working["draft"] as? Bool, true)
            let coverage = try XCTUnwrap(working["coverage"] as? [String: Any])
            XCTAssertEqual(coverage["expected"] as? Int, 13)
            XCTAssertEqual(coverage["reported"] as? Int, 1)
            XCTAssertEqual(coverage["pending"] as? Int, 1)
            XCTAssertEqual(coverage["complete"] as? Bool, false)
            let missing = try XCTUnwrap(coverage["missing"] as? [[String: String]])
            XCTAssertEqual(missing.count, 12)
            XCTAssertTrue(missing.contains { $0["code"] == "304-P02" && $0["name"] == "phường Máy Tơ" })
            XCTAssertNil(working["percent_of_target"])
            XCTAssertEqual(
                (working["unavailable"] as? [String: String])?["percent_of_target"],
                "mới có số liệu của 1/13 phường: chưa so với kế hoạch năm")
            XCTAssertTrue((working["sentence"] as? String)?.contains("(mới có số liệu của 1/13 phường") == true)
        }
    }

    func testCatalogueEndpoints() async throws {
        try await withApp { app, auth in
            try await app.test(.GET, "/api/v1/units/304") { res async throws in
                XCTAssertEqual(res.status, .ok)
                let body = try json(res)
                XCTAssertEqual(body["parent"] as? String, "31")
                XCTAssertEqual(body["valid_to"] as? String, "2025-06-30")
                XCTAssertEqual((body["children"] as? [String])?.filter { $0.hasPrefix("304-P") }.count, 13)
            }
            try await app.test(.GET, "/api/v1/units") { res async throws in
                let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [[String: Any]])
                XCTAssertEqual(list.count, 3 + 13 + 14)
            }
            try await app.test(.GET, "/api/v1/indicators") { res async throws in
                let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(buffer: res.body)) as? [[String: Any]])
                XCTAssertEqual(list.first?["code"] as? String, "GTSX_CN")
            }
            try await app.test(.GET, "/api/v1/periods/2017-Q2") { res async throws in
                let body = try json(res)
                XCTAssertEqual(body["name"] as? String, "quý II năm 2017")
                XCTAssertEqual(body["data_window_opens"] as? String, "2017-03-15")
            }
            try await app.test(.GET, "/api/v1/periods/2017-H1?unit=304") { res async throws in
                XCTAssertEqual(try json(res)["deadline"] as? String, "2017-06-16", "Decree 09 defaults")
            }
            try await app.test(.GET, "/") { res async throws in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Hệ thống báo cáo tình hình kinh tế - xã hội"))
            }
        }
    }

    func testAProvinceCalendarSetsTheDeadlineOfItsUnits() async throws {
        try await withApp(calendar: "province,cutoff_day,deadline_working_days,holidays\n31,20,3,2017-06-22\n") {
            app, auth in
            try await app.test(.GET, "/api/v1/periods/2017-H1?unit=304-P01") { res async throws in
                let body = try json(res)
                XCTAssertEqual(body["data_window_opens"] as? String, "2016-12-21")
                XCTAssertEqual(body["data_window_closes"] as? String, "2017-06-20")
                // 20 June 2017 was a Tuesday: 21, (22 is a holiday), 23, 26.
                XCTAssertEqual(body["deadline"] as? String, "2017-06-26")
            }
            try await app.test(.GET, "/api/v1/figures?unit=304&period=2017-H1", headers: auth) { res async throws in
                XCTAssertEqual((try json(res)["period"] as? [String: Any])?["deadline"] as? String, "2017-06-26")
            }
        }
    }

    func testTheReportDownloads() async throws {
        try await withApp { app, auth in
            try await app.test(.GET, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=docx", headers: auth) {
                res async throws in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(
                    res.headers.first(name: .contentDisposition), "attachment; filename=\"bao-cao-304-2017-H1.docx\"")
                XCTAssertEqual(Array(Data(buffer: res.body).prefix(2)), [0x50, 0x4B])
            }
            try await app.test(.GET, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1", headers: auth) {
                res async throws in
                XCTAssertEqual(res.status, .ok)
                XCTAssertTrue(res.body.string.contains("Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng"))
            }
            try await app.test(.GET, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=xlsx", headers: auth) {
                res async throws in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(
                    res.headers.first(name: .contentDisposition), "attachment; filename=\"phu-luc-304-2017-H1.xlsx\"")
            }
            try await app.test(.GET, "/bao-cao/khong-co?unit=304&period=2017-H1", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .notFound)
            }
            try await app.test(.GET, "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=odt", headers: auth) {
                res async throws in
                XCTAssertEqual(res.status, .badRequest)
            }
        }
    }

    func testBadRequestsAnswerInVietnamese() async throws {
        try await withApp { app, auth in
            try await app.test(.GET, "/api/v1/figures?unit=304&period=2017-M13", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .badRequest)
                XCTAssertTrue(
                    (try json(res)["error"] as? String)?.contains("Kỳ báo cáo \"2017-M13\" không hợp lệ") == true)
            }
            try await app.test(.GET, "/api/v1/figures?unit=999&period=2017-H1", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .notFound)
                XCTAssertEqual(try json(res)["error"] as? String, "Không có đơn vị \"999\"")
            }
            try await app.test(.GET, "/api/v1/figures", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .badRequest)
            }
            // The API is read-only: a write is refused before routing (no form token).
            try await app.test(.POST, "/api/v1/figures?unit=304&period=2017-H1", headers: auth) { res async throws in
                XCTAssertEqual(res.status, .forbidden)
            }
        }
    }
}
