import BaoCaoDomain
import BaoCaoStorage
import BaoCaoWeb
import Foundation
import Vapor

/// Times every page of the web application on the demo data, through the application's own responder (routing,
/// middleware, sessions, database, rendering; not the network), as the person who normally opens it.
public struct PageBenchmark {
    public let store: Store
    public let repetitions: Int

    public init(store: Store, repetitions: Int) { self.store = store; self.repetitions = repetitions }

    static let pages: [(name: String, account: String?, path: String)] = [
        ("trang chủ (khách)", nil, "/"),
        ("đăng nhập", nil, "/dang-nhap"),
        ("công khai: danh sách", nil, "/cong-khai"),
        ("công khai: quận Ngô Quyền", nil, "/cong-khai/304"),
        ("công khai: báo cáo đã công bố", nil, "/cong-khai/ban/1"),
        ("nhập liệu: chọn đơn vị", "tckh.baocao", "/nhap-lieu?period=2017-H1"),
        ("nhập liệu: phường Máy Chai", "maychai.baocao", "/nhap-lieu?unit=304-P01&period=2017-H1"),
        ("nhập liệu: Phòng Tài chính - Kế hoạch", "tckh.baocao", "/nhap-lieu?unit=304-TCKH&period=2017-H1"),
        ("lịch sử một số liệu", "tckh.baocao", "/lich-su?unit=304-TCKH&period=2017-H1&indicator=THU_NSNN"),
        ("theo dõi nộp số liệu", "tonghop", "/theo-doi?unit=304&period=2017-H1"),
        ("soạn báo cáo", "tonghop", "/soan-bao-cao?unit=304&period=2017-H1"),
        ("viết một mục", "tonghop", "/soan-bao-cao/muc?unit=304&period=2017-H1&section=muc-3"),
        ("tổng quan quận (biểu đồ)", "lanhdao", "/tong-quan?unit=304&period=2017-H1"),
        (
            "tổng quan một chỉ tiêu (xu hướng)", "lanhdao",
            "/tong-quan/chi-tieu?unit=304&period=2017-H1&indicator=GTSX_CN"
        ),
        ("quản trị: tài khoản", "quantri", "/quan-tri/tai-khoan"),
        ("quản trị: nhật ký an ninh", "quantri", "/quan-tri/nhat-ky"),
        ("quản trị: quy tắc kiểm tra", "quantri", "/quan-tri/quy-tac"),
        ("tổng quan quận, số liệu làm việc", "tonghop", "/tong-quan?unit=304&period=2017-H1&view=lam-viec"),
        ("API số liệu quận (chính thức)", "tonghop", "/api/v1/figures?unit=304&period=2017-H1"),
        ("xem trước báo cáo (HTML)", "tonghop", "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=html"),
        ("tải báo cáo (DOCX)", "tonghop", "/bao-cao/ngo-quyen-6-thang?unit=304&period=2017-H1&format=docx"),
    ]

    public func run() async throws -> [(measure: String, result: String, goal: String)] {
        try await DemoData.loadIfEmpty(store)
        try await DemoAccounts.loadIfMissing(store: store)
        let app = try await Application.make(.testing)
        configure(app, store: store)
        do {
            try await app.asyncBoot()
            let rows = try await measure(app)
            try await app.asyncShutdown()
            return rows
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func measure(_ app: Application) async throws -> [(measure: String, result: String, goal: String)] {
        var cookies: [String: String] = [:]
        var rows: [(measure: String, result: String, goal: String)] = []
        var loginTimings: Clock.Timings?
        for account in Set(Self.pages.compactMap(\.account)).sorted() {
            let timings = try await Clock.timings(repetitions: 3) { cookies[account] = try await login(app, account) }
            loginTimings = loginTimings ?? timings
        }
        for page in Self.pages {
            let cookie = page.account.flatMap { cookies[$0] }
            var status: HTTPStatus = .ok
            let timings = try await Clock.timings(repetitions: repetitions) {
                status = try await send(app, .GET, page.path, cookie: cookie).status
            }
            guard status == .ok else { throw BenchFailure(description: "\(page.path): HTTP \(status.code)") }
            rows.append((page.name + " — " + page.path, timings.summary, "< 100 ms"))
        }
        if let loginTimings {
            rows.append(("đăng nhập (POST, bcrypt cost 12: chậm có chủ ý)", loginTimings.summary, ""))
        }
        return rows
    }

    func login(_ app: Application, _ account: String) async throws -> String {
        let page = try await send(app, .GET, "/dang-nhap", cookie: nil)
        let html = page.body.string ?? ""
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { throw BenchFailure(description: "no token") }
        let token = String(html[range.upperBound...].prefix { $0 != "\"" })
        let response = try await send(
            app, .POST, "/dang-nhap", cookie: "baocao_csrf=\(token)",
            form: ["_csrf": token, "ten": account, "mat_khau": DemoAccounts.password])
        guard let session = response.headers.setCookie?["baocao_phien"]?.string else {
            throw BenchFailure(description: "login of \(account) failed: HTTP \(response.status.code)")
        }
        return "baocao_phien=\(session)"
    }

    func send(
        _ app: Application, _ method: HTTPMethod, _ path: String, cookie: String?, form: [String: String]? = nil
    ) async throws -> Response {
        var headers: HTTPHeaders = ["Host": "127.0.0.1"]
        if let cookie { headers.add(name: .cookie, value: cookie) }
        let request = Request(
            application: app, method: method, url: URI(string: path), headers: headers, on: app.eventLoopGroup.next())
        if let form { try request.content.encode(form, as: .urlEncodedForm) }
        return try await app.responder.respond(to: request).get()
    }
}
