import BaoCaoDomain
import BaoCaoStorage
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Issue 12, part 4: voters' petitions per council session: received, grouped, given to an office or forwarded,
/// answered by the office (and only by it, on the version it saw), reported to the council as DOCX, and the answers
/// on the public page once published.
final class PetitionsWebTests: XCTestCase {
    func testASessionsPetitionsAreReceivedGivenAnsweredReportedAndPublished() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 11, 20)) { web in
            let compiler = try await web.login("tonghop")
            // A new session; a bad one is refused with the field.
            let bad = try await web.post(
                "/kien-nghi/ky-hop", ["locality": "304", "so": "6", "khoa": "18", "khai_mac": "2017-12-14"],
                as: compiler)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Khóa: viết bằng số La Mã"), bad.body)
            let made = try await web.post(
                "/kien-nghi/ky-hop",
                ["locality": "304", "so": "6", "khoa": "XVIII", "khai_mac": "2017-12-14", "han_tra_loi": "2017-12-05"],
                as: compiler)
            let sessionPath = String(try XCTUnwrap(made.headers.first(name: .location)).prefix { $0 != "?" })
            for (ward, words) in [
                ("Cử tri phường Lê Lợi", "Đề nghị lắp đèn chiếu sáng ngõ 12 Lê Lợi."),
                ("Cử tri phường Đằng Giang", "Đề nghị lắp đèn chiếu sáng các ngõ nhỏ."),
                ("Cử tri phường Cầu Tre", "Đề nghị sớm cải tạo chung cư cũ."),
            ] {
                let added = try await web.post(
                    sessionPath,
                    ["buoc": "them", "noi": ward, "ngay": "2017-11-10", "noi_dung": words, "linh_vuc": "do_thi"],
                    as: compiler)
                XCTAssertEqual(added.status, .seeOther, added.body)
            }
            let district = try await web.unitID("304")
            let sessions = try await PetitionRepository.sessions(localityID: district, web.store.sql)
            let session = try XCTUnwrap(sessions.first { $0.session.number == 6 })
            let petitions = try await PetitionRepository.list(sessionID: session.id, web.store.sql)
            XCTAssertEqual(petitions.count, 3)
            // The first given to the urban office, the second grouped with it, the third forwarded to the city.
            let (light, same, city) = (petitions[0], petitions[1], petitions[2])
            for (p, fields) in [
                (light, ["co_quan": "304-QLDT"]), (same, ["gop_vao": "\(light.id)"]),
                (city, ["chuyen_den": "UBND thành phố Hải Phòng"]),
            ] {
                let routed = try await web.post(
                    "/kien-nghi/\(p.id)", fields.merging(["buoc": "giao", "phien_ban": "1"]) { $1 }, as: compiler)
                XCTAssertEqual(routed.status, .seeOther, routed.body)
            }
            // Another office may not answer; the urban office answers; a second answer on the old version is refused.
            let answer = [
                "buoc": "tra_loi", "phien_ban": "2", "ket_qua": "dang_giai_quyet",
                "tra_loi": "Đã đưa vào kế hoạch chiếu sáng năm 2018.",
            ]
            let justice = try await web.login("tp.baocao")
            let other = try await web.post("/kien-nghi/\(light.id)", answer, as: justice)
            XCTAssertEqual(other.status, .forbidden)
            let office = try await web.login("qldt.baocao")
            let noReason = try await web.post(
                "/kien-nghi/\(light.id)", answer.merging(["ket_qua": "chua_giai_quyet"]) { $1 }, as: office)
            XCTAssertEqual(noReason.status, .unprocessableEntity)
            XCTAssertTrue(noReason.body.contains("Lý do chưa giải quyết: chưa ghi"))
            let answered = try await web.post("/kien-nghi/\(light.id)", answer, as: office)
            XCTAssertEqual(answered.status, .seeOther, answered.body)
            let stale = try await web.post("/kien-nghi/\(light.id)", answer, as: office)
            XCTAssertEqual(stale.status, .conflict)
            let grouped = try await web.post(
                "/kien-nghi/\(same.id)", answer.merging(["phien_ban": "2"]) { $1 }, as: compiler)
            XCTAssertTrue(
                grouped.body.contains("trả lời ở kiến nghị chính số \(light.id)"),
                "a grouped one is answered by its head")

            // The session page counts; the report is a DOCX with the table; nothing public before publishing.
            let page = try await web.get(sessionPath, as: compiler)
            XCTAssertTrue(
                page.body.contains(
                    "Cử tri có 3 lượt kiến nghị, tổng hợp thành 2 nội dung; 1 nội dung thuộc thẩm quyền của UBND quận: đang giải quyết 1; 1 nội dung đã chuyển cấp trên."
                ), page.body)
            let docx = try await web.get(sessionPath + "/bao-cao", as: compiler)
            XCTAssertEqual(
                docx.headers.contentType?.subType, "vnd.openxmlformats-officedocument.wordprocessingml.document")
            XCTAssertTrue(docx.body.hasPrefix("PK"))
            let html = try await web.get(sessionPath + "/bao-cao?format=html", as: compiler)
            XCTAssertTrue(html.body.contains("trước kỳ họp thứ 6 HĐND quận khóa XVIII"))
            XCTAssertTrue(
                html.body.contains(
                    "Cử tri phường Lê Lợi, 10/11/2017; Cử tri phường Đằng Giang, 10/11/2017; 2 lượt kiến nghị"))
            var publicPage = try await web.get("/cong-khai/304/kien-nghi")
            XCTAssertFalse(publicPage.body.contains("chiếu sáng"), "not published yet")
            let hidden = try await web.get("/cong-khai/kien-nghi/\(session.id)/bao-cao")
            XCTAssertEqual(hidden.status, .notFound)
            let published = try await web.post(sessionPath, ["buoc": "cong_bo"], as: compiler)
            XCTAssertEqual(published.status, .seeOther)
            publicPage = try await web.get("/cong-khai/304/kien-nghi")
            XCTAssertTrue(publicPage.body.contains("Đã đưa vào kế hoạch chiếu sáng năm 2018."), "answers are public")
            XCTAssertTrue(publicPage.body.contains("<h3>Lĩnh vực quản lý đô thị - tài nguyên môi trường</h3>"))
            let shown = try await web.get("/cong-khai/kien-nghi/\(session.id)/bao-cao")
            XCTAssertEqual(shown.status, .ok)
            let locality = try await web.get("/cong-khai/304")
            XCTAssertTrue(locality.body.contains("Trả lời kiến nghị cử tri (2 kỳ họp)"), "the demo's and this one")
            // History of the head petition.
            let history = try await PetitionRepository.events(of: light.id, web.store.sql)
            XCTAssertEqual(
                history.map(\.detail),
                [
                    "Tiếp nhận kiến nghị: Cử tri phường Lê Lợi", "Giao Phòng Quản lý đô thị giải quyết",
                    "Trả lời: Đang giải quyết, có lộ trình",
                ])
        }
    }

    func testTheAPIListsPetitionsWithTheirStatusTodayAndOnlyWhatTheAccountMayRead() async throws {
        // 10 July 2017: the demo session's answers were due on the 5th.
        try await WebHarness.with(self, today: CivilDate(2017, 7, 10)) { web in
            let compiler = try await web.login("tonghop")
            let all = try await web.get("/api/v1/petitions?unit=304", as: compiler)
            XCTAssertEqual(all.status, .ok, all.body)
            let list = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(all.body.utf8))
            XCTAssertEqual(
                Dictionary(grouping: list, by: { $0["status"]?.string ?? "-" }).mapValues(\.count),
                [
                    "da_giai_quyet": 2, "dang_giai_quyet": 1, "giai_trinh": 1, "chua_giai_quyet": 1, "da_gop": 1,
                    "chuyen_cap_tren": 1, "qua_han_tra_loi": 1,
                ])
            let late = try await web.get("/api/v1/petitions?status=qua_han_tra_loi", as: compiler)
            XCTAssertTrue(late.body.contains("chợ Máy Tơ"), late.body)
            // An office reads those given to it; another office nothing of this session's others.
            let health = try await web.get("/api/v1/petitions", as: try await web.login("yt.baocao"))
            let theirs = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(health.body.utf8))
            XCTAssertEqual(theirs.map { $0["assigned_to"]?.string }, ["304-YT"])
            let bad = try await web.get("/api/v1/petitions?status=xyz", as: compiler)
            XCTAssertEqual(bad.status, .badRequest)
        }
    }

    func testAPetitionNotAnsweredIsRemindedToItsOfficeByTheSessionsDeadline() async throws {
        // The demo session's answers were due on 5 July 2017; Máy Tơ's parking still waits for the urban office.
        try await WebHarness.with(self, today: CivilDate(2017, 7, 6)) { web in
            let context = try XCTUnwrap(web.app.storage[WebKey.self])
            let reminded = try await Reminders.runPetitionSchedule(web: context)
            XCTAssertEqual(reminded, 2, "the urban office's reporter and head")
            let again = try await Reminders.runPetitionSchedule(web: context)
            XCTAssertEqual(again, 0, "once a day")
            let notices = try await web.get("/thong-bao", as: try await web.login("qldt.duyet"))
            XCTAssertTrue(
                notices.body.contains(
                    "Kiến nghị cử tri số 8 “Đề nghị bố trí thêm điểm trông giữ xe quanh chợ Máy Tơ.” (trước kỳ họp thứ 5 HĐND quận khóa XVIII) giao Phòng Quản lý đô thị trả lời, hạn 05/07/2017 (đã quá hạn 1 ngày), chưa trả lời."
                ), notices.body)
            XCTAssertTrue(notices.body.contains("href=\"/kien-nghi/8\""))
        }
    }
}
