import BaoCaoDomain
import BaoCaoExchange
import Foundation
import XCTest

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// SDMX-CSV 2.0 rows and the SDMX-ML 3.0 structure they follow.
final class SDMXFormatTests: XCTestCase {
    func testPeriodsAsFrequencyAndTimePeriod() {
        let cases: [(Period, String, String)] = [
            (.month(2017, 6), "M", "2017-M06"), (Period(year: 2017, kind: .quarter(2)), "Q", "2017-Q2"),
            (.firstMonths(2017, 6), "S", "2017-S1"), (.firstMonths(2017, 9), "C", "2017-01-01/P9M"),
            (.year(2017), "A", "2017"), (.month(2017, 11), "M", "2017-M11"),
        ]
        for (period, freq, time) in cases {
            XCTAssertEqual(SDMXTime.frequency(period), freq, period.code)
            XCTAssertEqual(SDMXTime.timePeriod(period), time, period.code)
        }
        XCTAssertTrue(SDMXTime.frequencies.map(\.code).contains("C"), "the structure lists every frequency used")
    }

    func testRowsCarryStatusUnitAndComment() throws {
        let records = [
            ValueRecord(
                indicator: "THU_NSNN", unit: "304", period: .firstMonths(2017, 6),
                observation: Observation(value: Amount(scaled: 5_531_000_000), status: .estimate)),
            ValueRecord(
                indicator: "DS", unit: "304-P01", period: .year(2016),
                observation: Observation(value: Amount(12_345), qualifier: .nearly), note: "theo điều tra, năm 2016"),
        ]
        let csv = SDMXCSV.write(records, unitOfMeasure: { $0 == "DS" ? "người" : "triệu đồng" })
        let lines = csv.split(separator: "\n").map(String.init)
        XCTAssertEqual(
            lines[0],
            "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,INDICATOR,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,COMMENT"
        )
        XCTAssertEqual(lines[1], "dataflow,BAOCAO:DF_KTXH(1.0),I,S,THU_NSNN,304,2017-S1,553100,triệu đồng,E,")
        XCTAssertEqual(
            lines[2], "dataflow,BAOCAO:DF_KTXH(1.0),I,A,DS,304-P01,2016,12345,người,A,\"gần; theo điều tra, năm 2016\"")
    }

    func testTheStructureIsWellFormedAndNamesEveryCode() throws {
        let xml = SDMXStructure.xml(
            indicators: [.init(code: "THU_NSNN", name: "Tổng thu ngân sách <NSNN> & phí (triệu đồng)")],
            areas: [.init(code: "11329", name: "phường Ngô Quyền"), .init(code: "11329", name: "phường Máy Chai")],
            prepared: "2026-11-28T10:00:00")
        let parser = XMLParser(data: Data(xml.utf8))
        XCTAssertTrue(parser.parse(), "\(String(describing: parser.parserError))")
        XCTAssertTrue(xml.contains("<str:Code id=\"THU_NSNN\">"))
        XCTAssertTrue(xml.contains("&lt;NSNN&gt; &amp; phí"))
        XCTAssertEqual(xml.components(separatedBy: "<str:Code id=\"11329\">").count, 2, "a reused code is one code")
        XCTAssertTrue(xml.contains("<str:TimeDimension id=\"TIME_PERIOD\">"))
        XCTAssertTrue(xml.contains("Dataflow id=\"DF_KTXH\""))
    }
}
