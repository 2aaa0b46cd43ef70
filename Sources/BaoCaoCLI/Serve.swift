import ArgumentParser
import BaoCaoStorage
import BaoCaoWeb
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Chạy máy chủ web (nạp dữ liệu mẫu khi cơ sở dữ liệu trống).")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Địa chỉ lắng nghe.") var hostname = "127.0.0.1"
    @Option(help: "Cổng.") var port = 8080
    @Flag(help: "Không nạp dữ liệu mẫu Ngô Quyền 2017.") var noDemo = false

    func run() async throws {
        let store = try Store(database.configuration)
        try await store.migrate()
        if !noDemo, try await DemoData.loadIfEmpty(store) {
            print("Đã nạp dữ liệu mẫu: quận Ngô Quyền (Hải Phòng), 6 tháng đầu năm 2017.")
        }
        let (host, port, database) = (hostname, self.port, store.configuration.displayName)
        let report = SiteURL.report(template: DemoData.templateCode, unit: "304", period: "2017-H1", format: "html")
            .path
        do {
            try await runServer(store: store, hostname: host, port: port) {
                print(
                    """
                    BaoCao đang chạy: http://\(host):\(port)/
                      Số liệu mẫu:   http://\(host):\(port)\(SiteURL.apiFigures(unit: "304", period: "2017-H1").path)
                      Báo cáo mẫu:   http://\(host):\(port)\(report)
                      Cơ sở dữ liệu: \(database)
                      Tài khoản: chưa có (API chỉ đọc; đăng nhập và phân quyền đến cùng ứng dụng web).
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
            if demo, try await DemoData.loadIfEmpty(store) { print("Đã nạp dữ liệu mẫu.") }
        }
        print("Cơ sở dữ liệu đã cập nhật: \(database.configuration.displayName)")
    }
}
