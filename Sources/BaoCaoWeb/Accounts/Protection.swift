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

/// Every form that changes something must carry the session's token (or, for the login form, the token of the
/// pre-login cookie), and a cross-site `Origin` is refused: no other site can post on a user's behalf.
struct FormProtection: AsyncMiddleware {
    static let field = "_csrf"
    static let loginCookie = "baocao_csrf"
    let store: Store

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST else { return try await next.respond(to: request) }
        if request.body.data == nil { _ = try await request.body.collect(max: 1 << 20).get() }
        let sent = (try? request.content.get(String.self, at: Self.field)) ?? ""
        let expected = request.viewer?.csrfToken ?? request.cookies[Self.loginCookie]?.string ?? ""
        let sameOrigin =
            request.headers.first(name: .origin).map { origin in
                origin == "null"
                    ? false
                    : URLComponents(string: origin)?.host.map { host in
                        SessionCookie.hostName(request).trimmingCharacters(in: ["[", "]"])
                            == host.trimmingCharacters(in: ["[", "]"])
                    } ?? false
            } ?? true
        guard !expected.isEmpty, sent.utf8.count == expected.utf8.count,
            Array(sent.utf8).secureCompare(to: Array(expected.utf8)), sameOrigin
        else {
            try await Refusals.record(request, event: "csrf", detail: "biểu mẫu thiếu hoặc sai mã chống giả mạo", store)
            throw Abort(
                .forbidden,
                reason: "Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.")
        }
        return try await next.respond(to: request)
    }
}

/// Refusals are logged and kept in the audit table.
enum Refusals {
    static func record(_ req: Request, event: String, detail: String, _ store: Store) async throws {
        let who = req.viewer?.account.username
        let line = "\(detail) — \(req.method.rawValue) \(req.url.path)"
        req.logger.warning("Từ chối [\(event)] \(who ?? "khách"): \(line)")
        try await AuditLog.record(event: event, account: who, detail: line, store.sql)
    }
}

/// Slows repeated failed logins: after three failures for a name (or from an address), each further attempt must
/// wait twice as long as the last, up to five minutes. A success clears the name's count.
actor LoginThrottle {
    struct Entry { var failures: Int; var last: Double }
    private var entries: [String: Entry] = [:]
    let now: @Sendable () -> Double
    static let free = 3
    static let window: Double = 15 * 60

    init(now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) { self.now = now }

    /// Seconds to wait before `keys` may try again; 0 when they may try now.
    func wait(for keys: [String]) -> Int {
        let t = now()
        return keys.compactMap { key -> Int? in
            guard let e = entries[key], t - e.last < Self.window, e.failures >= Self.free else { return nil }
            let delay = min(300, Double(1 << min(e.failures - Self.free, 9)))
            let left = delay - (t - e.last)
            return left > 0 ? Int(left.rounded(.up)) : nil
        }.max() ?? 0
    }

    func failed(_ keys: [String]) {
        let t = now()
        for key in keys {
            var e = entries[key] ?? Entry(failures: 0, last: t)
            if t - e.last >= Self.window { e.failures = 0 }
            e.failures += 1
            e.last = t
            entries[key] = e
        }
    }

    func succeeded(_ key: String) { entries[key] = nil }
}
