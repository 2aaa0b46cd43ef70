import BaoCaoDomain

/// The readable text form of a report template (docs/TEMPLATES.md). One line is one block:
///
///     ---
///     issuer: ỦY BAN NHÂN DÂN | QUẬN NGÔ QUYỀN
///     title: BÁO CÁO
///     ---
///     # PHẦN 1: | KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ KINH TẾ - XÃ HỘI {period|upper}
///     ## I. KẾT QUẢ THỰC HIỆN CHỈ TIÊU KINH TẾ - XÃ HỘI
///     Kết quả thực hiện chỉ tiêu kinh tế: {GTSX_CN.sentence}.
///     - {THU_NSNN.sentence}.[^1]
///     [^1]: So sánh với dự toán năm thành phố giao
///     @annex
///
/// Blank lines and lines starting with `//` are ignored.
public enum ReportTemplateFormat {
    public static func parse(_ text: String, file: String? = nil) throws(ImportProblems) -> ReportTemplate {
        var template = ReportTemplate()
        var problems: [ImportProblem] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
        var index = 0
        func problem(_ line: Int, _ message: String) {
            problems.append(ImportProblem(file: file, line: line, column: nil, message: message))
        }
        if lines.first?.trimmingWhitespace() == "---" {
            index = 1
            while index < lines.count, lines[index].trimmingWhitespace() != "---" {
                let line = lines[index]
                index += 1
                if line.trimmingWhitespace().isEmpty { continue }
                guard let colon = line.firstIndex(of: ":"),
                    let field = ReportTemplate.HeaderField(rawValue: String(line[..<colon]).trimmingWhitespace())
                else {
                    let names = ReportTemplate.HeaderField.allCases.map(\.rawValue).joined(separator: ", ")
                    problem(index, "dòng đầu văn bản phải có dạng \"tên: giá trị\" với tên là một trong: \(names)")
                    continue
                }
                template.header[field] = String(line[line.index(after: colon)...]).trimmingWhitespace()
            }
            if index == lines.count { problem(1, "phần đầu văn bản mở bằng \"---\" nhưng không đóng") }
            index += 1
        }
        var footnoteLines: [String: Int] = [:]
        while index < lines.count {
            let line = lines[index].trimmingWhitespace()
            index += 1
            if line.isEmpty || line.hasPrefix("//") { continue }
            if line.hasPrefix("#") {
                let level = line.prefix { $0 == "#" }.count
                guard (1...3).contains(level) else { problem(index, "tiêu đề chỉ có 3 cấp: #, ##, ###"); continue }
                template.blocks.append(.heading(level: level, text: String(line.dropFirst(level)).trimmingWhitespace()))
            } else if line == "@annex" {
                template.blocks.append(.annex)
            } else if let list = ReportTemplate.GeneratedList(rawValue: line) {
                template.blocks.append(.list(list))
            } else if line.hasPrefix("- ") {
                template.blocks.append(.bullet(String(line.dropFirst(2))))
            } else if line.hasPrefix("[^"), let close = line.firstIndex(of: "]"),
                line[line.index(after: close)...].hasPrefix(":")
            {
                let label = String(line[line.index(line.startIndex, offsetBy: 2)..<close])
                if let first = footnoteLines[label] { problem(index, "chú thích [^\(label)] đã có ở dòng \(first)") }
                footnoteLines[label] = index
                template.footnotes[label] = String(line[line.index(close, offsetBy: 2)...]).trimmingWhitespace()
            } else {
                template.blocks.append(.paragraph(line))
            }
        }
        for text in template.texts {
            for part in PhraseTemplate(text).unknownParts {
                problem(1, "chỗ trống {\(part)} không có trong: \"\(text.prefix(60))...\"")
            }
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return template
    }

    public static func print(_ template: ReportTemplate) -> String {
        var lines = ["---"]
        for field in ReportTemplate.HeaderField.allCases {
            if let value = template.header[field] { lines.append("\(field.rawValue): \(value)") }
        }
        lines.append("---")
        for block in template.blocks {
            switch block {
            case .heading(let level, let text): lines.append(String(repeating: "#", count: level) + " " + text)
            case .paragraph(let text): lines.append(text)
            case .bullet(let text): lines.append("- " + text)
            case .annex: lines.append("@annex")
            case .list(let list): lines.append(list.rawValue)
            }
        }
        if !template.footnotes.isEmpty { lines.append("") }
        for (label, text) in template.footnotes.sorted(by: { footnoteOrder($0.key, $1.key) }) {
            lines.append("[^\(label)]: \(text)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Numeric labels in numeric order, then the others alphabetically.
    static func footnoteOrder(_ a: String, _ b: String) -> Bool {
        switch (Int(a), Int(b)) {
        case let (x?, y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return a < b
        }
    }
}
