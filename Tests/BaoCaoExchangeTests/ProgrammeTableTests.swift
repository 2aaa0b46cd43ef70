import BaoCaoDomain
import XCTest

@testable import BaoCaoExchange

/// Issue 12, part 3: a work programme in the exchange format: recognised by its header, read with its month,
/// content, lead and helpers, each problem at its line and column; written back the same.
final class ProgrammeTableTests: XCTestCase {
    let header = "locality,year,month,content,lead,product,field,co_units,assigned_by\n"

    func testAProgrammeFileIsReadAndWrittenBack() throws {
        let text =
            header
            + "304,2017,3,\"Báo cáo tình hình kinh tế - xã hội quý I, năm 2017\",304-TCKH,Báo cáo của UBND quận,kinh_te,304-VP; 304-KT,Chủ tịch UBND quận\n"
        let dataset = try DatasetReader.read(csv: text, file: "chuong-trinh.csv")
        let item = try XCTUnwrap(dataset.programme.first)
        XCTAssertEqual(item.month, 3)
        XCTAssertEqual(item.content, "Báo cáo tình hình kinh tế - xã hội quý I, năm 2017")
        XCTAssertEqual(item.coUnits, ["304-VP", "304-KT"])
        XCTAssertEqual(item.location.line, 2)
        let again = try DatasetReader.read(csv: DatasetFormatter.csv(.programme, dataset))
        XCTAssertEqual(again.programme.map(\.content), dataset.programme.map(\.content))
        XCTAssertEqual(again.programme.first?.coUnits, ["304-VP", "304-KT"])
    }

    func testEachProblemHasItsLineAndColumn() {
        let text = header + "304,2017,13,Việc tháng mười ba,304-VP,,,,\n304,2017,2,,304-VP,,,,\n"
        XCTAssertThrowsError(try DatasetReader.read(csv: text, file: "ct.csv")) { error in
            let problems = (error as? ImportProblems)?.problems ?? []
            XCTAssertEqual(problems.map(\.line), [2, 3])
            XCTAssertEqual(problems.map(\.column), ["month", "content"])
        }
    }

    func testASpreadsheetsRowsAreReadLikeACSVFilesWithTheirRowNumbers() throws {
        let rows = [
            CSVReader.Row(line: 1, fields: header.dropLast().split(separator: ",").map(String.init)),
            CSVReader.Row(line: 4, fields: ["304", "2017", "1", "Kế hoạch năm", "304-VP"]),
            CSVReader.Row(line: 5, fields: ["304", "2017", "x", "Việc khác", "304-VP"]),
        ]
        XCTAssertThrowsError(try DatasetReader.read(rows: rows, file: "ct.xlsx")) { error in
            let problem = (error as? ImportProblems)?.problems.first
            XCTAssertEqual(problem?.line, 5, "the sheet's own row number")
            XCTAssertEqual(problem?.column, "month")
        }
    }
}
