import SQLKit

/// What `/healthz` reports of the database: reachable, and its schema exactly what this program expects.
public struct StoreHealth: Sendable, Encodable {
    public var ok: Bool
    public var database: String
    public var migrationsApplied: Int?
    public var migrationsExpected: Int
    public var problem: String?
}

extension Store {
    public func health() async -> StoreHealth {
        let expected = StoreMigrations.all.count
        var health = StoreHealth(
            ok: false, database: configuration.displayName, migrationsApplied: nil, migrationsExpected: expected)
        do {
            let applied =
                try await sql.raw("SELECT COUNT(*) AS n FROM _fluent_migrations").first()?
                .decode(column: "n", as: Int.self) ?? 0
            health.migrationsApplied = applied
            if applied < expected {
                health.problem = "Cơ sở dữ liệu chưa cập nhật: \(applied)/\(expected) bước (chạy baocao migrate)"
            } else if applied > expected {
                health.problem = "Cơ sở dữ liệu mới hơn chương trình: \(applied) bước, chương trình biết \(expected)"
            } else {
                health.ok = true
            }
        } catch {
            health.problem = "Không kết nối được cơ sở dữ liệu: \(error)"
        }
        return health
    }
}
