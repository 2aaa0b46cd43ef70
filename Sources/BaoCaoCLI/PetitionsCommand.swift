import ArgumentParser
import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// `baocao kien-nghi`: the report on the answers to voters' petitions before a council session, as DOCX, a page or
/// text.
struct PetitionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kien-nghi",
        abstract: "Báo cáo kết quả giải quyết kiến nghị cử tri trước một kỳ họp HĐND (DOCX, HTML hoặc văn bản).")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, docx, html }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Mã địa phương, ví dụ 304.") var unit: String
    @Option(help: "Kỳ họp thứ mấy, ví dụ 5.") var session: Int
    @Option(help: "Khóa HĐND (số La Mã), ví dụ XVIII.") var term: String
    @Option(help: "Định dạng.") var format = Format.text
    @Option(name: .shortAndLong, help: "Tệp kết quả (mặc định in ra màn hình; DOCX cần -o).") var output: String?

    func run() async throws {
        if format == .docx && output == nil { throw UserFacingError("--format docx cần -o TỆP") }
        let document = try await database.withStore { store -> ReportDocument in
            if try await DemoData.loadIfEmpty(store, reform: true) {
                FileHandle.standardError.write(Data("Đã nạp dữ liệu mẫu.\n".utf8))
            }
            let tree = try await UnitTree.load(store.sql)
            guard let locality = tree.byCode[unit] else { throw UserFacingError("Không có đơn vị \"\(unit)\"") }
            guard
                let found = try await PetitionRepository.sessions(localityID: locality.id, store.sql).first(where: {
                    $0.session.number == session && $0.session.term == term.uppercased()
                }),
                let document = try await PetitionReportQuery.document(sessionID: found.id, store.sql)
            else { throw UserFacingError("\(locality.fullName) không có kỳ họp thứ \(session) khóa \(term)") }
            return document
        }
        let data: Data =
            switch format {
            case .docx: try DocxWriter.write(document)
            case .html: Data(HTMLWriter.write(document, title: "Kết quả giải quyết kiến nghị cử tri").utf8)
            case .text: Data((document.plainText + "\n").utf8)
            }
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
