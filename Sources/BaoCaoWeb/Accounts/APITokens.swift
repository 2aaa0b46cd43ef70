import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// API tokens: made by an administrator for one role on one unit, shown once, kept as a SHA-256 hash, expiring,
/// revocable; a request with `Authorization: Bearer bc_…` acts with the token's grant, and each use is logged.
enum APITokens {
    static let scheme = "Bearer "
    static let longestLife = 366

    /// A new token's text: "bc_" and 64 hex digits from the system's random source.
    static func make() -> String {
        "bc_" + (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
    }

    static func hash(_ token: String) -> String { SHA256.hash(data: Data(token.utf8)).hex }

    /// The viewer a token stands for: an account of its own (never a person's), with the token's one grant.
    static func viewer(_ token: APIToken) -> Viewer {
        let account = Account(
            id: -token.id, username: "api:\(token.name)", displayName: "Mã API \(token.name)", passwordHash: "",
            grants: [RoleGrant(role: token.role, unitID: token.unitID)], homeUnitID: token.unitID)
        return Viewer(account: account, csrfToken: "", tokenHash: "", apiToken: token)
    }
}

/// Puts the token's viewer on a request to the API that carries `Authorization: Bearer …` (a wrong, revoked or expired
/// token is refused with 401, never treated as no token; so is a token sent to a page), and logs the use with its
/// answer's status.
struct TokenLoader: AsyncMiddleware {
    let store: Store

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let header = request.headers.first(name: .authorization), header.hasPrefix(APITokens.scheme) else {
            return try await next.respond(to: request)
        }
        let text = String(header.dropFirst(APITokens.scheme.count)).trimmingCharacters(in: .whitespaces)
        guard text.hasPrefix("bc_"), text.count <= 100,
            let token = try await APITokenRepository.find(hash: APITokens.hash(text), store.sql),
            token.isActive(at: Timestamp.now())
        else {
            try await Refusals.record(request, event: "ma_api", detail: "mã API sai, đã thu hồi hoặc hết hạn", store)
            throw Abort(.unauthorized, reason: "Mã API không đúng, đã bị thu hồi hoặc đã hết hạn.")
        }
        let path = request.url.path + (request.url.query.map { "?" + $0 } ?? "")
        // Tokens are for the API (and the public Open311 lookup it documents): the pages and their forms are
        // people's, with their sessions.
        guard request.url.path.hasPrefix("/api/") || request.url.path.hasPrefix("/open311/") else {
            try await APITokenRepository.recordUse(
                token.id, method: request.method.rawValue, path: path, status: 401, address: request.clientAddress,
                store.sql)
            throw Abort(.unauthorized, reason: "Mã API chỉ dùng cho các địa chỉ /api/; trang web cần đăng nhập.")
        }
        request.viewer = APITokens.viewer(token)
        do {
            let response = try await next.respond(to: request)
            try await APITokenRepository.recordUse(
                token.id, method: request.method.rawValue, path: path, status: Int(response.status.code),
                address: request.clientAddress, store.sql)
            return response
        } catch {
            let status = (error as? any AbortError)?.status ?? .internalServerError
            try? await APITokenRepository.recordUse(
                token.id, method: request.method.rawValue, path: path, status: Int(status.code),
                address: request.clientAddress, store.sql)
            throw error
        }
    }
}
