import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// A test application on a fresh demo database with the demo accounts, and helpers to act as one of them.
final class WebHarness {
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
        for test: XCTestCase, calendar: String? = nil, today: CivilDate = CivilDate(2017, 6, 20)
    )
        async throws -> WebHarness
    {
        let store = try await StoreHarness.fresh(demo: true, for: test)
        if let calendar {
            _ = try await DatasetImporter.run(try DatasetReader.read(csv: calendar), by: "test", store: store)
        }
        try await DemoAccounts.loadIfMissing(store: store, bcryptCost: 4)
        let app = try await Application.make(.testing)
        configure(app, store: store, settings: WebSettings(bcryptCost: 4, today: { today }))
        return WebHarness(app: app, store: store, today: today)
    }

    func shutdown() async throws { try await app.asyncShutdown() }

    /// Runs `body` and shuts the application down whatever happens.
    static func with(
        _ test: XCTestCase, calendar: String? = nil, _ body: (WebHarness) async throws -> Void
    ) async throws {
        let web = try await start(for: test, calendar: calendar)
        do { try await body(web) } catch {
            try await web.shutdown(); throw error
        }
        try await web.shutdown()
    }

    static func token(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        return String(html[range.upperBound...].prefix { $0 != "\"" })
    }

    func login(_ username: String, password: String = WebHarness.password) async throws -> Session {
        var preCookie = "", preToken = ""
        try await app.test(.GET, "/dang-nhap") { res async throws in
            preToken = WebHarness.token(in: res.body.string) ?? ""
            preCookie =
                "\(FormProtection.loginCookie)=\(res.headers.setCookie?[FormProtection.loginCookie]?.string ?? "")"
        }
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
