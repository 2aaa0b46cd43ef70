import BaoCaoDomain
import Vapor

/// The frame of every page: skip link, top bar with the sections the viewer may use, the account menu, and main.
enum Layout {
    enum Section: String {
        case home, entry, tracker, workspace, dashboard, publicPage, account, accounts, audit, rules, reorganisations
        case notices, tasks, petitions, citizens, imports, apiTokens
    }

    struct Flash {
        var ok: Bool
        var text: String
    }

    static func page(
        _ req: Request, title: String, section: Section? = nil, flash: Flash? = nil, status: HTTPStatus = .ok,
        _ body: HTML
    ) -> Response {
        let html: HTML = """
            <!doctype html><html lang="vi"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(title) · BaoCao</title><link rel="stylesheet" href="/tai-nguyen/baocao.css">\
            <script src="/tai-nguyen/baocao.js" defer></script></head><body>\
            <a class="skip" href="#noi-dung">Bỏ qua, đến nội dung chính</a>\
            <header class="top"><a class="brand" href="/">BaoCao</a>\(nav(req, section))\(account(req))</header>\
            <main id="noi-dung" tabindex="-1">\(flash.map(flashBox) ?? "")\(body)</main></body></html>
            """
        let response = Response(status: status, body: .init(string: html.markup))
        response.headers.contentType = .html
        return response
    }

    static func flashBox(_ flash: Flash) -> HTML {
        "<p class=\"flash \(flash.ok ? "ok" : "error")\" role=\"\(flash.ok ? "status" : "alert")\">\(flash.text)</p>"
    }

    static func nav(_ req: Request, _ active: Section?) -> HTML {
        var items: [(Section, String, String)] = []
        if let viewer = req.viewer {
            if viewer.has(.reporter) || viewer.has(.administrator) { items.append((.entry, "/nhap-lieu", "Nhập liệu")) }
            if viewer.grants.contains(where: { [.approver, .compiler, .leader, .administrator].contains($0.role) }) {
                items.append((.tracker, "/theo-doi", "Theo dõi nộp số liệu"))
            }
            if viewer.has(.compiler) || viewer.has(.reporter) || viewer.has(.administrator) {
                items.append((.workspace, "/soan-bao-cao", "Soạn báo cáo"))
            }
            items.append((.tasks, "/nhiem-vu", "Nhiệm vụ"))
            items.append((.petitions, "/kien-nghi", "Kiến nghị cử tri"))
            if viewer.grants.contains(where: { $0.role != .administrator }) {
                items.append((.citizens, "/tiep-dan", "Tiếp dân, đơn thư"))
            }
            items.append((.dashboard, "/tong-quan", "Tổng quan"))
            if viewer.has(.administrator) || viewer.has(.compiler) {
                items.append((.imports, "/quan-tri/nhap-du-lieu", "Nhập dữ liệu"))
            }
            if viewer.has(.administrator) {
                items.append((.accounts, "/quan-tri/tai-khoan", "Tài khoản"))
                items.append((.apiTokens, "/quan-tri/ma-api", "Mã API"))
                items.append((.rules, "/quan-tri/quy-tac", "Quy tắc kiểm tra"))
                items.append((.reorganisations, "/quan-tri/sap-xep", "Sắp xếp đơn vị"))
                items.append((.audit, "/quan-tri/nhat-ky", "Nhật ký an ninh"))
            }
        }
        items.append((.publicPage, "/cong-khai", "Công khai"))
        let links = items.map { item -> HTML in
            "<a href=\"\(item.1)\"\(HTML.flag("aria-current=\"page\"", item.0 == active))>\(item.2)</a>"
        }
        return "<nav aria-label=\"Chức năng\">\(links)</nav>"
    }

    static func account(_ req: Request) -> HTML {
        guard let viewer = req.viewer else { return "<div class=\"who\"><a href=\"/dang-nhap\">Đăng nhập</a></div>" }
        return """
            <div class="who"><span>\(viewer.account.displayName)</span>\
            <a href="/thong-bao"\(viewer.unread > 0 ? " class=\"unread\"" as HTML : "")>Thông báo\
            \(viewer.unread > 0 ? " (\(viewer.unread) mới)" : "")</a>\
            <a href="/tai-khoan/mat-khau">Đổi mật khẩu</a>\
            <form method="post" action="/dang-xuat">\(csrf(req))<button type="submit">Đăng xuất</button></form></div>
            """
    }

    /// The hidden field every form of a logged-in page carries.
    static func csrf(_ req: Request) -> HTML {
        "<input type=\"hidden\" name=\"\(FormProtection.field)\" value=\"\(req.viewer?.csrfToken ?? "")\">"
    }

    /// Which figures the page shows, and a link to the other view (`url` without `view`).
    static func viewSwitch(_ view: FigureView, _ url: String) -> HTML {
        let other: FigureView = view == .working ? .official : .working
        return """
            <p class="view-note view-\(view.rawValue)"><strong>\(view.vietnameseName)</strong>: \(view.explanation). \
            <a href="\(url)&amp;view=\(other.rawValue)">Xem \(other.vietnameseName.lowercased())</a></p>
            """
    }

    static func badge(_ status: SubmissionStatus) -> HTML {
        "<span class=\"badge s-\(status.rawValue)\">\(status.vietnameseName)</span>"
    }

    /// A redirect to a path of this site; anything else (another host, a control character) goes home instead.
    static func redirect(_ path: String) -> Response {
        let response = Response(status: .seeOther)
        response.headers.replaceOrAdd(name: .location, value: LocalPath.safe(path) ?? "/")
        return response
    }
}
