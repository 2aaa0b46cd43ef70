import ArgumentParser
import BaoCaoDomain
import BaoCaoStorage
import BaoCaoWeb
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chạy máy chủ web (nạp dữ liệu mẫu khi cơ sở dữ liệu trống).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Địa chỉ lắng nghe.") var hostname = "127.0.0.1"
    @Option(help: "Cổng.") var port = 8080
    @Option(help: "Kỳ báo cáo các trang mở ra khi chưa chọn kỳ (mặc định: kỳ của dữ liệu mẫu).") var period = "2017-H1"
    @Flag(help: "Không nạp dữ liệu mẫu Ngô Quyền 2017.") var noDemo = false
    @Option(
        name: .customLong("trusted-proxy"),
        help:
            "Địa chỉ IP của proxy ngược (nginx) được tin X-Forwarded-For/-Proto (lặp lại được; hoặc biến môi trường BAOCAO_TRUSTED_PROXIES, cách nhau dấu phẩy)."
    ) var trustedProxies: [String] = []
    @Option(
        help:
            "Máy chủ SMTP gửi thư nhắc (thường là máy chủ thư nội bộ, ví dụ 127.0.0.1); không có: chỉ nhắc trong ứng dụng."
    )
    var smtpHost: String?
    @Option(help: "Cổng SMTP.") var smtpPort = 25
    @Option(help: "Địa chỉ người gửi thư nhắc.") var smtpFrom = "baocao@localhost"
    @Option(
        help: "Địa chỉ trang web như người dùng mở (cho đường dẫn trong thư), ví dụ https://baocao.ngoquyen.gov.vn.")
    var publicUrl: String?
    @Option(help: "Nhắc tự động trước hạn bao nhiêu ngày.") var remindBefore = 2
    @Option(help: "Sau hạn, nhắc lại mỗi bao nhiêu ngày.") var remindEvery = 3
    @Option(help: "Chạy lịch nhắc mỗi bao nhiêu phút (0: không chạy).") var remindIntervalMinutes = 60

    func run() async throws {
        let defaultPeriod: Period
        do { defaultPeriod = try Period(code: period) } catch { throw UserFacingError(error.description) }
        let store = try Store(database.configuration)
        try await store.migrate()
        // Demo accounts come only with the demo data, in the same first start: a real database that happens to hold
        // a unit 304 never gets accounts with a published password.
        if !noDemo, try await DemoData.loadIfEmpty(store, reform: true) {
            try await DemoAccounts.loadIfMissing(store: store)
            print(
                "Đã nạp dữ liệu mẫu: quận Ngô Quyền (Hải Phòng), 6 tháng đầu năm 2017; và các phường sau sắp xếp ngày "
                    + "1/7/2025 (phường Ngô Quyền 11329, Gia Viên 11359: số liệu minh họa 2025-2026).")
        }
        let fromEnvironment = (ProcessInfo.processInfo.environment["BAOCAO_TRUSTED_PROXIES"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let proxies = Set(trustedProxies + fromEnvironment)
        let accounts = try await DemoAccounts.stillOpen(store: store)
        let (host, port, database) = (hostname, self.port, store.configuration.displayName)
        let logins =
            accounts.isEmpty
            ? "" : "\n" + DemoLogins.text(accounts, password: DemoAccounts.password)
        do {
            var settings = WebSettings(defaultPeriod: defaultPeriod, trustedProxies: proxies)
            settings.smtp = smtpHost.map { SMTPSettings(host: $0, port: smtpPort, from: smtpFrom) }
            settings.publicURL = publicUrl ?? "http://\(host):\(port)"
            settings.reminders = ReminderSchedule(daysBefore: remindBefore, every: remindEvery)
            settings.reminderInterval = remindIntervalMinutes > 0 ? .seconds(remindIntervalMinutes * 60) : nil
            try await runServer(store: store, hostname: host, port: port, settings: settings) {
                print(
                    """
                    BaoCao đang chạy: http://\(host):\(port)/
                      Trang công khai: http://\(host):\(port)/cong-khai/304
                      Cơ sở dữ liệu:   \(database)\(logins)
                    Dừng: Ctrl-C
                    """)
                fflush(nil)  // the banner shows at once even when the output goes to a log file
            }
        } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Tạo hoặc cập nhật cấu trúc cơ sở dữ liệu.")
    @OptionGroup var database: DatabaseOptions
    @Flag(help: "Nạp dữ liệu mẫu khi cơ sở dữ liệu trống.") var demo = false

    func run() async throws {
        try await database.withStore { store in
            if demo, try await DemoData.loadIfEmpty(store, reform: true) { print("Đã nạp dữ liệu mẫu.") }
        }
        print("Cơ sở dữ liệu đã cập nhật: \(database.configuration.displayName)")
    }
}
