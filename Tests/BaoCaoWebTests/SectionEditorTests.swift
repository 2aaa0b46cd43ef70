import BaoCaoDomain
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Issue 11, part 4 (editor): figures shown as chips of what they say with their code on hover, a picker searched by
/// name or code (by the server without the script), the summary list inserted on a line of its own, and a preview
/// of the text as typed that saves nothing and answers only those who may write the section.
final class SectionEditorTests: XCTestCase {
    static let base = ["template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-H1", "section": "muc-3"]

    func testTheLivePreviewShowsEachFigureAsAChipAndSavesNothing() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let typed = "Kinh tế *ổn định*. {THU_NSNN.sentence}; {KHONG_CO.value}[^=Theo {period}]."
            let preview = try await web.post(
                "/soan-bao-cao/xem-truoc", Self.base.merging(["noi_dung": typed]) { $1 }, as: compiler)
            XCTAssertEqual(preview.status, .ok, preview.body)
            XCTAssertTrue(
                preview.body.contains(
                    "<span class=\"chip\" title=\"{THU_NSNN.sentence}\">Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng"
                ), preview.body)
            XCTAssertTrue(preview.body.contains("<em>ổn định</em>"), preview.body)
            XCTAssertTrue(
                preview.body.contains(
                    "<span class=\"chip thieu\" title=\"{KHONG_CO.value}\">[thiếu số liệu: KHONG_CO.value]</span>"),
                preview.body)
            XCTAssertTrue(
                preview.body.contains(
                    "<sup class=\"note\">[chú thích: Theo <span class=\"chip\" title=\"{period}\">6 tháng đầu năm 2017</span>]</sup>"
                ), preview.body)
            XCTAssertTrue(preview.body.contains("Thiếu số liệu: KHONG_CO.value"))
            // Nothing was saved: the section still reads as the reference report has it.
            let editor = try await web.get(
                "/soan-bao-cao/muc?template=ngo-quyen-6-thang&unit=304&period=2017-H1&section=muc-3", as: compiler)
            XCTAssertFalse(editor.body.contains("KHONG_CO"))
            XCTAssertTrue(editor.body.contains("id=\"xem-truoc-truc-tiep\""))
            // The chips inside the text: each placeholder's words, for the script.
            XCTAssertTrue(
                editor.body.contains(
                    "data-chips=\"{&quot;{CHI_NS_QUAN_PHUONG.sentence}&quot;:&quot;Tổng chi ngân sách quận, phường"),
                editor.body.prefix(200).description)
            // A reporter the section is not given to gets no preview of it.
            let office = try await web.login("tckh.baocao")
            let refused = try await web.post(
                "/soan-bao-cao/xem-truoc", Self.base.merging(["noi_dung": typed]) { $1 }, as: office)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testThePickerIsSearchedWithoutTheScriptAndKeepsTheText() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let typed = "Chưa lưu: đoạn đang viết."
            let found = try await web.post(
                "/soan-bao-cao/muc",
                Self.base.merging(["noi_dung": typed, "buoc": "tim", "tim": "tong thu ngan sach"]) {
                    $1
                }, as: compiler)
            XCTAssertEqual(found.status, .ok)
            XCTAssertTrue(found.body.contains(">Chưa lưu: đoạn đang viết.</textarea>"), "the text is kept")
            XCTAssertTrue(found.body.contains("value=\"{THU_NSNN.sentence}\""))
            XCTAssertFalse(found.body.contains("value=\"{GTSX_CN.sentence}\""), "another indicator is filtered out")
            XCTAssertFalse(found.body.contains("Đã lưu mục"))
            // By code too; and the list of indicators behind goes on a line of its own.
            let byCode = try await web.post(
                "/soan-bao-cao/muc", Self.base.merging(["noi_dung": typed, "buoc": "tim", "tim": "GTSX"]) { $1 },
                as: compiler)
            XCTAssertTrue(byCode.body.contains("value=\"{GTSX_CN.sentence}\""))
            let inserted = try await web.post(
                "/soan-bao-cao/muc",
                Self.base.merging(["noi_dung": typed, "buoc": "chen", "chen": "@chi-tieu-cham"]) {
                    $1
                }, as: compiler)
            XCTAssertTrue(
                inserted.body.contains(">Chưa lưu: đoạn đang viết.\n@chi-tieu-cham\n</textarea>"), inserted.body)
            XCTAssertTrue(inserted.body.contains("Danh sách chỉ tiêu chậm tiến độ ("), "the list drawn in the preview")
        }
    }
}
