import BaoCaoDocuments
import Foundation

/// One file of the exchange format, by its name: `.json` (any tables), `.xlsx` (the first sheet, one table) or CSV
/// (one table). What `baocao import` and the upload page read.
public enum ExchangeFile {
    public static func read(name: String, data: Data) throws(ImportProblems) -> Dataset {
        let lower = name.lowercased()
        if lower.hasSuffix(".json") { return try DatasetReader.read(json: data, file: name) }
        if lower.hasSuffix(".xlsx") {
            let sheet: [XlsxReader.Row]
            do { sheet = try XlsxReader.rows(data) } catch {
                let reason = (error as? XlsxReader.Unreadable)?.description ?? "không đọc được tệp Excel"
                throw ImportProblems([ImportProblem(file: name, line: 1, column: nil, message: reason)])
            }
            return try DatasetReader.read(
                rows: sheet.map { CSVReader.Row(line: $0.number, fields: $0.cells) }, file: name)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ImportProblems([ImportProblem(file: name, line: 1, column: nil, message: "tệp không phải UTF-8")])
        }
        return try DatasetReader.read(csv: text, file: name)
    }

    /// The rank of a file's table in the order the tables depend on each other (fields, units... before values),
    /// by the table its name starts with.
    static func rank(_ name: String) -> Int {
        TableKind.allCases.firstIndex { name.hasPrefix($0.rawValue) } ?? TableKind.allCases.count
    }

    /// Names in that order; then by name.
    public static func ordered(_ names: [String]) -> [String] {
        names.sorted { (rank($0), $0) < (rank($1), $1) }
    }

    /// Reads every file into one dataset (in that order), collecting the problems of all of them.
    public static func read(_ files: [(name: String, data: Data)]) throws(ImportProblems) -> Dataset {
        var dataset = Dataset()
        var problems: [ImportProblem] = []
        for file in files.enumerated().sorted(by: {
            (rank($0.element.name), $0.offset) < (rank($1.element.name), $1.offset)
        }) {
            do { dataset.append(try read(name: file.element.name, data: file.element.data)) } catch {
                problems += error.problems
            }
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return dataset
    }
}

extension Dataset {
    /// The tables that change the catalogue or the figures: an administrator's to import.
    public var catalogueTables: [TableKind] {
        let counts: [(TableKind, Int)] = [
            (.fields, fields.count), (.units, units.count), (.lineage, lineage.count), (.indicators, indicators.count),
            (.targets, targets.count), (.values, values.count), (.calendars, calendars.count), (.rules, rules.count),
        ]
        return counts.filter { $0.1 > 0 }.map(\.0)
    }

    /// The localities whose programme, tasks, council sessions, petitions, receptions and letters the dataset holds.
    public var localities: Set<String> {
        Set(
            programme.map(\.locality) + tasks.map(\.locality) + sessions.map(\.locality) + petitions.map(\.locality)
                + receptions.map(\.locality) + letters.map(\.locality))
    }

    /// How many rows it holds in all.
    public var rowCount: Int {
        fields.count + units.count + lineage.count + indicators.count + targets.count + values.count + calendars.count
            + rules.count + programme.count + tasks.count + sessions.count + petitions.count + receptions.count
            + letters.count
    }
}
