import BaoCaoDomain
import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest
import ZIPFoundation

@testable import BaoCaoWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The values that once crashed the server, and random extreme values, through the web application: entry, the
/// forms, the figures API, dashboards, the report as HTML, DOCX and XLSX. The server answers every request and every
/// document is well formed; a value that cannot be typed is refused with the largest one allowed.
final class ExtremeValueWebTests: XCTestCase {
    static let ward = ["unit": "304-P01", "buoc": "luu"]

    /// Every page that computes with the figures of `period`, for the ward (and the district, for an account that
    /// may read it): each must answer 200 with a whole page, and each document must open.
    func visitEverything(
        _ web: WebHarness, _ s: WebHarness.Session, period: String, district: Bool = true
    )
        async throws
    {
        var units = ["304-P01"]
        if district { units.append("304") }
        for unit in units {
            for path in [
                "/api/v1/figures?unit=\(unit)&period=\(period)&view=lam-viec",
                "/api/v1/figures?unit=\(unit)&period=\(period)", "/tong-quan?unit=\(unit)&period=\(period)",
                "/tong-quan/chi-tieu?unit=\(unit)&period=\(period)&indicator=THU_NS_PHUONG&view=lam-viec",
                "/theo-doi?unit=\(unit)&period=\(period)",
                "/bao-cao/ngo-quyen-6-thang?unit=\(unit)&period=\(period)&format=html&view=lam-viec",
            ] {
                let res = try await web.get(path, as: s)
                XCTAssertEqual(res.status, .ok, path)
                XCTAssertTrue(res.body.hasSuffix("</html>") || res.body.hasPrefix("{"), "a whole answer: \(path)")
            }
            for format in ["docx", "xlsx"] {
                var data = Data()
                try await web.app.test(
                    .GET, "/bao-cao/ngo-quyen-6-thang?unit=\(unit)&period=\(period)&format=\(format)&view=lam-viec",
                    headers: s.headers
                ) { res async throws in
                    XCTAssertEqual(res.status, .ok)
                    data = Data(buffer: res.body)
                }
                try Self.assertWellFormed(data, format)
            }
        }
        for path in [
            "/nhap-lieu?unit=304-P01&period=\(period)",
            "/lich-su?unit=304-P01&period=\(period)&indicator=THU_NS_PHUONG",
        ] {
            let res = try await web.get(path, as: s)
            XCTAssertEqual(res.status, .ok, path)
            XCTAssertTrue(res.body.hasSuffix("</html>"), "a whole page: \(path)")
        }
    }

