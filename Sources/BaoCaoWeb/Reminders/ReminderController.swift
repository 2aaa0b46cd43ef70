import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// "Nhắc" on the tracker, and a person's notices.
enum ReminderController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.post("theo-doi", "nhac") { try await remind($0, web) }
        routes.get("thong-bao") { try await notices($0, web) }
    }

    /// A compiler (or approver, leader) of the locality reminds one unit below it whose figures are not sent.
    static func remind(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        guard let unit = tree.byCode[fields["unit"] ?? ""] else { throw Abort(.notFound, reason: "Không có đơn vị") }
        let locality = tree.byCode[fields["locality"] ?? ""] ?? unit.parentID.flatMap { tree.byID[$0] } ?? unit
        let viewer = try await Access.require(req, .assembleReport, on: locality, tree: tree, store: web.store)
        guard tree.ancestry(of: unit.id).contains(locality.id) else {
            throw Abort(.badRequest, reason: "\(unit.fullName) không thuộc \(locality.fullName)")
        }
        let period = try Access.period(req, default: web.settings.defaultPeriod, fields["period"])
        let submission = try await SubmissionRepository.submission(unitID: unit.id, period: period, web.db)
        let back = "/theo-doi?unit=\(locality.code)&period=\(period.code)"
        guard !submission.status.isDelivered else { return Layout.redirect(back + "&tb=da_nop") }
        let calendar = try await CalendarRepository.calendar(for: locality, units: tree.units, web.db)
        let outcome = try await Reminders.remind(
            .manual, unit: unit, period: period, deadline: calendar.window(for: period).deadline,
            by: viewer.account.username, sender: viewer.account.displayName, web: web)
        // Only numbers and a unit's code travel in the address: the page says it in its own words.
        return Layout.redirect(
            back + "&tb=nhac&don_vi=\(unit.code)&nguoi=\(outcome.people)&thu=\(outcome.emailed)"
                + "&loi=\(outcome.problems.count)")
    }

    /// `/thong-bao`: the viewer's notices, newest first; opening the page marks them read.
    static func notices(_ req: Request, _ web: Web) async throws -> Response {
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        let list = try await NotificationRepository.list(accountID: viewer.account.id, web.db)
        let names = try await AccountRepository.displayNames(Set(list.map(\.createdBy)), web.db)
        try await NotificationRepository.markRead(accountID: viewer.account.id, web.db)
        let rows = list.map { n -> HTML in
            let mail: HTML =
                n.emailedTo.map { to -> HTML in
                    n.emailError.map { e -> HTML in
                        "<br><span class=\"small g-cham\">Thư tới \(to) không gửi được: \(e)</span>"
                    }
                        ?? "<br><span class=\"small muted\">Đã gửi thư tới \(to)</span>"
                } ?? ""
            let text: HTML = n.link.map { l -> HTML in "<a href=\"\(l)\">\(n.text)</a>" } ?? "\(n.text)"
            return """
                <tr\(n.read ? "" : " class=\"unread\"" as HTML)><td data-label="Lúc">\(DateText.short(n.createdAt))</td>\
                <td data-label="Nội dung">\(text)\(mail)</td>\
                <td data-label="Người nhắc">\(names[n.createdBy] ?? (n.createdBy == "he-thong" ? "Hệ thống (tự động)" : n.createdBy))</td></tr>
                """
        }
        let body: HTML =
            list.isEmpty
            ? "<h1>Thông báo</h1><p class=\"card\">Chưa có thông báo nào.</p>"
            : """
            <h1>Thông báo</h1><div class="card scroll"><table class="grid cards"><thead><tr><th>Lúc</th><th>Nội dung</th>\
            <th>Người nhắc</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Thông báo", section: .notices, body)
    }
}
