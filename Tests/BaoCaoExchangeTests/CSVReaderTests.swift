import BaoCaoDomain
import Foundation
import XCTest

@testable import BaoCaoExchange

final class CSVReaderTests: XCTestCase {
    func testQuotesNewlinesAndLineNumbers() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\n2,\"two\nlines\",4\n5,,\n"
        let rows = try CSVReader.rows(text)
        XCTAssertEqual(
            rows.map(\.fields), [["a", "b", "c"], ["1", "x, \"y\"", "3"], ["2", "two\nlines", "4"], ["5", "", ""]])
        XCTAssertEqual(rows.map(\.line), [1, 2, 4, 6])
    }

    func testSemicolonFilesFromVietnameseExcel() throws {
        let rows = try CSVReader.rows("indicator;unit;period;value\nGTSX_CN;304;2017-H1;693.843,5\n")
        XCTAssertEqual(rows[1].fields, ["GTSX_CN", "304", "2017-H1", "693.843,5"])
        let dataset = try DatasetReader.read(csv: "indicator;unit;period;value\nGTSX_CN;304;2017-H1;693.843,5\n")
        XCTAssertEqual(dataset.values.first?.observation.value, Amount(plain: "693843.5"))
    }

    func testUnclosedQuoteIsReported() {
        XCTAssertThrowsError(try CSVReader.rows("a,b\n1,\"open\n")) { error in
            XCTAssertEqual((error as? ImportProblem)?.line, 2)
        }
    }

    func testLineWrites() {
        XCTAssertEqual(CSVReader.line(["a", "1.234,5", "say \"hi\""]), "a,\"1.234,5\",\"say \"\"hi\"\"\"")
    }
}

final class DatasetReaderTests: XCTestCase {
    func testEveryFormProblemOfAFileIsListed() {
        let csv = """
            indicator,unit,period,value,status,qualifier,colour
            A,304,2017-H1,12,uoc,gần,
            A,304,2017-H7,"12,5,3",maybe,nhiều,
            A,304,2017-H1,1,2,3,4,5
            """
        XCTAssertThrowsError(try DatasetReader.read(csv: csv, file: "x.csv")) { error in
            let problems = (error as! ImportProblems).problems
            XCTAssertEqual(
                problems.map { "\($0.line):\($0.column ?? "-")" },
                ["1:colour", "3:period", "3:value", "3:status", "3:qualifier", "4:-"])
            XCTAssertTrue(problems[3].description.contains("chọn một trong: uoc, chinh_thuc"))
        }
    }

    func testHeadersSayWhichTable() throws {
        XCTAssertEqual(TableKind.recognise(header: ["indicator", "unit", "period", "value"]), .values)
        XCTAssertEqual(TableKind.recognise(header: ["indicator", "unit", "year", "target_kind", "value"]), .targets)
        XCTAssertEqual(TableKind.recognise(header: ["code", "name", "unit_of_measure", "field"]), .indicators)
        XCTAssertEqual(TableKind.recognise(header: ["code", "name", "kind", "parent"]), .units)
        XCTAssertEqual(TableKind.recognise(header: ["code", "name"]), .fields)
        XCTAssertNil(TableKind.recognise(header: ["foo"]))
        XCTAssertThrowsError(try DatasetReader.read(csv: "foo,bar\n1,2\n")) { error in
            XCTAssertTrue("\(error)".contains("không nhận ra bảng"))
        }
        XCTAssertThrowsError(try DatasetReader.read(csv: "indicator,period,value\nA,2017,1\n")) { error in
            XCTAssertTrue("\(error)".contains("cột \"unit\": thiếu cột bắt buộc"))
        }
    }

    func testIndicatorDefaultsAndChecks() throws {
        let ok = try DatasetReader.read(
            csv: "code,name,unit_of_measure,field,final_verb,template\nX,Tên,hộ,kt,-,{verb} {value}\n")
        let i = try XCTUnwrap(ok.indicators.first?.indicator)
        XCTAssertEqual(i.phrasing.finalVerb, "")
        XCTAssertEqual(i.phrasing.estimateVerb, "ước đạt")
        XCTAssertEqual(i.changeStyle, .percent)
        XCTAssertFalse(i.phrasing.dropsTrailingZeros)
        let trimming = try DatasetReader.read(csv: "code,name,unit_of_measure,field,trim_zeros\nX,Tên,tấn,kt,true\n")
        XCTAssertTrue(try XCTUnwrap(trimming.indicators.first).indicator.phrasing.dropsTrailingZeros)
        let exported = try DatasetReader.read(csv: DatasetFormatter.csv(.indicators, trimming))
        XCTAssertTrue(
            try XCTUnwrap(exported.indicators.first).indicator.phrasing.dropsTrailingZeros, "exported as it came")
        XCTAssertThrowsError(
            try DatasetReader.read(csv: "code,name,unit_of_measure,field,template,formula\nX Y,Tên,hộ,kt,{bogus},A +\n")
        ) { error in
            let columns = (error as! ImportProblems).problems.compactMap(\.column)
            XCTAssertEqual(Set(columns), ["code", "template", "formula"])
        }
    }

    func testJSONNumbersAndStrings() throws {
        let json =
            #"{"values": [{"indicator": "A", "unit": "304", "period": "2017-H1", "value": 1234.5},"#
            + #"{"indicator": "A", "unit": "304", "period": "2017-Q1", "value": "1.234,5", "qualifier": "trên"}]}"#
        let dataset = try DatasetReader.read(json: Data(json.utf8))
        XCTAssertEqual(dataset.values.map(\.observation.value), [Amount(plain: "1234.5"), Amount(plain: "1234.5")])
        XCTAssertEqual(dataset.values.last?.observation.qualifier, .over)
        XCTAssertThrowsError(try DatasetReader.read(json: Data(#"{"values": [{"indicator": "A"}], "x": []}"#.utf8))) {
            error in
            let problems = (error as! ImportProblems).problems
            XCTAssertTrue(problems.contains { $0.column == "x" })
            XCTAssertTrue(problems.contains { $0.column == "unit" && $0.description.contains("values") })
        }
    }
}
