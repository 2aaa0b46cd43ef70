import Vapor

/// bcrypt, on the hashing pool (`WorkPools.hashing`): never on the event loops nor the threads the database uses.
enum Passwords {
    static func hash(_ password: String, cost: Int, _ web: Web) async throws -> String {
        try await web.pools.hashing.run { try Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`; with no hash (an unknown name) it is checked against a decoy, so a wrong
    /// name takes as long as a wrong password.
    static func verify(_ password: String, hash: String?, _ web: Web) async throws -> Bool {
        Monitoring.passwordChecked()
        return try await web.pools.hashing.run {
            let matches = (try? Bcrypt.verify(password, created: hash ?? decoy)) ?? false
            return matches && hash != nil
        }
    }

    static let decoy: String = (try? Bcrypt.hash("khong-phai-mat-khau", cost: 12)) ?? ""
}
