import BaoCaoDomain
import BaoCaoStorage
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// The reporting cycle through the web application: entry, submission, return, approval, lock, reopening; the
/// tracker; the report workspace; dashboards.
final class WorkflowTests: XCTestCase {
    static let form = ["unit": "304-P01", "period": "2017-H1"]

    func testEntrySubmitReturnApproveLockAndReopen() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            let approver = try await web.login("maychai.duyet")
            var form = Self.form
            form["buoc"] = "luu"
            form["v_THU_NS_PHUONG"] = "2.134,5"
            form["s_THU_NS_PHUONG"] = "chinh_thuc"
            form["q_THU_NS_PHUONG"] = "hon"
            form["n_THU_NS_PHUONG"] = "Số của Chi cục Thuế"
            form["v_HKD_MOI_PHUONG"] = "12,5,3"
            let refused = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(
                refused.body.contains("Số &quot;12,5,3&quot; không hợp lệ: có nhiều hơn một dấu phẩy thập phân"))
            XCTAssertTrue(refused.body.contains("value=\"2.134,5\""), "what was typed comes back")
            var nothing = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01")
            XCTAssertNil(nothing, "nothing is saved when one cell is wrong")

            form["v_HKD_MOI_PHUONG"] = "31"
            let saved = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(saved.status, .seeOther)
            let value = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01")
            XCTAssertEqual(value?.observation.value, Amount(plain: "2134.5"))
            XCTAssertEqual(value?.observation.status, .final)
            XCTAssertEqual(value?.observation.qualifier, .more)
            XCTAssertEqual(value?.note, "Số của Chi cục Thuế")
            XCTAssertEqual(value?.updatedBy, "maychai.baocao")
            var status = try await web.status("304-P01")
            XCTAssertEqual(status, .draft)
            let page = try await web.get("/nhap-lieu?unit=304-P01&period=2017-H1", as: reporter)
            XCTAssertTrue(page.body.contains("50,82% kế hoạch"), "server's % of target: 2.134,5 / 4.200")
            XCTAssertTrue(page.body.contains("tăng 15,38% so với cùng kỳ"), "2.134,5 against 1.850")

            form["buoc"] = "gui"
            _ = try await web.post("/nhap-lieu", form, as: reporter)
            status = try await web.status("304-P01")
            XCTAssertEqual(status, .submitted)
            form["buoc"] = "luu"
            form["v_HKD_MOI_PHUONG"] = "40"
            let locked = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(locked.status, .conflict)
            XCTAssertTrue(locked.body.contains("đang chờ duyệt"))

            let noReason = try await web.post("/duyet", Self.form.merging(["buoc": "tra_lai"]) { $1 }, as: approver)
            XCTAssertEqual(noReason.status, .conflict)
            XCTAssertTrue(noReason.body.contains("Cần ghi lý do trả lại"))
            _ = try await web.post(
                "/duyet", Self.form.merging(["buoc": "tra_lai", "ly_do": "Số hộ chưa khớp sổ"]) { $1 }, as: approver)
            status = try await web.status("304-P01")
            XCTAssertEqual(status, .returned)
            let back = try await web.get("/nhap-lieu?unit=304-P01&period=2017-H1", as: reporter)
            XCTAssertTrue(back.body.contains("Số hộ chưa khớp sổ"))

            form["v_HKD_MOI_PHUONG"] = "29"
            form["buoc"] = "gui"
            _ = try await web.post("/nhap-lieu", form, as: reporter)
            _ = try await web.post("/duyet", Self.form.merging(["buoc": "duyet"]) { $1 }, as: approver)
            status = try await web.status("304-P01")
            XCTAssertEqual(status, .approved)
            form["buoc"] = "luu"
            form["v_HKD_MOI_PHUONG"] = "30"
            let afterApproval = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(afterApproval.status, .conflict)
            nothing = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(nothing?.observation.value, Amount(29), "approved data is locked")

