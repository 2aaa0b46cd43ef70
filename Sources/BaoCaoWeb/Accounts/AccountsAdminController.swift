import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Account administration in the browser: an administrator creates accounts, grants and withdraws roles on units
/// within their scope, and resets passwords. Accounts holding any role outside that scope are not theirs to touch.
enum AccountsAdminController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("quan-tri", "tai-khoan") { try await list($0, web) }
        routes.post("quan-tri", "tai-khoan") { try await create($0, web) }
        routes.post("quan-tri", "tai-khoan", "vai-tro") { try await changeRole($0, web) }
        routes.post("quan-tri", "tai-khoan", "mat-khau") { try await resetPassword($0, web) }
    }

    /// The administrator's own unit, checked.
    static func scope(_ req: Request, _ web: Web, _ tree: UnitTree) async throws -> (Viewer, StoredUnit) {
        try await Access.home(req, .manageAccounts, tree: tree, store: web.store)
    }

    /// Whether the viewer manages `account`: its own unit and every unit it holds a role over lie where the viewer
    /// manages accounts. An account without roles still belongs to its unit: no other unit's administrator can
    /// take it over.
    static func manages(_ req: Request, _ account: Account, _ tree: UnitTree) -> Bool {
        let units = account.grants.map(\.unitID) + (account.homeUnitID.map { [$0] } ?? [])
        return !units.isEmpty
            && units.allSatisfy { id in
                tree.byID[id].map { Access.allows(req, .manageAccounts, on: $0, tree: tree) } ?? false
            }
    }

    static func list(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws
        -> Response
    {
        let tree = try await web.tree()
        let (_, home) = try await scope(req, web, tree)
        let units = [home] + tree.descendants(of: home.id)
        let accounts = try await AccountRepository.all(web.db).filter { manages(req, $0, tree) }
        let csrf = Layout.csrf(req)
        // The least powerful role comes selected: an administrator is made on purpose, not by default.
        let roleOptions = Role.allCases.map { r -> HTML in
            "<option value=\"\(r.rawValue)\"\(HTML.flag("selected", r == .reporter))>\(r.vietnameseName)</option>"
        }
        let unitOptions = units.map { u -> HTML in "<option value=\"\(u.code)\">\(u.fullName) (\(u.code))</option>" }
        let rows = accounts.map { a -> HTML in
            let grants = a.grants.map { g -> HTML in
                let unit = tree.byID[g.unitID]
                return """
                    <li>\(g.role.vietnameseName) — \(unit?.fullName ?? "?")\
                    <form method="post" action="/quan-tri/tai-khoan/vai-tro" style="display:inline;margin-left:.5rem">\(csrf)\
                    <input type="hidden" name="ten" value="\(a.username)"><input type="hidden" name="vai_tro" value="\(g.role.rawValue)">\
                    <input type="hidden" name="don_vi" value="\(unit?.code ?? "")">\
                    <button type="submit" name="buoc" value="bo" class="secondary">Bỏ</button></form></li>
                    """
            }
            return """
                <tr><td><strong>\(a.username)</strong><br>\(a.displayName)</td><td><ul>\(grants)</ul>\
                <form method="post" action="/quan-tri/tai-khoan/vai-tro" class="actions">\(csrf)\
                <input type="hidden" name="ten" value="\(a.username)">\
                <label class="skip" for="vt-\(a.id)">Vai trò thêm cho \(a.username)</label>\
                <select id="vt-\(a.id)" name="vai_tro">\(roleOptions)</select>\
                <label class="skip" for="dv-\(a.id)">Đơn vị</label><select id="dv-\(a.id)" name="don_vi">\(unitOptions)</select>\
                <button type="submit" name="buoc" value="them" class="secondary">Thêm vai trò</button></form></td>\
                <td><form method="post" action="/quan-tri/tai-khoan/mat-khau" class="stack">\(csrf)\
                <input type="hidden" name="ten" value="\(a.username)">\
                <label for="mk-\(a.id)">Mật khẩu mới</label><input id="mk-\(a.id)" name="mat_khau" type="password" \
                autocomplete="new-password" minlength="10" required>\
                <button type="submit" class="secondary">Đặt lại</button></form></td></tr>
                """
        }
        let body: HTML = """
            <h1>Tài khoản — \(home.fullName)</h1>\
            <section class="card"><h2>Tạo tài khoản</h2><form method="post" action="/quan-tri/tai-khoan" class="filters">\(csrf)\
            <div><label for="tk-ten">Tên đăng nhập</label><input id="tk-ten" name="ten" type="text" required \
            autocomplete="off" pattern="[A-Za-z0-9._\\-]+" maxlength="\(Code.maximum)"></div>\
            <div><label for="tk-hien-thi">Họ tên, chức vụ</label><input id="tk-hien-thi" name="hien_thi" type="text" required \
            maxlength="\(TextLimit.displayName.maximum)"></div>\
            <div><label for="tk-mk">Mật khẩu ban đầu (ít nhất 10 ký tự)</label><input id="tk-mk" name="mat_khau" \
            type="password" autocomplete="new-password" minlength="10" required></div>\
            <div><label for="tk-vt">Vai trò</label><select id="tk-vt" name="vai_tro">\(roleOptions)</select></div>\
            <div><label for="tk-dv">Trên đơn vị</label><select id="tk-dv" name="don_vi">\(unitOptions)</select></div>\
            <div><button type="submit">Tạo</button></div></form></section>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Tài khoản</th><th>Vai trò</th><th>Mật khẩu</th>\
            </tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Tài khoản", section: .account, flash: flash, status: status, body)
    }

    static func create(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        _ = try await scope(req, web, tree)
        let unitCode = fields["don_vi"] ?? ""
        guard let unit = tree.byCode[unitCode] else {
            throw Abort(.notFound, reason: "Không có đơn vị \"\(unitCode)\"")
        }
        try await Access.require(req, .manageAccounts, on: unit, tree: tree, store: web.store)
        do {
            try await AccountAdmin.create(
                username: fields["ten"] ?? "", displayName: fields["hien_thi"] ?? "",
                password: fields["mat_khau"] ?? "",
                roles: [(role: fields["vai_tro"] ?? "", unit: unitCode)], store: web.store,
                hash: { try await Passwords.hash($0, cost: web.settings.bcryptCost, web) })
        } catch let problem as AccountAdmin.Problem {
            return try await list(
                req, web, flash: .init(ok: false, text: problem.description), status: .unprocessableEntity)
        }
        return try await list(
            req, web, flash: .init(ok: true, text: "Đã tạo tài khoản \((fields["ten"] ?? "").lowercased())."))
    }

    /// The account named in the form, if the viewer manages it.
    static func target(_ req: Request, _ web: Web, _ tree: UnitTree, _ fields: [String: String]) async throws -> Account
    {
        guard let account = try await AccountRepository.find(username: fields["ten"] ?? "", web.db) else {
            throw Abort(.notFound, reason: "Không có tài khoản \"\(fields["ten"] ?? "")\"")
        }
        guard manages(req, account, tree) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "quản lý tài khoản \(account.username)", unitID: account.homeUnitID,
                web.store)
            throw Abort(.forbidden, reason: "Tài khoản này có vai trò ngoài phạm vi bạn quản lý.")
        }
        return account
    }

    static func changeRole(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let (viewer, _) = try await scope(req, web, tree)
        let account = try await target(req, web, tree, fields)
        guard let role = Role(rawValue: fields["vai_tro"] ?? ""), let unit = tree.byCode[fields["don_vi"] ?? ""] else {
            throw Abort(.badRequest, reason: "Cần chọn vai trò và đơn vị")
        }
        try await Access.require(req, .manageAccounts, on: unit, tree: tree, store: web.store)
        let grant = RoleGrant(role: role, unitID: unit.id)
        if fields["buoc"] == "bo" {
            if account.id == viewer.account.id && role == .administrator {
                return try await list(
                    req, web, flash: .init(ok: false, text: "Không tự bỏ quyền quản trị của chính mình."),
                    status: .conflict)
            }
            try await web.store.transaction { db in
                try await AccountRepository.removeGrant(accountID: account.id, grant, db)
                try await SessionRepository.deleteAll(accountID: account.id, db)
            }
            return try await list(req, web, flash: .init(ok: true, text: "Đã bỏ vai trò của \(account.username)."))
        }
        try await AccountRepository.addGrant(accountID: account.id, grant, web.db)
        return try await list(req, web, flash: .init(ok: true, text: "Đã thêm vai trò cho \(account.username)."))
    }

    static func resetPassword(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        _ = try await scope(req, web, tree)
        let account = try await target(req, web, tree, fields)
        let password = fields["mat_khau"] ?? ""
        if let problem = PasswordPolicy.problem(password, username: account.username) {
            return try await list(req, web, flash: .init(ok: false, text: problem + "."), status: .unprocessableEntity)
        }
        let hash = try await Passwords.hash(password, cost: web.settings.bcryptCost, web)
        try await web.store.transaction { db in
            try await AccountRepository.setPassword(accountID: account.id, hash: hash, db)
            try await SessionRepository.deleteAll(accountID: account.id, db)
        }
        return try await list(
            req, web,
            flash: .init(ok: true, text: "Đã đặt lại mật khẩu của \(account.username); các phiên cũ đã kết thúc."))
    }
}