    /// Every XML part of an Office Open XML package parses.
    static func assertWellFormed(_ data: Data, _ what: String) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var parts = 0
        for entry in archive where entry.path.hasSuffix(".xml") || entry.path.hasSuffix(".rels") {
            var xml = Data()
            _ = try archive.extract(entry) { xml.append($0) }
            let parser = XMLParser(data: xml)
            XCTAssertTrue(parser.parse(), "\(what): \(entry.path) is not well-formed XML")
            parts += 1
        }
        XCTAssertGreaterThan(parts, 3, what)
    }

    func testTheReportedCrashIsRefusedOrComputedAndTheServerStaysUp() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            // 0,0001 for 2018-H1 is a value like any other.
            var form = Self.ward.merging(["period": "2018-H1", "v_THU_NS_PHUONG": "0,0001"]) { $1 }
            let tiny = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(tiny.status, .seeOther)
            // 99.999.999.999.999 for 2019-H1 is beyond what BaoCaO takes: refused, naming the largest figure.
            form = Self.ward.merging(["period": "2019-H1", "v_THU_NS_PHUONG": "99.999.999.999.999"]) { $1 }
            let huge = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(huge.status, .unprocessableEntity)
            XCTAssertTrue(huge.body.contains("giá trị tuyệt đối lớn nhất được nhận là 999.999.999.999,9999"))
            let refused = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01", period: "2019-H1")
            XCTAssertNil(refused)
            // The largest allowed value against 0,0001: the percentage cannot be represented, so no figure, with
            // the reason; every page answers.
            form["v_THU_NS_PHUONG"] = "999.999.999.999,9999"
            let largest = try await web.post("/nhap-lieu", form, as: reporter)
            XCTAssertEqual(largest.status, .seeOther)
            let leader = try await web.login("quantri")
            try await visitEverything(web, reporter, period: "2019-H1", district: false)
            try await visitEverything(web, leader, period: "2019-H1")
            let api = try await web.get("/api/v1/figures?unit=304-P01&period=2019-H1&view=lam-viec", as: leader)
            XCTAssertTrue(api.body.contains("\"year_on_year\":\"kết quả vượt giới hạn tính toán\""), api.body)
            // Twelve monthly values at the limit make a year.
            for m in 1...12 {
                let month = Period.month(2019, m).code
                _ = try await web.post(
                    "/nhap-lieu",
                    Self.ward.merging(["period": month, "v_THU_NS_PHUONG": "999.999.999.999,9999"]) { $1 },
                    as: reporter)
            }
            try await visitEverything(web, leader, period: "2019")
            let year = try await web.get("/api/v1/figures?unit=304-P01&period=2019&view=lam-viec", as: leader)
            XCTAssertTrue(
                year.body.contains("\"value\":\"6999999999999.9993\""),
                "the entered first half and six months at the largest value: \(year.body.count)")
        }
    }

    func testAValueNoPersonCouldTypeStillReadsAndCanBeDeletedFromItsHistory() async throws {
        try await WebHarness.with(self) { web in
            // An old database holds the largest 64-bit amount for a ward.
            let catalogue = try await IndicatorRepository.catalogue(web.store.sql)
            let key = ValueWriter.Key(
                indicatorID: catalogue.idByCode["THU_NS_PHUONG"]!, unitID: try await web.unitID("304-P01"),
                period: .firstMonths(2020, 6))
            try await web.store.transaction { db in
                _ = try await ValueWriter.save(
                    key, Observation(value: Amount(scaled: Int64.max)), note: nil, by: "cu", communeLevel: true, db)
            }
            let reporter = try await web.login("maychai.baocao")
            try await visitEverything(web, reporter, period: "2020-H1", district: false)
            try await visitEverything(web, try await web.login("quantri"), period: "2020-H1")
            let history = try await web.get(
                "/lich-su?unit=304-P01&period=2020-H1&indicator=THU_NS_PHUONG", as: reporter)
            var fields = WebHarness.formFields(in: history.body, action: "/lich-su/xoa")
            XCTAssertEqual(fields["ver"], "1")
            fields["_csrf"] = reporter.csrf
            let deleted = try await web.post("/lich-su/xoa", fields, as: reporter)
            XCTAssertEqual(deleted.status, .seeOther)
            let gone = try await web.storedValue("THU_NS_PHUONG", unit: "304-P01", period: "2020-H1")
            XCTAssertNil(gone)
            let after = try await web.get(
                "/lich-su?unit=304-P01&period=2020-H1&indicator=THU_NS_PHUONG", as: reporter)
            XCTAssertTrue(after.body.contains("922.337.203.685.477,6"), "the history keeps what it was")
        }
    }

    func testRandomAndExtremeEntriesKeepEveryPageAndDocumentWhole() async throws {
        try await WebHarness.with(self) { web in
            let reporters = [
                ("304-P01", try await web.login("maychai.baocao")), ("304-P02", try await web.login("mayto.baocao")),
            ]
            let admin = try await web.login("quantri")
            var rng = SeededRandom(seed: 2017)
            let texts = [
                "0", "0,0001", "-0,0001", "999.999.999.999,9999", "-999.999.999.999,9999", "1", "12.345.678,9",
                "1.000.000.000.000", "abc", "1,2,3", "",
            ]
            let codes = ["THU_NS_PHUONG", "HKD_MOI_PHUONG", "HO_NGHEO_PHUONG", "GDVH_PHUONG", "HOA_GIAI_PHUONG"]
            let periods = ["2017-H1", "2016-H1", "2017-M01", "2017-M02", "2017-Q1", "2017"]
            for round in 0..<24 {
                let (ward, session) = reporters[Int(rng.next() % 2)]
                var form = ["unit": ward, "period": periods[Int(rng.next() % UInt64(periods.count))], "buoc": "luu"]
                for code in codes where rng.next() % 2 == 0 {
                    form["v_\(code)"] =
                        rng.next() % 3 == 0
                        ? VietnameseNumber.format(
                            Amount(scaled: Int64(bitPattern: rng.next()) % Amount.inputLimit.scaled), decimals: 4)
                        : texts[Int(rng.next() % UInt64(texts.count))]
                }
                let res = try await web.post("/nhap-lieu", form, as: session)
                XCTAssertTrue([.seeOther, .unprocessableEntity].contains(res.status), "round \(round): \(res.status)")
                if round % 8 == 7 {
                    for period in ["2017-H1", "2017"] { try await visitEverything(web, admin, period: period) }
                }
            }
        }
    }
}
