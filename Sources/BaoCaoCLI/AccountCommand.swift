import ArgumentParser
import BaoCaoStorage
import BaoCaoWeb
import Foundation

/// Accounts from the command line: the first administrator of an installation without the demo, and any other.
struct AccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account", abstract: "Tạo và liệt kê tài khoản đăng nhập.",
        subcommands: [Add.self, List.self, Email.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Tạo tài khoản; mật khẩu đọc từ dòng đầu của đầu vào chuẩn (không ghi trên dòng lệnh).",
            discussion: """
                Ví dụ: echo 'mat-khau-du-dai' | baocao account add nguyenvana --name "Nguyễn Văn A" --role tong_hop --unit 304
                Vai trò: quan_tri, bao_cao_vien, phe_duyet, tong_hop, lanh_dao; mỗi --role đi với một --unit.
                """)
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Tên đăng nhập.") var username: String
        @Option(help: "Tên hiển thị.") var name: String
        @Option(help: "Vai trò (lặp lại được).") var role: [String]
        @Option(help: "Mã đơn vị của vai trò tương ứng (lặp lại được).") var unit: [String]

        func run() async throws {
            guard role.count == unit.count else {
                throw UserFacingError(
                    "Mỗi --role cần đúng một --unit (đang có \(role.count) vai trò, \(unit.count) đơn vị)")
            }
            guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                throw UserFacingError("Chưa có mật khẩu: gửi mật khẩu vào đầu vào chuẩn")
            }
            try await database.withStore { store in
                do {
                    try await AccountAdmin.create(
                        username: username, displayName: name, password: password,
                        roles: Array(zip(role, unit)).map { (role: $0.0, unit: $0.1) }, store: store,
                        hash: AccountAdmin.bcrypt(cost: 12))
                } catch let problem as AccountAdmin.Problem { throw UserFacingError(problem.description) }
            }
            print("Đã tạo tài khoản \(username.lowercased()).")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê tài khoản và vai trò.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            for line in try await database.withStore({ try await AccountAdmin.listing(store: $0) }) { print(line) }
        }
    }

    struct Email: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "email", abstract: "Đặt địa chỉ thư điện tử nhận thư nhắc của một tài khoản (\"\" để xóa).",
            discussion: "Ví dụ: baocao account email maychai.baocao maychai@ngoquyen.haiphong.gov.vn")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Tên đăng nhập.") var username: String
        @Argument(help: "Địa chỉ thư điện tử.") var address: String

        func run() async throws {
            let trimmed = address.trimmingCharacters(in: .whitespaces)
            let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
            if !trimmed.isEmpty && (!SMTPClient.isSafe(trimmed) || parts[0].isEmpty || !parts[1].contains(".")) {
                throw UserFacingError("Địa chỉ thư \"\(address)\" không hợp lệ (dạng ten@ten-mien.vn)")
            }
            try await database.withStore { store in
                guard let account = try await AccountRepository.find(username: username, store.sql) else {
                    throw UserFacingError("Không có tài khoản \"\(username)\"")
                }
                try await AccountRepository.setEmail(
                    accountID: account.id, to: trimmed.isEmpty ? nil : trimmed, store.sql)
            }
            print(
                trimmed.isEmpty
                    ? "Đã xóa địa chỉ thư của \(username)." : "Đã đặt địa chỉ thư của \(username): \(trimmed).")
        }
    }
}
