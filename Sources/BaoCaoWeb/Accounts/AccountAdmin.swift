import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Creating accounts outside the browser (`baocao account add`): checked the same way as the web's password rules.
public enum AccountAdmin {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates an account holding `roles` (role code × unit code), its password hashed by `hash` (off the event
    /// loops). Throws a `Problem` in Vietnamese on bad input.
    public static func create(
        username: String, displayName: String, password: String, roles: [(role: String, unit: String)],
        store: Store, hash: @escaping @Sendable (String) async throws -> String
    ) async throws {
        let name = username.lowercased()
        if let problem = Code.problem(name, what: "Tên đăng nhập") { throw Problem(description: problem) }
        let display = displayName.trimmingWhitespace()
        if display.isEmpty { throw Problem(description: "Cần ghi họ tên, chức vụ") }
        if let problem = TextLimit.displayName.problem(display) { throw Problem(description: problem) }
        if let problem = PasswordPolicy.problem(password, username: name) { throw Problem(description: problem) }
        guard !roles.isEmpty else {
            throw Problem(description: "Cần ít nhất một vai trò (--role) trên một đơn vị (--unit)")
        }
        let tree = try await UnitTree.load(store.sql)
        var grants: [RoleGrant] = []
        for (roleCode, unitCode) in roles {
            guard let role = Role(rawValue: roleCode) else {
                let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                throw Problem(description: "Vai trò \"\(roleCode)\" không có; chọn một trong: \(known)")
            }
            guard let unit = tree.byCode[unitCode] else {
                throw Problem(description: "Không có đơn vị \"\(unitCode)\"")
            }
            grants.append(RoleGrant(role: role, unitID: unit.id))
        }
        if try await AccountRepository.find(username: name, store.sql) != nil {
            throw Problem(description: "Tài khoản \"\(name)\" đã có")
        }
        let hashed = try await hash(password)
        let granted = grants
        try await store.transaction { db in
            try await AccountRepository.create(
                username: name, displayName: display, passwordHash: hashed, grants: granted, db)
        }
    }

    /// One line per account: name, display name, roles over units.
    public static func listing(store: Store) async throws -> [String] {
        let tree = try await UnitTree.load(store.sql)
        return try await AccountRepository.all(store.sql).map { a in
            let roles = a.grants.map { "\($0.role.rawValue)@\(tree.byID[$0.unitID]?.code ?? "?")" }.joined(
                separator: ",")
            return "\(a.username)\t\(a.displayName)\t\(roles)"
        }
    }
}

extension AccountAdmin {
    /// bcrypt at `cost` on a thread of the shared pool: for commands, outside the server.
    public static func bcrypt(cost: Int) -> @Sendable (String) async throws -> String {
        { password in try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(password, cost: cost) } }
    }
}
