import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The person behind a request, when logged in: their account, roles and the session's form token.
struct Viewer: Sendable {
    var account: Account
    var csrfToken: String
    var tokenHash: String
    /// Notices not yet read (reminders to send figures), shown in the header.
    var unread = 0
    /// When a program calls with an API token rather than a person's session: the token (no form token needed,
    /// drafts only if the token may read them).
    var apiToken: APIToken?

    var grants: [RoleGrant] { account.grants }

    /// Whether the viewer's grants allow `action` on the unit whose ancestry is given; a token that may not read
    /// drafts reads official figures only.
    func allows(_ action: Action, on ancestry: [Int]) -> Bool {
        if action == .readDraft, let token = apiToken, !token.drafts { return false }
        return AccessPolicy.allows(grants, action, on: ancestry)
    }

    func has(_ role: Role) -> Bool { grants.contains { $0.role == role } }

    /// The highest unit the viewer holds any role over: where their pages start.
    func homeUnitID(in tree: UnitTree) -> Int? {
        grants.map(\.unitID).min { tree.ancestry(of: $0).count < tree.ancestry(of: $1).count }
    }
}

struct ViewerKey: StorageKey { typealias Value = Viewer }

extension Request {
    var viewer: Viewer? {
        get { storage[ViewerKey.self] }
        set { storage[ViewerKey.self] = newValue }
    }
}

/// Session tokens: random, sent only in an HttpOnly cookie, stored only as a SHA-256 hash.
enum SessionCookie {
    static let name = "baocao_phien"
    static let lifetime: TimeInterval = 8 * 3600

    static func newToken() -> String { [UInt8].random(count: 32).hex }

    static func hash(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).hex }

    /// Secure whenever the browser reached us over HTTPS: a trusted proxy says so (`X-Forwarded-Proto`), or the site is
    /// addressed by a domain name (which BaoCao expects behind HTTPS). Plain http to an address (127.0.0.1, a server
    /// on the office network) keeps working, since a browser would drop a Secure cookie there.
    static func cookie(_ value: String, for req: Request, maxAge: Int?) -> HTTPCookies.Value {
        HTTPCookies.Value(
            string: value, maxAge: maxAge, path: "/", isSecure: isHTTPS(req), isHTTPOnly: true, sameSite: .lax)
    }

    static func isHTTPS(_ req: Request) -> Bool {
        if req.viaTrustedProxy, let proto = req.headers.first(name: "X-Forwarded-Proto") {
            return proto.lowercased() == "https"
        }
        let host = hostName(req)
        if host.isEmpty || host == "localhost" || host.hasPrefix("[") { return false }
        let isAddress = host.split(separator: ".").count == 4 && host.allSatisfy { $0.isNumber || $0 == "." }
        return !isAddress
    }

    /// The Host header without its port.
    static func hostName(_ req: Request) -> String {
        let host = req.headers.first(name: .host) ?? ""
        if host.hasPrefix("[") { return String(host.prefix { $0 != "]" }) + "]" }
        return host.split(separator: ":").first.map(String.init) ?? ""
    }
}

/// Finds the session of the request's cookie, if any, and puts its viewer on the request.
struct SessionLoader: AsyncMiddleware {
    let store: Store

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if let token = request.cookies[SessionCookie.name]?.string, !token.isEmpty {
            let hash = SessionCookie.hash(token)
            let start = DispatchTime.now().uptimeNanoseconds
            let found = try await SessionRepository.findWithAccount(tokenHash: hash, store.sql)
            Monitoring.sessionLookup(nanoseconds: DispatchTime.now().uptimeNanoseconds - start)
            if let (session, account) = found, session.expiresAt > Timestamp.now() {
                request.viewer = Viewer(
                    account: account, csrfToken: session.csrfToken, tokenHash: hash,
                    unread: try await NotificationRepository.unread(accountID: account.id, store.sql))
            }
        }
        return try await next.respond(to: request)
    }
}
