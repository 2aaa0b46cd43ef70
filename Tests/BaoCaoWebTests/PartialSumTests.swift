import BaoCaoDomain
import BaoCaoStorage
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// With only phường Máy Chai reporting 2017-H1, every place the district's sum shows says how many wards it holds
/// and compares it only like with like; a ward's draft typo stays out of the official view until approved.
final class PartialSumTests: XCTestCase {
    func testOneWardOfThirteenIsSaidEverywhereAndNeverComparedAsAWhole() async throws {
        try await WebHarness.with(self) { web in
            // setup: Máy Chai (which had 1.850 in 2016-H1, Máy Tơ 1.640) reports 2.134,5.
            let reporter = try await web.login("maychai.baocao")
            _ = try await web.post(
                "/nhap-lieu",
                [
                    "unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_THU_NS_PHUONG": "2.134,5",
                    "v_HO_NGHEO_PHUONG": "45",
                ], as: reporter)
            let compiler = try await web.login("tonghop")
            // The sentence (the API's and the dashboard's).
            let api = try await web.get("/api/v1/figures?unit=304&period=2017-H1&view=lam-viec", as: compiler)
            XCTAssertTrue(
                api.body.contains(
                    "\"sentence\":\"Thu ngân sách nhà nước trên địa bàn phường ước đạt 2.134,5 triệu đồng (mới có số liệu của "
                        + "1/13 phường, 1 phường chưa duyệt), chưa so với kế hoạch năm, tăng 15,38% so với cùng kỳ "
                        + "(so sánh trên cùng 1 phường)\""), api.body)
            XCTAssertTrue(api.body.contains("\"year_on_year_basis\":\"matched\""))
            // The annex row.
            let report = try await web.get(
                "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=html&view=lam-viec", as: compiler)
            let row = try XCTUnwrap(
                report.body.components(separatedBy: "<tr>").first { $0.contains("trên địa bàn phường (") })
            XCTAssertTrue(
                row.contains(
                    "Thu ngân sách nhà nước trên địa bàn phường (ước; mới có số liệu của 1/13 phường, 1 phường chưa duyệt; "
                        + "cùng kỳ tính trên 1 phường có số liệu cả hai năm)"), row)
            XCTAssertTrue(row.contains(">1.850,0<") && row.contains(">2.134,5<") && row.contains(">115,38<"), row)
            XCTAssertTrue(row.contains("<td class=\"n\"></td><td class=\"n\">115,38"), "no % of the district's target")
            XCTAssertTrue(report.body.contains("DỰ THẢO — Số liệu làm việc"))
            // The dashboard row: poor households no longer rated on one ward's figure.
            let dashboard = try await web.get("/tong-quan?unit=304&period=2017-H1&view=lam-viec", as: compiler)
            let households = try XCTUnwrap(
                dashboard.body.components(separatedBy: "<tr>").first { $0.contains("indicator=HO_NGHEO_PHUONG&amp;") })
            XCTAssertTrue(households.contains("1/13 phường") && households.contains("Chưa đủ số liệu"))
            XCTAssertFalse(households.contains("Đạt tiến độ"))
            // The tracker: how complete, and who is missing.
            let tracker = try await web.get("/theo-doi?unit=304&period=2017-H1", as: compiler)
            let line = try XCTUnwrap(
                tracker.body.components(separatedBy: "<tr>").first {
                    $0.contains("<td>Thu ngân sách nhà nước trên địa bàn phường</td>")
                })
            XCTAssertTrue(line.contains(">1/13<") && line.contains(">0/13<") && line.contains("Máy Tơ"), line)
            XCTAssertFalse(line.contains("Máy Chai"))
        }
    }

