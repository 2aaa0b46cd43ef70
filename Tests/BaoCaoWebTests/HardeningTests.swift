import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import BaoCaoTestSupport
import NIOCore
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// The findings of the hostile review (issue 9), each reproduced: redirects after login, parallel and shared-address
/// logins, separation of duties, orphan accounts, the audit log's scope, the full-origin check, the signed login
/// token, the password policy, limits on stored text, the login page for protected pages.
final class HardeningTests: XCTestCase {
    // MARK: Redirects after login

    func testLoginFollowsOnlyLocalPathsWithoutControlCharacters() async throws {
        XCTAssertEqual(LocalPath.safe("/nhap-lieu?unit=304&period=2017-H1"), "/nhap-lieu?unit=304&period=2017-H1")
        for hostile in [
            "/\nSet-Cookie: pwn=1", "/\r\nLocation: //evil", "/\t/other-host/x", "//evil.example", "/\\evil.example",
            "https://evil.example", "/ /evil", "evil", "/\u{85}x", "/\u{2028}x",
        ] {
            XCTAssertNil(LocalPath.safe(hostile), hostile.debugDescription)
        }
        try await WebHarness.with(self) { web in
            let page = try await web.get("/dang-nhap?tiep=%2F%0ASet-Cookie:%20pwn=1")
            XCTAssertTrue(page.body.contains("name=\"tiep\" value=\"\""), "the injected target is not carried")
            for (target, expected) in [
                ("/\nSet-Cookie: pwn=1", "/"), ("/\t/other-host/x", "/"),
                ("/theo-doi?period=2017-H1", "/theo-doi?period=2017-H1"),
            ] {
                let (cookie, token) = try await web.loginForm()
                try await web.app.test(
                    .POST, "/dang-nhap", headers: ["Cookie": cookie],
                    beforeRequest: { req in
                        try req.content.encode(
                            ["_csrf": token, "ten": "tonghop", "mat_khau": WebHarness.password, "tiep": target],
                            as: .urlEncodedForm)
                    }
                ) { res async throws in
                    XCTAssertEqual(res.status, .seeOther)
                    XCTAssertEqual(res.headers.first(name: .location), expected)
                    XCTAssertNil(res.headers.setCookie?["pwn"])
                }
            }
        }
    }

    // MARK: Login throttling

