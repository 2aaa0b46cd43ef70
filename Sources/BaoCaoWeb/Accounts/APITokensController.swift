import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The administrator's page of API tokens: made for a unit in their scope and a role, shown once, listed with when
/// each was last used, revoked with a click; each token's uses.
enum APITokensController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("quan-tri", "ma-api") { try await list($0, web) }
        routes.post("quan-tri", "ma-api") { try await create($0, web) }
        routes.post("quan-tri", "ma-api", "thu-hoi") { try await revoke($0, web) }
        routes.get("quan-tri", "ma-api", ":id") { try await uses($0, web) }
    }

    static func list(_ req: Request, _ web: Web, made: String? = nil, problem: String? = nil) async throws -> Response {
        let tree = try await web.tree()
        let (_, home) = try await Access.home(req, .manageAccounts, tree: tree, store: web.store)
        let scope = Set([home.id] + tree.descendants(of: home.id).map(\.id))
        let tokens = try await APITokenRepository.all(unitIDs: scope, web.db)
        return APITokensPage.render(req, tokens: tokens, tree: tree, home: home, made: made, problem: problem)
    }

    static func create(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let (viewer, home) = try await Access.home(req, .manageAccounts, tree: tree, store: web.store)
        let name = (fields["ten"] ?? "").trimmingWhitespace()
        let days = Int(fields["so_ngay"] ?? "") ?? 0
        var problems: [String] = []
        if name.isEmpty { problems.append("cần tên (hệ thống nào dùng mã)") }
        if let problem = TextLimit.name.problem(name) { problems.append(problem) }
        guard let role = fields["vai_tro"].flatMap(Role.init(rawValue:)) else {
            return try await list(req, web, problem: "Vai trò không hợp lệ.")
        }
        guard let unit = tree.byCode[fields["unit"] ?? ""] else {
            return try await list(req, web, problem: "Không có đơn vị \"\(fields["unit"] ?? "")\".")
        }
        try await Access.require(req, .manageAccounts, on: unit, tree: tree, store: web.store)
        if !(1...APITokens.longestLife).contains(days) {
            problems.append("thời hạn từ 1 đến \(APITokens.longestLife) ngày")
        }
        guard problems.isEmpty else {
            return try await list(req, web, problem: "Chưa tạo mã: " + problems.joined(separator: "; ") + ".")
        }
        let token = APITokens.make()
        let expires = Timestamp.iso(Date().addingTimeInterval(TimeInterval(days) * 86_400))
        let drafts = fields["so_lieu_chua_duyet"] == "1"
        try await APITokenRepository.create(
            name: name, hash: APITokens.hash(token), prefix: String(token.prefix(10)), role: role, unitID: unit.id,
            drafts: drafts, expiresAt: expires, by: viewer.account.username, web.db)
        try await AuditLog.record(
            event: "tao_ma_api",
            account: viewer.account.username,
            detail: "mã API \"\(name)\": \(role.vietnameseName) của \(unit.code), \(days) ngày"
                + (drafts ? ", đọc số liệu chưa duyệt" : ""), unitID: unit.id, web.db)
        _ = home
        return try await list(req, web, made: token)
    }

    static func revoke(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        guard let id = fields["id"].flatMap(Int.init), let token = try await APITokenRepository.get(id, web.db),
            let unit = tree.byID[token.unitID]
        else { throw Abort(.notFound, reason: "Không có mã API này") }
        let viewer = try await Access.require(req, .manageAccounts, on: unit, tree: tree, store: web.store)
        if try await APITokenRepository.revoke(id, by: viewer.account.username, web.db) {
            try await AuditLog.record(
                event: "thu_hoi_ma_api", account: viewer.account.username, detail: "mã API \"\(token.name)\"",
                unitID: unit.id, web.db)
        }
        return Layout.redirect("/quan-tri/ma-api")
    }

    static func uses(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        guard let id = req.parameters.get("id").flatMap(Int.init),
            let token = try await APITokenRepository.get(id, web.db),
            let unit = tree.byID[token.unitID]
        else { throw Abort(.notFound, reason: "Không có mã API này") }
        try await Access.require(req, .manageAccounts, on: unit, tree: tree, store: web.store)
        return APITokensPage.uses(req, token: token, unit: unit, uses: try await APITokenRepository.uses(id, web.db))
    }
}

