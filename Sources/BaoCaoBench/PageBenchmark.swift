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
    /// On the national database `baocao bench` leaves (3,356 units, 300 indicators), with accounts made for it,
    /// instead of the demo.
    public let national: Bool

    public init(store: Store, repetitions: Int, national: Bool = false) {
        self.store = store; self.repetitions = repetitions; self.national = national
    }

    /// The units the national pages open: the country, its first province (by code) and that province's first
    /// commune, whether the benchmark's units are the real ones ("01" Hà Nội, "00004" phường Ba Đình) or
    /// generated ("T1", "X1").
    struct NationalUnits {
        var country: String, province: String, commune: String

        init(_ tree: UnitTree) throws {
            guard let root = tree.units.first(where: { $0.kind == .country }),
                let province = tree.children(of: root.id).filter({ !$0.kind.isOffice }).min(by: { $0.code < $1.code }),
                let commune = tree.children(of: province.id).filter(\.kind.isCommuneLevel).min(by: { $0.code < $1.code }
                )
            else { throw BenchFailure(description: "không có dữ liệu cả nước: chạy baocao bench trước để tạo") }
            (country, self.province, self.commune) = (root.code, province.code, commune.code)
        }
    }

    /// The daily pages at national scale: a commune's form, a province's tracker and dashboards, the country.
    static func nationalPages(_ u: NationalUnits) -> [(name: String, account: String?, path: String)] {
        [
            ("nhập liệu: một xã", "xa.baocao", "/nhap-lieu?unit=\(u.commune)&period=2017-H1"),
            ("theo dõi nộp số liệu: một tỉnh (các xã)", "tinh.tonghop", "/theo-doi?unit=\(u.province)&period=2017-H1"),
            (
                "tổng quan một tỉnh, số liệu làm việc", "tinh.tonghop",
                "/tong-quan?unit=\(u.province)&period=2017-H1&view=lam-viec"
            ),
            ("tổng quan cả nước", "qg.lanhdao", "/tong-quan?unit=\(u.country)&period=2017-H1"),
            (
                "một chỉ tiêu của tỉnh: các xã và xu hướng", "tinh.tonghop",
                "/tong-quan/chi-tieu?unit=\(u.province)&period=2017-H1&indicator=CT1"
            ),
            ("API số liệu một tỉnh", "tinh.tonghop", "/api/v1/figures?unit=\(u.province)&period=2017-H1"),
            ("quản trị: tài khoản", "qg.quantri", "/quan-tri/tai-khoan"),
        ]
    }

    static func nationalAccounts(_ u: NationalUnits) -> [(name: String, role: Role, unit: String)] {
        [
            ("xa.baocao", .reporter, u.commune), ("tinh.tonghop", .compiler, u.province),
            ("qg.lanhdao", .leader, u.country), ("qg.quantri", .administrator, u.country),
        ]
    }

    /// Accounts for the national pages (the demo password, hashed at a low cost: logins are not what is timed).
    func nationalAccounts(_ tree: UnitTree, _ units: NationalUnits) async throws {
        for (name, role, code) in Self.nationalAccounts(units) {
            guard try await AccountRepository.find(username: name, store.sql) == nil, let unit = tree.byCode[code]
            else {
                continue
            }
            _ = try await AccountRepository.create(
                username: name, displayName: name, passwordHash: try Bcrypt.hash(DemoAccounts.password, cost: 4),
                grants: [RoleGrant(role: role, unitID: unit.id)], store.sql)
        }
    }

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
        var pages = Self.pages
        if national {
            let tree = try await UnitTree.load(store.sql)
            let units = try NationalUnits(tree)
            try await nationalAccounts(tree, units)
            pages = Self.nationalPages(units)
        } else {
            try await DemoData.loadIfEmpty(store)
            try await DemoAccounts.loadIfMissing(store: store)
        }
        let app = try await Application.make(.testing)
        configure(app, store: store)
        do {
            try await app.asyncBoot()
            let rows = try await measure(app, pages)
            try await app.asyncShutdown()
            return rows
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    func measure(
        _ app: Application, _ pages: [(name: String, account: String?, path: String)]
    ) async throws -> [(measure: String, result: String, goal: String)] {
        var cookies: [String: String] = [:]
        var rows: [(measure: String, result: String, goal: String)] = []
        var loginTimings: Clock.Timings?
        for account in Set(pages.compactMap(\.account)).sorted() {
            let timings = try await Clock.timings(repetitions: 3) { cookies[account] = try await login(app, account) }
            loginTimings = loginTimings ?? timings
        }
        for page in pages {
            let cookie = page.account.flatMap { cookies[$0] }
            var status: HTTPStatus = .ok
            let timings = try await Clock.timings(repetitions: repetitions) {
                status = try await send(app, .GET, page.path, cookie: cookie).status
            }
            guard status == .ok else { throw BenchFailure(description: "\(page.path): HTTP \(status.code)") }
            rows.append((page.name + " — " + page.path, timings.summary, "< 100 ms"))
        }
        if let loginTimings, !national {
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
