import ArgumentParser
import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Foundation

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nhập đơn vị, chỉ tiêu, chỉ tiêu kế hoạch và số liệu từ tệp CSV/JSON (xem docs/IMPORT.md).",
        discussion: "Mọi tệp được nhập trong một giao dịch: có một lỗi thì không ghi gì.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "Tệp .csv, .xlsx (trang tính đầu tiên) hoặc .json, hoặc thư mục chứa chúng.") var files: [String]
    @Option(help: "Tên người nhập, ghi vào lịch sử.") var user = "import"
    @Option(help: "tu-dong (định dạng của BaoCao, theo phần mở rộng) hoặc dhis2 (dataValueSets JSON/CSV của DHIS2).")
    var format = ImportFormat.automatic
    @Option(help: "Với dhis2: CREATE_AND_UPDATE (mặc định), CREATE, UPDATE hoặc DELETE.")
    var strategy = DHIS2ImportStrategy.createAndUpdate
    @Flag(help: "Với dhis2 hoặc biểu Excel: kiểm tra và cho biết sẽ thay đổi gì, rồi không ghi gì.") var dryRun = false
    @Flag(help: "Với dhis2: in kết quả theo dạng ImportSummary (JSON) của DHIS2.") var json = false

    enum ImportFormat: String, ExpressibleByArgument {
        case automatic = "tu-dong", dhis2
    }

    func run() async throws {
        if format == .dhis2 {
            guard files.count == 1 else { throw UserFacingError("Với --format dhis2, nhập từng tệp một.") }
            return try await DHIS2Files.importFile(
                files[0], strategy: strategy, dryRun: dryRun, json: json, by: user, database: database)
        }
        if let form = files.lazy.compactMap(FormFiles.form(at:)).first {
            guard files.count == 1 else { throw UserFacingError("Biểu nhập số liệu (Excel) được nhập từng tệp một.") }
            return try await FormFiles.importForm(form, dryRun: dryRun, by: user, database: database)
        }
        guard !dryRun, !json, strategy == .createAndUpdate else {
            throw UserFacingError("--dry-run, --json và --strategy chỉ dùng với --format dhis2 hoặc biểu nhập số liệu.")
        }
        var read: [(name: String, data: Data)] = []
        for path in try Self.expand(files) {
            guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
                throw UserFacingError("Không đọc được tệp \(path)")
            }
            read.append(((path as NSString).lastPathComponent, data))
        }
        let dataset: Dataset
        do { dataset = try ExchangeFile.read(read) } catch { throw UserFacingError(error.description) }
        let summary = try await database.withStore { store in
            do { return try await DatasetImporter.run(dataset, by: user, store: store) } catch let error
                as ImportProblems
            {
                throw UserFacingError(error.description)
            } catch let error as FigureOutOfRange {
                throw UserFacingError("Không nhập được, không có dữ liệu nào được ghi: \(error.description)")
            }
        }
        print(
            "Đã nhập: \(summary.fields) lĩnh vực, \(summary.units) đơn vị, \(summary.lineage) dòng sắp xếp đơn vị, "
                + "\(summary.indicators) chỉ tiêu, "
                + "\(summary.targets) chỉ tiêu kế hoạch, \(summary.values) giá trị (\(summary.unchangedValues) không đổi), "
                + "\(summary.rules) quy tắc kiểm tra, \(summary.programme) nội dung chương trình công tác mới "
                + "(\(summary.programmeUpdated) cập nhật, \(summary.programmeUnchanged) không đổi), "
                + "\(summary.tasks) nhiệm vụ, \(summary.sessions) kỳ họp, \(summary.petitions) kiến nghị cử tri "
                + "(\(summary.unchangedRecords) đã có, không đổi)."
        )
        if !summary.warnings.isEmpty {
            print("Cảnh báo (\(summary.warnings.count)), số liệu vẫn được nhập:")
            for warning in summary.warnings.prefix(50) { print("- \(warning)") }
        }
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw UserFacingError("Không tìm thấy tệp \(path)")
            }
            if isDirectory.boolValue {
                // Catalogue before figures: fields, units, indicators, targets, values.
                let names = ExchangeFile.ordered(
                    try FileManager.default.contentsOfDirectory(atPath: path)
                        .filter { $0.hasSuffix(".csv") || $0.hasSuffix(".json") || $0.hasSuffix(".xlsx") })
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Xuất toàn bộ danh mục và số liệu theo cùng định dạng với lệnh import.")

    enum Format: String, ExpressibleByArgument {
        case csv, json
        case dhis2JSON = "dhis2-json", dhis2CSV = "dhis2-csv"
        case sdmxCSV = "sdmx-csv", sdmxStructure = "sdmx-dsd"
    }

    @OptionGroup var database: DatabaseOptions
    @Option(
        help: ArgumentHelp(
            "csv (một thư mục, mỗi bảng một tệp), json (một tệp), dhis2-json hoặc dhis2-csv (số liệu, dataValueSets), "
                + "sdmx-csv (số liệu, SDMX-CSV 2.0) hoặc sdmx-dsd (cấu trúc SDMX-ML 3.0 của chúng)."))
    var format = Format.csv
    @Option(name: .shortAndLong, help: "Thư mục (csv) hoặc tệp; không có -o thì in ra màn hình (trừ csv).")
    var output: String?
    @Option(help: "Số liệu: chinh-thuc (chỉ số đã duyệt, mặc định) hoặc lam-viec (gồm cả số chưa duyệt).")
    var view = FigureView.official
    @Option(help: "Với dhis2-*, sdmx-csv: chỉ số liệu của đơn vị này (mã); lặp lại được.") var unit: [String] = []
    @Flag(help: "Với dhis2-*, sdmx-csv: cả các đơn vị trực thuộc của --unit.") var children = false
    @Option(help: "Với dhis2-*, sdmx-csv: chỉ kỳ này (2017-H1, 2017-Q2...); lặp lại được.") var period: [String] = []

    func run() async throws {
        switch format {
        case .dhis2JSON, .dhis2CSV:
            return try await DHIS2Files.export(
                csv: format == .dhis2CSV, selection: try selection(), output: output, database: database)
        case .sdmxCSV, .sdmxStructure:
            return try await SDMXFiles.export(
                structure: format == .sdmxStructure, selection: try selection(), output: output, database: database)
        case .csv, .json: break
        }
        let dataset = try await database.withStore { try await DatasetExporter.export($0.sql, view: view) }
        switch format {
        case .json:
            let data = try DatasetFormatter.json(dataset)
            if let output {
                try data.write(to: URL(fileURLWithPath: output))
            } else {
                print(String(decoding: data, as: UTF8.self))
            }
        case .dhis2JSON, .dhis2CSV, .sdmxCSV, .sdmxStructure: break
        case .csv:
            let directory = output ?? "baocao-export"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for table in TableKind.allCases {
                let path = (directory as NSString).appendingPathComponent("\(table.rawValue).csv")
                try DatasetFormatter.csv(table, dataset).write(toFile: path, atomically: true, encoding: .utf8)
            }
            print(
                "Đã xuất vào \(directory)/: " + TableKind.allCases.map { "\($0.rawValue).csv" }.joined(separator: ", ")
                    + " (\(view.vietnameseName.lowercased()))")
        }
    }

    /// The figures `--unit`, `--children`, `--period` and `--view` ask for.
    func selection() throws -> FigureSelection {
        var periods: Set<Period>?
        if !period.isEmpty {
            do { periods = Set(try period.map { try Period(text: $0) }) } catch {
                throw UserFacingError("Kỳ không hợp lệ: \(error)")
            }
        }
        return FigureSelection(units: unit.isEmpty ? nil : unit, children: children, periods: periods, view: view)
    }
}
