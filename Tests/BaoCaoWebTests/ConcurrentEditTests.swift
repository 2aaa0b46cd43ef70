import BaoCaoDomain
import BaoCaoStorage
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Two colleagues on one form: no save overwrites a change the saver has not seen, and an untouched cell never
/// reverts a colleague's value.
final class ConcurrentEditTests: XCTestCase {
    static let page = "/nhap-lieu?unit=304-P01&period=2017-H1"

    func open(_ web: WebHarness, as session: WebHarness.Session) async throws -> [String: String] {
        let page = try await web.get(Self.page, as: session)
        XCTAssertEqual(page.status, .ok)
        return WebHarness.formFields(in: page.body, action: "/nhap-lieu")
    }

    func testTheSecondPersonOnOneValueSeesBothNumbersAndChooses() async throws {
        try await WebHarness.with(self) { web in
            // setup: two reporters of phường Máy Chai open the form at the same time.
            try await web.account("maychai.baocao2", .reporter, on: "304-P01")
            let an = try await web.login("maychai.baocao")
            let binh = try await web.login("maychai.baocao2")
            var first = try await open(web, as: an)
            var second = try await open(web, as: binh)
            XCTAssertEqual(second["ver_HKD_MOI_PHUONG"], "0", "the empty cell is version 0")

            // MUT: the first saves 12; the second, on the form opened before, saves 15.
            first["v_HKD_MOI_PHUONG"] = "12"
            first["buoc"] = "luu"
            let saved = try await web.post("/nhap-lieu", first, as: an)
            XCTAssertEqual(saved.status, .seeOther)
            second["v_HKD_MOI_PHUONG"] = "15"
            second["buoc"] = "luu"
            let refused = try await web.post("/nhap-lieu", second, as: binh)

            // validate: nothing saved; both numbers, who, and a choice.
            XCTAssertEqual(refused.status, .conflict)
            XCTAssertTrue(refused.body.contains("Đã có người sửa ô này sau khi bạn mở biểu"))
            XCTAssertTrue(refused.body.contains("Cán bộ thống kê phường Máy Chai lúc"), "who, by full name")
            XCTAssertTrue(refused.body.contains("đã lưu <strong>12</strong>; bạn nhập <strong>15</strong>"))
            XCTAssertTrue(
                refused.body.contains("Giữ số của tôi (15)") && refused.body.contains("Dùng số mới nhất (12)"))
            var value = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(value?.observation.value, Amount(12))
            XCTAssertEqual(value?.updatedBy, "maychai.baocao")

            // Sent again without a choice: asked to choose, still nothing saved.
            var again = WebHarness.formFields(in: refused.body, action: "/nhap-lieu")
            again["buoc"] = "luu"
            let unchosen = try await web.post("/nhap-lieu", again, as: binh)
            XCTAssertEqual(unchosen.status, .unprocessableEntity)
            XCTAssertTrue(unchosen.body.contains("Chọn giữ số của bạn hoặc dùng số mới nhất"))
            // Taking the newer number changes nothing; keeping one's own writes it, on the version now seen.
            again["c_HKD_MOI_PHUONG"] = "moi"
            let kept = try await web.post("/nhap-lieu", again, as: binh)
            XCTAssertEqual(kept.status, .seeOther)
            value = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(value?.observation.value, Amount(12))
            again["c_HKD_MOI_PHUONG"] = "minh"
            let mine = try await web.post("/nhap-lieu", again, as: binh)
            XCTAssertEqual(mine.status, .seeOther)
            value = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(value?.observation.value, Amount(15))
            XCTAssertEqual(value?.updatedBy, "maychai.baocao2")
            let history = try await web.get(
                "/lich-su?unit=304-P01&period=2017-H1&indicator=HKD_MOI_PHUONG", as: an)
            XCTAssertTrue(history.body.contains(">12 <") && history.body.contains(">15 <"), "12 → 15, by whom it was")
        }
    }

    func testTwoPeopleChangingTwoValuesKeepBoth() async throws {
        try await WebHarness.with(self) { web in
            try await web.account("maychai.baocao2", .reporter, on: "304-P01")
            let an = try await web.login("maychai.baocao")
            let binh = try await web.login("maychai.baocao2")
            // A value both forms show.
            _ = try await web.post(
                "/nhap-lieu",
                [
                    "unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "10",
                    "v_THU_NS_PHUONG": "100",
                ],
                as: an)
            var first = try await open(web, as: an)
            var second = try await open(web, as: binh)
            // MUT: each changes a different indicator; the second post still carries the other's old cell.
            first["v_HKD_MOI_PHUONG"] = "12"
            first["buoc"] = "luu"
            second["v_THU_NS_PHUONG"] = "2.134,5"
            second["buoc"] = "luu"
            let one = try await web.post("/nhap-lieu", first, as: an)
            let two = try await web.post("/nhap-lieu", second, as: binh)
            // validate: both saved, neither reverted.
            XCTAssertEqual(one.status, .seeOther)
            XCTAssertEqual(two.status, .seeOther)
            let households = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(households?.observation.value, Amount(12), "the untouched cell did not revert it")
            XCTAssertEqual(households?.updatedBy, "maychai.baocao", "history blames the one who changed it")
            let revenue = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01")
            XCTAssertEqual(revenue?.observation.value, Amount(plain: "2134.5"))
            XCTAssertEqual(households?.changes, 1, "one change of households: 10 → 12")
        }
    }
}
