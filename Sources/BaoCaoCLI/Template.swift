import ArgumentParser
import BaoCaoExchange
import BaoCaoStorage
import Foundation

/// Report templates in and out of the database, as their readable text form (docs/TEMPLATES.md).
struct Template: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập, xuất và liệt kê mẫu báo cáo (dạng văn bản, xem docs/TEMPLATES.md).",
        subcommands: [List.self, ImportTemplate.self, ExportTemplate.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "Liệt kê các mẫu báo cáo.")
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let codes = try await database.withStore { try await ReportTemplateRepository.codes($0.sql) }
            for entry in codes { print("\(entry.code)\t\(entry.name)") }
        }
    }

    struct ImportTemplate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", abstract: "Nhập (hoặc thay) một mẫu.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Tệp mẫu (.template).") var file: String
        @Option(help: "Mã mẫu.") var code: String
        @Option(help: "Tên mẫu.") var name: String?
        @Option(help: "Tên người nhập.") var user = "import"

        func run() async throws {
            guard let body = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw UserFacingError("Không đọc được tệp \(file)")
            }
            try await database.withStore { store in
                do {
                    try await ReportTemplateRepository.save(
                        code: code, name: name ?? code, body: body, by: user, store: store)
                } catch let error as ImportProblems { throw UserFacingError(error.description) }
            }
            print("Đã lưu mẫu \(code).")
        }
    }

    struct ExportTemplate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "export", abstract: "Xuất một mẫu ra tệp văn bản.")
        @OptionGroup var database: DatabaseOptions
        @Argument(help: "Mã mẫu.") var code: String
        @Option(name: .shortAndLong, help: "Tệp kết quả (mặc định in ra màn hình).") var output: String?

        func run() async throws {
            let stored = try await database.withStore { try await ReportTemplateRepository.find(code, $0.sql) }
            guard let stored else { throw UserFacingError("Không có mẫu báo cáo \"\(code)\"") }
            if let output {
                try stored.body.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(stored.body, terminator: "")
            }
        }
    }
}
