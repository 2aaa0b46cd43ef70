import BaoCaoDomain
import BaoCaoStorage
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Issue 11, part 6 (tracker): on time or late by the deadline and by how many days, people by their full names,
/// "Nhắc" for a unit not sent, reminders in the application and by e-mail through SMTP, and the schedule before and
/// after the deadline.
final class ReminderTests: XCTestCase {
    func testTheTrackerSaysOnTimeOrLateAndWhoByName() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 7, 20)) { web in
            let compiler = try await web.login("tonghop")
            let page = try await web.get("/theo-doi?unit=304&period=2017-H1", as: compiler)
            // The offices sent two days before the deadline (the demo dates their steps so); the wards did not.
            let office = try XCTUnwrap(
                page.body.components(separatedBy: "<tr>").first { $0.contains("Phòng Tài chính - Kế hoạch") })
            XCTAssertTrue(office.contains("Nộp đúng hạn"), office)
            XCTAssertFalse(office.contains("tckh.duyet"), "the approver by name, not login")
            XCTAssertTrue(office.contains("14/06/2017 09:00 — Trưởng Phòng Tài chính - Kế hoạch"), office)
            let ward = try XCTUnwrap(page.body.components(separatedBy: "<tr>").first { $0.contains("phường Máy Chai") })
            XCTAssertTrue(ward.contains("<span class=\"late\">Quá hạn"), ward)
            XCTAssertTrue(ward.contains("aria-label=\"Nhắc phường Máy Chai\""), "a unit not sent can be reminded")
            XCTAssertFalse(office.contains(">Nhắc<"), "a unit that sent is not")
            XCTAssertTrue(page.body.contains("Nộp đúng hạn: "), page.body)
        }
    }

    func testNhacRemindsInTheApplicationAndByEmail() async throws {
        let sink = try await SMTPSink()
        defer { Task { await sink.stop() } }
        let smtp = SMTPSettings(host: "127.0.0.1", port: sink.port, from: "baocao@ngoquyen.example")
        try await WebHarness.with(self, today: CivilDate(2017, 7, 20), smtp: smtp) { web in
            let compiler = try await web.login("tonghop")
            // MUT
            let reminded = try await web.post(
                "/theo-doi/nhac", ["unit": "304-P01", "locality": "304", "period": "2017-H1"], as: compiler)
            XCTAssertEqual(reminded.status, .seeOther, reminded.body)
            let back = try await web.get(try XCTUnwrap(reminded.headers.first(name: .location)), as: compiler)
            XCTAssertTrue(
                back.body.contains("Đã nhắc phường Máy Chai: 1 người được báo trong ứng dụng, 1 thư điện tử đã gửi."),
                back.body)

            // validate: the e-mail reached the SMTP server, in Vietnamese, with the link.
            let mail = try XCTUnwrap(sink.messages.first)
            XCTAssertEqual(mail.to, ["<maychai.baocao@baocao.example>"])
            XCTAssertEqual(mail.from, "<baocao@ngoquyen.example>")
            let subject = try XCTUnwrap(
                mail.data.components(separatedBy: "\r\n").first { $0.hasPrefix("Subject: =?UTF-8?B?") })
            let encoded = subject.dropFirst("Subject: =?UTF-8?B?".count).dropLast(2)
            XCTAssertEqual(
                String(decoding: try XCTUnwrap(Data(base64Encoded: String(encoded))), as: UTF8.self),
                "Nhắc nộp số liệu 6 tháng đầu năm 2017 — phường Máy Chai")
            let bodyBase64 = try XCTUnwrap(mail.data.components(separatedBy: "\r\n\r\n").last)
                .replacingOccurrences(of: "\r\n", with: "")
            let body = String(decoding: try XCTUnwrap(Data(base64Encoded: bodyBase64)), as: UTF8.self)
            XCTAssertTrue(body.hasPrefix("Kính gửi Cán bộ thống kê phường Máy Chai,"), body)
            XCTAssertTrue(body.contains("chưa được gửi; hạn nộp "), body)
            XCTAssertTrue(body.contains("(đã quá hạn "), body)
            XCTAssertTrue(body.contains("https://baocao.example/nhap-lieu?unit=304-P01&period=2017-H1"), body)
            XCTAssertTrue(body.contains("Người nhắc: Văn phòng HĐND và UBND quận (tổng hợp)."), body)

            // In the application: the reporter's header and notices page.
            let reporter = try await web.login("maychai.baocao")
            let start = try await web.get("/nhap-lieu", as: reporter)
            XCTAssertTrue(start.body.contains("Thông báo (1 mới)"), start.body)
            let notices = try await web.get("/thong-bao", as: reporter)
            XCTAssertTrue(notices.body.contains("Số liệu 6 tháng đầu năm 2017 của phường Máy Chai chưa được gửi"))
            XCTAssertTrue(notices.body.contains("Đã gửi thư tới maychai.baocao@baocao.example"))
            XCTAssertTrue(notices.body.contains("Văn phòng HĐND và UBND quận (tổng hợp)"), "who reminded, by name")
            let again = try await web.get("/nhap-lieu", as: reporter)
            XCTAssertFalse(again.body.contains("mới)"), "read once seen")

            // Another locality's compiler may not remind these wards; a reporter may not remind at all.
            let refused = try await web.post(
                "/theo-doi/nhac", ["unit": "304-P02", "locality": "304", "period": "2017-H1"], as: reporter)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testAnUnreachableMailServerLeavesTheNoticeAndSaysWhy() async throws {
        let smtp = SMTPSettings(host: "127.0.0.1", port: 9, from: "baocao@ngoquyen.example")
        try await WebHarness.with(self, today: CivilDate(2017, 7, 20), smtp: smtp) { web in
            let compiler = try await web.login("tonghop")
            let reminded = try await web.post(
                "/theo-doi/nhac", ["unit": "304-P01", "locality": "304", "period": "2017-H1"], as: compiler)
            let back = try await web.get(try XCTUnwrap(reminded.headers.first(name: .location)), as: compiler)
            XCTAssertTrue(back.body.contains("1 thư không gửi được"), back.body)
            let notices = try await web.get("/thong-bao", as: try await web.login("maychai.baocao"))
            XCTAssertTrue(notices.body.contains("không kết nối được máy chủ thư 127.0.0.1:9"), notices.body)
        }
    }

    func testTheScheduleRemindsBeforeAndAfterTheDeadlineOnceADay() async throws {
        let schedule = ReminderSchedule(daysBefore: 2, every: 3, stopAfter: 30)
        let deadline = CivilDate(2017, 7, 10)
        func due(_ day: Int, _ month: Int = 7, delivered: Bool = false) -> Reminder.Kind? {
            schedule.due(deadline: deadline, today: CivilDate(2017, month, day), delivered: delivered)
        }
        XCTAssertEqual(due(8), .before(daysLeft: 2))
        XCTAssertNil(due(9))
        XCTAssertEqual(due(10), .before(daysLeft: 0))
        XCTAssertEqual(due(11), .after(daysLate: 1))
        XCTAssertNil(due(12))
        XCTAssertEqual(due(14), .after(daysLate: 4))
        XCTAssertNil(due(11, delivered: true), "nothing once sent")
        XCTAssertNil(due(10, 8), "31 days late: no more e-mail")

        // On the demo: the day after the 2017-H1 deadline (16/06/2017) the wards' reporters are reminded once.
        try await WebHarness.with(self, today: CivilDate(2017, 6, 17)) { web in
            let context = try XCTUnwrap(web.app.storage[WebKey.self])
            let first = try await Reminders.runSchedule(web: context)
            XCTAssertEqual(
                first, 2, "the reporters of the two wards that have one (Máy Chai, Máy Tơ); the offices sent")
            let again = try await Reminders.runSchedule(web: context)
            XCTAssertEqual(again, 0, "once a day")
            let notices = try await web.get("/thong-bao", as: try await web.login("maychai.baocao"))
            XCTAssertTrue(notices.body.contains("(đã quá hạn 1 ngày)"), notices.body)
            XCTAssertTrue(notices.body.contains("Hệ thống (tự động)"))
        }
    }

    /// An address that would smuggle a command into the SMTP exchange never reaches the server.
    func testAnAddressWithALineBreakIsRefusedBeforeSending() async throws {
        let sink = try await SMTPSink()
        defer { Task { await sink.stop() } }
        let smtp = SMTPSettings(host: "127.0.0.1", port: sink.port, from: "baocao@ngoquyen.example")
        for bad in ["a@b.example>\r\nRCPT TO:<x@evil.example", "a b@c.example", "no-at-sign", "<a@b.example>"] {
            do {
                try await SMTPClient.send(MailMessage(to: [bad], subject: "s", body: "b"), via: smtp)
                XCTFail("sent to \(bad)")
            } catch let error as SMTPClient.Failed {
                XCTAssertTrue(error.description.contains("không hợp lệ"), error.description)
            }
        }
        XCTAssertTrue(sink.messages.isEmpty)
        try await SMTPClient.send(MailMessage(to: ["a@b.example"], subject: "Chào", body: "Nội dung"), via: smtp)
        XCTAssertEqual(sink.messages.count, 1)
    }
}
