import ArgumentParser
import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Foundation

/// `baocao import FILE --format dhis2` and `baocao export --format dhis2-json|dhis2-csv`.
enum DHIS2Files {
    static func importFile(
        _ path: String, strategy: DHIS2ImportStrategy, dryRun: Bool, json: Bool, by user: String,
        database: DatabaseOptions
    ) async throws {
        let name = (path as NSString).lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw UserFacingError("Không đọc được tệp \(path)")
        }
        let values: [DHIS2DataValue]
        do {
            if path.lowercased().hasSuffix(".json") {
                values = try DHIS2DataValueSet.read(json: data, file: name)
            } else {
                guard let text = String(data: data, encoding: .utf8) else {
                    throw UserFacingError("\(name): tệp không phải UTF-8")
                }
                values = try DHIS2DataValueSet.read(csv: text, file: name)
            }
        } catch let error as ImportProblems { throw UserFacingError(error.description) }
        let summary = try await database.withStore { store in
            try await DHIS2Exchange.importValues(
                values, strategy: strategy, dryRun: dryRun, by: user, file: name, store: store)
        }
        if json {
            print(String(decoding: try DHIS2Exchange.encoder.encode(summary), as: UTF8.self))
        } else {
            let c = summary.importCount
            print(
                (dryRun ? "Chạy thử (không ghi): " : "") + summary.description
                    + " Tạo mới \(c.imported), cập nhật \(c.updated), bỏ qua \(c.ignored), xóa \(c.deleted).")
            for conflict in summary.conflicts.prefix(50) {
                let at =
                    conflict.indexes.map { " (giá trị thứ \($0.map { String($0 + 1) }.joined(separator: ", ")))" } ?? ""
                print("- \(conflict.object)\(at): \(conflict.value)")
            }
        }
        if summary.status == .error { throw ExitCode(1) }
    }

    static func export(
        csv: Bool, selection: FigureSelection, output: String?, database: DatabaseOptions
    ) async throws {
        let export: DHIS2Exchange.Export
        do { export = try await database.withStore { try await DHIS2Exchange.export(selection, $0.sql) } } catch let
            error as FigureSelection.UnknownUnit
        {
            throw UserFacingError(error.description)
        }
        let data = csv ? Data(DHIS2DataValueSet.csv(export.values).utf8) : try DHIS2DataValueSet.json(export.values)
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
            print(
                "Đã xuất \(export.values.count) giá trị vào \(output) (\(selection.view.vietnameseName.lowercased())).")
        } else {
            FileHandle.standardOutput.write(data)
        }
        if export.skipped > 0 {
            FileHandle.standardError.write(
                Data(
                    ("Bỏ qua \(export.skipped) giá trị của các kỳ DHIS2 không có (cộng dồn 2, 3, 4, 5, 7–11 tháng, "
                        + "như 2017-9M).\n").utf8))
        }
    }
}

extension DHIS2ImportStrategy: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}
