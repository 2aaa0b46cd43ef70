import BaoCaoDomain
import Foundation

/// Reads the exchange format (CSV or a spreadsheet's first sheet, one table per file; or JSON, any tables) into a
/// `Dataset`.
/// Problems of form (a number, a period code, a choice) are found here; problems of reference (an unknown
/// indicator or unit) by the storage layer, which sees the database.
public enum DatasetReader {
    public static func read(csv text: String, file: String? = nil) throws(ImportProblems) -> Dataset {
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.rows(text) } catch {
            var p = error; p.file = file
            throw ImportProblems([p])
        }
        return try read(rows: rows, file: file)
    }

    /// One table from rows of cells, the first its header: a CSV file's, or a spreadsheet's (each row with its
    /// number in the sheet).
    public static func read(rows: [CSVReader.Row], file: String? = nil) throws(ImportProblems) -> Dataset {
        guard let header = rows.first else {
            throw ImportProblems([ImportProblem(file: file, line: 1, column: nil, message: "tệp trống")])
        }
        let names = header.fields.map { $0.trimmingWhitespace().lowercased() }
        guard let table = TableKind.recognise(header: names) else {
            throw ImportProblems([
                ImportProblem(
                    file: file, line: header.line, column: nil,
                    message: "không nhận ra bảng từ dòng tiêu đề; xem docs/IMPORT.md")
            ])
        }
        var problems = headerProblems(table, names, file: file, line: header.line)
        var dataset = Dataset()
        for row in rows.dropFirst() {
            let location = SourceLocation(file: file, line: row.line)
            if row.fields.count > names.count {
                problems.append(
                    location.problem(
                        nil,
                        "có \(row.fields.count) ô, nhiều hơn \(names.count) cột của tiêu đề (số thập phân có dấu phẩy phải đặt trong ngoặc kép)"
                    ))
                continue
            }
            var cells: [String: String] = [:]
            for (i, value) in row.fields.enumerated() { cells[names[i]] = value }
            problems += RecordDecoding.decode(table, cells, location, into: &dataset)
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return dataset
    }

    public static func read(json data: Data, file: String? = nil) throws(ImportProblems) -> Dataset {
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw ImportProblems([ImportProblem(file: file, line: 1, column: nil, message: "không phải JSON hợp lệ")])
        }
        guard let root = object as? [String: Any] else {
            throw ImportProblems([
                ImportProblem(
                    file: file, line: 1, column: nil,
                    message: "JSON phải là một đối tượng với các danh sách fields, units, indicators, targets, values")
            ])
        }
        var dataset = Dataset()
        var problems: [ImportProblem] = []
        for key in root.keys where TableKind(rawValue: key) == nil {
            problems.append(ImportProblem(file: file, line: 1, column: key, message: "danh sách không được hỗ trợ"))
        }
        for table in TableKind.allCases {
            guard let list = root[table.rawValue] else { continue }
            guard let items = list as? [Any] else {
                problems.append(
                    ImportProblem(file: file, line: 1, column: table.rawValue, message: "phải là một danh sách"))
                continue
            }
            for (index, item) in items.enumerated() {
                let location = SourceLocation(
                    file: file.map { "\($0) [\(table.rawValue)]" } ?? table.rawValue,
                    line: index + 1)
                guard let object = item as? [String: Any] else {
                    problems.append(location.problem(nil, "mục phải là một đối tượng")); continue
                }
                var cells: [String: String] = [:]
                for (k, v) in object {
                    if v is NSNull { continue }
                    if let s = v as? String {
                        cells[k] = s
                    } else if let n = v as? NSNumber {
                        cells[k] = isBool(n) ? (n.boolValue ? "true" : "false") : n.stringValue
                        // A JSON number in the value column is in plain form; cells hold the Vietnamese form.
                        if k == "value", let a = Amount(plain: n.stringValue) { cells[k] = VietnameseNumber.exact(a) }
                    } else {
                        problems.append(location.problem(k, "phải là chuỗi hoặc số"))
                    }
                }
                problems += headerProblems(
                    table, Array(cells.keys), file: location.file, line: location.line,
                    checkRequired: false)
                problems += RecordDecoding.decode(table, cells, location, into: &dataset)
            }
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return dataset
    }

    static func isBool(_ n: NSNumber) -> Bool {
        String(cString: n.objCType) == "c" || type(of: n) == type(of: NSNumber(value: true))
    }

    static func headerProblems(
        _ table: TableKind, _ names: [String], file: String?, line: Int,
        checkRequired: Bool = true
    ) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        for name in names where !table.columns.contains(name) {
            problems.append(
                ImportProblem(
                    file: file, line: line, column: name,
                    message: "cột không có trong bảng \(table.rawValue); các cột: "
                        + table.columns.joined(separator: ", ")))
        }
        if checkRequired {
            for name in table.requiredColumns where !names.contains(name) {
                problems.append(ImportProblem(file: file, line: line, column: name, message: "thiếu cột bắt buộc"))
            }
        }
        return problems
    }
}
