import BaoCaoDomain
import BaoCaoStorage
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// The rules on the entry form: an error keeps the figures from being sent, a warning needs an explanation, and the
/// approver reads it.
final class EntryChecksTests: XCTestCase {
    func testAnErrorKeepsTheDraftButBlocksTheSubmission() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("ttr.baocao")
            let form = [
                "unit": "304-TTR", "period": "2018-H1", "buoc": "gui", "v_DON_TIEP_NHAN": "100",
                "v_DON_GIAI_QUYET": "120",
            ]
            let refused = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Đã lưu nháp nhưng chưa gửi duyệt: còn 1 lỗi cần sửa"))
            XCTAssertTrue(
                refused.body.contains(
                    "<li class=\"loi\"><strong>Lỗi:</strong> Số đơn đã giải quyết xong không thể nhiều hơn số đơn tiếp nhận"
                ))
            let status = try await web.status("304-TTR", period: "2018-H1")
            XCTAssertEqual(status, .draft, "saved as a draft, not sent")
            let saved = try await web.storedValue("DON_GIAI_QUYET", unit: "304", period: "2018-H1")
            XCTAssertEqual(saved?.observation.value, Amount(120))
            // The script gets the form's rules to check as one types.
            XCTAssertTrue(refused.body.contains("data-rules=\"[{&quot;code&quot;:&quot;DON_GQ_LE_TIEP_NHAN&quot;"))
            // Fixed: sent.
            let fixed = try await web.post(
                "/nhap-lieu", ["unit": "304-TTR", "period": "2018-H1", "buoc": "gui", "v_DON_GIAI_QUYET": "90"],
                as: reporter)
            XCTAssertEqual(fixed.status, .seeOther, fixed.body.components(separatedBy: "class=\"checks\"").last ?? "")
            let sent = try await web.status("304-TTR", period: "2018-H1")
            XCTAssertEqual(sent, .submitted)
        }
    }

    func testAWarningNeedsAnExplanationThatTheApproverReads() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            // 3 new households against 27 the year before: a fall of 88,89%, beyond the 50% bound.
            var form = ["unit": "304-P01", "period": "2017-H1", "buoc": "gui", "v_HKD_MOI_PHUONG": "3"]
            let unexplained = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(unexplained.status, .unprocessableEntity)
            XCTAssertTrue(unexplained.body.contains("còn 1 cảnh báo cần giải trình"))
            XCTAssertTrue(unexplained.body.contains("giảm 88,89% so với cùng kỳ"))
            XCTAssertTrue(unexplained.body.contains("name=\"gt_cung-ky:HKD_MOI_PHUONG\""))
            form["gt_cung-ky:HKD_MOI_PHUONG"] = "Nhiều hộ chuyển lên doanh nghiệp trong kỳ"
            let explained = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(explained.status, .seeOther)
            let status = try await web.status("304-P01")
            XCTAssertEqual(status, .submitted)
            let approver = try await web.login("maychai.duyet")
            let page = try await web.get("/nhap-lieu?unit=304-P01&period=2017-H1", as: approver)
            XCTAssertTrue(page.body.contains("<em>Giải trình:</em> Nhiều hộ chuyển lên doanh nghiệp trong kỳ"))
        }
    }
}
