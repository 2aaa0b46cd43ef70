import ArgumentParser
import BaoCaoDomain
import BaoCaoStorage
import Foundation

struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Viết kết quả thực hiện các chỉ tiêu của một đơn vị trong một kỳ.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, docx, pdf, html, xlsx }

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Mã hoặc tên đơn vị, ví dụ 304 hoặc \"Ngô Quyền\".") var unit: String
    @Option(help: "Kỳ báo cáo: 2017-M06, 2017-Q2, 2017-H1, 2017-9M, 2017.") var period: String
    @Option(help: "Định dạng.") var format = Format.text
    @Option(name: .shortAndLong, help: "Tệp kết quả (mặc định in ra màn hình).") var output: String?

    func run() async throws {
        guard format == .text else {
            throw UserFacingError(
                "Định dạng \(format.rawValue) chưa được hỗ trợ trong phiên bản này; dùng --format text.")
        }
        let period: Period
        do { period = try Period(code: self.period) } catch { throw UserFacingError(error.description) }
        let listing = try await database.withStore { store -> FigureListing in
            let db = store.sql
            if try await DemoData.loadIfEmpty(store) {
                FileHandle.standardError.write(Data("Đã nạp dữ liệu mẫu.\n".utf8))
            }
            guard let unit = UnitRepository.lookup(self.unit, among: try await UnitRepository.all(db)) else {
                throw UserFacingError("Không có đơn vị \"\(self.unit)\"")
            }
            let catalogue = try await IndicatorRepository.catalogue(db)
            let figures = try await FigureQuery.figures(unitID: unit.id, period: period, catalogue: catalogue, db)
            return FigureListing(unitName: unit.fullName, period: period, fields: catalogue.fields, figures: figures)
        }
        if let output {
            try (listing.text + "\n").write(toFile: output, atomically: true, encoding: .utf8)
        } else {
            print(listing.text)
        }
    }
}
