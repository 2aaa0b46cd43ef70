import BaoCaoDomain
import BaoCaoStorage
import NIOCore
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// The safety rules of the web application: form tokens, escaping, refusals that are logged, slowed logins,
/// security headers and session cookies.
final class SecurityTests: XCTestCase {
    func testAFormWithoutItsTokenIsRefusedAndWritesNothing() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            let form = ["unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "31"]
            let forged = try await web.post("/nhap-lieu", form, as: reporter, csrf: "")
            XCTAssertEqual(forged.status, .forbidden)
            let wrong = try await web.post("/nhap-lieu", form, as: reporter, csrf: String(repeating: "0", count: 64))
            XCTAssertEqual(wrong.status, .forbidden)
            let stored = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertNil(stored)
            let refusals = try await AuditLog.recent(web.store.sql).filter { $0.event == "csrf" }
            XCTAssertEqual(refusals.count, 2)
            // The same form with the session's token goes through.
            let real = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(real.status, .seeOther)
            let saved = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(saved?.observation.value, Amount(31))
        }
    }

    func testACrossSiteOriginIsRefusedEvenWithTheToken() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            var headers = reporter.headers
            headers.add(name: .origin, value: "https://evil.example")
            try await web.app.test(
                .POST, "/nhap-lieu", headers: headers,
                beforeRequest: { req in
                    try req.content.encode(
                        ["_csrf": reporter.csrf, "unit": "304-P01", "period": "2017-H1", "v_HKD_MOI_PHUONG": "1"],
                        as: .urlEncodedForm)
                }
            ) { res async throws in XCTAssertEqual(res.status, .forbidden) }
        }
    }

    func testNarrativeAndNotesAreEscaped() async throws {
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let attack = "Kết quả <script>alert('x')</script> tốt"
            let saved = try await web.post(
                "/soan-bao-cao/muc",
                ["unit": "304", "period": "2017-H1", "section": "muc-3", "noi_dung": attack, "buoc": "luu"],
                as: compiler)
            XCTAssertEqual(saved.status, .ok)
            XCTAssertFalse(saved.body.contains("<script>alert"))
            XCTAssertTrue(saved.body.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            let preview = try await web.get("/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1", as: compiler)
            XCTAssertFalse(preview.body.contains("<script>alert"))
            XCTAssertTrue(preview.body.contains("&lt;script&gt;"))

            let reporter = try await web.login("maychai.baocao")
            _ = try await web.post(
                "/nhap-lieu",
                [
                    "unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "3",
                    "n_HKD_MOI_PHUONG": "\"><img src=x onerror=alert(1)>",
                ], as: reporter)
            let page = try await web.get("/nhap-lieu?unit=304-P01&period=2017-H1", as: reporter)
            XCTAssertFalse(page.body.contains("<img src=x"))
            XCTAssertTrue(page.body.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        }
    }

    func testReadingOrWritingAnotherUnitsDraftIsRefusedAndLogged() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            let read = try await web.get("/nhap-lieu?unit=304-P02&period=2017-H1", as: reporter)
            XCTAssertEqual(read.status, .forbidden)
            XCTAssertTrue(read.body.contains("không có quyền"))
            let write = try await web.post(
                "/nhap-lieu", ["unit": "304-P02", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "9"],
                as: reporter)
            XCTAssertEqual(write.status, .forbidden)
            let stored = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P02")
            XCTAssertNil(stored)
            let api = try await web.get("/api/v1/figures?unit=304-P02&period=2017-H1", as: reporter)
            XCTAssertEqual(api.status, .forbidden)
            let log = try await AuditLog.recent(web.store.sql).filter { $0.event == "tu_choi" }
            XCTAssertEqual(log.count, 3)
            XCTAssertTrue(log.allSatisfy { $0.account == "maychai.baocao" && $0.detail.contains("304-P02") })
            // Administrators read the log in the browser; nobody else does.
            let denied = try await web.get("/quan-tri/nhat-ky", as: reporter)
            XCTAssertEqual(denied.status, .forbidden)
            let admin = try await web.login("quantri")
            let page = try await web.get("/quan-tri/nhat-ky", as: admin)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(
                page.body.contains("Từ chối truy cập")
                    && page.body.contains("nhập số liệu trên 304-P02: không được phép"))
        }
    }

    func testVisitorsNeverReachLiveFiguresOrDrafts() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            _ = try await web.post(
                "/nhap-lieu", ["unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_THU_NS_PHUONG": "2.134,5"],
                as: reporter)
            let entry = try await web.get("/nhap-lieu?unit=304-P01&period=2017-H1")
            XCTAssertEqual(entry.status, .seeOther)
            XCTAssertTrue(entry.headers.first(name: .location)?.hasPrefix("/dang-nhap?tiep=") == true)
            let api = try await web.get("/api/v1/figures?unit=304&period=2017-H1")
            XCTAssertEqual(api.status, .unauthorized)
            let live = try await web.get("/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=docx")
            XCTAssertEqual(live.status, .seeOther)
            let page = try await web.get("/cong-khai/304")
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("Báo cáo tình hình kinh tế - xã hội 6 tháng đầu năm 2017"))
            XCTAssertTrue(page.body.contains("Giá trị sản xuất công nghiệp trên địa bàn"))
            XCTAssertFalse(page.body.contains("2.134,5"), "the draft figure must not reach the public page")
            let district = try await web.unitID("304")
            let publications = try await PublicationRepository.list(unitID: district, web.store.sql)
            let published = try XCTUnwrap(publications.first)
            let report = try await web.get("/cong-khai/ban/\(published.id)")
            XCTAssertEqual(report.status, .ok)
            XCTAssertFalse(report.body.contains("2.134,5"))
            XCTAssertFalse(report.body.contains("Thu ngân sách nhà nước trên địa bàn phường"))
        }
    }

    func testRepeatedFailedLoginsAreSlowed() async throws {
        try await WebHarness.with(self) { web in
            for _ in 0..<3 {
                var failed: HTTPStatus = .ok
                _ = try await web.loginAttempt("tonghop", "sai-mat-khau") { failed = $0 }
                XCTAssertEqual(failed, .unauthorized)
            }
            // The fourth attempt, even with the right password, must wait.
            var status: HTTPStatus = .ok
            let body = try await web.loginAttempt("tonghop", WebHarness.password) { status = $0 }
            XCTAssertEqual(status, .tooManyRequests)
            XCTAssertTrue(body.contains("Vui lòng thử lại sau"))
            let log = try await AuditLog.recent(web.store.sql)
            XCTAssertEqual(log.filter { $0.event == "dang_nhap_sai" }.count, 3)
            XCTAssertEqual(log.filter { $0.event == "dang_nhap_cham" }.count, 1)
        }
    }

    func testTheThrottleDoublesTheWaitAndForgetsAfterSuccess() async {
        let clock = TestClock()
        let throttle = LoginThrottle(now: { clock.now })
        for _ in 0..<3 { _ = await throttle.begin(name: "a", address: "1") }
        var (wait, attempt) = await throttle.begin(name: "a", address: "1")
        XCTAssertEqual(wait, 1)
        clock.now += 1
        (wait, attempt) = await throttle.begin(name: "a", address: "1")
        XCTAssertEqual(wait, 0, "counted as the fourth failure")
        (wait, _) = await throttle.begin(name: "a", address: "1")
        XCTAssertEqual(wait, 2)
        await throttle.succeeded(attempt)
        (wait, _) = await throttle.begin(name: "a", address: "1")
        XCTAssertEqual(wait, 0, "a success clears the account's counts")
        for _ in 0..<3 { _ = await throttle.begin(name: "a", address: "1") }
        clock.now += 16 * 60
        (wait, _) = await throttle.begin(name: "a", address: "1")
        XCTAssertEqual(wait, 0, "forgotten after the window")
    }

    func testSecurityHeadersAndSessionCookie() async throws {
        try await WebHarness.with(self) { web in
            let page = try await web.get("/dang-nhap")
            let csp = page.headers.first(name: "Content-Security-Policy") ?? ""
            XCTAssertTrue(csp.contains("script-src 'self'"))
            XCTAssertTrue(csp.contains("frame-ancestors 'none'"))
            XCTAssertEqual(page.headers.first(name: "X-Content-Type-Options"), "nosniff")
            XCTAssertEqual(page.headers.first(name: "X-Frame-Options"), "DENY")
            XCTAssertEqual(page.headers.first(name: "Referrer-Policy"), "same-origin")

            var token = ""
            try await web.app.test(.GET, "/dang-nhap", headers: ["Host": "baocao.ngoquyen.gov.vn"]) {
                res async throws in
                token = WebHarness.token(in: res.body.string) ?? ""
                XCTAssertEqual(res.headers.first(name: "Strict-Transport-Security"), "max-age=31536000")
            }
            try await web.app.test(
                .POST, "/dang-nhap",
                headers: ["Host": "baocao.ngoquyen.gov.vn", "Cookie": "\(FormProtection.loginCookie)=\(token)"],
                beforeRequest: { req in
                    try req.content.encode(
                        ["_csrf": token, "ten": "tonghop", "mat_khau": WebHarness.password], as: .urlEncodedForm)
                }
            ) { res async throws in
                XCTAssertEqual(res.status, .seeOther)
                let cookie = try XCTUnwrap(res.headers.setCookie?[SessionCookie.name])
                XCTAssertTrue(cookie.isSecure, "secure outside this machine")
                XCTAssertTrue(cookie.isHTTPOnly)
                XCTAssertEqual(cookie.sameSite, .lax)
            }
        }
    }

    func testCookiesAreSecureWheneverTheBrowserCameOverHTTPS() async throws {
        try await WebHarness.with(self) { web in
            let cases: [(HTTPHeaders, Bool)] = [
                (["Host": "baocao.ngoquyen.gov.vn"], true),
                (["Host": "baocao.ngoquyen.gov.vn:443"], true),
                (["Host": "10.0.0.5:8080", "X-Forwarded-Proto": "https"], true),
                (["Host": "baocao.ngoquyen.gov.vn", "X-Forwarded-Proto": "http"], false),
                (["Host": "127.0.0.1:8080"], false),
                (["Host": "192.168.1.20:8080"], false),
                (["Host": "localhost:8080"], false),
                (["Host": "[::1]:8080"], false),
            ]
            // Only a trusted proxy may say the browser came over HTTPS.
            web.app.storage[TrustedProxies.Key.self] = TrustedProxies(addresses: ["127.0.0.1"])
            let proxy = try SocketAddress(ipAddress: "127.0.0.1", port: 40000)
            let stranger = try SocketAddress(ipAddress: "10.9.9.9", port: 40000)
            let forged = Request(
                application: web.app, headers: ["Host": "10.0.0.5:8080", "X-Forwarded-Proto": "https"],
                remoteAddress: stranger, on: web.app.eventLoopGroup.next())
            XCTAssertFalse(SessionCookie.isHTTPS(forged), "X-Forwarded-Proto from anyone else is ignored")
            for (headers, secure) in cases {
                let req = Request(
                    application: web.app, headers: headers, remoteAddress: proxy, on: web.app.eventLoopGroup.next())
                XCTAssertEqual(SessionCookie.isHTTPS(req), secure, "\(headers)")
                XCTAssertEqual(SessionCookie.cookie("x", for: req, maxAge: 1).isSecure, secure)
            }
        }
    }

    func testLogoutEndsTheSessionAndPasswordsChange() async throws {
        try await WebHarness.with(self) { web in
            let leader = try await web.login("lanhdao")
            let weak = try await web.post(
                "/tai-khoan/mat-khau", ["cu": WebHarness.password, "moi": "ngan", "nhac_lai": "ngan"], as: leader)
            XCTAssertEqual(weak.status, .unprocessableEntity)
            XCTAssertTrue(weak.body.contains("ít nhất 10 ký tự"))
            let changed = try await web.post(
                "/tai-khoan/mat-khau",
                ["cu": WebHarness.password, "moi": "mua-phun-cau-rao-26", "nhac_lai": "mua-phun-cau-rao-26"], as: leader
            )
            XCTAssertEqual(changed.status, .ok)
            XCTAssertTrue(changed.body.contains("Đã đổi mật khẩu"))
            let account = try await AccountRepository.find(username: "lanhdao", web.store.sql)
            XCTAssertTrue(account?.passwordHash.hasPrefix("$2") == true, "bcrypt, never the password")
            let again = try await web.login("lanhdao", password: "mua-phun-cau-rao-26")
            // Switching accounts without logging out: the login form of a logged-in page carries the session's token.
            let loginPage = try await web.get("/dang-nhap", as: again)
            XCTAssertEqual(WebHarness.token(in: loginPage.body), again.csrf)
            let switched = try await web.post(
                "/dang-nhap", ["ten": "tonghop", "mat_khau": WebHarness.password], as: again)
            XCTAssertEqual(switched.status, .seeOther)
            let gone = try await web.get("/tong-quan?unit=304", as: again)
            XCTAssertEqual(gone.status, .seeOther, "the session switched from is ended")
            let out = try await web.post("/dang-xuat", [:], as: leader)
            XCTAssertEqual(out.status, .seeOther)
            let after = try await web.get("/tong-quan?unit=304", as: leader)
            XCTAssertEqual(after.status, .seeOther, "the old cookie opens nothing")
        }
    }
}

