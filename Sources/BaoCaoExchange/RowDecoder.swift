import BaoCaoDomain

/// Reads typed cells from one row, collecting every problem instead of stopping at the first.
struct RowDecoder {
    let cells: [String: String]
    let location: SourceLocation
    var problems: [ImportProblem] = []

    /// The longest cell kept: a note, a name, a formula. Longer cells are refused, naming the column.
    static let longestCell = TextLimit(field: "Ô", maximum: TextLimit.note.maximum)

    init(cells: [String: String], location: SourceLocation) {
        self.cells = cells.mapValues { $0.trimmingWhitespace() }
        self.location = location
        for (column, value) in self.cells.sorted(by: { $0.key < $1.key }) {
            if let problem = Self.longestCell.problem(value) { problems.append(location.problem(column, problem)) }
        }
    }

    func optional(_ column: String) -> String? {
        guard let v = cells[column], !v.isEmpty else { return nil }
        return v
    }

    mutating func fail(_ column: String, _ message: String) {
        problems.append(location.problem(column, message))
    }

    mutating func required(_ column: String) -> String {
        guard let v = optional(column) else { fail(column, "thiếu giá trị bắt buộc"); return "" }
        return v
    }

    mutating func code(_ column: String) -> String {
        let v = required(column)
        if !v.isEmpty
            && !v.allSatisfy({ $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII || $0 == "_" || $0 == "-" })
        {
            fail(column, "mã \"\(v)\" chỉ được gồm chữ không dấu, chữ số, \"_\" và \"-\"")
        } else if v.count > Code.maximum {
            fail(column, "mã dài quá \(Code.maximum) ký tự")
        }
        return v
    }

    mutating func amount(_ column: String) -> Amount {
        let v = required(column)
        guard !v.isEmpty else { return .zero }
        do { return try VietnameseNumber.parse(v) } catch {
            fail(column, error.description)
            return .zero
        }
    }

    mutating func int(_ column: String, default value: Int? = nil, range: ClosedRange<Int>) -> Int {
        guard let v = optional(column) else {
            if let value { return value }
            fail(column, "thiếu giá trị bắt buộc"); return range.lowerBound
        }
        guard let n = Int(v), range.contains(n) else {
            fail(column, "\"\(v)\" không phải số nguyên từ \(range.lowerBound) đến \(range.upperBound)")
            return range.lowerBound
        }
        return n
    }

    mutating func bool(_ column: String, default value: Bool) -> Bool {
        guard let v = optional(column)?.lowercased() else { return value }
        switch v {
        case "1", "true", "yes", "có", "co", "x": return true
        case "0", "false", "no", "không", "khong": return false
        default: fail(column, "\"\(v)\" không phải có/không (true/false)"); return value
        }
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ column: String, default value: T? = nil) -> T?
    where T.RawValue == String {
        guard let v = optional(column) else {
            if value == nil { fail(column, "thiếu giá trị bắt buộc") }
            return value
        }
        if let t = T(rawValue: v.lowercased()) { return t }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        fail(column, "\"\(v)\" không hợp lệ; chọn một trong: \(allowed)")
        return value
    }

    mutating func date(_ column: String) -> CivilDate? {
        guard let v = optional(column) else { return nil }
        guard let d = CivilDate(iso: v) else {
            fail(column, "ngày \"\(v)\" không hợp lệ (dạng 2025-07-01)"); return nil
        }
        return d
    }

    mutating func period(_ column: String) -> Period {
        let v = required(column)
        guard !v.isEmpty else { return .year(2000) }
        do { return try Period(code: v) } catch {
            fail(column, error.description)
            return .year(2000)
        }
    }
}