/// The markup of the tokens' pages.
enum APITokensPage {
    static func render(
        _ req: Request, tokens: [APIToken], tree: UnitTree, home: StoredUnit, made: String?, problem: String?
    ) -> Response {
        let now = Timestamp.now()
        let rows = tokens.map { t -> HTML in
            let state =
                t.revokedAt != nil
                ? "Đã thu hồi \(DateText.short(t.revokedAt ?? ""))" : t.isActive(at: now) ? "Đang dùng" : "Hết hạn"
            let revoke: HTML =
                t.isActive(at: now)
                ? """
                <form method="post" action="/quan-tri/ma-api/thu-hoi" class="inline">\(Layout.csrf(req))\
                <input type="hidden" name="id" value="\(t.id)"><button type="submit" class="secondary" \
                data-confirm="Thu hồi mã này? Hệ thống dùng nó sẽ bị từ chối ngay.">Thu hồi</button></form>
                """ : ""
            return """
                <tr><td><a href="/quan-tri/ma-api/\(t.id)">\(t.name)</a><br><code>\(t.prefix)…</code></td>\
                <td>\(t.role.vietnameseName) — \(tree.byID[t.unitID]?.fullName ?? "")</td>\
                <td>\(t.drafts ? "Chính thức và chưa duyệt" : "Chỉ số liệu chính thức")</td>\
                <td>\(DateText.short(t.expiresAt))</td><td>\(t.lastUsedAt.map(DateText.short) ?? "chưa dùng")</td>\
                <td>\(state) \(revoke)</td></tr>
                """
        }
        // The most powerful role last: it is never the one chosen by not choosing.
        let order = Role.allCases.filter { $0 != .administrator } + [.administrator]
        let roles = order.map { r -> HTML in "<option value=\"\(r.rawValue)\">\(r.vietnameseName)</option>" }
        let shown: HTML =
            made.map {
                """
                <div class="flash ok" role="status"><strong>Đã tạo mã API. Chép ngay: mã chỉ hiện một lần.</strong>\
                <p><code id="ma-moi">\($0)</code></p><p class="small">Gửi kèm mỗi yêu cầu: \
                <code>Authorization: Bearer \($0)</code></p></div>
                """
            } ?? ""
        let body: HTML = """
            <h1>Mã API cho hệ thống khác</h1>\(shown)\
            <p>Mỗi mã cho một vai trò trên một đơn vị, như quyền của một người; chỉ đọc số liệu chính thức, trừ khi \
            được phép đọc số liệu chưa duyệt; có hạn dùng; thu hồi được bất cứ lúc nào. Mọi lần dùng được ghi lại. \
            Cách dùng: docs/API.md.</p>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Tên</th><th>Vai trò, đơn vị</th>\
            <th>Số liệu</th><th>Hết hạn</th><th>Dùng lần cuối</th><th>Tình trạng</th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>\
            <h2>Tạo mã mới</h2><form method="post" action="/quan-tri/ma-api" class="card">\(Layout.csrf(req))\
            <p><label>Tên (hệ thống dùng mã) <input name="ten" required maxlength="500"></label></p>\
            <p><label>Đơn vị (mã) <input name="unit" value="\(home.code)" required></label> \
            <label>Vai trò <select name="vai_tro">\(roles)</select></label> \
            <label>Thời hạn (ngày) <input name="so_ngay" type="number" min="1" max="\(APITokens.longestLife)" value="90"></label></p>\
            <p><label><input type="checkbox" name="so_lieu_chua_duyet" value="1"> Được đọc số liệu chưa duyệt</label></p>\
            <button type="submit">Tạo mã</button></form>
            """
        return Layout.page(
            req, title: "Mã API", section: .apiTokens, flash: problem.map { .init(ok: false, text: $0) }, body)
    }

    static func uses(_ req: Request, token: APIToken, unit: StoredUnit, uses: [APITokenUse]) -> Response {
        let rows = uses.map { u -> HTML in
            "<tr><td>\(DateText.short(u.at))</td><td>\(u.method) <code>\(u.path)</code></td><td>\(u.status)</td><td>\(u.address)</td></tr>"
        }
        let body: HTML = """
            <h1>Mã API \(token.name)</h1><p>\(token.role.vietnameseName) — \(unit.fullName). Tạo bởi \(token.createdBy) \
            lúc \(DateText.short(token.createdAt)); hết hạn \(DateText.short(token.expiresAt)).</p>\
            <h2>Các lần dùng gần nhất</h2><div class="card scroll"><table class="grid"><thead><tr><th>Lúc</th>\
            <th>Yêu cầu</th><th>Kết quả</th><th>Từ địa chỉ</th></tr></thead><tbody>\(rows)</tbody></table></div>\
            <p><a href="/quan-tri/ma-api">Về danh sách mã</a></p>
            """
        return Layout.page(req, title: "Mã API \(token.name)", section: .apiTokens, body)
    }
}
