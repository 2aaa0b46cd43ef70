import ArgumentParser
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// The legal rules tables in use (time limits of letters, the chairman's reception days, the register's indicators):
/// printed as CSV, or replaced by a corrected one, read whole first.
struct LegalRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quy-dinh", abstract: "Bảng quy định pháp lý: thời hạn giải quyết đơn, ngày tiếp công dân.",
        discussion: """
            Bảng: thoi-han (thời hạn thụ lý, giải quyết khiếu nại, tố cáo), tiep-cong-dan (ngày tiếp định kỳ của Chủ tịch), \
            so-lieu-so (chỉ tiêu nhận số liệu từ sổ). Mỗi dòng ghi căn cứ pháp lý.
            Ví dụ: baocao quy-dinh thoi-han > thoi-han.csv; sửa; baocao quy-dinh thoi-han --nhap thoi-han.csv
            """)
    @OptionGroup var database: DatabaseOptions
    @Argument(help: "thoi-han, tiep-cong-dan hoặc so-lieu-so.") var table: String
    @Option(name: .customLong("nhap"), help: "Tệp CSV thay bảng đang dùng (kiểm tra cả bảng trước khi lưu).")
    var file: String?
    @Option(help: "Tên người thay.") var user = "quan-tri-may-chu"

    func run() async throws {
        guard let table = LegalRules.Table(rawValue: table) else {
            throw UserFacingError("Không có bảng \"\(table)\"; dùng thoi-han, tiep-cong-dan hoặc so-lieu-so")
        }
        try await database.withStore { store in
            guard let file else {
                print(try await LegalRules.text(table, store.sql), terminator: "")
                return
            }
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                throw UserFacingError("Không đọc được tệp \(file) (cần UTF-8)")
            }
            do {
                try await LegalRules.replace(table, csv: text, by: user, store.sql)
            } catch let problem as ClockRules.Problem {
                throw UserFacingError("\(file): \(problem.description); chưa thay bảng")
            }
            print("Đã thay bảng \(table.rawValue) bằng \(file).")
        }
    }
}
