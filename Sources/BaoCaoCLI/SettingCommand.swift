import ArgumentParser
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// Choices a locality makes for itself, from the command line.
struct SettingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setting", abstract: "Thiết lập riêng của một địa phương.",
        subcommands: [SelfApproval.self, ReportValue.self])

    struct SelfApproval: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "self-approval",
            abstract: "Cho phép hay không người nhập hoặc gửi số liệu tự duyệt số liệu đó (mặc định: không).",
            discussion: """
                Áp dụng cho đơn vị và mọi đơn vị cấp dưới, trừ nơi đã chọn khác.
                Ví dụ: baocao setting self-approval --unit 304-P01 cho-phep
                Giá trị: cho-phep (cho tự duyệt), khong (không cho), mac-dinh (theo đơn vị cấp trên).
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Mã đơn vị.") var unit: String
        @Argument(help: "cho-phep, khong hoặc mac-dinh.") var choice: String
        @Option(help: "Tên người thiết lập.") var user = "quan-tri-may-chu"

        func run() async throws {
            let value: String?
            switch choice {
            case "cho-phep": value = SeparationOfDuties.allowed
            case "khong": value = "khong"
            case "mac-dinh": value = nil
            default: throw UserFacingError("Giá trị \"\(choice)\" không hợp lệ; dùng cho-phep, khong hoặc mac-dinh")
            }
            try await database.withStore { store in
                let tree = try await UnitTree.load(store.sql)
                guard let target = tree.byCode[unit] else { throw UserFacingError("Không có đơn vị \"\(unit)\"") }
                try await LocalitySettings.set(
                    SeparationOfDuties.setting, to: value, unitID: target.id, by: user, store.sql)
                print("Đã lưu: tự duyệt số liệu ở \(target.fullName): \(choice).")
            }
        }
    }

    struct ReportValue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bao-cao",
            abstract: "Thông tin báo cáo mà kỳ báo cáo không tự biết: kỳ họp HĐND, khóa HĐND, chủ đề năm.",
            discussion: """
                Tên: ky_hop (theo kỳ báo cáo), khoa_hdnd (dùng đến khi đổi), chu_de_nam (theo năm). Mẫu báo cáo viết \
                chúng là {ky_hop}, {khoa_hdnd}, {chu_de_nam}. Giá trị rỗng ("") xóa thiết lập của đơn vị.
                Ví dụ: baocao setting bao-cao --unit 304 --period 2017-9M ky_hop VI
                """)
        @OptionGroup var database: DatabaseOptions
        @Option(help: "Mã đơn vị.") var unit: String
        @Option(help: "Kỳ báo cáo (với chu_de_nam: năm của kỳ; với khoa_hdnd: không dùng).") var period: String
        @Argument(help: "ky_hop, khoa_hdnd hoặc chu_de_nam.") var name: String
        @Argument(help: "Giá trị.") var value: String
        @Option(help: "Tên người thiết lập.") var user = "quan-tri-may-chu"

        func run() async throws {
            guard let setting = ReportSetting(rawValue: name) else {
                let names = ReportSetting.allCases.map(\.rawValue).joined(separator: ", ")
                throw UserFacingError("Không có thiết lập \"\(name)\"; dùng một trong: \(names)")
            }
            let period: Period
            do { period = try Period(code: self.period) } catch { throw UserFacingError(error.description) }
            if let problem = TextLimit.name.problem(value) { throw UserFacingError(problem) }
            try await database.withStore { store in
                let tree = try await UnitTree.load(store.sql)
                guard let target = tree.byCode[unit] else { throw UserFacingError("Không có đơn vị \"\(unit)\"") }
                try await ReportSettingsRepository.set(
                    setting, setting.scope, for: period, to: value, unitID: target.id, by: user, store.sql)
                print(
                    "Đã lưu: \(setting.vietnameseName) của \(target.fullName): \(value.isEmpty ? "(đã xóa)" : value).")
            }
        }
    }
}
