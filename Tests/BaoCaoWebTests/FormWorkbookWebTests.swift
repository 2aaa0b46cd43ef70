import BaoCaoDocuments
import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest
import ZIPFoundation

@testable import BaoCaoWeb

/// The Excel entry form on the entry page: downloaded, filled, uploaded to a preview, confirmed; refused by cell.
final class FormWorkbookWebTests: XCTestCase {
    /// The workbook with `cells` (e.g. "F5": "<v>2150.75</v>") written into its first sheet, as a person would.
    static func filled(_ workbook: Data, _ cells: [String: String]) throws -> Data {
        let source = try Archive(data: workbook, accessMode: .read)
        let target = try Archive(accessMode: .create)
        for entry in source {
            var content = Data()
            _ = try source.extract(entry) { content.append($0) }
            if entry.path == "xl/worksheets/sheet1.xml" {
                var xml = String(decoding: content, as: UTF8.self)
                for (cell, inner) in cells {
                    let empty = try XCTUnwrap(
                        xml.range(of: "<c r=\"\(cell)\" s=\"[0-9]+\"/>", options: .regularExpression), cell)
                    let style = xml[empty].split(separator: "\"")[3]
                    xml.replaceSubrange(empty, with: "<c r=\"\(cell)\" s=\"\(style)\"\(inner)</c>")
                }
                content = Data(xml.utf8)
            }
            try target.addEntry(
                with: entry.path, type: .file, uncompressedSize: Int64(content.count),
                provider: { position, size in content.subdata(in: Int(position)..<Int(position) + size) })
        }
        return try XCTUnwrap(target.data)
    }

    func upload(
        _ web: WebHarness, _ file: Data, as session: WebHarness.Session, unit: String = "304-P01"
    ) async throws -> (HTTPStatus, String) {
        let boundary = "baocao-test-boundary"
        var body = Data()
        for (name, value) in [("_csrf", session.csrf), ("unit", unit), ("period", "2017-H1")] {
            body.append(
                Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"tep\"; filename=\"bieu.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                    .utf8))
        body.append(file)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        var headers = session.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: (HTTPStatus, String) = (.ok, "")
        try await web.app.test(.POST, "/nhap-lieu/tai-len", headers: headers, body: ByteBuffer(data: body)) {
            res async throws in
            result = (res.status, res.body.string)
        }
        return result
    }

    func testDownloadFillUploadPreviewConfirm() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            let page = try await web.get("/nhap-lieu?unit=304-P01&period=2017-H1", as: reporter)
            XCTAssertTrue(page.body.contains("/nhap-lieu/bieu.xlsx?unit=304-P01&amp;period=2017-H1"))
            XCTAssertTrue(page.body.contains("action=\"/nhap-lieu/tai-len\""))
            var workbook = Data()
            try await web.app.test(.GET, "/nhap-lieu/bieu.xlsx?unit=304-P01&period=2017-H1", headers: reporter.headers)
            { res async throws in

                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(
                    res.headers.contentType?.subType, "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                workbook = Data(res.body.readableBytesView)
            }
            try ExtremeValueWebTests.assertWellFormed(workbook, "the entry form")

            // Filled: a number cell, and text typed in Vietnamese form with a status.
            let file = try Self.filled(
                workbook, ["F5": "><v>2150.75</v>", "F6": " t=\"inlineStr\"><is><t>1.031</t></is>"])
            let (status, preview) = try await upload(web, file, as: reporter)
            XCTAssertEqual(status, .ok, preview)
            XCTAssertTrue(preview.contains("Tệp thay đổi 2 số"))
            XCTAssertTrue(preview.contains("2.150,75 (ước tính)"))
            XCTAssertTrue(preview.contains("1.031 (ước tính)"))
            let nothingYet = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01")
            XCTAssertNil(nothingYet, "the preview saves nothing")

            // Confirmed through the form's own save.
            let form = WebHarness.formFields(in: preview, action: "/nhap-lieu")
            XCTAssertEqual(form["v_THU_NS_PHUONG"], "2.150,75")
            let saved = try await web.post("/nhap-lieu", form.merging(["buoc": "luu"]) { $1 }, as: reporter)
            XCTAssertEqual(saved.status, .seeOther)
            let stored = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01")
            XCTAssertEqual(stored?.observation.value.description, "2150.75")
            let households = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(households?.observation.value.description, "1031")
            XCTAssertEqual(households?.updatedBy, "maychai.baocao")

            // The same file again: nothing to change.
            let (_, again) = try await upload(web, file, as: reporter)
            XCTAssertTrue(again.contains("Tệp không thay đổi số nào"), again)
        }
    }

    func testABadCellIsRefusedByAddressAndOthersCannotUpload() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            var workbook = Data()
            try await web.app.test(.GET, "/nhap-lieu/bieu.xlsx?unit=304-P01&period=2017-H1", headers: reporter.headers)
            { res async throws in
                workbook = Data(res.body.readableBytesView)
            }
            let bad = try Self.filled(
                workbook, ["F5": "><v>12</v>", "F7": " t=\"inlineStr\"><is><t>ba mươi</t></is>"])
            let (status, page) = try await upload(web, bad, as: reporter)
            XCTAssertEqual(status, .unprocessableEntity)
            XCTAssertTrue(page.contains("Ô F7:"), page)
            XCTAssertTrue(page.contains("Không lưu gì"))
            XCTAssertFalse(page.contains("Lưu các thay đổi"), "no way to save a file with a problem")
            let nothing = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01")
            XCTAssertNil(nothing)

            // Not a form at all.
            let (_, other) = try await upload(web, Data("xin chào".utf8), as: reporter)
            XCTAssertTrue(other.contains("không phải tệp Excel"), other)
            // Máy Tơ's reporter cannot upload Máy Chai's figures.
            let neighbour = try await web.login("mayto.baocao")
            let (refused, _) = try await upload(web, bad, as: neighbour)
            XCTAssertEqual(refused, .forbidden)
        }
    }
}
