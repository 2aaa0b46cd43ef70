import ArgumentParser
import BaoCaoDomain
import BaoCaoStorage
import Foundation

struct Validate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Kiểm tra số liệu của một đơn vị và các xã, phường trực thuộc theo các quy tắc kiểm tra.",
        discussion: "In mọi vi phạm (lỗi và cảnh báo); mã thoát 1 khi có lỗi.")

    @OptionGroup var database: DatabaseOptions
    @Option(help: "Mã hoặc tên đơn vị, ví dụ 304 hoặc \"Ngô Quyền\".") var unit: String
    @Option(help: "Kỳ báo cáo: 2017-M06, 2017-Q2, 2017-H1, 2017-9M, 2017.") var period: String
    @Option(help: "Số liệu: lam-viec (gồm cả số chưa duyệt, mặc định) hoặc chinh-thuc.")
    var view = FigureView.working

    func run() async throws {
        let period: Period
        do { period = try Period(code: self.period) } catch { throw UserFacingError(error.description) }
        let lines = try await database.withStore { store -> [String] in
            let db = store.sql
            if try await DemoData.loadIfEmpty(store, reform: true) {
                FileHandle.standardError.write(Data("Đã nạp dữ liệu mẫu.\n".utf8))
            }
            let tree = try await UnitTree.load(db)
            guard let unit = UnitRepository.lookup(self.unit, among: tree.units) else {
                throw UserFacingError("Không có đơn vị \"\(self.unit)\"")
            }
            let catalogue = try await IndicatorRepository.catalogue(db)
            var lines: [String] = []
            var errors = 0, warnings = 0
            let units = try await ValidationQuery.unitsToCheck(
                below: unit, period: period, view: view, tree: tree, db)
            for u in units {
                let found = try await ValidationQuery.violations(
                    unit: u, period: period, view: view, tree: tree, catalogue: catalogue, db)
                guard !found.isEmpty else { continue }
                lines.append("\(u.fullName) (\(u.code)):")
                for v in found.sorted(by: { ($0.severity.rawValue, $0.key) < ($1.severity.rawValue, $1.key) }) {
                    lines.append("  - \(v.text)")
                    if v.severity == .error { errors += 1 } else { warnings += 1 }
                }
            }
            lines.append(
                "\(view.vietnameseName), \(period.vietnameseName): kiểm tra \(units.count) đơn vị, "
                    + "\(errors) lỗi, \(warnings) cảnh báo.")
            if errors > 0 { throw ValidationFailed(lines: lines) }
            return lines
        }
        print(lines.joined(separator: "\n"))
    }

    struct ValidationFailed: Error, CustomStringConvertible {
        let lines: [String]
        var description: String { lines.joined(separator: "\n") }
    }
}
