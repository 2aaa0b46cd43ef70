import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// Issue 12, pages: publishing proposes the report's tasks and lands on their review; reviewed, they are assigned;
/// the compiler assigns a new task; the lead office reports progress and proposes it done; the assigner confirms;
/// an overdue task shows red with "quá hạn N ngày"; each side can only take its own steps, on the version it saw.
final class TasksWebTests: XCTestCase {
    func location(_ response: (status: HTTPStatus, body: String, headers: HTTPHeaders)) throws -> String {
        try XCTUnwrap(response.headers.first(name: .location), response.body)
    }

    func testPublishingProposesThePart2TasksAndTheCompilerReviewsThem() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 10, 5)) { web in
            let compiler = try await web.login("tonghop")
            // The 9-month report (its sections carried from the six-month one) published with a reason.
            let published = try await web.post(
                "/soan-bao-cao/cong-bo",
                ["template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-9M", "ly_do": "Phục vụ hội nghị"],
                as: compiler)
            let review = try location(published)
            XCTAssertTrue(review.hasPrefix("/nhiem-vu/de-xuat?"), review)
            let page = try await web.get(review, as: compiler)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.body.contains("Phần nhiệm vụ trọng tâm đề xuất 27 nhiệm vụ cho kỳ sau: rà soát rồi giao."),
                page.body)
            XCTAssertTrue(page.body.contains("Chờ rà soát: <strong>27</strong>"))
            // Its part was carried from the six-month report: each bullet is one the demo already assigned.
            XCTAssertTrue(page.body.contains("Trùng với nhiệm vụ đã giao: <strong>27</strong>."), "duplicates flagged")
            XCTAssertTrue(page.body.contains("Trùng nội dung với nhiệm vụ đã giao <a href=\"/nhiem-vu/"))
            let district = try await web.unitID("304")
            var filter = TaskRepository.Filter(localityIDs: [district], states: [.proposed])
            filter.sourcePeriod = .firstMonths(2017, 9)
            let proposed = try await TaskRepository.list(filter, web.store.sql)
            XCTAssertEqual(proposed.count, 27)
            XCTAssertTrue(proposed.allSatisfy { $0.record.deadline == .on(CivilDate(2017, 12, 31)) })

            // One is given to another office with an earlier deadline and assigned; one is left out.
            let first = proposed[0]
            let form = page.body.components(separatedBy: "id=\"de-xuat-\(first.id)\"").dropFirst().first ?? ""
            var fields = WebHarness.formFields(in: form, action: "/nhiem-vu/de-xuat")
            XCTAssertEqual(fields["id"], "\(first.id)", "the first proposal's form")
            fields["chu_tri"] = "304-KT"
            fields["han"] = "2017-11-30"
            fields["hanh_dong"] = "giao"
            let assigned = try await web.post("/nhiem-vu/de-xuat", fields, as: compiler)
            XCTAssertEqual(assigned.status, .seeOther, assigned.body)
            let stored = try await TaskRepository.find(id: first.id, web.store.sql)
            XCTAssertEqual(stored?.state, .assigned)
            let economy = try await web.unitID("304-KT")
            XCTAssertEqual(stored?.draft.leadUnitID, economy)
            XCTAssertEqual(stored?.record.deadline, .on(CivilDate(2017, 11, 30)))
            let dropped = try await web.post(
                "/nhiem-vu/de-xuat",
                [
                    "template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-9M", "id": "\(proposed[1].id)",
                    "phien_ban": "\(proposed[1].version)", "hanh_dong": "bo",
                ], as: compiler)
            XCTAssertEqual(dropped.status, .seeOther)
            // A stale form (the version another reviewer already changed) is refused.
            let stale = try await web.post("/nhiem-vu/de-xuat", fields, as: compiler)
            XCTAssertEqual(stale.status, .unprocessableEntity, "no longer waiting for review")
            XCTAssertTrue(stale.body.contains("Chưa lưu: Nhiệm vụ không còn chờ rà soát"), stale.body)
            // The rest at once.
            let all = try await web.post(
                "/nhiem-vu/de-xuat",
                ["template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-9M", "hanh_dong": "giao_tat_ca"],
                as: compiler)
            XCTAssertEqual(try location(all), "/nhiem-vu?xem=da-giao&tb=giao_tat_ca&so=25")
            // An office's reporter may not review.
            let office = try await web.login("kt.baocao")
            let refused = try await web.get(review, as: office)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testTheLeadOfficeReportsAndProposesTheAssignerConfirms() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 8, 10)) { web in
            let compiler = try await web.login("tonghop")
            // The compiler assigns a task; a refused form keeps what was typed and says which field.
            let bad = try await web.post(
                "/nhiem-vu/moi",
                [
                    "locality": "304", "tieu_de": "Rà soát thủ tục hành chính cấp quận", "chu_tri": "",
                    "han": "31/02/2017",
                ],
                as: compiler)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Hạn hoàn thành: chưa chọn hoặc không đúng ngày"), bad.body)
            XCTAssertTrue(bad.body.contains("Đơn vị chủ trì: chưa chọn"))
            XCTAssertTrue(bad.body.contains("value=\"Rà soát thủ tục hành chính cấp quận\""), "typed text kept")
            let made = try await web.post(
                "/nhiem-vu/moi",
                [
                    "locality": "304", "tieu_de": "Rà soát thủ tục hành chính cấp quận", "nguon": "ket_luan",
                    "so_hieu": "Thông báo kết luận số 45/TB-UBND ngày 01/8/2017", "linh_vuc": "thanh_tra_tu_phap",
                    "chu_tri": "304-TP", "loai_han": "han", "han": "2017-08-31", "uu_tien": "cao",
                ], as: compiler)
            let path = try location(made)
            XCTAssertTrue(path.hasPrefix("/nhiem-vu/"), path)
            let taskPath = String(path.prefix { $0 != "?" })
            let id = try XCTUnwrap(Int(taskPath.dropFirst("/nhiem-vu/".count)))

            // The office reports progress; the compiler may not report for it; another office may not either.
            let office = try await web.login("tp.baocao")
            var page = try await web.get(taskPath, as: office)
            XCTAssertTrue(page.body.contains("Chưa đến hạn"), "21 days left, nothing reported")
            let progress = WebHarness.formFields(in: page.body, action: taskPath)
            XCTAssertEqual(progress["buoc"], "tien_do")
            var form = progress
            form["phan_tram"] = "40"
            form["noi_dung"] = "Đã rà soát 40 thủ tục"
            let reported = try await web.post(taskPath, form, as: office)
            XCTAssertEqual(reported.status, .seeOther, reported.body)
            let stale = try await web.post(taskPath, form, as: office)
            XCTAssertEqual(stale.status, .conflict, "the version the form was made from has changed")
            XCTAssertTrue(stale.body.contains("Nhiệm vụ vừa được người khác thay đổi"))
            let notTheirs = try await web.post(taskPath, form, as: compiler)
            XCTAssertEqual(notTheirs.status, .forbidden)
            let other = try await web.login("kt.baocao")
            let otherRead = try await web.get(taskPath, as: other)
            XCTAssertEqual(otherRead.status, .forbidden, "another office reads nothing")

            // It proposes the task done; the compiler confirms; it is done on time.
            page = try await web.get(taskPath, as: office)
            XCTAssertTrue(page.body.contains("Đang thực hiện trong hạn"), page.body)
            let proposal = try XCTUnwrap(
                page.body.components(separatedBy: "<form ").first { $0.contains("value=\"de_nghi_hoan_thanh\"") })
            let version = try XCTUnwrap(
                proposal.components(separatedBy: "name=\"phien_ban\" value=\"").dropFirst().first?.prefix { $0 != "\"" }
            )
            let proposed = try await web.post(
                taskPath,
                [
                    "buoc": "de_nghi_hoan_thanh", "phien_ban": String(version), "ngay": "2017-08-10",
                    "noi_dung": "Đã trình danh mục thủ tục đề xuất đơn giản hóa",
                ], as: office)
            XCTAssertEqual(proposed.status, .seeOther, proposed.body)
            page = try await web.get(taskPath, as: compiler)
            XCTAssertTrue(
                page.body.contains("Chờ xác nhận hoàn thành") || page.body.contains("Đề nghị công nhận hoàn thành"))
            let list = try await web.get("/nhiem-vu?xem=da-giao&tinh_trang=cho-xac-nhan", as: compiler)
            XCTAssertTrue(list.body.contains("Rà soát thủ tục hành chính cấp quận"), "waiting for the assigner")
            let confirm = WebHarness.formFields(
                in: page.body.components(separatedBy: "id=\"buoc-xac_nhan\"").last ?? "",
                action: taskPath)
            let confirmed = try await web.post(
                taskPath, ["buoc": "xac_nhan", "phien_ban": confirm["phien_ban"] ?? ""], as: compiler)
            XCTAssertEqual(confirmed.status, .seeOther, confirmed.body)
            page = try await web.get(taskPath, as: office)
            XCTAssertTrue(page.body.contains("tt-xanh-la\">Hoàn thành đúng hạn"), page.body)
            XCTAssertTrue(page.body.contains("Xác nhận hoàn thành ngày 10/08/2017"), "in the history")
            XCTAssertFalse(page.body.contains("id=\"buoc-tien_do\""), "no more steps once done")
        }
    }

    func testAnOverdueTaskIsRedWithItsDaysAndRemindedToItsLeadUnit() async throws {
        // The demo's tasks on 5 December 2017: the education task was due 30/11/2017 and is not done.
        try await WebHarness.with(self, today: CivilDate(2017, 12, 5)) { web in
            let office = try await web.login("gddt.baocao")
            let page = try await web.get("/nhiem-vu", as: office)
            let row = try XCTUnwrap(
                page.body.components(separatedBy: "<tr").first {
                    $0.contains("Chuẩn bị tốt các điều kiện cơ sở vật chất")
                })
            XCTAssertTrue(row.contains("class=\"tt-hang-do\""), row)
            XCTAssertTrue(row.contains("<span class=\"badge tt-do\">Quá hạn</span>"), row)
            XCTAssertTrue(row.contains("quá hạn 5 ngày"), row)
            XCTAssertTrue(row.contains("Minh họa"), "the demo's progress is labelled")
            XCTAssertFalse(page.body.contains("Ổn định tổ chức bộ máy"), "only its own office's tasks")
            let firstRow = page.body.components(separatedBy: "<tbody>").dropFirst().first ?? ""
            XCTAssertTrue(
                firstRow.prefix(600).contains("Chuẩn bị tốt các điều kiện"), "the most urgent first")

            // The schedule reminds the lead office on the fifth day overdue? No: the day after, then every 3 days
            // (1, 4, 7…); on the 5th day nothing; on 4 December it did.
            let context = try XCTUnwrap(web.app.storage[WebKey.self])
            let fifthDay = try await Reminders.runTaskSchedule(web: context)
            XCTAssertEqual(fifthDay, 0)
        }
        try await WebHarness.with(self, today: CivilDate(2017, 12, 4)) { web in
            let context = try XCTUnwrap(web.app.storage[WebKey.self])
            let reminded = try await Reminders.runTaskSchedule(web: context)
            XCTAssertEqual(reminded, 2, "the education office's reporter and head")
            let again = try await Reminders.runTaskSchedule(web: context)
            XCTAssertEqual(again, 0, "once a day")
            let notices = try await web.get("/thong-bao", as: try await web.login("gddt.duyet"))
            XCTAssertTrue(
                notices.body.contains("giao Phòng Giáo dục và Đào tạo chủ trì, hạn 30/11/2017 (đã quá hạn 4 ngày)"),
                notices.body)
        }
    }

    func testTheAPIListsTasksWithTheirComputedStatus() async throws {
        try await WebHarness.with(self, today: CivilDate(2018, 1, 2)) { web in
            let compiler = try await web.login("tonghop")
            let all = try await web.get("/api/v1/tasks?source=bao_cao", as: compiler)
            XCTAssertEqual(all.status, .ok, all.body)
            let tasks = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(all.body.utf8))
            XCTAssertEqual(tasks.count, 27)
            let statuses = Dictionary(grouping: tasks, by: { $0["status"]?.string ?? "-" }).mapValues(\.count)
            XCTAssertEqual(statuses["hoan_thanh_dung_han"], 22)
            XCTAssertEqual(statuses["hoan_thanh_qua_han"], 1)
            XCTAssertEqual(statuses["qua_han"], 3, "two due 31/12/2017 and the one due 30/11")
            let overdue = try await web.get("/api/v1/tasks?status=qua_han&unit=304-GDDT", as: compiler)
            let one = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(overdue.body.utf8))
            XCTAssertEqual(one.count, 1)
            XCTAssertEqual(one.first?["status_words"]?.string, "quá hạn 33 ngày")
            XCTAssertEqual(one.first?["lead_unit"]?.string, "304-GDDT")
            // An office sees only what concerns it; without an account, nothing.
            let office = try await web.get("/api/v1/tasks", as: try await web.login("tp.baocao"))
            let theirs = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(office.body.utf8))
            XCTAssertFalse(theirs.isEmpty)
            XCTAssertTrue(
                theirs.allSatisfy { task in
                    guard case .array(let helpers)? = task["co_units"] else { return false }
                    return task["lead_unit"]?.string == "304-TP" || helpers.contains { $0.string == "304-TP" }
                }, "its own and those it helps with (the programme's)")
            let programme = try await web.get("/api/v1/tasks?source=chuong_trinh", as: compiler)
            let items = try JSONDecoder().decode([[String: JSONValue]].self, from: Data(programme.body.utf8))
            XCTAssertEqual(items.count, 24)
            let anonymous = try await web.get("/api/v1/tasks")
            XCTAssertEqual(anonymous.status, .unauthorized)
        }
    }
}

