/// Reads CSV as spreadsheets write it: quoted fields with doubled quotes, CRLF or LF, a UTF-8 byte-order mark, and
/// either "," or ";" between fields (";" when the header has it, as Vietnamese-locale Excel writes).
public struct CSVReader {
    public struct Row: Sendable {
        /// Line number in the file where the row starts (1-based).
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) { self.line = line; self.fields = fields }
    }

    public static func rows(_ text: String) throws(ImportProblem) -> [Row] {
        var body = Substring(text)
        if body.first == "\u{FEFF}" { body = body.dropFirst() }
        let headerLine = body.prefix { $0 != "\n" && $0 != "\r\n" }
        let delimiter: Character = headerLine.contains(";") && !headerLine.contains(",") ? ";" : ","

        var rows: [Row] = []
        var field = ""
        var fields: [String] = []
        var line = 1
        var rowStart = 1
        var inQuotes = false
        var quotedField = false
        var iterator = body.makeIterator()
        var pending: Character? = nil

        func next() -> Character? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRow() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !quotedField) {
                rows.append(Row(line: rowStart, fields: fields))
            }
            fields = []; field = ""; quotedField = false
        }

        while let c = next() {
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.append("\"") } else { inQuotes = false; pending = n }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" || c == "\r\n" { line += 1 }
                    field.append(c == "\r\n" ? "\n" : c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty:
                inQuotes = true; quotedField = true
            case delimiter:
                fields.append(field); field = ""
            case "\n", "\r\n", "\r":
                endRow(); line += 1; rowStart = line
            default:
                field.append(c)
            }
        }
        if inQuotes {
            throw ImportProblem(line: rowStart, column: nil, message: "dấu ngoặc kép mở nhưng không đóng")
        }
        if !field.isEmpty || !fields.isEmpty { endRow() }
        return rows
    }

    /// Writes one CSV line, quoting fields that need it.
    public static func line(_ fields: [String]) -> String {
        fields.map { f in
            f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == ";" })
                ? "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : f
        }.joined(separator: ",")
    }
}
