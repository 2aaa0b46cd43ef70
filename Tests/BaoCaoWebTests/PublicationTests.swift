import BaoCaoDomain
import BaoCaoStorage
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Publishing checks the report and keeps versions: refused with the list while something is in the way, published
/// with a written reason shown to the public, and replaced (not duplicated) by the next version.
final class PublicationTests: XCTestCase {
    static let base = ["template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-H1"]

    func testPublishingIsGatedTakesAReasonAndVersions() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            // setup: a section reopened (not done) and a ward's figure the report now reads, not approved.
            _ = try await web.post(
                "/soan-bao-cao/muc",
                Self.base.merging([
                    "section": "muc-3", "buoc": "luu",
                    "noi_dung": "Kinh tế quận phát triển ổn định. {THU_NSNN.sentence}. {HKD_MOI_PHUONG.sentence}.",
                ]) { $1 }, as: compiler)
            let reporter = try await web.login("maychai.baocao")
            _ = try await web.post(
                "/nhap-lieu", ["unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "30"],
                as: reporter)

            // MUT: publish without a reason.
            let refused = try await web.post("/soan-bao-cao/cong-bo", Self.base, as: compiler)

            // validate: refused, with the list of what is in the way.
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Chưa đủ điều kiện công bố"))
            XCTAssertTrue(refused.body.contains("Mục chưa viết xong (1)"), "the reopened section")
            XCTAssertTrue(
                refused.body.contains("Thiếu số liệu (1): HKD_MOI_PHUONG.sentence"), "not approved: not official")
            XCTAssertTrue(
                refused.body.contains("Đơn vị chưa được duyệt số liệu (13)"), "the wards the report now reads")
            XCTAssertTrue(refused.body.contains("phường Máy Chai (đang nhập)"))
            let district = try await web.unitID("304")
            var list = try await PublicationRepository.list(unitID: district, web.store.sql)
            XCTAssertEqual(list.count, 1, "only the demo's publication")

            // With a reason it publishes as version 2; the public page shows the reason and marks version 1.
            let reason = "Phục vụ kỳ họp HĐND; số liệu các phường bổ sung sau"
            let published = try await web.post(
                "/soan-bao-cao/cong-bo", Self.base.merging(["ly_do": reason]) { $1 }, as: compiler)
            XCTAssertEqual(published.status, .seeOther)
            list = try await PublicationRepository.list(unitID: district, web.store.sql)
            XCTAssertEqual(list.map(\.version), [2, 1])
            XCTAssertEqual(list[0].reason, reason)
            XCTAssertTrue(list[0].gaps?.contains("Mục chưa viết xong (1)") == true)
            let page = try await web.get("/cong-khai/304")
            XCTAssertTrue(page.body.contains("bản 2, thay thế bản công bố ngày"))
            XCTAssertTrue(page.body.contains("Công bố khi chưa đủ điều kiện. Lý do: \(reason)"))
            XCTAssertTrue(page.body.contains("Các bản đã được thay thế (1)") && page.body.contains("đã được thay thế"))
            XCTAssertTrue(page.body.contains("/cong-khai/ban/\(list[0].id)/pdf"), "PDF as well as DOCX")
            let old = try await web.get("/cong-khai/ban/\(list[1].id)")
            XCTAssertTrue(old.body.contains("Bản này đã được thay thế bởi"))
            XCTAssertTrue(old.body.contains("href=\"/cong-khai/ban/\(list[0].id)\""))
            let current = try await web.get("/cong-khai/ban/\(list[0].id)")
            XCTAssertTrue(current.body.contains("Công bố khi chưa đủ điều kiện. Lý do: \(reason)"))
            XCTAssertFalse(current.body.contains(">30 "), "the ward's draft is not in the official view")

            // Publishing the same again is refused, not a duplicate.
            let same = try await web.post(
                "/soan-bao-cao/cong-bo", Self.base.merging(["ly_do": reason]) { $1 }, as: compiler)
            XCTAssertEqual(same.status, .unprocessableEntity)
            XCTAssertTrue(same.body.contains("Không công bố: bản này giống hệt bản 2"))
            list = try await PublicationRepository.list(unitID: district, web.store.sql)
            XCTAssertEqual(list.count, 2)
        }
    }

    func testAReadyReportPublishesWithoutAReason() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let overview = try await web.get("/soan-bao-cao?unit=304&period=2017-H1", as: compiler)
            XCTAssertTrue(overview.body.contains("Đủ điều kiện công bố"))
            XCTAssertTrue(overview.body.contains("Đang công bố: <a href=\"/cong-khai/ban/"))
            XCTAssertTrue(
                overview.body.contains("view=lam-viec&amp;format=docx")
                    && overview.body.contains("view=chinh-thuc&amp;format=docx"), overview.body)
            // A finished section rewritten (and done): version 2, no reason needed.
            _ = try await web.post(
                "/soan-bao-cao/muc",
                Self.base.merging([
                    "section": "muc-3", "buoc": "luu", "xong": "1",
                    "noi_dung": "Kinh tế quận ổn định. {THU_NSNN.sentence}.",
                ]) { $1 }, as: compiler)
            let published = try await web.post("/soan-bao-cao/cong-bo", Self.base, as: compiler)
            XCTAssertEqual(published.status, .seeOther)
            let list = try await PublicationRepository.list(unitID: try await web.unitID("304"), web.store.sql)
            XCTAssertEqual(list.first?.version, 2)
            XCTAssertNil(list.first?.reason)
        }
    }
}
