import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Logging in and out, and changing one's password.
enum AccountController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("dang-nhap") { req in try await loginPage(req, web, next: req.queryText("tiep")) }
        routes.post("dang-nhap") { try await login($0, web) }
        routes.post("dang-xuat") { try await logout($0, web) }
        routes.get("tai-khoan", "mat-khau") { req in try passwordPage(req) }
        routes.post("tai-khoan", "mat-khau") { try await changePassword($0, web) }
    }

    static func loginPage(
        _ req: Request, _ web: Web, next: String?, username: String = "", error: String? = nil,
        status: HTTPStatus = .ok
    ) async throws -> Response {
        // Someone already logged in (switching accounts) posts with their session's token; others with the signed
        // token of a pre-login cookie, kept while it is valid.
        var token = req.viewer?.csrfToken ?? ""
        if req.viewer == nil {
            let key = try await web.keys.login()
            let kept = req.cookies[FormProtection.loginCookie]?.string ?? ""
            token = LoginToken.isValid(kept, key: key) ? kept : LoginToken.make(key: key)
        }
        let body: HTML = """
            <div class="login card stack"><h1>Đăng nhập</h1>\
            <form method="post" action="/dang-nhap" class="stack">\
            <input type="hidden" name="\(FormProtection.field)" value="\(token)">\
            <input type="hidden" name="tiep" value="\(LocalPath.safe(next) ?? "")">\
            <div><label for="ten">Tên đăng nhập</label><br><input id="ten" name="ten" type="text" autocomplete="username" \
            required maxlength="\(Code.maximum)" value="\(username)"\(HTML.flag("autofocus", username.isEmpty))></div>\
            <div><label for="mat-khau">Mật khẩu</label><br><input id="mat-khau" name="mat_khau" type="password" \
            autocomplete="current-password" required\(HTML.flag("autofocus", !username.isEmpty))></div>\
            <button type="submit">Đăng nhập</button></form>\
            <p class="small muted">Người dân xem báo cáo đã công bố tại <a href="/cong-khai">trang công khai</a>, \
            không cần đăng nhập.</p></div>
            """
        let response = Layout.page(
            req, title: "Đăng nhập", flash: error.map { .init(ok: false, text: $0) }, status: status, body)
        if req.viewer == nil {
            response.cookies[FormProtection.loginCookie] = SessionCookie.cookie(token, for: req, maxAge: 3600)
        }
        return response
    }

    struct LoginForm: Content {
        var ten: String
        var matKhau: String
        var tiep: String?
        enum CodingKeys: String, CodingKey { case ten, matKhau = "mat_khau", tiep }
    }

    static func login(_ req: Request, _ web: Web) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let name = String(form.ten.trimmingCharacters(in: .whitespaces).lowercased().prefix(Code.maximum))
        let (wait, attempt) = await web.throttle.begin(name: name, address: req.clientAddress)
        if wait > 0 {
            Monitoring.loginRefused("cham")
            try await Refusals.record(
                req, event: "dang_nhap_cham", detail: "thử lại quá sớm cho \(name)",
                unitID: try await AccountRepository.find(username: name, web.db)?.homeUnitID, web.store)
            let response = try await loginPage(
                req, web, next: form.tiep, username: name,
                error: "Đăng nhập sai nhiều lần. Vui lòng thử lại sau \(wait) giây.", status: .tooManyRequests)
            response.headers.replaceOrAdd(name: .retryAfter, value: String(wait))
            return response
        }
        let account = try await AccountRepository.find(username: name, web.db)
        // An unknown name is checked against a decoy: it takes as long as a wrong password and tells nothing.
        let matches = try await Passwords.verify(form.matKhau, hash: account?.passwordHash, web)
        guard let account, matches else {
            Monitoring.loginRefused("sai")
            try await AuditLog.record(
                event: "dang_nhap_sai", account: name, detail: "sai tên hoặc mật khẩu, từ \(req.clientAddress)",
                unitID: account?.homeUnitID,
                web.db)
            return try await loginPage(
                req, web, next: form.tiep, username: name, error: "Tên đăng nhập hoặc mật khẩu không đúng.",
                status: .unauthorized)
        }
        await web.throttle.succeeded(attempt)
        let token = SessionCookie.newToken()
        let expires = Timestamp.iso(Date().addingTimeInterval(SessionCookie.lifetime))
        try await SessionRepository.deleteExpired(now: Timestamp.now(), web.db)
        if let previous = req.viewer { try await SessionRepository.delete(tokenHash: previous.tokenHash, web.db) }
        try await SessionRepository.create(
            tokenHash: SessionCookie.hash(token), accountID: account.id, csrfToken: SessionCookie.newToken(),
            expiresAt: expires, web.db)
        let response = Layout.redirect(LocalPath.safe(form.tiep) ?? "/")
        response.cookies[SessionCookie.name] = SessionCookie.cookie(
            token, for: req, maxAge: Int(SessionCookie.lifetime))
        response.cookies[FormProtection.loginCookie] = SessionCookie.cookie("", for: req, maxAge: 0)
        return response
    }

    static func logout(_ req: Request, _ web: Web) async throws -> Response {
        if let viewer = req.viewer { try await SessionRepository.delete(tokenHash: viewer.tokenHash, web.db) }
        let response = Layout.redirect("/dang-nhap")
        response.cookies[SessionCookie.name] = SessionCookie.cookie("", for: req, maxAge: 0)
        return response
    }

    static func passwordPage(_ req: Request, error: String? = nil, done: Bool = false) throws -> Response {
        guard req.viewer != nil else { throw Access.LoginRequired() }
        let flash: Layout.Flash? =
            error.map { .init(ok: false, text: $0) } ?? (done ? .init(ok: true, text: "Đã đổi mật khẩu.") : nil)
        let body: HTML = """
            <div class="login card"><h1>Đổi mật khẩu</h1>\
            <form method="post" action="/tai-khoan/mat-khau" class="stack">\(Layout.csrf(req))\
            <div><label for="cu">Mật khẩu hiện tại</label><br><input id="cu" name="cu" type="password" \
            autocomplete="current-password" required></div>\
            <div><label for="moi">Mật khẩu mới (ít nhất 10 ký tự)</label><br><input id="moi" name="moi" type="password" \
            autocomplete="new-password" minlength="10" required></div>\
            <div><label for="nhac-lai">Nhập lại mật khẩu mới</label><br><input id="nhac-lai" name="nhac_lai" \
            type="password" autocomplete="new-password" required></div>\
            <button type="submit">Đổi mật khẩu</button></form></div>
            """
        return Layout.page(
            req, title: "Đổi mật khẩu", section: .account, flash: flash,
            status: error == nil ? .ok : .unprocessableEntity,
            body)
    }

    struct PasswordForm: Content {
        var cu: String
        var moi: String
        var nhacLai: String
        enum CodingKeys: String, CodingKey { case cu, moi, nhacLai = "nhac_lai" }
    }

    static func changePassword(_ req: Request, _ web: Web) async throws -> Response {
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        let form = try req.content.decode(PasswordForm.self)
        guard try await Passwords.verify(form.cu, hash: viewer.account.passwordHash, web) else {
            try await AuditLog.record(
                event: "doi_mat_khau_sai", account: viewer.account.username,
                detail: "sai mật khẩu hiện tại, từ \(req.clientAddress)",
                unitID: viewer.account.homeUnitID, web.db)
            return try passwordPage(req, error: "Mật khẩu hiện tại không đúng.")
        }
        if let problem = PasswordPolicy.problem(form.moi, username: viewer.account.username) {
            return try passwordPage(req, error: problem + ".")
        }
        if form.moi != form.nhacLai { return try passwordPage(req, error: "Hai lần nhập mật khẩu mới không khớp.") }
        if form.moi == form.cu { return try passwordPage(req, error: "Mật khẩu mới phải khác mật khẩu hiện tại.") }
        let hash = try await Passwords.hash(form.moi, cost: web.settings.bcryptCost, web)
        try await AccountRepository.setPassword(accountID: viewer.account.id, hash: hash, web.db)
        try await SessionRepository.deleteOthers(accountID: viewer.account.id, keeping: viewer.tokenHash, web.db)
        return try passwordPage(req, done: true)
    }
}
