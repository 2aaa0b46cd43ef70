import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// A test application on a fresh demo database with the demo accounts, and helpers to act as one of them.
final class WebHarness: @unchecked Sendable {  // immutable after start
    let app: Application
    let store: Store
    let today: CivilDate

    /// A logged-in browser: its cookie and the form token of its session.
    struct Session {
        var cookie: String
        var csrf: String
        var headers: HTTPHeaders { ["Cookie": cookie] }
    }

    static let password = DemoAccounts.password

    init(app: Application, store: Store, today: CivilDate) {
        self.app = app; self.store = store; self.today = today
    }

    static func start(
        for test: XCTestCase, calendar: String? = nil, today: CivilDate = CivilDate(2017, 6, 20), reform: Bool = false,
        smtp: SMTPSettings? = nil
    )
        async throws -> WebHarness
    {
        let store = try await StoreHarness.fresh(demo: true, for: test)
        if reform { try await DemoData.loadReform(store) }
        if let calendar {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: calendar), by: "test", store: store)
        }
        try await DemoAccounts.loadIfMissing(store: store, bcryptCost: 4)
        let app = try await Application.make(.testing)
        var settings = WebSettings(bcryptCost: 4, pdfAtPublish: false, today: { today })
        settings.smtp = smtp
        settings.publicURL = "https://baocao.example"
        configure(app, store: store, settings: settings)
        return WebHarness(app: app, store: store, today: today)
    }

    func shutdown() async throws { try await app.asyncShutdown() }

    /// Runs `body` and shuts the application down whatever happens.
    static func with(
        _ test: XCTestCase, calendar: String? = nil, reform: Bool = false, today: CivilDate = CivilDate(2017, 6, 20),
        smtp: SMTPSettings? = nil, _ body: (WebHarness) async throws -> Void
    ) async throws {
        let web = try await start(for: test, calendar: calendar, today: today, reform: reform, smtp: smtp)
        do { try await body(web) } catch {
            try await web.shutdown(); throw error
        }
        try await web.shutdown()
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    /// The login form as a browser gets it: the pre-login cookie and the form's token.
    func loginForm() async throws -> (cookie: String, token: String) {
        var preCookie = "", preToken = ""
        try await app.test(.GET, "/dang-nhap") { res async throws in
            preToken = WebHarness.token(in: res.body.string) ?? ""
            preCookie =
                "\(FormProtection.loginCookie)=\(res.headers.setCookie?[FormProtection.loginCookie]?.string ?? "")"
        }
        return (preCookie, preToken)
    }

    /// One login attempt through the real form; its status goes to `status`, its page is returned.
    func loginAttempt(_ name: String, _ password: String, status: (HTTPStatus) -> Void) async throws -> String {
        let (cookie, token) = try await loginForm()
        var body = ""
        try await app.test(
            .POST, "/dang-nhap", headers: ["Cookie": cookie],
            beforeRequest: { req in
                try req.content.encode(["_csrf": token, "ten": name, "mat_khau": password], as: .urlEncodedForm)
            }
        ) { res async throws in
            status(res.status)
            body = res.body.string
        }
        return body
    }

    func login(_ username: String, password: String = WebHarness.password) async throws -> Session {
        let (preCookie, preToken) = try await loginForm()
        var cookie = ""
        try await app.test(
            .POST, "/dang-nhap", headers: ["Cookie": preCookie],
            beforeRequest: { req in
                try req.content.encode(
                    ["_csrf": preToken, "ten": username, "mat_khau": password], as: .urlEncodedForm)
            }
        ) { res async throws in
            XCTAssertEqual(res.status, .seeOther, "login of \(username): \(res.body.string.prefix(300))")
            cookie = "\(SessionCookie.name)=\(res.headers.setCookie?[SessionCookie.name]?.string ?? "")"
        }
        var csrf = ""
        try await app.test(.GET, "/tai-khoan/mat-khau", headers: ["Cookie": cookie]) { res async throws in
            csrf = WebHarness.token(in: res.body.string) ?? ""
        }
        XCTAssertFalse(csrf.isEmpty)
        return Session(cookie: cookie, csrf: csrf)
    }

    @discardableResult
    func get(
        _ path: String, as session: Session? = nil
    ) async throws -> (status: HTTPStatus, body: String, headers: HTTPHeaders) {
        var result: (HTTPStatus, String, HTTPHeaders) = (.ok, "", [:])
        try await app.test(.GET, path, headers: session?.headers ?? [:]) { res async throws in
            result = (res.status, res.body.string, res.headers)
        }
        return result
    }

    /// Posts a form; the session's token is added unless `csrf` says otherwise.
    @discardableResult
    func post(
        _ path: String, _ form: [String: String], as session: Session?, csrf: String? = nil
    ) async throws
        -> (status: HTTPStatus, body: String, headers: HTTPHeaders)
    {
        var fields = form
        fields["_csrf"] = csrf ?? session?.csrf ?? ""
        var result: (HTTPStatus, String, HTTPHeaders) = (.ok, "", [:])
        try await app.test(
            .POST, path, headers: session?.headers ?? [:],
            beforeRequest: { req in try req.content.encode(fields, as: .urlEncodedForm) }
        ) { res async throws in
            result = (res.status, res.body.string, res.headers)
        }
        return result
    }

    /// A second account with `role` over `unit`, as an administrator would create it.
    func account(_ username: String, _ role: Role, on unit: String) async throws {
        let id = try await unitID(unit)
        let hash = try Bcrypt.hash(WebHarness.password, cost: 4)
        _ = try await AccountRepository.create(
            username: username, displayName: username, passwordHash: hash, grants: [RoleGrant(role: role, unitID: id)],
            store.sql)
    }

    /// The fields the page's POST form to `action` would send as it stands: inputs (checkboxes and radios only when
    /// checked), the selected option of each select, the text of each textarea.
    static func formFields(in html: String, action: String) -> [String: String] {
        guard let start = html.range(of: "method=\"post\" action=\"\(action)\""),
            let end = html.range(of: "</form>", range: start.upperBound..<html.endIndex)
        else { return [:] }
        let form = String(html[start.upperBound..<end.lowerBound])
        func attribute(_ name: String, _ tag: String) -> String? {
            guard let r = tag.range(of: " \(name)=\"") else { return nil }
            return unescape(String(tag[r.upperBound...].prefix { $0 != "\"" }))
        }
        var fields: [String: String] = [:]
        for piece in form.components(separatedBy: "<input ").dropFirst() {
            let tag = " " + piece.prefix { $0 != ">" }
            guard let name = attribute("name", tag) else { continue }
            let type = attribute("type", tag) ?? "text"
            if (type == "checkbox" || type == "radio") && !tag.contains(" checked") { continue }
            if type == "submit" { continue }
            fields[name] = attribute("value", tag) ?? ""
        }
        for piece in form.components(separatedBy: "<select ").dropFirst() {
            let tag = " " + piece.prefix { $0 != ">" }
            guard let name = attribute("name", tag), let close = piece.range(of: "</select>") else { continue }
            let options = piece[..<close.lowerBound].components(separatedBy: "<option ").dropFirst()
            let chosen = options.first { $0.contains(" selected") } ?? options.first
            fields[name] = chosen.flatMap { attribute("value", " " + $0.prefix { $0 != ">" }) } ?? ""
        }
        for piece in form.components(separatedBy: "<textarea ").dropFirst() {
            let tag = " " + piece.prefix { $0 != ">" }
            guard let name = attribute("name", tag), let open = piece.firstIndex(of: ">"),
                let close = piece.range(of: "</textarea>")
            else { continue }
            fields[name] = unescape(String(piece[piece.index(after: open)..<close.lowerBound]))
        }
        return fields
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    func unitID(_ code: String) async throws -> Int {
        let tree = try await UnitTree.load(store.sql)
        return try XCTUnwrap(tree.byCode[code]?.id)
    }

    func storedValue(_ indicator: String, unit: String, period: String = "2017-H1") async throws -> StoredValue? {
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let id = try await unitID(unit)
        let values = try await FigureEntry.stored(unitID: id, period: try Period(code: period), store.sql)
        return values[try XCTUnwrap(catalogue.idByCode[indicator])]
    }

    func status(_ unit: String, period: String = "2017-H1") async throws -> SubmissionStatus {
        let id = try await unitID(unit)
        return try await SubmissionRepository.submission(unitID: id, period: try Period(code: period), store.sql).status
    }
}