final class TestClock: @unchecked Sendable {
    var now: Double = 1_000_000
}

final class AccountAdminTests: XCTestCase {
    func testAccountsCreatedOutsideTheBrowserAreCheckedAndCanLogIn() async throws {
        try await WebHarness.with(self) { web in
            func create(_ name: String, _ password: String, _ roles: [(role: String, unit: String)]) async -> String? {
                do {
                    try await AccountAdmin.create(
                        username: name, displayName: "Nguyễn Văn A", password: password, roles: roles, store: web.store,
                        hash: AccountAdmin.bcrypt(cost: 4))
                    return nil
                } catch { return "\(error)" }
            }
            let badRole = await create("nva", "mat-khau-du-dai", [("thu_ky", "304")])
            XCTAssertEqual(
                badRole,
                "Vai trò \"thu_ky\" không có; chọn một trong: quan_tri, bao_cao_vien, phe_duyet, tong_hop, lanh_dao")
            let badUnit = await create("nva", "mat-khau-du-dai", [("tong_hop", "999")])
            XCTAssertEqual(badUnit, "Không có đơn vị \"999\"")
            let short = await create("nva", "ngan", [("tong_hop", "304")])
            XCTAssertEqual(short, "Mật khẩu cần ít nhất 10 ký tự")
            let taken = await create("TongHop", "mat-khau-du-dai", [("tong_hop", "304")])
            XCTAssertEqual(taken, "Tài khoản \"tonghop\" đã có")
            let made = await create("NVA", "mat-khau-du-dai", [("bao_cao_vien", "304-P03")])
            XCTAssertNil(made)
            let session = try await web.login("nva", password: "mat-khau-du-dai")
            let own = try await web.get("/nhap-lieu?unit=304-P03&period=2017-H1", as: session)
            XCTAssertEqual(own.status, .ok)
            let listing = try await AccountAdmin.listing(store: web.store)
            XCTAssertTrue(listing.contains("nva\tNguyễn Văn A\tbao_cao_vien@304-P03"))
        }
    }
}

