import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Exchange files uploaded in the browser: dry run first, then the import on confirmation; rights by table and unit.
final class UploadWebTests: XCTestCase {
    /// Posts files to the upload form as a browser does; answers the status and where it sends the person.
    func upload(
        _ web: WebHarness, _ files: [(String, String)], as session: WebHarness.Session
    ) async throws -> (HTTPStatus, String?, String) {
        let boundary = "baocao-upload-boundary"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(session.csrf)\r\n"
        for (name, content) in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"tep[]\"; filename=\"\(name)\"\r\n"
            body += "Content-Type: text/csv\r\n\r\n\(content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers = session.headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: (HTTPStatus, String?, String) = (.ok, nil, "")
        try await web.app.test(.POST, "/quan-tri/nhap-du-lieu", headers: headers, body: ByteBuffer(string: body)) {
            res async throws in
            result = (res.status, res.headers.first(name: .location), res.body.string)
        }
        return result
    }

    static let values =
        "indicator,unit,period,value,status\nHKD_MOI_PHUONG,304-P01,2017-H1,7,uoc\nHO_NGHEO_PHUONG,304-P01,2017-H1,\"38\",uoc\n"

    func testDryRunThenConfirm() async throws {
        try await WebHarness.with(self) { web in
            let admin = try await web.login("quantri")
            let form = try await web.get("/quan-tri/nhap-du-lieu", as: admin)
            XCTAssertTrue(form.body.contains("data-tai-len"), "the form shows its progress")
            let (status, location, _) = try await upload(web, [("values.csv", Self.values)], as: admin)
            XCTAssertEqual(status, .seeOther)
            let check = try XCTUnwrap(location)
            let page = try await web.get(check, as: admin)
            XCTAssertTrue(page.body.contains("Kiểm tra xong, chưa ghi gì."), page.body)
            XCTAssertTrue(page.body.contains("Nếu nhập: 2 giá trị mới hoặc thay đổi"), page.body)
            let notYet = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertNil(notYet, "the dry run writes nothing")

            // Someone else cannot see or confirm this upload.
            let other = try await web.login("tonghop")
            let foreign = try await web.get(check, as: other)
            XCTAssertTrue(foreign.body.contains("không còn"))
            let token = String(check.split(separator: "=").last ?? "")
            _ = try await web.post("/quan-tri/nhap-du-lieu/xac-nhan", ["ma": token], as: other)
            let stillNothing = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertNil(stillNothing)

            let confirmed = try await web.post("/quan-tri/nhap-du-lieu/xac-nhan", ["ma": token], as: admin)
            XCTAssertEqual(confirmed.status, .seeOther)
            let done = try await web.get(check, as: admin)
            XCTAssertTrue(done.body.contains("Đã nhập."), done.body)
            let stored = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(stored?.observation.value.description, "7")
            XCTAssertEqual(stored?.updatedBy, "quantri")
            // Confirming again does not import twice.
            _ = try await web.post("/quan-tri/nhap-du-lieu/xac-nhan", ["ma": token], as: admin)
        }
    }

    func testProblemsByLineAndRights() async throws {
        try await WebHarness.with(self) { web in
            let admin = try await web.login("quantri")
            // A bad row in the second file: every problem, with file and line; nothing written from either file.
            let bad = "indicator,unit,period,value,status\nHKD_MOI_PHUONG,304-P01,2017-H1,ba,uoc\n"
            let (_, location, _) = try await upload(
                web, [("values-1.csv", Self.values), ("values-2.csv", bad)], as: admin)
            let page = try await web.get(try XCTUnwrap(location), as: admin)
            XCTAssertEqual(page.status, .unprocessableEntity)
            XCTAssertTrue(page.body.contains("values-2.csv"), page.body)
            XCTAssertTrue(page.body.contains("dòng 2"), page.body)
            XCTAssertFalse(page.body.contains("xac-nhan"), "nothing to confirm")
            let nothing = try await web.storedValue("HO_NGHEO_PHUONG", unit: "304-P01")
            XCTAssertNil(nothing)

            // The district's administrator may not change the shared catalogue.
            let indicators = "code,name,unit_of_measure,field\nMOI,Chỉ tiêu mới,người,kinh_te\n"
            let (_, shared, _) = try await upload(web, [("indicators.csv", indicators)], as: admin)
            let refused = try await web.get(try XCTUnwrap(shared), as: admin)
            XCTAssertTrue(refused.body.contains("danh mục dùng chung"), refused.body)

            // A compiler may not import figures; a reporter may not open the page.
            let compiler = try await web.login("tonghop")
            let (_, figures, _) = try await upload(web, [("values.csv", Self.values)], as: compiler)
            let noRight = try await web.get(try XCTUnwrap(figures), as: compiler)
            XCTAssertTrue(noRight.body.contains("không có quyền nhập chỉ tiêu kế hoạch, số liệu của đơn vị 304-P01"))
            let reporter = try await web.login("maychai.baocao")
            let forbidden = try await web.get("/quan-tri/nhap-du-lieu", as: reporter)
            XCTAssertEqual(forbidden.status, .forbidden)
        }
    }

    func testAnAnonymousLargeUploadIsRefusedBeforeItsBodyIsRead() async throws {
        try await WebHarness.with(self) { web in
            let big = ByteBuffer(repeating: UInt8(ascii: "x"), count: 3 << 20)
            for path in ["/quan-tri/nhap-du-lieu", "/nhap-lieu/tai-len", "/api/v1/dhis2/dataValueSets"] {
                try await web.app.test(.POST, path, headers: ["Content-Type": "text/csv"], body: big) {
                    res async throws in
                    XCTAssertNotEqual(res.status, .payloadTooLarge, path)
                    XCTAssertTrue([.seeOther, .unauthorized].contains(res.status), "\(path): \(res.status)")
                }
            }
        }
    }
}
