import BaoCaoStorage
import Vapor

/// Headers every response carries: no framing, no sniffing, scripts only from this site.
struct SecurityHeaders: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let h = [
            (
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
            ),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "same-origin"),
            ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in h { response.headers.replaceOrAdd(name: name, value: value) }
        if SessionCookie.isHTTPS(request) {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        if request.viewer != nil { response.headers.replaceOrAdd(name: .cacheControl, value: "no-store") }
        return response
    }
}

/// Every form that changes something must carry the session's token (or, for the login form, the server-signed token
/// of the pre-login cookie), and a cross-site `Origin` is refused: no other site, nor another port or scheme of this
/// one, can post on a user's behalf.
struct FormProtection: AsyncMiddleware {
    static let field = "_csrf"
    static let header = "X-CSRF-Token"
    static let loginCookie = "baocao_csrf"
    let store: Store
    let keys: ServerKeys

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST else { return try await next.respond(to: request) }
        // A program with an API token sends no cookie a browser could send for it: nothing to forge.
        if request.viewer?.apiToken != nil { return try await next.respond(to: request) }
        // A program posting data (the DHIS2 data values) sends the token in a header, with its file as the body.
        let header = request.headers.first(name: Self.header)
        // A large body is read only for someone logged in: nobody else makes the server hold 32 MB.
        if Uploads.isUpload(request) && request.viewer == nil { throw Access.LoginRequired() }
        if request.body.data == nil {
            _ = try await request.body.collect(max: Uploads.isUpload(request) ? Uploads.maxBytes : 1 << 20).get()
        }
        let sent = header ?? (try? request.content.get(String.self, at: Self.field)) ?? ""
        var expected = request.viewer?.csrfToken ?? ""
        if request.viewer == nil, let cookie = request.cookies[Self.loginCookie]?.string,
            LoginToken.isValid(cookie, key: try await keys.login())
        {
            expected = cookie
        }
        let sameOrigin = request.headers.first(name: .origin).map { Self.isSameOrigin($0, request) } ?? true
        guard !expected.isEmpty, sent.utf8.count == expected.utf8.count,
            Array(sent.utf8).secureCompare(to: Array(expected.utf8)), sameOrigin
        else {
            Monitoring.formRefused()
            try await Refusals.record(request, event: "csrf", detail: "biểu mẫu thiếu hoặc sai mã chống giả mạo", store)
            throw Abort(
                .forbidden,
                reason: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.")
        }
        return try await next.respond(to: request)
    }

    /// Whether `origin` is this site as the browser reached it: same scheme, host and port.
    static func isSameOrigin(_ origin: String, _ request: Request) -> Bool {
        guard origin != "null", let url = URLComponents(string: origin), let scheme = url.scheme?.lowercased(),
            let host = url.host?.lowercased()
        else { return false }
        let ours = SessionCookie.isHTTPS(request) ? "https" : "http"
        func defaultPort(_ scheme: String) -> Int { scheme == "https" ? 443 : 80 }
        let hostHeader = request.headers.first(name: .host) ?? ""
        let ourHost = SessionCookie.hostName(request).lowercased()
        // The Host header's port, if any ("[::1]:8080" has one, "[::1]" none).
        let portText =
            hostHeader.hasSuffix("]") ? "" : hostHeader.split(separator: ":").dropFirst().last.map(String.init) ?? ""
        let ourPort = Int(portText) ?? defaultPort(ours)
        return scheme == ours && host.trimmingCharacters(in: ["[", "]"]) == ourHost.trimmingCharacters(in: ["[", "]"])
            && (url.port ?? defaultPort(scheme)) == ourPort
    }
}

/// Refusals are logged and kept in the audit table, with the unit they concern (the unit acted on; else the
/// viewer's own), so each administrator reads the events of their own units.
enum Refusals {
    static func record(_ req: Request, event: String, detail: String, unitID: Int? = nil, _ store: Store) async throws {
        let who = req.viewer?.account.username
        let line = "\(detail) — \(req.method.rawValue) \(req.url.path), từ \(req.clientAddress)"
        req.logger.warning("Từ chối [\(event)] \(who ?? "khách"): \(line)")
        try await AuditLog.record(
            event: event, account: who, detail: line, unitID: unitID ?? req.viewer?.account.homeUnitID, store.sql)
    }
}
