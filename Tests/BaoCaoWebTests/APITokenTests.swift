import BaoCaoDomain
import BaoCaoStorage
import BaoCaoTestSupport
import Foundation
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// API tokens: made once by an administrator, scoped like a person's role, official figures unless allowed drafts,
/// revocable, expiring, every use logged; writes through the entry form's own save.
final class APITokenTests: XCTestCase {
    /// Makes a token on the administrators' page and reads it from the page, the one time it is shown.
    func make(
        _ web: WebHarness, as admin: WebHarness.Session, unit: String, role: Role, days: String = "30",
        drafts: Bool = false
    ) async throws -> String {
        var form = ["ten": "Hệ thống tỉnh \(unit)", "unit": unit, "vai_tro": role.rawValue, "so_ngay": days]
        if drafts { form["so_lieu_chua_duyet"] = "1" }
        let page = try await web.post("/quan-tri/ma-api", form, as: admin)
        guard let start = page.body.range(of: "<code id=\"ma-moi\">"),
            let end = page.body[start.upperBound...].range(of: "</code>")
        else {
            XCTFail("no token shown: \(page.body.prefix(3000))")
            return ""
        }
        return String(page.body[start.upperBound..<end.lowerBound])
    }

    func call(
        _ web: WebHarness, _ method: HTTPMethod, _ path: String, token: String, json: String? = nil
    ) async throws -> (HTTPStatus, String) {
        var headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        if json != nil { headers.replaceOrAdd(name: .contentType, value: "application/json") }
        var result: (HTTPStatus, String) = (.ok, "")
        try await web.app.test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) {
            res async throws in result = (res.status, res.body.string)
        }
        return result
    }

    func testATokenActsWithItsRoleOnlyAndIsLogged() async throws {
        try await WebHarness.with(self) { web in
            let admin = try await web.login("quantri")
            let token = try await make(web, as: admin, unit: "304-P01", role: .reporter)
            XCTAssertTrue(token.hasPrefix("bc_") && token.count == 67, token)
            let list = try await web.get("/quan-tri/ma-api", as: admin)
            XCTAssertFalse(list.body.contains(token), "shown once, never listed")
            XCTAssertTrue(list.body.contains(String(token.prefix(10))))

            // Its ward's official figures: yes. Drafts: no (the token was not allowed them).
            let (official, _) = try await call(web, .GET, "/api/v1/figures?unit=304-P01&period=2017-H1", token: token)
            XCTAssertEqual(official, .ok)
            let (drafts, _) = try await call(
                web, .GET, "/api/v1/figures?unit=304-P01&period=2017-H1&view=lam-viec", token: token)
            XCTAssertEqual(drafts, .forbidden)

            // Writing its ward's figures, with no form token: saved by the form's save, in the history as the token.
            let body = """
                {"unit": "304-P01", "period": "2017-H1", "values": [{"indicator": "HKD_MOI_PHUONG", "value": 31, "version": 0}]}
                """
            let (saved, answer) = try await call(web, .POST, "/api/v1/values", token: token, json: body)
            XCTAssertEqual(saved, .ok, answer)
            XCTAssertTrue(answer.contains("\"changed\":1"), answer)
            let stored = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(stored?.observation.value.description, "31")
            XCTAssertEqual(stored?.updatedBy, "api:Hệ thống tỉnh 304-P01")
            // The same version again is stale now: a conflict, nothing overwritten.
            let stale = body.replacingOccurrences(of: "31", with: "40")
            let (conflict, _) = try await call(web, .POST, "/api/v1/values", token: token, json: stale)
            XCTAssertEqual(conflict, .conflict)
            let kept = try await web.storedValue("HKD_MOI_PHUONG", unit: "304-P01")
            XCTAssertEqual(kept?.observation.value.description, "31")

            // What its role cannot do: another ward, importing, the administrators' pages.
            let other = body.replacingOccurrences(of: "304-P01", with: "304-P02")
            let (neighbour, _) = try await call(web, .POST, "/api/v1/values", token: token, json: other)
            XCTAssertEqual(neighbour, .forbidden)
            let (dhis2, _) = try await call(
                web, .POST, "/api/v1/dhis2/dataValueSets", token: token,
                json:
                    #"{"dataValues": [{"dataElement": "HKD_MOI_PHUONG", "period": "2017S1", "orgUnit": "304-P01", "value": "1"}]}"#
            )
            XCTAssertEqual(dhis2, .forbidden)
            // Tokens are for the API only: a page refuses them (its forms expect a person's session).
            let (adminPage, _) = try await call(web, .GET, "/quan-tri/ma-api", token: token)
            XCTAssertEqual(adminPage, .unauthorized)

            // Every use is logged, with its answer.
            let id = try await APITokenRepository.all(unitIDs: nil, web.store.sql).first?.id ?? 0
            let uses = try await APITokenRepository.uses(id, web.store.sql)
            XCTAssertEqual(uses.count, 7)
            XCTAssertEqual(uses.map(\.status).sorted(), [200, 200, 401, 403, 403, 403, 409])
            let log = try await web.get("/quan-tri/ma-api/\(id)", as: admin)
            XCTAssertTrue(log.body.contains("/api/v1/values"))
        }
    }

    func testRevokedExpiredAndWrongTokensAreRefused() async throws {
        try await WebHarness.with(self) { web in
            let admin = try await web.login("quantri")
            let token = try await make(web, as: admin, unit: "304", role: .leader, drafts: true)
            let (drafts, _) = try await call(
                web, .GET, "/api/v1/figures?unit=304&period=2017-H1&view=lam-viec", token: token)
            XCTAssertEqual(drafts, .ok, "a token allowed drafts reads the working view")

            let id = try await APITokenRepository.all(unitIDs: nil, web.store.sql).first?.id ?? 0
            _ = try await web.post("/quan-tri/ma-api/thu-hoi", ["id": String(id)], as: admin)
            let (revoked, message) = try await call(web, .GET, "/api/v1/figures?unit=304&period=2017-H1", token: token)
            XCTAssertEqual(revoked, .unauthorized)
            XCTAssertTrue(message.contains("thu hồi"))

            // Expired yesterday.
            let expired = APITokens.make()
            let unit = try await web.unitID("304")
            try await APITokenRepository.create(
                name: "cũ", hash: APITokens.hash(expired), prefix: "bc_", role: .leader, unitID: unit, drafts: false,
                expiresAt: Timestamp.iso(Date().addingTimeInterval(-86_400)), by: "t", web.store.sql)
            let (old, _) = try await call(web, .GET, "/api/v1/units", token: expired)
            XCTAssertEqual(old, .unauthorized)
            let (wrong, _) = try await call(
                web, .GET, "/api/v1/units", token: "bc_" + String(repeating: "0", count: 64))
            XCTAssertEqual(wrong, .unauthorized)

            // No token longer than a year; none for a unit outside the administrator's scope.
            let long = try await web.post(
                "/quan-tri/ma-api", ["ten": "x", "unit": "304", "vai_tro": "lanh_dao", "so_ngay": "4000"], as: admin)
            XCTAssertTrue(long.body.contains("thời hạn từ 1 đến"))
            let outside = try await web.post(
                "/quan-tri/ma-api", ["ten": "x", "unit": "31", "vai_tro": "lanh_dao", "so_ngay": "30"], as: admin)
            XCTAssertEqual(outside.status, .forbidden)
        }
    }
}

/// The OpenAPI document: served, and describing every route of the API.
final class OpenAPIDocumentTests: XCTestCase {
    func testItDescribesEveryEndpoint() async throws {
        try await WebHarness.with(self) { web in
            let answer = try await web.get("/api/v1/openapi.json")
            XCTAssertEqual(answer.status, .ok)
            let doc = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
            XCTAssertEqual(doc["openapi"] as? String, "3.1.0")
            let paths = try XCTUnwrap(doc["paths"] as? [String: [String: Any]])
            var described = 0
            for route in web.app.routes.all {
                let components = route.path.map { component -> String in
                    if case .parameter(let name) = component { return "{\(name)}" }
                    return component.description
                }
                guard components.first == "api" || components.first == "open311" else { continue }
                var path = "/" + components.joined(separator: "/")
                if components.first == "open311" { path += ".json" }  // the code is written with its ".json"
                XCTAssertNotNil(
                    paths[path]?[route.method.rawValue.lowercased()],
                    "\(route.method.rawValue) \(path) is not described")
                described += 1
            }
            XCTAssertGreaterThan(described, 15)
            XCTAssertEqual(described, paths.values.reduce(0) { $0 + $1.count }, "nothing described that does not exist")
        }
    }
}
