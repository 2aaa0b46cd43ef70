/// One row of a legal rules table (CSV read into cells), its cells by column name, and what a wrong cell is, in
/// Vietnamese with its line and column. Shared by the time limits, the reception days and the register's indicators.
struct RulesTableRow {
    let line: Int
    let cells: [String: String]

    /// The table's rows after its header, which must be `header` exactly; every row as wide; blank rows skipped.
    static func rows(_ rows: [[String]], header: [String]) throws(ClockRules.Problem) -> [RulesTableRow] {
        guard let head = rows.first?.map({ $0.trimmingWhitespace() }), head == header else {
            throw ClockRules.Problem(line: 1, message: "tiêu đề phải là " + header.joined(separator: ","))
        }
        var result: [RulesTableRow] = []
        for (index, row) in rows.dropFirst().enumerated() where !row.allSatisfy({ $0.trimmingWhitespace().isEmpty }) {
            guard row.count == head.count else {
                throw ClockRules.Problem(line: index + 2, message: "có \(row.count) cột, cần \(head.count)")
            }
            result.append(
                RulesTableRow(
                    line: index + 2,
                    cells: Dictionary(uniqueKeysWithValues: zip(head, row.map { $0.trimmingWhitespace() }))))
        }
        return result
    }

    func text(_ column: String) -> String { cells[column] ?? "" }

    func fail(_ column: String, _ what: String) -> ClockRules.Problem {
        ClockRules.Problem(line: line, message: "cột \(column) \"\(text(column))\": \(what)")
    }

    func number(_ column: String, _ range: ClosedRange<Int>) throws(ClockRules.Problem) -> Int {
        guard let n = Int(text(column)), range.contains(n) else {
            throw fail(column, "cần số nguyên từ \(range.lowerBound) đến \(range.upperBound)")
        }
        return n
    }

    /// The rule's dates in force: `hieu_luc_tu` required, `hieu_luc_den` empty or not before it.
    func inForce() throws(ClockRules.Problem) -> (from: CivilDate, until: CivilDate?) {
        guard let from = CivilDate(iso: text("hieu_luc_tu")) else { throw fail("hieu_luc_tu", "không phải ngày") }
        guard !text("hieu_luc_den").isEmpty else { return (from, nil) }
        guard let until = CivilDate(iso: text("hieu_luc_den")), from <= until else {
            throw fail("hieu_luc_den", "không phải ngày sau hiệu lực từ")
        }
        return (from, until)
    }

    /// The legal basis every rule must state.
    func citation() throws(ClockRules.Problem) -> String {
        guard !text("can_cu").isEmpty else { throw fail("can_cu", "mỗi quy định phải ghi căn cứ pháp lý") }
        return text("can_cu")
    }
}
