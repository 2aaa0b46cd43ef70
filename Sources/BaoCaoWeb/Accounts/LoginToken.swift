import BaoCaoStorage
import Vapor

/// The token of the login form, before anyone is logged in: a random part and the server's signature of it, set in
/// a cookie and repeated in the form. A pair the client made up is refused, since only the server can sign.
enum LoginToken {
    static let secretName = "login_form"

    static func make(key: SymmetricKey) -> String {
        let nonce = [UInt8].random(count: 16).hex
        return nonce + "." + signature(nonce, key: key)
    }

    static func isValid(_ token: String, key: SymmetricKey) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 32 else { return false }
        let expected = signature(String(parts[0]), key: key)
        return Array(parts[1].utf8).secureCompare(to: Array(expected.utf8))
    }

    static func signature(_ nonce: String, key: SymmetricKey) -> String {
        Data(HMAC<SHA256>.authenticationCode(for: Data(nonce.utf8), using: key)).hex
    }
}

/// The server's keys, read from the database once per process.
actor ServerKeys {
    private let store: Store
    private var loginKey: SymmetricKey?

    init(store: Store) { self.store = store }

    func login() async throws -> SymmetricKey {
        if let loginKey { return loginKey }
        let hex = try await ServerSecrets.value(LoginToken.secretName, store.sql)
        let key = SymmetricKey(data: Data(hex.utf8))
        loginKey = key
        return key
    }
}
