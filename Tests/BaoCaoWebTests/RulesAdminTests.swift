import BaoCaoDomain
import BaoCaoStorage
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Administrators edit the validation rules of their units in the browser; a rule applies at once.
final class RulesAdminTests: XCTestCase {
    func testAnAdministratorAddsARuleThatTheFormsApplyAtOnce() async throws {
        try await WebHarness.with(self) { web in
            let admin = try await web.login("quantri")
            let page = try await web.get("/quan-tri/quy-tac", as: admin)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.body.contains("DON_GQ_LE_TIEP_NHAN") && page.body.contains("DON_GIAI_QUYET &lt;= DON_TIEP_NHAN"))
            var rule = [
                "ma": "HKD moi", "ve_trai": "HKD_MOI_PHUONG", "phep_so_sanh": "<=", "ve_phai": "KHONG_CO * 2",
                "muc_do": "loi", "so_thieu": "bo_qua_khi_thieu", "thong_bao": "", "don_vi": "304",
            ]
            let refused = try await web.post("/quan-tri/quy-tac", rule, as: admin)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Mã quy tắc chỉ gồm chữ không dấu"))
            XCTAssertTrue(refused.body.contains("vế phải: chỉ tiêu &quot;KHONG_CO&quot; không có trong danh mục"))
            XCTAssertTrue(refused.body.contains("cần ghi thông báo cho người nhập"))
            rule["ma"] = "HKD_MOI_TOI_DA"
            rule["ve_phai"] = "100"
            rule["thong_bao"] = "Một phường không đăng ký mới quá 100 hộ kinh doanh trong một kỳ"
            let saved = try await web.post("/quan-tri/quy-tac", rule, as: admin)
            XCTAssertEqual(saved.status, .seeOther)
            // A ward's form now refuses to send 150.
            let reporter = try await web.login("maychai.baocao")
            let sent = try await web.post(
                "/nhap-lieu", ["unit": "304-P01", "period": "2017-H1", "buoc": "gui", "v_HKD_MOI_PHUONG": "150"],
                as: reporter)
            XCTAssertEqual(sent.status, .unprocessableEntity)
            XCTAssertTrue(sent.body.contains("Một phường không đăng ký mới quá 100 hộ kinh doanh trong một kỳ"))
        }
    }

    func testAWardsAdministratorChangesOnlyTheWardsRules() async throws {
        try await WebHarness.with(self) { web in
            try await web.account("mayto.quantri", .administrator, on: "304-P02")
            let wardAdmin = try await web.login("mayto.quantri")
            let page = try await web.get("/quan-tri/quy-tac", as: wardAdmin)
            XCTAssertTrue(page.body.contains("(đơn vị khác quản lý)"), "the district's rules are shown, not editable")
            let delete = try await web.post("/quan-tri/quy-tac/xoa", ["ma": "DON_GQ_LE_TIEP_NHAN"], as: wardAdmin)
            XCTAssertEqual(delete.status, .forbidden)
            let rule = [
                "ma": "HOA_GIAI_TOI_DA", "ve_trai": "HOA_GIAI_PHUONG", "phep_so_sanh": "<=", "ve_phai": "500",
                "muc_do": "canh_bao", "so_thieu": "bo_qua_khi_thieu", "thong_bao": "Kiểm tra số vụ hòa giải",
            ]
            let district = try await web.post(
                "/quan-tri/quy-tac", rule.merging(["don_vi": "304"]) { $1 }, as: wardAdmin)
            XCTAssertEqual(district.status, .unprocessableEntity, "not for the district")
            let own = try await web.post("/quan-tri/quy-tac", rule.merging(["don_vi": "304-P02"]) { $1 }, as: wardAdmin)
            XCTAssertEqual(own.status, .seeOther)
            let rules = try await RuleRepository.all(web.store.sql)
            XCTAssertEqual(rules.first { $0.rule.code == "HOA_GIAI_TOI_DA" }?.rule.unit, "304-P02")
            let reporter = try await web.login("maychai.baocao")
            let forbidden = try await web.get("/quan-tri/quy-tac", as: reporter)
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }
}
