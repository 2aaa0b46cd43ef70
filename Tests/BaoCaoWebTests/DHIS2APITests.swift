import BaoCaoExchange
import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// `/api/v1/dhis2/dataValueSets`: who may read and write, both shapes, the summary in DHIS2's form.
final class DHIS2APITests: XCTestCase {
    /// Posts a payload with the session's token in the header, as a program would.
    func post(
        _ web: WebHarness, _ path: String, _ body: String, type: String, as session: WebHarness.Session,
        csrf: String? = nil
    ) async throws -> (HTTPStatus, String) {
        var headers = session.headers
        headers.replaceOrAdd(name: "X-CSRF-Token", value: csrf ?? session.csrf)
        headers.replaceOrAdd(name: .contentType, value: type)
        var result: (HTTPStatus, String) = (.ok, "")
        try await web.app.test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { res async throws in
            result = (res.status, res.body.string)
        }
        return result
    }

    func testReadingOfficialFiguresAsJSONAndCSV() async throws {
        try await WebHarness.with(self) { web in
            // Without an account: 401.
            let anonymous = try await web.get("/api/v1/dhis2/dataValueSets?orgUnit=304&period=2017S1")
            XCTAssertEqual(anonymous.status, .unauthorized)
            let leader = try await web.login("lanhdao")
            let json = try await web.get(
                "/api/v1/dhis2/dataValueSets?orgUnit=304&period=2017S1&dataSet=KTXH", as: leader)
            XCTAssertEqual(json.status, .ok)
            let values = try DHIS2DataValueSet.read(json: Data(json.body.utf8))
            let thu = try XCTUnwrap(values.first { $0.dataElement == "THU_NSNN" })
            XCTAssertEqual(thu.value, "553100")
            XCTAssertEqual(thu.period, "2017S1")
            XCTAssertEqual(thu.comment, "[ước tính]")
            XCTAssertEqual(Set(values.map(\.orgUnit)), ["304"], "without children=true, the unit's own figures only")
            XCTAssertEqual(json.headers.first(name: "X-BaoCao-View"), "chinh-thuc")

            let csv = try await web.get(
                "/api/v1/dhis2/dataValueSets.csv?orgUnit=304&children=true&period=2017S1", as: leader)
            XCTAssertEqual(csv.headers.contentType?.subType, "csv")
            XCTAssertTrue(csv.body.hasPrefix("dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby"))
            let rows = try DHIS2DataValueSet.read(csv: csv.body)
            XCTAssertEqual(rows.map(\.value), values.map(\.value), "the same figures in both shapes")

            let uid = try await web.get("/api/v1/dhis2/dataValueSets?orgUnit=304&idScheme=uid", as: leader)
            XCTAssertEqual(uid.status, .conflict)
            XCTAssertTrue(uid.body.contains("idScheme=code"))
            let noUnit = try await web.get("/api/v1/dhis2/dataValueSets?period=2017S1", as: leader)
            XCTAssertEqual(noUnit.status, .badRequest)
        }
    }

