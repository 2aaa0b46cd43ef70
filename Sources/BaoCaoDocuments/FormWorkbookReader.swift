import BaoCaoDomain
import Foundation

extension FormWorkbook {
    /// A workbook that is not one of BaoCao's entry forms (another file, or a form whose first sheet was moved).
    public struct NotAForm: Error, CustomStringConvertible {
        public var description: String
    }

    /// Reads a filled form back: each row's cells in the entry form's terms, and every problem of a single cell.
    /// Numbers typed into number cells come as numbers; numbers typed as text are kept as typed (Vietnamese form) for
    /// the form's own parser.
    public static func read(_ data: Data) throws -> FormUpload {
        let rows: [XlsxReader.Row]
        do { rows = try XlsxReader.rows(data) } catch let error as XlsxReader.Unreadable {
            throw NotAForm(description: error.description)
        }
        func cell(_ row: XlsxReader.Row?, _ column: C) -> String {
            guard let row, column.rawValue < row.cells.count else { return "" }
            return row.cells[column.rawValue].trimmingWhitespace()
        }
        let byNumber = Dictionary(rows.map { ($0.number, $0) }, uniquingKeysWith: { a, _ in a })
        guard cell(byNumber[1], .version) == FormSheet.marker else {
            throw NotAForm(
                description:
                    "tệp không phải biểu nhập số liệu của BaoCao (tải biểu Excel từ trang Nhập số liệu; "
                    + "giữ trang \"Số liệu\" là trang đầu tiên)")
        }
        var problems: [CellProblem] = []
        var result: [FormUpload.Row] = []
        for row in rows where row.number >= FormSheet.firstRow {
            let code = cell(row, .code)
            guard !code.isEmpty else { continue }
            let n = row.number
            var value = cell(row, .value)
            if row.numeric.contains(C.value.rawValue), !value.isEmpty {
                switch amount(machine: value) {
                case .success(let amount): value = VietnameseNumber.shortest(amount)
                case .failure(let problem): problems.append(CellProblem(.value, row: n, problem.message))
                }
            }
            var status = ""
            let statusText = cell(row, .status)
            if !statusText.isEmpty {
                if let found = FormSheet.status(text: statusText) {
                    status = found.rawValue
                } else {
                    problems.append(
                        CellProblem(
                            .status, row: n, "trạng thái \"\(statusText)\" không hợp lệ: chọn ước tính hoặc chính thức")
                    )
                }
            }
            var qualifier = ""
            let qualifierText = cell(row, .qualifier)
            if !qualifierText.isEmpty {
                if let found = Qualifier(text: qualifierText) {
                    qualifier = found.rawValue
                } else {
                    problems.append(
                        CellProblem(
                            .qualifier, row: n,
                            "từ chỉ mức \"\(qualifierText)\" không hợp lệ: gần, trên, hơn, khoảng hoặc để trống"))
                }
            }
            let note = cell(row, .note)
            if let problem = TextLimit.note.problem(note) { problems.append(CellProblem(.note, row: n, problem)) }
            let shown = cell(row, .shownValue)
            result.append(
                FormUpload.Row(
                    sheetRow: n, code: code, value: value, status: status, qualifier: qualifier, note: note,
                    version: Int(cell(row, .version)),
                    shownValue: Amount(plain: shown).map(VietnameseNumber.shortest) ?? "",
                    shownStatus: cell(row, .shownStatus), shownQualifier: cell(row, .shownQualifier),
                    shownNote: cell(row, .shownNote)))
        }
        return FormUpload(
            unitCode: cell(byNumber[2], .version), periodCode: cell(byNumber[3], .version), rows: result,
            problems: problems)
    }

    struct Problem: Error { let message: String }

    /// A number as a spreadsheet stores it ("1234.5", "1.2194030000000001E7"): exact to four decimals, else a problem.
    static func amount(machine text: String) -> Result<Amount, Problem> {
        if let amount = Amount(plain: text) {
            return amount.isWithinInputLimit
                ? .success(amount) : .failure(Problem(message: "số vượt giới hạn ±999.999.999.999,9999"))
        }
        guard let decimal = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), decimal.isFinite else {
            return .failure(Problem(message: "\"\(text)\" không phải số"))
        }
        var scaled = decimal * Decimal(Amount.unit)
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        // A spreadsheet keeps binary floating point: 12194030 may come back as 1.2194030000000001E7. What lies
        // within that noise is the number typed; a fifth decimal is not.
        let difference = (rounded - scaled).magnitude
        let noise = max(Decimal(string: "0.001")!, scaled.magnitude * Decimal(string: "0.00000000000001")!)
        guard difference <= noise else {
            return .failure(Problem(message: "quá \(Amount.scale) chữ số thập phân"))
        }
        guard rounded.magnitude <= Decimal(Amount.inputLimit.scaled) else {
            return .failure(Problem(message: "số vượt giới hạn ±999.999.999.999,9999"))
        }
        return .success(Amount(scaled: NSDecimalNumber(decimal: rounded).int64Value))
    }
}
