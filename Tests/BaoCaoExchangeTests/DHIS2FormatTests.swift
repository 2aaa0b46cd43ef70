import BaoCaoDomain
import BaoCaoExchange
import XCTest

/// DHIS2's periods, payload shapes and the comment that carries status and qualifier.
final class DHIS2FormatTests: XCTestCase {
    func testPeriodCodesMapBothWays() {
        let pairs: [(String, Period)] = [
            ("201706", .month(2017, 6)), ("201712", .month(2017, 12)),
            ("2017Q2", Period(year: 2017, kind: .quarter(2))),
            ("2017S1", .firstMonths(2017, 6)), ("2017", .year(2017)),
        ]
        for (code, period) in pairs {
            XCTAssertEqual(DHIS2Period.period(code), period, code)
            XCTAssertEqual(DHIS2Period.code(period), code, code)
        }
        for code in ["2017S2", "2017W23", "20170601", "201713", "2017Q5", "2017AprilS1", "17Q1", "", "2017-H1"] {
            XCTAssertNil(DHIS2Period.period(code), code)
        }
        XCTAssertNil(DHIS2Period.code(.firstMonths(2017, 9)), "no DHIS2 period for the first nine months")
    }

    func testJSONSetAndBulkFormsAndNumbersWithoutFloatingPoint() throws {
        let payload = Data(
            """
            {"dataSet": "KTXH", "period": "2017S1", "orgUnit": "304", "attributeOptionCombo": "default",
             "dataValues": [
               {"dataElement": "A", "value": "12194030"},
               {"dataElement": "B", "period": "2017Q2", "orgUnit": "304-P01", "value": 1234.5678},
               {"dataElement": "C", "value": "0.1", "comment": "[ước tính, gần] theo báo cáo nhanh"}
             ]}
            """.utf8)
        let values = try DHIS2DataValueSet.read(json: payload)
        XCTAssertEqual(values.map(\.period), ["2017S1", "2017Q2", "2017S1"])
        XCTAssertEqual(values.map(\.orgUnit), ["304", "304-P01", "304"])
        XCTAssertEqual(values.map(\.line), [1, 2, 3])
        let (records, problems) = DHIS2Values.records(values)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(
            records.map(\.observation.value), [Amount(12_194_030), Amount(scaled: 12_345_678), Amount(scaled: 1000)])
        XCTAssertEqual(records[2].observation.status, .estimate)
        XCTAssertEqual(records[2].observation.qualifier, .nearly)
        XCTAssertEqual(records[2].note, "theo báo cáo nhanh")
        // Written back, the comment is the same.
        XCTAssertEqual(DHIS2Values.dataValue(records[2])?.comment, "[ước tính, gần] theo báo cáo nhanh")
        // A comment whose brackets are not BaoCao's is a note.
        let plain = DHIS2Values.records([
            DHIS2DataValue(dataElement: "A", period: "2017", orgUnit: "1", value: "1", comment: "[xem phụ lục] số tạm")
        ])
        XCTAssertEqual(plain.records.first?.note, "[xem phụ lục] số tạm")
        XCTAssertEqual(plain.records.first?.observation.status, .final)
    }

    func testCSVWithAndWithoutHeaderAndItsProblems() throws {
        let rows = "A,201706,304,default,default,5,u,2017-07-01,ghi chú,false\n"
        let withHeader = try DHIS2DataValueSet.read(
            csv: DHIS2DataValueSet.csvHeader.joined(separator: ",") + "\n" + rows)
        let without = try DHIS2DataValueSet.read(csv: rows)
        XCTAssertEqual(withHeader.map(\.value), ["5"])
        XCTAssertEqual(without.map(\.comment), ["ghi chú"])
        XCTAssertEqual(withHeader.first?.line, 2)
        XCTAssertThrowsError(try DHIS2DataValueSet.read(csv: "A,201706,304\n")) { error in
            XCTAssertEqual((error as? ImportProblems)?.problems.first?.line, 1)
        }
        // Written and read again, a value set is the same.
        let written = DHIS2DataValueSet.csv(withHeader)
        XCTAssertEqual(try DHIS2DataValueSet.read(csv: written).map(\.comment), ["ghi chú"])

        let bad = [
            DHIS2DataValue(dataElement: "A", period: "2017", orgUnit: "1", value: "1.23456"),
            DHIS2DataValue(dataElement: "A", period: "2017", orgUnit: "1", value: "99999999999999"),
            DHIS2DataValue(dataElement: "A", period: "2017", orgUnit: "1", value: nil),
        ]
        let (records, problems) = DHIS2Values.records(bad)
        XCTAssertTrue(records.isEmpty)
        XCTAssertEqual(problems.map(\.column), ["value", "value", "value"])
        XCTAssertTrue(problems[1].message.contains("vượt giới hạn"))
        // A deletion need not carry its value.
        XCTAssertEqual(DHIS2Values.records([bad[2]], needsValue: false).records.count, 1)
        XCTAssertThrowsError(try DHIS2DataValueSet.read(json: Data("[1,2]".utf8)))
    }
}
