import ArgumentParser
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// Choices a locality makes for itself, from the command line.
struct SettingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setting", abstract: "Thiết lập riêng của một địa phương.", subcommands: [SelfApproval.self])

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
}