    /// Wards that report month by month: the half year's sum says who is missing by the months they sent. Máy Chai
    /// sent all six months and is not missing; Máy Tơ sent five and is (the sum of six months holds one ward).
    func testWhoIsMissingCountsTheMonthsThatMakeThePeriod() async throws {
        try await WebHarness.with(self) { web in
            for (account, unit, months) in [("maychai.baocao", "304-P01", 6), ("mayto.baocao", "304-P02", 5)] {
                let reporter = try await web.login(account)
                for month in 1...months {
                    let saved = try await web.post(
                        "/nhap-lieu",
                        ["unit": unit, "period": "2017-M0\(month)", "buoc": "luu", "v_THU_NS_PHUONG": "100"],
                        as: reporter)
                    XCTAssertEqual(saved.status, .seeOther, "\(unit) 2017-M0\(month)")
                }
            }
            let compiler = try await web.login("tonghop")
            let api = try await web.get("/api/v1/figures?unit=304&period=2017-H1&view=lam-viec", as: compiler)
            let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
            let figure = try XCTUnwrap(
                (json["figures"] as? [[String: Any]])?.first { $0["indicator"] as? String == "THU_NS_PHUONG" })
            let coverage = try XCTUnwrap(figure["coverage"] as? [String: Any])
            XCTAssertEqual(coverage["reported"] as? Int, 1)
            let missing = (coverage["missing"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
            XCTAssertEqual(missing.count, 12)
            XCTAssertTrue(missing.contains("304-P02"), "Máy Tơ sent five months of six")
            XCTAssertFalse(missing.contains("304-P01"), "Máy Chai sent all six")
            let tracker = try await web.get("/theo-doi?unit=304&period=2017-H1", as: compiler)
            let line = try XCTUnwrap(
                tracker.body.components(separatedBy: "<tr>").first {
                    $0.contains("<td>Thu ngân sách nhà nước trên địa bàn phường</td>")
                })
            XCTAssertTrue(line.contains(">1/13<") && line.contains("Máy Tơ"), line)
            XCTAssertFalse(line.contains("Máy Chai"), line)
        }
    }

    func testADraftTypoStaysOutOfTheOfficialViewUntilApproved() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            // MUT: a typo of 999.999 poor households, saved as a draft.
            _ = try await web.post(
                "/nhap-lieu", ["unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_HO_NGHEO_PHUONG": "999.999"],
                as: reporter)
            let leader = try await web.login("lanhdao")
            let working = try await web.get(
                "/tong-quan/chi-tieu?unit=304&period=2017-H1&indicator=HO_NGHEO_PHUONG&view=lam-viec", as: leader)
            XCTAssertTrue(working.body.contains("999.999 hộ (mới có số liệu của 1/13 phường, 1 phường chưa duyệt)"))
            let official = try await web.get(
                "/tong-quan/chi-tieu?unit=304&period=2017-H1&indicator=HO_NGHEO_PHUONG", as: leader)
            XCTAssertFalse(official.body.contains("999.999"), "the leader's default view is official")
            let officialReport = try await web.get(
                "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=html", as: leader)
            XCTAssertFalse(officialReport.body.contains("999.999"))
            let publicPage = try await web.get("/cong-khai/304")
            XCTAssertFalse(publicPage.body.contains("999.999"))
            // Submitted (with the warning against the 2016 figure explained) and approved: official.
            _ = try await web.post(
                "/nhap-lieu",
                [
                    "unit": "304-P01", "period": "2017-H1", "buoc": "gui",
                    "gt_cung-ky:HO_NGHEO_PHUONG": "Đã kiểm tra", "gt_ke-hoach:HO_NGHEO_PHUONG": "Đã kiểm tra",
                ], as: reporter)
            let approver = try await web.login("maychai.duyet")
            let approved = try await web.post(
                "/duyet", ["unit": "304-P01", "period": "2017-H1", "buoc": "duyet"], as: approver)
            XCTAssertEqual(approved.status, .seeOther)
            let after = try await web.get(
                "/tong-quan/chi-tieu?unit=304&period=2017-H1&indicator=HO_NGHEO_PHUONG", as: leader)
            XCTAssertTrue(after.body.contains("999.999 hộ (mới có số liệu của 1/13 phường)"))
            let stillPublic = try await web.get("/cong-khai/304")
            XCTAssertFalse(stillPublic.body.contains("999.999"), "publication froze the official view")
        }
    }
}