    func testDraftsOnlyForThoseWhoMayReadThem() async throws {
        try await WebHarness.with(self) { web in
            let reporter = try await web.login("maychai.baocao")
            _ = try await web.post(
                "/nhap-lieu", ["unit": "304-P01", "period": "2017-H1", "buoc": "luu", "v_HKD_MOI_PHUONG": "12"],
                as: reporter)
            let own = try await web.get(
                "/api/v1/dhis2/dataValueSets?orgUnit=304-P01&period=2017S1&view=lam-viec", as: reporter)
            XCTAssertTrue(try DHIS2DataValueSet.read(json: Data(own.body.utf8)).contains { $0.value == "12" })
            let official = try await web.get("/api/v1/dhis2/dataValueSets?orgUnit=304-P01&period=2017S1", as: reporter)
            XCTAssertFalse(try DHIS2DataValueSet.read(json: Data(official.body.utf8)).contains { $0.value == "12" })
            // Another ward's reporter may not read Máy Chai's drafts.
            let other = try await web.login("mayto.baocao")
            let refused = try await web.get(
                "/api/v1/dhis2/dataValueSets?orgUnit=304-P01&period=2017S1&view=lam-viec", as: other)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }

    func testAnAdministratorImportsWithDryRunAndOthersCannot() async throws {
        try await WebHarness.with(self) { web in
            let payload = """
                {"period": "2017S1", "orgUnit": "304-P01", "dataValues": [
                  {"dataElement": "HKD_MOI_PHUONG", "value": "7"}, {"dataElement": "KHONG_CO", "value": "1"}]}
                """
            let path = "/api/v1/dhis2/dataValueSets"
            let admin = try await web.login("quantri")
            // A conflict: 409, the summary in DHIS2's shape, nothing written.
            let (status, body) = try await post(
                web, path + "?dryRun=true", payload, type: "application/json", as: admin)
            XCTAssertEqual(status, .conflict)
            let summary = try JSONDecoder().decode(DHIS2ImportSummary.self, from: Data(body.utf8))
            XCTAssertEqual(summary.status, .error)
            XCTAssertEqual(summary.conflicts.map(\.object), ["KHONG_CO"])
            let stored = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertNil(stored)

            // The good value alone, as CSV: a dry run counts it, the import writes it.
            let csv = "HKD_MOI_PHUONG,2017S1,304-P01,default,default,7,,,,\n"
            let (dryStatus, dryBody) = try await post(
                web, path + "?dryRun=true", csv, type: "application/csv", as: admin)
            XCTAssertEqual(dryStatus, .ok)
            XCTAssertTrue(dryBody.contains("\"imported\" : 1"), dryBody)
            let afterDryRun = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertNil(afterDryRun)
            let (okStatus, _) = try await post(web, path, csv, type: "text/csv", as: admin)
            XCTAssertEqual(okStatus, .ok)
            let written = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(written?.observation.value.description, "7")
            XCTAssertEqual(written?.updatedBy, "quantri")
            // Official at once, and read back with the district's wards.
            let back = try await web.get(
                "/api/v1/dhis2/dataValueSets.csv?orgUnit=304&children=true&period=2017S1", as: admin)
            XCTAssertTrue(
                try DHIS2DataValueSet.read(csv: back.body).contains { $0.orgUnit == "304-P01" && $0.value == "7" })
            let own = try await web.get("/api/v1/dhis2/dataValueSets.csv?orgUnit=304&period=2017S1", as: admin)
            XCTAssertFalse(try DHIS2DataValueSet.read(csv: own.body).contains { $0.orgUnit == "304-P01" })

            // Without the token: refused. A reporter, an approver: no right to import.
            let (forged, _) = try await post(web, path, csv, type: "text/csv", as: admin, csrf: "x")
            XCTAssertEqual(forged, .forbidden)
            for name in ["maychai.baocao", "pheduyet"] {
                let session = try await web.login(name)
                let (refused, _) = try await post(web, path, csv, type: "text/csv", as: session)
                XCTAssertEqual(refused, .forbidden, name)
            }
        }
    }

    func testSDMXDataAndStructure() async throws {
        try await WebHarness.with(self) { web in
            let anonymous = try await web.get("/api/v1/sdmx/data?unit=304")
            XCTAssertEqual(anonymous.status, .unauthorized)
            let leader = try await web.login("lanhdao")
            let data = try await web.get("/api/v1/sdmx/data?unit=304&period=2017-H1", as: leader)
            XCTAssertEqual(data.status, .ok)
            XCTAssertEqual(data.headers.first(name: .contentType), SDMXCSV.mediaType)
            XCTAssertTrue(
                data.body.contains("dataflow,BAOCAO:DF_KTXH(1.0),I,S,THU_NSNN,304,2017-S1,553100,triệu đồng,E,"))
            XCTAssertFalse(data.body.contains(",304-P01,"))
            let structure = try await web.get("/api/v1/sdmx/structure", as: leader)
            XCTAssertTrue(structure.body.contains("<str:DataStructure id=\"DSD_KTXH\""))
            let other = try await web.login("mayto.baocao")
            let refused = try await web.get("/api/v1/sdmx/data?unit=304&view=lam-viec", as: other)
            XCTAssertEqual(refused.status, .forbidden)
        }
    }
}
