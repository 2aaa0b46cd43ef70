import Vapor

/// bcrypt, run off the event loop.
enum Passwords {
    static func hash(_ password: String, cost: Int, on app: Application) async throws -> String {
        try await app.threadPool.runIfActive { try Bcrypt.hash(password, cost: cost) }
    }

    static func verify(_ password: String, hash: String, on app: Application) async throws -> Bool {
        try await app.threadPool.runIfActive { (try? Bcrypt.verify(password, created: hash)) ?? false }
    }

    /// Compared against when the name is unknown, so a wrong name takes as long as a wrong password.
    static let decoy: String = (try? Bcrypt.hash("khong-phai-mat-khau", cost: 12)) ?? ""
}