            let history = try await web.get(
                "/lich-su?unit=304-P01&period=2017-H1&indicator=HKD_MOI_PHUONG", as: reporter)
            XCTAssertTrue(history.body.contains("<td>Cán bộ thống kê phường Máy Chai</td>"), "by full name")
            XCTAssertFalse(history.body.contains("maychai.baocao"), "not by login")
            XCTAssertTrue(history.body.contains(">31 <") && history.body.contains(">29 <"), "old → new")

            let reporterCannotReopen = try await web.post(
                "/duyet", Self.form.merging(["buoc": "mo_lai"]) { $1 }, as: reporter)
            XCTAssertEqual(reporterCannotReopen.status, .forbidden)
            _ = try await web.post("/duyet", Self.form.merging(["buoc": "mo_lai"]) { $1 }, as: approver)
            status = try await web.status("304-P01")
            XCTAssertEqual(status, .draft)
            let reopened = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(reopened.status, .seeOther)
        }
    }

    func testAReporterDeletesAStoredValueAndTheDistrictSumFollows() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            let other = try await web.login("mayto.baocao")
            _ = try await web.post(
                "/nhap-lieu", Self.form.merging(["buoc": "luu", "v_HKD_MOI_PHUONG": "12"]) { $1 }, as: reporter)
            _ = try await web.post(
                "/nhap-lieu", ["unit": "304-P02", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "5"],
                as: other)
            func districtFigure() async throws -> Amount? {
                let catalogue = try await IndicatorRepository.catalogue(web.store.sql)
                let id = try await web.unitID("304")
                return try await FigureQuery.figures(
                    unitID: id, period: .firstMonths(2017, 6), catalogue: catalogue, view: .working, web.store.sql
                ).first { $0.indicator.code == "HKD_MOI_PHUONG" }?.current?.value
            }
            var sum = try await districtFigure()
            XCTAssertEqual(sum, Amount(17))
            let emptied = try await web.post(
                "/nhap-lieu", Self.form.merging(["buoc": "luu", "v_HKD_MOI_PHUONG": ""]) { $1 }, as: reporter)
            XCTAssertEqual(emptied.status, .unprocessableEntity, "an emptied cell deletes nothing by accident")
            let deleted = try await web.post(
                "/nhap-lieu",
                Self.form.merging(["buoc": "luu", "v_HKD_MOI_PHUONG": "", "x_HKD_MOI_PHUONG": "1"]) { $1 },
                as: reporter)
            XCTAssertEqual(deleted.status, .seeOther)
            let gone = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertNil(gone)
            sum = try await districtFigure()
            XCTAssertEqual(sum, Amount(5), "the live sum follows the deletion")
            _ = try await web.post(
                "/nhap-lieu",
                [
                    "unit": "304-P02", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "",
                    "x_HKD_MOI_PHUONG": "1",
                ],
                as: other)
            sum = try await districtFigure()
            XCTAssertNil(sum, "no ward reports it any more: missing, not zero")
            let history = try await web.get(
                "/lich-su?unit=304-P01&period=2017-H1&indicator=HKD_MOI_PHUONG", as: reporter)
            XCTAssertTrue(history.body.contains(">12 <") && history.body.contains(">— <"), "12 → deleted")
        }
    }

    func testTrackerShowsWhereEachUnitStandsAndWhoIsLate() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            let sent = try await web.post(
                "/nhap-lieu",
                Self.form.merging([
                    "buoc": "gui", "v_HKD_MOI_PHUONG": "30",
                ]) { $1 }, as: reporter)
            XCTAssertEqual(sent.status, .seeOther)
            let compiler = try await web.login("tonghop")
            let home = try await web.get("/", as: compiler)
            XCTAssertTrue(home.headers.first(name: .location)?.hasPrefix("/theo-doi") == true, "compiler's home")
            let all = try await web.get("/theo-doi?unit=304&period=2017-H1", as: compiler)
            XCTAssertTrue(all.body.contains("Hạn nộp theo lịch báo cáo: <strong>16/06/2017</strong>"))
            let rows = all.body.components(separatedBy: "<tr>")
            let mayChai = try XCTUnwrap(rows.first { $0.contains("phường Máy Chai") })
            XCTAssertTrue(mayChai.contains("Đã gửi, chờ duyệt") && !mayChai.contains("Quá hạn"))
            let mayTo = try XCTUnwrap(rows.first { $0.contains("phường Máy Tơ") })
            XCTAssertTrue(mayTo.contains("Chưa bắt đầu") && mayTo.contains("Quá hạn"), "20/06 is past 16/06")
            let office = try XCTUnwrap(rows.first { $0.contains("Phòng Tài chính - Kế hoạch") })
            XCTAssertTrue(office.contains("Đã duyệt"))
            XCTAssertTrue(all.body.contains("quá hạn chưa nộp: 12 đơn vị."), "the 12 wards not started")

            let submitted = try await web.get("/theo-doi?unit=304&period=2017-H1&status=da_gui", as: compiler)
            XCTAssertTrue(submitted.body.contains("phường Máy Chai"))
            XCTAssertFalse(submitted.body.contains("phường Máy Tơ"))
            let late = try await web.get("/theo-doi?unit=304&period=2017-H1&late=1&kind=xa", as: compiler)
            XCTAssertFalse(late.body.contains("phường Máy Chai"))
            XCTAssertTrue(late.body.contains("phường Máy Tơ"))
            XCTAssertFalse(late.body.contains("Phòng Tài chính"))
        }
    }

    func testEachRoleStartsWhereItWorks() async throws {
        try await WebHarness.with(self) { web in
            let starts = [
                "tonghop": "/theo-doi?unit=304&period=2017-H1", "quantri": "/theo-doi?unit=304&period=2017-H1",
                "lanhdao": "/tong-quan?unit=304&period=2017-H1", "maychai.baocao": "/nhap-lieu?period=2017-H1",
                "pheduyet": "/theo-doi?unit=304&period=2017-H1&status=da_gui",
                "maychai.duyet": "/nhap-lieu?unit=304-P01&period=2017-H1",
                "tckh.duyet": "/nhap-lieu?unit=304-TCKH&period=2017-H1",
            ]
            for (account, start) in starts.sorted(by: { $0.key < $1.key }) {
                let session = try await web.login(account)
                let home = try await web.get("/", as: session)
                XCTAssertEqual(home.headers.first(name: .location), start, account)
                let page = try await web.get(start, as: session)
                XCTAssertEqual(page.status, .ok, "\(account) can open its start page")
            }
            // A ward's head follows the ward itself on the tracker.
            let head = try await web.login("maychai.duyet")
            let tracker = try await web.get("/theo-doi?unit=304-P01&period=2017-H1", as: head)
            XCTAssertTrue(tracker.body.contains("phường Máy Chai") && tracker.body.contains("Chưa bắt đầu"))
        }
    }

    func testWorkspaceAssignsSectionsOfficesWriteAndTheCompilerPublishes() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let overview = try await web.get("/soan-bao-cao?unit=304&period=2017-H1", as: compiler)
            XCTAssertTrue(overview.body.contains("20/20 mục đã xong"), "the reference report was finished")
            XCTAssertTrue(
                overview.body.contains("PHẦN 1: KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ KINH TẾ - XÃ HỘI 6 THÁNG ĐẦU NĂM 2017"))
            let base = ["template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-H1"]
            let assigned = try await web.post(
                "/soan-bao-cao/giao", base.merging(["section": "muc-3", "office": "304-TCKH"]) { $1 }, as: compiler)
            XCTAssertEqual(assigned.status, .seeOther)

            let other = try await web.login("vhtt.baocao")
            let refused = try await web.get(
                "/soan-bao-cao/muc?template=ngo-quyen-6-thang&unit=304&period=2017-H1&section=muc-3", as: other)
            XCTAssertEqual(refused.status, .forbidden)

            let office = try await web.login("tckh.baocao")
            let editor = try await web.get(
                "/soan-bao-cao/muc?template=ngo-quyen-6-thang&unit=304&period=2017-H1&section=muc-3", as: office)
            XCTAssertEqual(editor.status, .ok)
            XCTAssertTrue(editor.body.contains("{GTSX_CN.sentence}"), "starts from the template's wording")
            XCTAssertTrue(
                editor.body.contains("<option value=\"{THU_NSNN.sentence}\" title=\"THU_NSNN\">"), "the picker")
            let narrative = "Kinh tế quận tiếp tục phát triển ổn định."
            let inserted = try await web.post(
                "/soan-bao-cao/muc",
                base.merging(["section": "muc-3", "noi_dung": narrative, "buoc": "chen", "chen": "{THU_NSNN.sentence}"])
                { $1 }, as: office)
            XCTAssertTrue(inserted.body.contains("Kinh tế quận tiếp tục phát triển ổn định. {THU_NSNN.sentence}"))
            XCTAssertTrue(
                inserted.body.contains("Xem trước")
                    && inserted.body.contains(
                        "ổn định. <span class=\"chip\" title=\"{THU_NSNN.sentence}\">Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng"
                    ),
                "the editor shows what the placeholder will say")
            let bad = try await web.post(
                "/soan-bao-cao/muc",
                base.merging(["section": "muc-3", "noi_dung": "{KHONG_CO.value}", "buoc": "luu"]) { $1 },
                as: office)
            XCTAssertEqual(bad.status, .unprocessableEntity)
            XCTAssertTrue(bad.body.contains("Chỉ tiêu &quot;KHONG_CO&quot; không có trong danh mục"))
            _ = try await web.post(
                "/soan-bao-cao/muc",
                base.merging([
                    "section": "muc-3", "noi_dung": narrative + " {THU_NSNN.sentence}.", "buoc": "luu", "xong": "1",
                ]) { $1 }, as: office)

            let progress = try await web.get("/soan-bao-cao?unit=304&period=2017-H1", as: compiler)
            XCTAssertTrue(progress.body.contains("20/20 mục đã xong"))
            XCTAssertTrue(progress.body.contains("selected>Phòng Tài chính - Kế hoạch"))
            let preview = try await web.get("/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1", as: compiler)
            XCTAssertTrue(
                preview.body.contains(
                    "Kinh tế quận tiếp tục phát triển ổn định. Tổng thu ngân sách nhà nước ước đạt 553 tỷ 100 triệu đồng"
                ))
            XCTAssertFalse(preview.body.contains("Kết quả thực hiện chỉ tiêu kinh tế:"), "the section was replaced")

            let unknown = try await web.get("/soan-bao-cao?template=khong-co&unit=304&period=2017-H1", as: compiler)
            XCTAssertEqual(unknown.status, .notFound)
            XCTAssertTrue(unknown.body.contains("Không có mẫu báo cáo &quot;khong-co&quot;"))
            try await ReportTemplateRepository.save(
                code: "quy", name: "Báo cáo quý", body: "# I. KẾT QUẢ\n{GTSX_CN.sentence}.\n", by: "test",
                store: web.store)
            let withOther = try await web.get("/soan-bao-cao?unit=304&period=2017-H1", as: compiler)
            XCTAssertTrue(withOther.body.contains("template=quy&amp;unit=304&amp;period=2017-H1\">Báo cáo quý</a>"))
            let officeCannotPublish = try await web.post("/soan-bao-cao/cong-bo", base, as: office)
            XCTAssertEqual(officeCannotPublish.status, .forbidden)
            let published = try await web.post(
                "/soan-bao-cao/cong-bo", base.merging(["ly_do": "Bản thử của văn phòng"]) { $1 }, as: compiler)
            XCTAssertEqual(published.status, .seeOther)
            let district = try await web.unitID("304")
            let list = try await PublicationRepository.list(unitID: district, web.store.sql)
            XCTAssertEqual(list.count, 2)
            XCTAssertEqual(list[0].version, 2)
            let newest = try await web.get("/cong-khai/ban/\(list[0].id)")
            XCTAssertTrue(newest.body.contains("Kinh tế quận tiếp tục phát triển ổn định."))
        }
    }

    func testAWardsReporterWritesTheWardsOwnReportOnly() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            let own = try await web.post(
                "/soan-bao-cao/muc",
                [
                    "template": "ngo-quyen-6-thang", "unit": "304-P01", "period": "2017-H1", "section": "muc-3",
                    "noi_dung": "Phường hoàn thành kế hoạch thu.", "buoc": "luu",
                ], as: reporter)
            XCTAssertEqual(own.status, .ok)
            XCTAssertTrue(own.body.contains("Đã lưu mục"))
            let district = try await web.post(
                "/soan-bao-cao/muc",
                [
                    "template": "ngo-quyen-6-thang", "unit": "304", "period": "2017-H1", "section": "muc-3",
                    "noi_dung": "Không được.", "buoc": "luu",
                ], as: reporter)
            XCTAssertEqual(district.status, .forbidden)
            let neighbour = try await web.login("mayto.baocao")
            let other = try await web.get(
                "/soan-bao-cao/muc?template=ngo-quyen-6-thang&unit=304-P01&period=2017-H1&section=muc-3", as: neighbour)
            XCTAssertEqual(other.status, .forbidden)
        }
    }

    func testDashboardColoursByPaceAndDrillsDown() async throws {
        try await WebHarness.with(self) { web in
            let leader = try await web.login("lanhdao")
            let home = try await web.get("/", as: leader)
            XCTAssertTrue(home.headers.first(name: .location)?.hasPrefix("/tong-quan") == true, "leader's home")
            let page = try await web.get("/tong-quan?unit=304&period=2017-H1", as: leader)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("<svg class=\"chart\""))
            let rows = page.body.components(separatedBy: "<tr>")
            let industry = try XCTUnwrap(rows.first { $0.contains("indicator=GTSX_CN&amp;view=chinh-thuc\">") })
            XCTAssertTrue(industry.contains("50,10% kế hoạch") && industry.contains("Đạt tiến độ"), "50,10% ≥ 50%")
            let fieldOnly = try await web.get("/tong-quan?unit=304&period=2017-H1&field=van_hoa_xa_hoi", as: leader)
            XCTAssertFalse(fieldOnly.body.contains("Giá trị sản xuất công nghiệp trên địa bàn"))

            XCTAssertTrue(page.body.contains("<strong>Số liệu chính thức</strong>: chỉ gồm số liệu đã được duyệt"))

            let reporter = try await web.login("maychai.baocao")
            _ = try await web.post(
                "/nhap-lieu", Self.form.merging(["buoc": "luu", "v_HKD_MOI_PHUONG": "12"]) { $1 }, as: reporter)
            // The leader's dashboard is official: the ward's draft is not in it.
            let official = try await web.get(
                "/tong-quan/chi-tieu?unit=304&period=2017-H1&indicator=HKD_MOI_PHUONG", as: leader)
            let officialWard = try XCTUnwrap(
                official.body.components(separatedBy: "<tr>").first { $0.contains("phường Máy Chai") })
            XCTAssertFalse(officialWard.contains(">12"), "a draft never reaches the official view")
            XCTAssertTrue(officialWard.contains("Đang nhập"), "where the ward stands in the cycle")
            // The working view has it, marked, and the district's sum says how many wards it holds.
            let drill = try await web.get(
                "/tong-quan/chi-tieu?unit=304&period=2017-H1&indicator=HKD_MOI_PHUONG&view=lam-viec", as: leader)
            let ward = try XCTUnwrap(
                drill.body.components(separatedBy: "<tr>").first { $0.contains("phường Máy Chai") })
            XCTAssertTrue(ward.contains(">12 (ước) <span") && ward.contains("chưa duyệt"), ward)
            XCTAssertTrue(ward.contains("20% kế hoạch"), "12 of 60")
            XCTAssertTrue(
                drill.body.contains(
                    "<tspan x=\"60\" dy=\"0\">6 tháng đầu năm</tspan><tspan x=\"60\" dy=\"1.2em\">2014</tspan>")
                    && drill.body.contains(">2017</tspan>"), "trend over four years, its axis in words")
            XCTAssertFalse(drill.body.contains(">2014-H1<"), "no period code on the axis")
            XCTAssertTrue(drill.body.contains("(mới có số liệu của 1/13 phường, 1 phường chưa duyệt)"), "the sentence")
            let district = try await web.get("/tong-quan?unit=304&period=2017-H1&view=lam-viec", as: leader)
            let row = try XCTUnwrap(
                district.body.components(separatedBy: "<tr>").first { $0.contains("indicator=HKD_MOI_PHUONG&amp;") })
            XCTAssertTrue(
                row.contains("1/13 phường") && row.contains("(1 chưa duyệt)") && row.contains("Chưa đủ số liệu"))
            XCTAssertTrue(row.contains("chưa đủ số liệu"), "no % of the district's target for one ward's figure")
        }
    }

    /// Who may do what where, stated cell by cell: role (demo account) × unit × action, through the HTTP routes.
    func testRoleUnitActionMatrix() async throws {
        try await WebHarness.with(self) { web in
            enum Act: String, CaseIterable { case read, enter, approve, assemble }
            // true = allowed (any answer but 403), false = 403.
            let expected: [String: [String: [Act: Bool]]] = [
                "maychai.baocao": [
                    "304-P01": [.read: true, .enter: true, .approve: false, .assemble: false],
                    "304-P02": [.read: false, .enter: false, .approve: false, .assemble: false],
                    "304-TCKH": [.read: false, .enter: false, .approve: false, .assemble: false],
                    "304": [.read: false, .enter: false, .approve: false, .assemble: false],
                ],
                "maychai.duyet": [
                    "304-P01": [.read: true, .enter: false, .approve: true, .assemble: false],
                    "304-P02": [.read: false, .enter: false, .approve: false, .assemble: false],
                    "304-TCKH": [.read: false, .enter: false, .approve: false, .assemble: false],
                    "304": [.read: false, .enter: false, .approve: false, .assemble: false],
                ],
                "tckh.baocao": [
                    "304-P01": [.read: false, .enter: false, .approve: false, .assemble: false],
                    "304-TCKH": [.read: true, .enter: true, .approve: false, .assemble: false],
                    "304": [.read: false, .enter: false, .approve: false, .assemble: false],
                ],
                "tonghop": [
                    "304-P01": [.read: true, .enter: false, .approve: false, .assemble: true],
                    "304-TCKH": [.read: true, .enter: false, .approve: false, .assemble: true],
                    "304": [.read: true, .enter: false, .approve: false, .assemble: true],
                ],
                "lanhdao": [
                    "304-P01": [.read: true, .enter: false, .approve: false, .assemble: false],
                    "304": [.read: true, .enter: false, .approve: false, .assemble: false],
                ],
                "pheduyet": [
                    "304-P02": [.read: true, .enter: false, .approve: true, .assemble: false],
                    "304-TCKH": [.read: true, .enter: false, .approve: true, .assemble: false],
                ],
                "quantri": [
                    "304-P02": [.read: true, .enter: true, .approve: true, .assemble: true],
                    "304": [.read: true, .enter: true, .approve: true, .assemble: true],
                ],
            ]
            for (account, units) in expected.sorted(by: { $0.key < $1.key }) {
                let session = try await web.login(account)
                for (unit, acts) in units.sorted(by: { $0.key < $1.key }) {
                    for act in Act.allCases {
                        let status: HTTPStatus
                        switch act {
                        case .read:
                            status = try await web.get("/nhap-lieu?unit=\(unit)&period=2017-H1", as: session).status
                        case .enter:
                            status = try await web.post(
                                "/nhap-lieu", ["unit": unit, "period": "2017-H1", "buoc": "luu"], as: session
                            ).status
                        case .approve:
                            status = try await web.post(
                                "/duyet", ["unit": unit, "period": "2017-H1", "buoc": "duyet"], as: session
                            ).status
                        case .assemble:
                            // The workspace of a unit's locality: publishing is the compiler's act.
                            let locality = unit == "304" ? "304" : unit
                            status = try await web.post(
                                "/soan-bao-cao/giao",
                                [
                                    "template": "ngo-quyen-6-thang", "unit": locality, "period": "2017-H1",
                                    "section": "muc-1",
                                ],
                                as: session
                            ).status
                        }
                        let allowed = try XCTUnwrap(acts[act])
                        XCTAssertEqual(
                            status != .forbidden, allowed, "\(account) \(act.rawValue) \(unit): HTTP \(status.code)")
                    }
                }
            }
        }
    }
}