final class DemoAccountTests: XCTestCase {
    func testTheStartUpMessageListsDemoLoginsOnlyWhileTheyStillOpen() async throws {
        try await WebHarness.with(self) { web in
            var open = try await DemoAccounts.stillOpen(store: web.store)
            XCTAssertEqual(open.count, 4 + 14 * 2 + 2 * 2, "district roles, every office's pair, two wards' pairs")
            let admin = try await web.login("quantri")
            _ = try await web.post(
                "/tai-khoan/mat-khau",
                ["cu": WebHarness.password, "moi": "mat-khau-rieng-2026", "nhac_lai": "mat-khau-rieng-2026"], as: admin)
            open = try await DemoAccounts.stillOpen(store: web.store)
            XCTAssertEqual(open.count, 0, "a changed password is never printed as the demo's")
            let again = try await DemoAccounts.loadIfMissing(store: web.store, bcryptCost: 4)
            XCTAssertTrue(again.isEmpty, "accounts exist: nothing is added")
        }
    }
}

final class AccountsPageTests: XCTestCase {
    func testAnAdministratorManagesTheAccountsOfItsScopeOnly() async throws {
        try await WebHarness.with(self) { web in
            let admin = try await web.login("quantri")
            let page = try await web.get("/quan-tri/tai-khoan", as: admin)
            XCTAssertEqual(page.status, .ok)
            XCTAssertTrue(page.body.contains("maychai.baocao") && page.body.contains("tonghop"))
            let created = try await web.post(
                "/quan-tri/tai-khoan",
                [
                    "ten": "nv.moi", "hien_thi": "Nguyễn Văn Mới", "mat_khau": "mat-khau-ban-dau",
                    "vai_tro": "bao_cao_vien",
                    "don_vi": "304-P05",
                ], as: admin)
            XCTAssertTrue(created.body.contains("Đã tạo tài khoản nv.moi"))
            let newcomer = try await web.login("nv.moi", password: "mat-khau-ban-dau")
            let form = try await web.get("/nhap-lieu?unit=304-P05&period=2017-H1", as: newcomer)
            XCTAssertEqual(form.status, .ok)
            let short = try await web.post(
                "/quan-tri/tai-khoan",
                ["ten": "x", "hien_thi": "X", "mat_khau": "ngan", "vai_tro": "bao_cao_vien", "don_vi": "304-P05"],
                as: admin)
            XCTAssertEqual(short.status, .unprocessableEntity)
            XCTAssertTrue(short.body.contains("Mật khẩu cần ít nhất 10 ký tự"))

            _ = try await web.post(
                "/quan-tri/tai-khoan/vai-tro",
                ["ten": "nv.moi", "vai_tro": "phe_duyet", "don_vi": "304-P05", "buoc": "them"],
                as: admin)
            _ = try await web.post(
                "/quan-tri/tai-khoan/vai-tro",
                ["ten": "nv.moi", "vai_tro": "bao_cao_vien", "don_vi": "304-P05", "buoc": "bo"],
                as: admin)
            let account = try await AccountRepository.find(username: "nv.moi", web.store.sql)
            let p05 = try await web.unitID("304-P05")
            XCTAssertEqual(account?.grants, [RoleGrant(role: .approver, unitID: p05)])
            let ended = try await web.get("/nhap-lieu?unit=304-P05&period=2017-H1", as: newcomer)
            XCTAssertEqual(ended.status, .seeOther, "a change of roles ends the account's sessions")

            let reset = try await web.post(
                "/quan-tri/tai-khoan/mat-khau", ["ten": "nv.moi", "mat_khau": "mat-khau-dat-lai"], as: admin)
            XCTAssertTrue(reset.body.contains("Đã đặt lại mật khẩu của nv.moi"))
            _ = try await web.login("nv.moi", password: "mat-khau-dat-lai")
            let selfRemoval = try await web.post(
                "/quan-tri/tai-khoan/vai-tro",
                ["ten": "quantri", "vai_tro": "quan_tri", "don_vi": "304", "buoc": "bo"],
                as: admin)
            XCTAssertEqual(selfRemoval.status, .conflict)

            // A ward's administrator: its own ward only.
            try await AccountAdmin.create(
                username: "qt.maychai", displayName: "Quản trị phường", password: "mat-khau-du-dai",
                roles: [(role: "quan_tri", unit: "304-P01")], store: web.store, hash: AccountAdmin.bcrypt(cost: 4))
            let wardAdmin = try await web.login("qt.maychai", password: "mat-khau-du-dai")
            let listing = try await web.get("/quan-tri/tai-khoan", as: wardAdmin)
            XCTAssertTrue(listing.body.contains("maychai.baocao"))
            XCTAssertFalse(listing.body.contains("tonghop"), "accounts of the district are not the ward's")
            let foreign = try await web.post(
                "/quan-tri/tai-khoan/mat-khau", ["ten": "tonghop", "mat_khau": "mat-khau-chiem-quyen"], as: wardAdmin)
            XCTAssertEqual(foreign.status, .forbidden)
            let upward = try await web.post(
                "/quan-tri/tai-khoan/vai-tro",
                ["ten": "maychai.baocao", "vai_tro": "tong_hop", "don_vi": "304", "buoc": "them"],
                as: wardAdmin)
            XCTAssertEqual(upward.status, .forbidden)
            let outsider = try await web.login("maychai.duyet")
            let refused = try await web.get("/quan-tri/tai-khoan", as: outsider)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }
}
