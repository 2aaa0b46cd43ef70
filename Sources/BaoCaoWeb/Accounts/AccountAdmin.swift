import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Creating accounts outside the browser (`baocao account add`): checked the same way as the web's password rules.
public enum AccountAdmin {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates an account holding `roles` (role code × unit code). Throws a `Problem` in Vietnamese on bad input.
    public static func create(
        username: String, displayName: String, password: String, roles: [(role: String, unit: String)],
        store: Store, bcryptCost: Int = 12
    ) async throws {
        let name = username.lowercased()
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || ".-_".contains($0)) })
        else { throw Problem(description: "Tên đăng nhập \"\(username)\" chỉ được gồm chữ không dấu, số và . - _") }
        guard password.count >= 10 else { throw Problem(description: "Mật khẩu cần ít nhất 10 ký tự") }
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
        // Off the event loop: the accounts page calls this inside a request, and bcrypt is slow on purpose.
        let hash = try await NIOThreadPool.singleton.runIfActive { try Bcrypt.hash(password, cost: bcryptCost) }
        let granted = grants
        try await store.transaction { db in
            try await AccountRepository.create(
                username: name, displayName: displayName, passwordHash: hash, grants: granted, db)
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
