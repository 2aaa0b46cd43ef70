/// A problem found in an imported file, located by line (or item) and column, worded in Vietnamese.
public struct ImportProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String?
    /// 1-based line in a CSV file, or 1-based item number in a JSON list.
    public var line: Int
    public var column: String?
    public var message: String

    public init(file: String? = nil, line: Int, column: String?, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String {
        var place = file.map { "\($0): " } ?? ""
        place += "dòng \(line)"
        if let column { place += ", cột \"\(column)\"" }
        return "\(place): \(message)"
    }
}

/// Every problem of a file: the import writes nothing while there is one.
public struct ImportProblems: Error, Sendable, CustomStringConvertible {
    public var problems: [ImportProblem]
    public init(_ problems: [ImportProblem]) { self.problems = problems }
    public var description: String {
        let shown = problems.prefix(50).map { "- \($0)" }.joined(separator: "\n")
        let more = problems.count > 50 ? "\n- ... và \(problems.count - 50) lỗi khác" : ""
        return "Không nhập được: \(problems.count) lỗi, không có dữ liệu nào được ghi.\n" + shown + more
    }
}
