import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The security log for administrators: refused requests, forged forms, failed and slowed logins.
enum AuditController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("quan-tri", "nhat-ky") { try await show($0, web) }
    }

    static let events = [
        "tu_choi": "Từ chối truy cập", "csrf": "Biểu mẫu giả mạo hoặc hết hạn", "dang_nhap_sai": "Đăng nhập sai",
        "dang_nhap_cham": "Đăng nhập quá nhanh sau nhiều lần sai", "doi_mat_khau_sai": "Đổi mật khẩu: sai mật khẩu cũ",
    ]

    static func show(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let (_, home) = try await Access.home(req, .manageAccounts, tree: tree, store: web.store)
        // The highest administrators (nobody administers a unit above theirs) read everything, visitors' events
        // included; the others read the events of their own units.
        let above = Array(tree.ancestry(of: home.id).dropFirst())
        let within = try await AccountRepository.anyHolds(.administrator, on: above, web.db) ? home.id : nil
        let rows = try await AuditLog.recent(limit: 200, within: within, web.db).map { e -> HTML in
            """
            <tr><td>\(DateText.short(e.at))</td><td>\(events[e.event] ?? e.event)</td><td>\(e.account ?? "khách")</td>\
            <td>\(e.detail)</td></tr>
            """
        }
        let body: HTML = """
            <h1>Nhật ký an ninh — \(home.fullName)</h1><p class="muted">200 sự kiện gần nhất \
            \(within == nil ? "của cả hệ thống" : "liên quan đến các đơn vị bạn quản lý"): truy cập bị từ chối, \
            biểu mẫu giả mạo, đăng nhập sai.</p><div class="card scroll"><table class="grid"><thead><tr><th>Thời điểm</th><th>Sự kiện</th>\
            <th>Tài khoản</th><th>Chi tiết</th></tr></thead><tbody>\
            \(rows.isEmpty ? ["<tr><td colspan=\"4\">Chưa có sự kiện nào.</td></tr>"] : rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Nhật ký an ninh", section: .audit, body)
    }
}
