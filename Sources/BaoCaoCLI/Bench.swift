import ArgumentParser
import BaoCaoBench
import BaoCaoStorage
import Foundation

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Đo hiệu năng trên bộ dữ liệu quốc gia tổng hợp (34 tỉnh, 3.321 xã, 300 chỉ tiêu, 24 tháng).",
        discussion:
            "Ghi vào một tệp SQLite riêng (xóa trước khi chạy), hoặc vào PostgreSQL khi đặt DATABASE_URL (các bảng bị xóa và tạo lại)."
    )

    @Option(help: "Số xã do máy tạo (mặc định: 3.321 xã, phường, đặc khu thật từ 1/7/2025).") var communes: Int?
    @Option(help: "Số tỉnh do máy tạo (mặc định: 34 tỉnh, thành phố thật).") var provinces: Int?
    @Option(help: "Số chỉ tiêu.") var indicators = 300
    @Option(help: "Số lần đo mỗi truy vấn.") var repetitions = 20
    @Option(help: "Tệp SQLite dùng để đo.") var file = "baocao-bench.sqlite"
    @Flag(help: "Chỉ đo việc viết báo cáo mẫu (DOCX, HTML, XLSX) trên dữ liệu mẫu.") var report = false
    @Flag(help: "Chỉ đo thời gian trả về từng trang web trên dữ liệu mẫu.") var pages = false
    @Flag(help: "Với --pages: đo trên cơ sở dữ liệu cả nước do baocao bench để lại (--file), không phải dữ liệu mẫu.")
    var national = false
    @Option(
        help:
            "Đo tải: nhiều người dùng đồng thời qua HTTP tới máy chủ đang chạy ở địa chỉ này (vd. http://127.0.0.1:8080)."
    ) var load: String?
    @Option(help: "Số người dùng đồng thời (với --load).") var users = 50
    @Option(help: "Số giây đo (với --load).") var seconds = 20
    @Option(help: "Mã tiến trình của máy chủ, để đo bộ nhớ (với --load).") var serverPid: Int32?

    func run() async throws {
        if let load {
            print("BaoCao bench --load: \(load), \(users) người dùng, \(seconds) giây, không nghỉ giữa các lượt")
            let rows = try await LoadBenchmark(base: load, users: users, seconds: seconds, serverPID: serverPid).run()
            print(
                MarkdownTable.render(
                    header: ["measure", "result", "goal"], rows: rows.map { [$0.measure, $0.result, $0.goal] }))
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let configuration = StoreConfiguration.fromEnvironment(environment, defaultFile: file)
        if pages && national {
            // The national database of an earlier `baocao bench`, kept as it is.
            let store = try Store(configuration)
            try await store.migrate()
            print("BaoCao bench --pages --national: \(configuration.displayName), dữ liệu cả nước của baocao bench")
            try await printTable(store) {
                try await PageBenchmark(store: store, repetitions: repetitions, national: true).run()
            }
            return
        }
        if case .sqliteFile(let path) = configuration {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        let store = try Store(configuration)
        if configuration.isPostgres { try await store.revertAll() }
        try await store.migrate()
        if pages {
            print("BaoCao bench --pages: \(configuration.displayName), dữ liệu mẫu Ngô Quyền, tài khoản mẫu")
            try await printTable(store) { try await PageBenchmark(store: store, repetitions: repetitions).run() }
            return
        }
        if report {
            print("BaoCao bench --report: \(configuration.displayName), báo cáo mẫu Ngô Quyền 6 tháng đầu năm 2017")
            try await printTable(store) { try await ReportBenchmark(store: store, repetitions: repetitions).run() }
            return
        }
        // The real provinces and communes, unless a scale is asked for: then generated ones.
        let nation =
            provinces == nil && communes == nil
            ? try SyntheticNation.real(indicators: indicators)
            : SyntheticNation(provinces: provinces ?? 34, communes: communes ?? 3_321, indicators: indicators)
        print("BaoCao bench: \(configuration.displayName), \(nation.valueCount.formatted()) giá trị")
        let benchmark = NationalBenchmark(nation: nation, store: store, repetitions: repetitions) {
            print($0)
            fflush(nil)  // progress shows as it happens, even when the output goes to a file
        }
        try await printTable(store) { try await benchmark.run() }
    }

    func printTable(
        _ store: Store, _ work: () async throws -> [(measure: String, result: String, goal: String)]
    ) async throws {
        let table: [(measure: String, result: String, goal: String)]
        do { table = try await work() } catch {
            await store.shutdown()
            throw error
        }
        await store.shutdown()
        print(
            MarkdownTable.render(
                header: ["measure", "result", "goal"], rows: table.map { [$0.measure, $0.result, $0.goal] }))
    }
}

enum MarkdownTable {
    static func render(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| "
                + cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
                    separator: " | ") + " |"
        }
        return
            ([line(header), "|" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "|") + "|"]
            + rows.map(line)).joined(separator: "\n")
    }
}
