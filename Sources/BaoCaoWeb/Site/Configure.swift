import BaoCaoStorage
import Vapor

/// Registers BaoCao's middleware and routes on an application that uses `store`. Tests call it on a test application.
public func configure(_ app: Application, store: Store, settings: WebSettings = WebSettings()) {
    let pools = WorkPools.make()
    app.lifecycle.use(WorkPoolsLifecycle(pools: pools))
    app.storage[TrustedProxies.Key.self] = TrustedProxies(addresses: settings.trustedProxies)
    let web = Web(
        store: store, settings: settings, throttle: LoginThrottle(), pools: pools, keys: ServerKeys(store: store),
        pdfs: PDFMaking(pool: pools.pdf), reference: ReferenceData(store: store))
    app.storage[WebKey.self] = web
    if let interval = settings.reminderInterval { app.lifecycle.use(ReminderLoop(web: web, interval: interval)) }
    app.routes.defaultMaxBodySize = "1mb"
    _ = Monitoring.registry
    app.middleware = Middlewares()
    app.middleware.use(RequestLog())
    app.middleware.use(SecurityHeaders())
    app.middleware.use(VietnameseErrorMiddleware())
    app.middleware.use(SessionLoader(store: store))
    app.middleware.use(TokenLoader(store: store))
    app.middleware.use(FormProtection(store: store, keys: web.keys))
    let jsonEncoder = JSONEncoder()
    jsonEncoder.keyEncodingStrategy = .convertToSnakeCase
    jsonEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    ContentConfiguration.global.use(encoder: jsonEncoder, for: .json)

    app.get { try await HomePage.render($0, web) }
    app.get("healthz") { try await Monitoring.health($0, web) }
    app.get("metrics") { try await Monitoring.metrics($0, web) }
    app.get("tai-nguyen", "baocao.css") { _ in asset(Assets.css, type: "text/css; charset=utf-8") }
    app.get("tai-nguyen", "baocao.js") { _ in asset(Assets.js, type: "text/javascript; charset=utf-8") }
    AccountController.register(app, web)
    PublicController.register(app, web)
    PetitionsPublic.register(app, web)
    LetterLookup.register(app, web)
    // Everything else is for accounts: a visitor is sent to log in (the API answers 401) before any parameter is
    // looked at.
    let members = app.grouped(LoginGate())
    EntryController.register(members, web)
    FormWorkbookController.register(members, web)
    UploadController.register(members, web)
    HistoryController.register(members, web)
    TrackerController.register(members, web)
    ReminderController.register(members, web)
    TasksController.register(members, web)
    PetitionsController.register(members, web)
    CitizensController.register(members, web)
    WorkspaceController.register(members, web)
    DashboardController.register(members, web)
    AuditController.register(members, web)
    AccountsAdminController.register(members, web)
    APITokensController.register(members, web)
    RulesAdminController.register(members, web)
    ReorganisationsController.register(members, web)
    members.get("bao-cao", ":template") { try await ReportController.download($0, web) }
    let api = app.grouped("api", "v1")
    api.get("units") { try await APIController.units($0, store: store) }
    api.get("units", ":code") { try await APIController.unit($0, store: store) }
    api.get("indicators") { try await APIController.indicators($0, store: store) }
    api.get("periods", ":code") { try await APIController.period($0, store: store) }
    OpenAPIDocument.register(api)
    api.grouped(LoginGate()).get("figures") { try await APIController.figures($0, web) }
    api.grouped(LoginGate()).get("tasks") { try await TasksAPI.list($0, web) }
    api.grouped(LoginGate()).get("petitions") { try await PetitionsAPI.list($0, web) }
    DHIS2API.register(api.grouped(LoginGate()), web)
    SDMXAPI.register(api.grouped(LoginGate()), web)
    ValuesAPI.register(api.grouped(LoginGate()), web)
}

/// Pages for accounts only: without a session, the visitor is asked to log in (and brought back after).
struct LoginGate: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.viewer != nil else { throw Access.LoginRequired() }
        return try await next.respond(to: request)
    }
}

func asset(_ text: String, type: String) -> Response {
    let response = Response(status: .ok, body: .init(string: text))
    response.headers.replaceOrAdd(name: .contentType, value: type)
    response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
    return response
}

/// Errors in Vietnamese: JSON `{"error": "..."}` for the API, a page for everything else. A page that needs an
/// account sends the visitor to log in and back.
struct VietnameseErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do { return try await next.respond(to: request) } catch {
            let isAPI = request.url.path.hasPrefix("/api/")
            if error is Access.LoginRequired {
                if isAPI || request.method != .GET {
                    return message(request, .unauthorized, "Cần đăng nhập", api: isAPI)
                }
                let back = request.url.string.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "/"
                return Layout.redirect("/dang-nhap?tiep=\(back)")
            }
            if Store.isBusy(error) {
                // Another process (a large import) held the database longer than a save waits: nothing was written.
                let response = message(
                    request, .serviceUnavailable,
                    "Cơ sở dữ liệu đang bận (đang nhập một tệp lớn). Chưa lưu được; vui lòng thử lại sau ít phút.",
                    api: isAPI)
                response.headers.replaceOrAdd(name: .retryAfter, value: "30")
                return response
            }
            let status = (error as? any AbortError)?.status ?? .internalServerError
            let reason = (error as? any AbortError)?.reason
            var text =
                status == .internalServerError
                ? "Lỗi máy chủ"
                : (status == .notFound && (reason == nil || reason == "Not Found") ? "Không tìm thấy" : reason ?? "Lỗi")
            if text == "Not Found" { text = "Không tìm thấy" }
            if status == .internalServerError { request.logger.report(error: error) }
            let response = message(request, status, text, api: isAPI)
            for (name, value) in (error as? any AbortError)?.headers ?? [:] {
                response.headers.replaceOrAdd(name: name, value: value)
            }
            return response
        }
    }

    func message(_ request: Request, _ status: HTTPStatus, _ text: String, api: Bool) -> Response {
        if api {
            let response = Response(status: status)
            try? response.content.encode(APIError(error: text))
            return response
        }
        let title = status == .forbidden ? "Không có quyền" : (status == .notFound ? "Không tìm thấy" : "Có lỗi")
        return Layout.page(
            request, title: title, status: status,
            "<div class=\"card\"><h1>\(title)</h1><p>\(text)</p><p><a href=\"/\">Về trang chủ</a></p></div>")
    }
}