extension TasksWebTests {
    func testTheListGoesToAMeetingAsAWorkbookFilteredAndMostUrgentFirst() async throws {
        try await WebHarness.with(self, today: CivilDate(2017, 12, 5)) { web in
            let compiler = try await web.login("tonghop")
            var bytes = Data()
            try await web.app.test(.GET, "/nhiem-vu/xlsx?xem=da-giao&nguon=bao_cao", headers: compiler.headers) {
                res async throws in
                XCTAssertEqual(res.status, .ok)
                XCTAssertEqual(
                    res.headers.contentType?.subType, "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                bytes = Data(res.body.readableBytesView)
            }
            let rows = try XlsxReader.rows(bytes)
            XCTAssertEqual(rows[0].cells.first, "DANH SÁCH NHIỆM VỤ — NHIỆM VỤ ĐÃ GIAO")
            XCTAssertEqual(
                rows[2].cells,
                ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Hạn", "Tình trạng", "Tiến độ", "Nguồn"])
            XCTAssertEqual(rows.count, 3 + 27, "title, subtitle, headings, the report's 27 tasks (not the programme)")
            XCTAssertTrue(rows[3].cells[1].hasPrefix("Chuẩn bị tốt các điều kiện cơ sở vật chất"), "overdue first")
            XCTAssertEqual(rows[3].cells[5], "Quá hạn, quá hạn 5 ngày")
            let page = try await web.get("/nhiem-vu?xem=da-giao&nguon=bao_cao", as: compiler)
            XCTAssertTrue(
                page.body.contains("href=\"/nhiem-vu/xlsx?xem=da-giao&amp;nguon=bao_cao\""), "the same filters")
        }
    }
}

/// A JSON value, for reading responses without their types.
enum JSONValue: Decodable {
    case string(String), number(Double), bool(Bool), null, array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    var string: String? { if case .string(let s) = self { return s } else { return nil } }
}
