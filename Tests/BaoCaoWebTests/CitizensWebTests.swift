import BaoCaoDomain
import BaoCaoStorage
import Foundation
import XCTVapor
import XCTest
import ZIPFoundation

@testable import BaoCaoWeb

/// Issue 13: letters received, classified, accepted on their legal clock and resolved through the pages, the figures
/// following the register; the citizen's lookup by code (page and Open311 JSON) telling the stage and nothing else,
/// rate limited; a denouncer's identity only for the letter's handlers and the head, per role.
final class CitizensWebTests: XCTestCase {
    func code(in html: String) -> String? {
        guard let range = html.range(of: #"TD-[A-Z0-9]{4}-[A-Z0-9]{4}"#, options: .regularExpression) else {
            return nil
        }
        return String(html[range])
    }

    func testALetterIsReceivedClassifiedAcceptedAndResolvedAndTheCitizenFollowsItsStage() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 9, 20)) { web in
            let clerk = try await web.login("ttr.baocao")
            var form = [
                "ngay_nhan": "2017-09-04", "nguon": "truc_tiep", "loai": "khieu_nai", "lan": "1",
                "nguoi_viet": "", "dia_chi": "Số 9 phố Lê Lợi", "noi_dung": "Khiếu nại quyết định thu hồi đất số 12",
            ]
            let refused = try await web.post("/tiep-dan/don?unit=304", form, as: clerk)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Người viết đơn: chưa ghi"), refused.body)
            XCTAssertTrue(refused.body.contains("Khiếu nại quyết định thu hồi đất số 12"), "what was typed is kept")
            form["nguoi_viet"] = "Đỗ Văn Khiếu"
            let received = try await web.post("/tiep-dan/don?unit=304", form, as: clerk)
            XCTAssertEqual(received.status, .seeOther, received.body)
            let path = String(try XCTUnwrap(received.headers.first(name: .location)).prefix { $0 != "?" })
            let page = try await web.get(path + "?tb=nhan", as: clerk)
            let letterCode = try XCTUnwrap(code(in: page.body))
            XCTAssertTrue(page.body.contains("Mã tra cứu cho công dân: \(letterCode)"))

            // Giving the letter to someone outside the locality's handlers would hand them a denouncer's name: refused.
            let outsider = try await web.post(
                path,
                [
                    "buoc": "phan_loai", "loai": "khieu_nai", "du_dieu_kien": "co", "tham_quyen": "co",
                    "nguoi_xu_ly": "maychai.baocao", "phien_ban": "1",
                ], as: clerk)
            XCTAssertEqual(outsider.status, .unprocessableEntity)
            XCTAssertTrue(outsider.body.contains("Người xử lý: không phải người xử lý đơn của địa phương"))
            for (step, fields) in [
                (
                    "phan_loai",
                    [
                        "loai": "khieu_nai", "du_dieu_kien": "co", "tham_quyen": "co", "muc_do": "thuong",
                        "co_quan": "304-TTR", "nguoi_xu_ly": "ttr.baocao", "phien_ban": "1",
                    ]
                ),
                (
                    "xu_ly",
                    [
                        "huong": "thu_ly", "ngay": "2017-09-08", "van_ban": "Thông báo thụ lý số 31/TB-UBND",
                        "phien_ban": "2",
                    ]
                ),
            ] {
                let done = try await web.post(path, fields.merging(["buoc": step]) { $1 }, as: clerk)
                XCTAssertEqual(done.status, .seeOther, "\(step): \(done.body.prefix(2000))")
            }
            // The same step on the version before: refused as a conflict.
            let stale = try await web.post(
                path, ["buoc": "xu_ly", "huong": "thu_ly", "ngay": "2017-09-08", "van_ban": "x", "phien_ban": "2"],
                as: clerk)
            XCTAssertEqual(stale.status, .conflict)
            // Thirty days from 8/9 is Sunday 8/10: the limit ends on Monday 9/10.
            let accepted = try await web.get(path, as: clerk)
            XCTAssertTrue(accepted.body.contains("09/10/2017"), accepted.body)
            XCTAssertTrue(accepted.body.contains("Luật Khiếu nại 2011, Điều 28"))
            XCTAssertTrue(accepted.body.contains("còn 19 ngày"), accepted.body)

            // The citizen: the stage, the date, the body; not the name, not the content.
            let lookup = try await web.get("/tra-cuu-don?ma=\(letterCode)")
            XCTAssertEqual(lookup.status, .ok)
            XCTAssertTrue(lookup.body.contains("Đã thụ lý, đang giải quyết"))
            XCTAssertTrue(lookup.body.contains("09/10/2017"))
            XCTAssertTrue(lookup.body.contains("Thanh tra quận"))
            for secret in ["Đỗ Văn Khiếu", "Lê Lợi", "thu hồi đất", "Khiếu nại"] {
                XCTAssertFalse(lookup.body.contains(secret), secret)
            }
            let json = try await web.get("/open311/v2/requests/\(letterCode).json")
            XCTAssertEqual(json.status, .ok)
            let request = try XCTUnwrap(
                try JSONSerialization.jsonObject(with: Data(json.body.utf8)) as? [[String: Any]]
            ).first
            XCTAssertEqual(request?["service_request_id"] as? String, letterCode)
            XCTAssertEqual(request?["status"] as? String, "open")
            XCTAssertEqual(request?["expected_datetime"] as? String, "2017-10-09T23:59:59+07:00")
            XCTAssertEqual(request?["requested_datetime"] as? String, "2017-09-04T00:00:00+07:00")
            XCTAssertEqual(
                Set(request?.keys.map { $0 } ?? []),
                [
                    "service_request_id", "status", "status_notes", "agency_responsible", "requested_datetime",
                    "updated_datetime", "expected_datetime",
                ])

            let resolved = try await web.post(
                path,
                [
                    "buoc": "giai_quyet", "ngay": "2017-09-19", "van_ban": "Quyết định số 88/QĐ-UBND",
                    "ket_qua": "dung_mot_phan", "tien": "12.000.000", "phien_ban": "3",
                ], as: clerk)
            XCTAssertEqual(resolved.status, .seeOther, resolved.body)
            let after = try await web.get("/open311/v2/requests/\(letterCode).json")
            XCTAssertTrue(after.body.contains("\"status\":\"closed\""), after.body)
            XCTAssertFalse(after.body.contains("expected_datetime\":\"2"), "no expected date once resolved")
            let done = try await web.get("/tra-cuu-don?ma=\(letterCode)")
            XCTAssertTrue(done.body.contains("Đã giải quyết"))

            // The register's figures follow at once: one more letter received and resolved in the nine months.
            let received9M = try await web.storedValue("DON_TIEP_NHAN", unit: "304", period: "2017-9M")
            XCTAssertEqual(received9M?.observation.value, Amount(171))
            let closed9M = try await web.storedValue("DON_GIAI_QUYET", unit: "304", period: "2017-9M")
            XCTAssertEqual(closed9M?.observation.value, Amount(171))
            let receivedH1 = try await web.storedValue("DON_TIEP_NHAN", unit: "304", period: "2017-H1")
            XCTAssertEqual(receivedH1?.observation.value, Amount(170), "the first half does not change")
        }
    }

    func testADenouncersIdentityNeverLeavesItsHandlersAndTheHead() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 9, 20)) { web in
            let district = try await web.unitID("304")
            let letters = try await LetterRepository.list(localityID: district, web.store.sql)
            let denunciation = try XCTUnwrap(letters.first { $0.kind == .denunciation })
            let name = "Người tố cáo số \(denunciation.id)"
            let path = "/tiep-dan/don/\(denunciation.id)"
            for (user, sees) in [("ttr.baocao", true), ("lanhdao", true), ("tonghop", false), ("quantri", false)] {
                let session = try await web.login(user)
                let page = try await web.get(path, as: session)
                XCTAssertEqual(page.status, .ok, user)
                XCTAssertEqual(page.body.contains(name), sees, user)
                if !sees { XCTAssertTrue(page.body.contains("Thông tin người tố cáo được bảo vệ"), user) }
                let list = try await web.get("/tiep-dan?unit=304&ky=2017-H1", as: session)
                XCTAssertFalse(list.body.contains(name), "the register's list never names authors (\(user))")
            }
            // A repeat's page shows its case: the first letter and the repeat, in order.
            let repeatLetter = try XCTUnwrap(letters.first { $0.sameAs != nil })
            let handler = try await web.login("ttr.baocao")
            let casePage = try await web.get("/tiep-dan/don/\(repeatLetter.id)", as: handler)
            XCTAssertTrue(casePage.body.contains("Vụ việc số \(repeatLetter.caseID)"), casePage.body)
            XCTAssertTrue(casePage.body.contains("href=\"/tiep-dan/don/\(repeatLetter.sameAs ?? 0)\""))
            // A ward's people do not read the district's register; a visitor is sent to log in.
            let ward = try await web.login("maychai.baocao")
            let wardPage = try await web.get(path, as: ward)
            XCTAssertEqual(wardPage.status, .forbidden)
            XCTAssertFalse(wardPage.body.contains(name))
            let visitor = try await web.get(path)
            XCTAssertEqual(visitor.status, .seeOther)
            // Every read by those allowed was logged; the head sees the log.
            let reads = try await LetterIdentity.reads(of: denunciation.id, web.store.sql)
            XCTAssertEqual(reads.map(\.by), ["ttr.baocao", "lanhdao"])
            let head = try await web.login("lanhdao")
            let logged = try await web.get(path, as: head)
            XCTAssertTrue(logged.body.contains("Nhật ký xem thông tin người tố cáo"))
            // The citizen's lookup, its JSON and the report never carry it.
            for public_ in ["/tra-cuu-don?ma=\(denunciation.code)", "/open311/v2/requests/\(denunciation.code).json"] {
                let body = try await web.get(public_).body
                XCTAssertFalse(body.contains("Người tố cáo"), public_)
                XCTAssertFalse(body.contains("Máy Chai"), public_)
            }
            let compiler = try await web.login("tonghop")
            let report = try await web.get("/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1", as: compiler)
            XCTAssertEqual(report.status, .ok)
            XCTAssertFalse(report.body.contains("Người tố cáo"))
            XCTAssertTrue(
                report.body.contains("147 buổi tiếp dân = 135 vụ việc, với 284 lượt người"), "from the register")
        }
    }

    func testTheLookupIsRateLimitedAndAWrongCodeTellsNothing() async throws {
        try await WebHarness.with(self) { web in
            let wrong = try await web.get("/open311/v2/requests/TD-AAAA-AAAA.json")
            XCTAssertEqual(wrong.status, .notFound)
            XCTAssertTrue(wrong.body.hasPrefix("[{\"code\":404"), wrong.body)
            let malformed = try await web.get("/tra-cuu-don?ma=%27%20OR%201%3D1")
            XCTAssertEqual(malformed.status, .notFound)
            XCTAssertTrue(malformed.body.contains("Không tìm thấy đơn có mã này"))
            for _ in 0..<18 { _ = try await web.get("/tra-cuu-don?ma=TD-BBBB-BBBB") }
            let limited = try await web.get("/open311/v2/requests/TD-CCCC-CCCC.json")
            XCTAssertEqual(limited.status, .tooManyRequests)
            XCTAssertNotNil(limited.headers.first(name: .retryAfter))
            let page = try await web.get("/tra-cuu-don?ma=TD-CCCC-CCCC")
            XCTAssertEqual(page.status, .tooManyRequests)
            XCTAssertTrue(page.body.contains("Tra cứu quá nhiều lần"))
        }
    }

    func testAReceptionSessionIsRecordedAndTheChairmansDaysAreCheckedAgainstTheLaw() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 9, 20)) { web in
            let clerk = try await web.login("ttr.baocao")
            let bad = try await web.post(
                "/tiep-dan/buoi?unit=304",
                [
                    "ngay": "2017-09-14", "nguoi_tiep": "chu_tich", "ten_nguoi_tiep": "", "noi_dung_1": "x",
                    "so_nguoi_1": "0",
                ],
                as: clerk)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Người tiếp: chưa ghi"), bad.body)
            XCTAssertTrue(bad.body.contains("Lượt 1: số người từ 1 đến 10.000"))
            let saved = try await web.post(
                "/tiep-dan/buoi?unit=304",
                [
                    "ngay": "2017-09-14", "nguoi_tiep": "chu_tich", "ten_nguoi_tiep": "Chủ tịch UBND quận",
                    "dinh_ky": "co", "noi_dung_1": "Phản ánh ngập úng ngõ 35", "so_nguoi_1": "6", "doan_1": "co",
                    "loai_1": "kien_nghi_phan_anh", "ket_qua_1": "tra_loi_truc_tiep",
                ], as: clerk)
            XCTAssertEqual(saved.status, .seeOther, saved.body)
            let page = try await web.get("/tiep-dan/buoi?unit=304&ky=2017-H1", as: clerk)
            XCTAssertTrue(page.body.contains("ít nhất 2 ngày trong 1 tháng (Luật Tiếp công dân 2013, Điều 14 khoản 2"))
            XCTAssertTrue(page.body.contains("Đạt 5/6 tháng"), page.body)
            XCTAssertTrue(page.body.contains("23/03/2017: không tiếp (vắng)"))
            // The chairman's schedule: days added; a day that is no date refuses the list.
            let badPlan = try await web.post("/tiep-dan/lich?unit=304", ["ngay": "14/09/2017, 31/02/2017"], as: clerk)
            XCTAssertEqual(badPlan.status, .unprocessableEntity)
            XCTAssertTrue(badPlan.body.contains("không đọc được ngày: 31/02/2017"), badPlan.body)
            let planned = try await web.post("/tiep-dan/lich?unit=304", ["ngay": "14/09/2017\n28/09/2017"], as: clerk)
            XCTAssertEqual(planned.status, .seeOther)
            let year = try await web.get("/tiep-dan/buoi?unit=304&ky=2017", as: clerk)
            XCTAssertTrue(year.body.contains("14/09/2017: đã tiếp"), year.body)
            // The letter the crowd handed in belongs to the visit's case.
            let sessions = try await ReceptionRepository.list(
                localityID: try await web.unitID("304"), from: CivilDate(2017, 9, 14), to: CivilDate(2017, 9, 14),
                web.store.sql)
            let visitCase = try XCTUnwrap(sessions.first?.visits.first?.caseID)
            XCTAssertTrue(year.body.contains("(vụ việc số \(visitCase))"))
            let letter = try await web.post(
                "/tiep-dan/don?unit=304",
                [
                    "ngay_nhan": "2017-09-14", "loai": "kien_nghi_phan_anh", "nguoi_viet": "Đại diện đoàn",
                    "so_nguoi": "6", "noi_dung": "Đơn đề nghị xử lý ngập úng ngõ 35", "vu_viec": "\(visitCase)",
                ], as: clerk)
            XCTAssertEqual(letter.status, .seeOther, letter.body)
            let letterPath = String(try XCTUnwrap(letter.headers.first(name: .location)).prefix { $0 != "?" })
            let letterPage = try await web.get(letterPath, as: clerk)
            XCTAssertTrue(
                letterPage.body.contains("Vụ việc số \(visitCase)"), "the case's timeline: the visit and the letter")
            XCTAssertTrue(letterPage.body.contains("Tiếp công dân (Chủ tịch UBND quận): 6 người, đoàn đông người"))
            let persons = try await web.storedValue("TIEP_DAN_LUOT", unit: "304", period: "2017-9M")
            XCTAssertEqual(persons?.observation.value, Amount(290))
        }
    }

    func testAComplaintNearItsLimitIsRemindedToItsHandlerWithoutItsContent() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 9, 14)) { web in
            let district = try await web.unitID("304")
            let office = try await web.unitID("304-TTR")
            let (id, _) = try await LetterRepository.receive(
                localityID: district,
                LetterInput(
                    receivedOn: CivilDate(2017, 9, 4), authorName: "Vũ Thị Nhắc", content: "Khiếu nại bồi thường đất",
                    kind: .complaint), today: CivilDate(2017, 9, 14), by: "ttr.baocao", web.store.sql)
            try await LetterRepository.classify(
                id,
                .init(
                    kind: .complaint, eligible: true, inCompetence: true, handlerUnitID: office, handler: "ttr.baocao"),
                expecting: 1, by: "ttr.baocao", web.store.sql)
            let context = try XCTUnwrap(web.app.storage[WebKey.self])
            let reminded = try await Reminders.runLetterSchedule(web: context)
            XCTAssertEqual(reminded, 1, "its handler, on the last day to accept it")
            let again = try await Reminders.runLetterSchedule(web: context)
            XCTAssertEqual(again, 0, "once a day")
            let notices = try await web.get("/thong-bao", as: try await web.login("ttr.baocao"))
            XCTAssertTrue(
                notices.body.contains("Đơn số \(id) (khiếu nại) giao Thanh tra quận: thụ lý hoặc xử lý hạn 14/09/2017"),
                notices.body)
            XCTAssertTrue(notices.body.contains("href=\"/tiep-dan/don/\(id)\""))
            XCTAssertFalse(notices.body.contains("Vũ Thị Nhắc"))
            XCTAssertFalse(notices.body.contains("bồi thường"))
        }
    }
}
