import Foundation
import SQLKit

/// Random keys the server keeps in its database, made on first use, so that every process serving the same database
/// (after a restart, or several behind one proxy) signs and checks with the same key.
public enum ServerSecrets {
    /// The secret called `name`: 32 random bytes in hexadecimal.
    public static func value(_ name: String, _ db: any SQLDatabase) async throws -> String {
        if let kept = try await find(name, db) { return kept }
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
        // Two processes may race here: the first insert wins and both read it back.
        try await db.raw(
            "INSERT INTO server_secrets (name, value) VALUES (\(bind: name), \(bind: fresh)) ON CONFLICT (name) DO NOTHING"
        ).run()
        return try await find(name, db) ?? fresh
    }

    static func find(_ name: String, _ db: any SQLDatabase) async throws -> String? {
        try await db.raw("SELECT value FROM server_secrets WHERE name = \(bind: name)").first()?
            .decode(column: "value", as: String.self)
    }
}