    func testParallelWrongPasswordsAllCountAndNeverFail() async throws {
        try await WebHarness.with(self) { web in
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<40 {
                    group.addTask {
                        let (cookie, token) = try await web.loginForm()
                        var status: HTTPStatus = .ok
                        try await web.app.test(
                            .POST, "/dang-nhap", headers: ["Cookie": cookie],
                            beforeRequest: { req in
                                try req.content.encode(
                                    ["_csrf": token, "ten": "tonghop", "mat_khau": "sai-mat-khau-\(UUID())"],
                                    as: .urlEncodedForm)
                            }
                        ) { res async throws in status = res.status }
                        return status
                    }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            XCTAssertEqual(statuses.count, 40)
            XCTAssertTrue(statuses.allSatisfy { $0 == .unauthorized || $0 == .tooManyRequests }, "\(statuses)")
            XCTAssertLessThanOrEqual(
                statuses.filter { $0 == .unauthorized }.count, LoginThrottle.freePerPair,
                "only the free attempts reach the password check, however parallel")
        }
    }

    func testACorrectPasswordFromABusyAddressIsNotPunishedForOthers() async throws {
        try await WebHarness.with(self) { web in
            var status: HTTPStatus = .ok
            for _ in 0..<5 {
                _ = try await web.loginAttempt("tonghop", "sai-mat-khau") { status = $0 }
            }
            XCTAssertEqual(status, .tooManyRequests, "the guessed account is slowed")
            _ = try await web.loginAttempt("lanhdao", WebHarness.password) { status = $0 }
            XCTAssertEqual(status, .seeOther, "a colleague behind the same address logs in")
        }
        // Many failures from one address slow unknown accounts there, not those that logged in from it before.
        let clock = TestClock()
        let throttle = LoginThrottle(now: { clock.now })
        let (_, known) = await throttle.begin(name: "lanhdao", address: "10.0.0.1")
        await throttle.succeeded(known)
        for i in 0..<(LoginThrottle.freePerAddress + 5) {
            _ = await throttle.begin(name: "ten\(i)", address: "10.0.0.1")
        }
        let stranger = await throttle.begin(name: "moi", address: "10.0.0.1")
        XCTAssertGreaterThan(stranger.wait, 0, "an address trying many accounts is slowed")
        let colleague = await throttle.begin(name: "lanhdao", address: "10.0.0.1")
        XCTAssertEqual(colleague.wait, 0, "an account known at that address is not")
    }

    func testAnUnknownNameCostsAPasswordCheckLikeAWrongPassword() async throws {
        try await WebHarness.with(self) { web in
            func checks() async throws -> Int {
                let metrics = try await web.get("/metrics").body
                let line = metrics.split(separator: "\n").first { $0.hasPrefix("baocao_password_checks_total ") }
                return Int(line?.split(separator: " ").last ?? "0") ?? 0
            }
            let before = try await checks()
            var status: HTTPStatus = .ok
            _ = try await web.loginAttempt("khong-co-ai", "mat-khau-bat-ky-1") { status = $0 }
            XCTAssertEqual(status, .unauthorized)
            let after = try await checks()
            XCTAssertGreaterThanOrEqual(after - before, 1, "the decoy hash is checked: no shortcut for a wrong name")
        }
    }

    func testTheClientAddressComesFromForwardedForOnlyThroughATrustedProxy() async throws {
        try await WebHarness.with(self) { web in
            web.app.storage[TrustedProxies.Key.self] = TrustedProxies(addresses: ["127.0.0.1"])
            func request(from peer: String, forwarded: String?) throws -> Request {
                var headers: HTTPHeaders = [:]
                if let forwarded { headers.add(name: .xForwardedFor, value: forwarded) }
                return Request(
                    application: web.app, headers: headers, remoteAddress: try SocketAddress(ipAddress: peer, port: 1),
                    on: web.app.eventLoopGroup.next())
            }
            XCTAssertEqual(try request(from: "127.0.0.1", forwarded: "203.0.113.7").clientAddress, "203.0.113.7")
            XCTAssertEqual(
                try request(from: "127.0.0.1", forwarded: "1.2.3.4, 203.0.113.7").clientAddress, "203.0.113.7",
                "the hop the proxy saw, not what the client wrote before it")
            XCTAssertEqual(try request(from: "198.51.100.2", forwarded: "203.0.113.7").clientAddress, "198.51.100.2")
            XCTAssertEqual(try request(from: "127.0.0.1", forwarded: nil).clientAddress, "127.0.0.1")
        }
    }

    // MARK: Hashing and PDF on pools of their own

    func testSlowWorkRunsAFewAtATimeAndAFloodIsToldBusy() async throws {
        let work = BoundedWork(name: "thử", threads: 1, queue: 1)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    do {
                        return try await work.run {
                            usleep(300_000); return "xong"
                        }
                    } catch is BoundedWork.Busy { return "bận" } catch { return "lỗi" }
                }
            }
            return await group.reduce(into: [String]()) { $0.append($1) }
        }
        XCTAssertEqual(outcomes.filter { $0 == "xong" }.count, 2, "\(outcomes)")
        XCTAssertEqual(outcomes.filter { $0 == "bận" }.count, 2, "\(outcomes)")
        try await work.shutdown()
    }

    func testOneDocumentIsConvertedOnceHoweverManyAskAtOnce() async throws {
        let work = BoundedWork(name: "tạo tệp PDF", threads: 2, queue: 8)
        let calls = Counter()
        let making = PDFMaking(pool: work) { docx in
            calls.add()
            usleep(200_000)
            return docx + Data("-pdf".utf8)
        }
        let results = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0..<8 { group.addTask { try await making.pdf(of: Data("a".utf8), key: "cong-bo-1") } }
            return try await group.reduce(into: [Data]()) { $0.append($1) }
        }
        XCTAssertEqual(Set(results), [Data("a-pdf".utf8)])
        XCTAssertEqual(calls.value, 1)
        // Without LibreOffice, every one waiting is told so (503), not only the first.
        let missing = PDFMaking(pool: work) { _ in
            usleep(100_000)
            throw PDFConverter.Unavailable()
        }
        let statuses = await withTaskGroup(of: HTTPStatus?.self) { group in
            for _ in 0..<3 {
                group.addTask {
                    do {
                        _ = try await missing.pdf(of: Data("a".utf8), key: "cong-bo-2")
                        return nil
                    } catch { return (error as? any AbortError)?.status }
                }
            }
            return await group.reduce(into: [HTTPStatus?]()) { $0.append($1) }
        }
        XCTAssertEqual(statuses, [.serviceUnavailable, .serviceUnavailable, .serviceUnavailable])
        try await work.shutdown()
    }

    // MARK: Separation of duties

    func testNobodyApprovesFiguresTheyEnteredOrSubmitted() async throws {
        try await WebHarness.with(self) { web in
            // A ward official holding both roles, as an office administrator might have made them.
            try await web.account("maychai.hai", .reporter, on: "304-P01")
            let found = try await AccountRepository.find(username: "maychai.hai", web.store.sql)
            let ward = try await web.unitID("304-P01")
            try await AccountRepository.addGrant(
                accountID: try XCTUnwrap(found).id, RoleGrant(role: .approver, unitID: ward), web.store.sql)
            let both = try await web.login("maychai.hai")
            var form = WorkflowTests.form
            form["v_THU_NS_PHUONG"] = "2.134,5"
            form["v_HKD_MOI_PHUONG"] = "31"
            form["buoc"] = "gui"
            let sent = try await web.post("/nhap-lieu", form, as: both)
            XCTAssertEqual(sent.status, .seeOther)
            let own = try await web.post("/duyet", WorkflowTests.form.merging(["buoc": "duyet"]) { $1 }, as: both)
            XCTAssertEqual(own.status, .conflict)
            XCTAssertTrue(own.body.contains("không tự duyệt được"))
            var status = try await web.status("304-P01")
            XCTAssertEqual(status, .submitted)

            // The district's administrator holds every right, but entered a figure of this cycle: refused too.
            let returned = try await web.post(
                "/duyet", WorkflowTests.form.merging(["buoc": "tra_lai", "ly_do": "Kiểm tra lại"]) { $1 },
                as: try await web.login("maychai.duyet"))
            XCTAssertEqual(returned.status, .seeOther)
            let admin = try await web.login("quantri")
            form["v_HKD_MOI_PHUONG"] = "32"
            form["buoc"] = "gui"
            _ = try await web.post("/nhap-lieu", form, as: admin)
            let adminApproves = try await web.post(
                "/duyet", WorkflowTests.form.merging(["buoc": "duyet"]) { $1 }, as: admin)
            XCTAssertEqual(adminApproves.status, .conflict)

            // Another person approves.
            let other = try await web.post(
                "/duyet", WorkflowTests.form.merging(["buoc": "duyet"]) { $1 }, as: try await web.login("maychai.duyet")
            )
            XCTAssertEqual(other.status, .seeOther)
            status = try await web.status("304-P01")
            XCTAssertEqual(status, .approved)
        }
    }

    func testALocalityMayAllowApprovingOnesOwnFigures() async throws {
        try await WebHarness.with(self) { web in
            try await LocalitySettings.set(
                SeparationOfDuties.setting, to: SeparationOfDuties.allowed, unitID: try await web.unitID("304-P01"),
                by: "test", web.store.sql)
            let admin = try await web.login("quantri")
            var form = WorkflowTests.form
            form["v_THU_NS_PHUONG"] = "2.134,5"
            form["v_HKD_MOI_PHUONG"] = "31"
            form["buoc"] = "gui"
            _ = try await web.post("/nhap-lieu", form, as: admin)
            let approved = try await web.post("/duyet", WorkflowTests.form.merging(["buoc": "duyet"]) { $1 }, as: admin)
            XCTAssertEqual(approved.status, .seeOther)
            let status = try await web.status("304-P01")
            XCTAssertEqual(status, .approved)
        }
    }

    // MARK: Accounts

    func testAnAccountWithoutRolesStillBelongsToItsUnit() async throws {
        try await WebHarness.with(self) { web in
            for (name, unit) in [("qt.maychai", "304-P01"), ("qt.maydo", "304-P02")] {
                try await web.account(name, .administrator, on: unit)
            }
            let ownAdmin = try await web.login("qt.maychai")
            let removed = try await web.post(
                "/quan-tri/tai-khoan/vai-tro",
                ["ten": "maychai.baocao", "vai_tro": "bao_cao_vien", "don_vi": "304-P01", "buoc": "bo"], as: ownAdmin)
            XCTAssertEqual(removed.status, .ok)
            let found = try await AccountRepository.find(username: "maychai.baocao", web.store.sql)
            let orphan = try XCTUnwrap(found)
            XCTAssertTrue(orphan.grants.isEmpty)

            let otherAdmin = try await web.login("qt.maydo")
            let takeover = try await web.post(
                "/quan-tri/tai-khoan/mat-khau", ["ten": "maychai.baocao", "mat_khau": "chiem-quyen-tai-khoan-9"],
                as: otherAdmin)
            XCTAssertEqual(takeover.status, .forbidden)
            let grant = try await web.post(
                "/quan-tri/tai-khoan/vai-tro",
                ["ten": "maychai.baocao", "vai_tro": "bao_cao_vien", "don_vi": "304-P02", "buoc": "them"],
                as: otherAdmin)
            XCTAssertEqual(grant.status, .forbidden)
            let listing = try await web.get("/quan-tri/tai-khoan", as: otherAdmin)
            XCTAssertFalse(listing.body.contains("maychai.baocao"))
            // Its own ward's administrator still manages it.
            let back = try await web.post(
                "/quan-tri/tai-khoan/vai-tro",
                ["ten": "maychai.baocao", "vai_tro": "bao_cao_vien", "don_vi": "304-P01", "buoc": "them"], as: ownAdmin)
            XCTAssertEqual(back.status, .ok)
        }
    }

    func testEachAdministratorReadsTheSecurityEventsOfTheirOwnUnits() async throws {
        try await WebHarness.with(self) { web in
            try await web.account("qt.maychai", .administrator, on: "304-P01")
            // A refusal on ward Máy Tơ, and a forged form from a visitor.
            let reporter = try await web.login("maychai.baocao")
            _ = try await web.get("/nhap-lieu?unit=304-P02&period=2017-H1", as: reporter)
            _ = try await web.post("/nhap-lieu", ["unit": "304-P01"], as: nil, csrf: "gia-mao")
            // A refusal inside Máy Chai.
            let mayto = try await web.login("mayto.baocao")
            _ = try await web.get("/nhap-lieu?unit=304-P01&period=2017-H1", as: mayto)

            let ward = try await web.get("/quan-tri/nhat-ky", as: try await web.login("qt.maychai"))
            XCTAssertEqual(ward.status, .ok)
            XCTAssertTrue(ward.body.contains("304-P01: không được phép"))
            XCTAssertFalse(ward.body.contains("304-P02: không được phép"), "another ward's events are not its")
            XCTAssertFalse(ward.body.contains("biểu mẫu thiếu hoặc sai"), "visitors' events are for the top")
            let district = try await web.get("/quan-tri/nhat-ky", as: try await web.login("quantri"))
            XCTAssertTrue(district.body.contains("304-P02: không được phép"))
            XCTAssertTrue(district.body.contains("biểu mẫu thiếu hoặc sai"))
        }
    }

    // MARK: Forms

    func testAnotherPortOrSchemeOfThisHostIsAnotherOrigin() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            for (origin, expected) in [
                ("http://localhost:9999", HTTPStatus.forbidden), ("https://localhost:8080", .forbidden),
                ("http://localhost:8080", .seeOther), ("null", .forbidden),
            ] {
                var headers = reporter.headers
                headers.replaceOrAdd(name: .host, value: "localhost:8080")
                headers.add(name: .origin, value: origin)
                try await web.app.test(
                    .POST, "/nhap-lieu", headers: headers,
                    beforeRequest: { req in
                        try req.content.encode(
                            ["_csrf": reporter.csrf, "unit": "304-P01", "period": "2017-H1", "buoc": "luu"],
                            as: .urlEncodedForm)
                    }
                ) { res async throws in XCTAssertEqual(res.status, expected, origin) }
            }
        }
    }

    func testTheLoginFormTakesOnlyATokenTheServerSigned() async throws {
        try await WebHarness.with(self) { web in
            for (cookie, token) in [
                ("abc", "abc"), ("\(String(repeating: "a", count: 32)).00", "\(String(repeating: "a", count: 32)).00"),
            ] {
                try await web.app.test(
                    .POST, "/dang-nhap", headers: ["Cookie": "\(FormProtection.loginCookie)=\(cookie)"],
                    beforeRequest: { req in
                        try req.content.encode(
                            ["_csrf": token, "ten": "tonghop", "mat_khau": WebHarness.password], as: .urlEncodedForm)
                    }
                ) { res async throws in XCTAssertEqual(res.status, .forbidden) }
            }
            _ = try await web.login("tonghop")
        }
    }

    func testPasswordsMustNotBeCommonOrPatterns() async throws {
        for weak in [
            "aaaaaaaaaa", "abababababab", "1234567890", "qwertyuiop", "matkhau123", "Matkhau@2025", "Haiphong123!",
            "password1234", "tonghop-2025-x", "ngan",
        ] {
            XCTAssertNotNil(PasswordPolicy.problem(weak, username: "tonghop"), weak)
        }
        for good in ["mưa-thu-hà-nội-7", "Cầu Rào 2 lúc 7 giờ", "xk7#pq2!vb9z"] {
            XCTAssertNil(PasswordPolicy.problem(good, username: "tonghop"), good)
        }
        try await WebHarness.with(self) { web in
            let compiler = try await web.login("tonghop")
            let weak = try await web.post(
                "/tai-khoan/mat-khau", ["cu": WebHarness.password, "moi": "aaaaaaaaaa", "nhac_lai": "aaaaaaaaaa"],
                as: compiler)
            XCTAssertEqual(weak.status, .unprocessableEntity)
            XCTAssertTrue(weak.body.contains("quá đơn giản"))
        }
    }

    func testLongTextIsRefusedAndNothingIsStored() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            var form = WorkflowTests.form
            form["buoc"] = "luu"
            form["v_THU_NS_PHUONG"] = "2.134,5"
            form["n_THU_NS_PHUONG"] = String(repeating: "x", count: 100_000)
            let refused = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(refused.status, .unprocessableEntity)
            XCTAssertTrue(refused.body.contains("Ghi chú dài 100.000 ký tự; tối đa 2.000 ký tự"))
            let stored = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01")
            XCTAssertNil(stored)
        }
        XCTAssertNotNil(Code.problem("../../etc/passwd"))
        XCTAssertNotNil(Code.problem(".."))
        XCTAssertNil(Code.problem("ngo-quyen-2017-h1"))
    }

    func testATemplateCodeCannotBeAPath() async throws {
        let store = try await StoreHarness.fresh(demo: true, for: self)
        do {
            try await ReportTemplateRepository.save(
                code: "../../etc/passwd", name: "x", body: "# Mẫu\n", by: "test", store: store)
            XCTFail("a path was accepted as a template code")
        } catch let problems as ImportProblems {
            XCTAssertTrue(problems.description.contains("chỉ được gồm chữ không dấu"), problems.description)
        }
        let codes = try await ReportTemplateRepository.codes(store.sql).map(\.code)
        XCTAssertFalse(codes.contains("../../etc/passwd"))
    }

    // MARK: Protected pages

    func testEveryPageForAccountsSendsAVisitorToLogIn() async throws {
        try await WebHarness.with(self) { web in
            for path in [
                "/theo-doi", "/nhap-lieu", "/lich-su", "/soan-bao-cao", "/soan-bao-cao/muc", "/tong-quan",
                "/tong-quan/chi-tieu", "/quan-tri/nhat-ky", "/quan-tri/tai-khoan", "/quan-tri/quy-tac",
                "/tai-khoan/mat-khau", "/bao-cao/ngo-quyen-2017-h1",
            ] {
                let page = try await web.get(path)
                XCTAssertEqual(page.status, .seeOther, path)
                XCTAssertTrue(
                    page.headers.first(name: .location)?.hasPrefix("/dang-nhap?tiep=") == true, path)
            }
            let api = try await web.get("/api/v1/figures")
            XCTAssertEqual(api.status, .unauthorized)
        }
    }
}

/// Counts calls from several threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
