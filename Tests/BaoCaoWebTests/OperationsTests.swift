import BaoCaoStorage
import NIOCore
import XCTVapor
import XCTest

@testable import BaoCaoWeb

/// What monitors and operators read: `/healthz`, `/metrics`, and the request log.
final class OperationsTests: XCTestCase {
    func testHealthSaysTheDatabaseAnswersWithThisProgramsSchema() async throws {
        try await WebHarness.with(self) { web in
            let health = try await web.get("/healthz")
            XCTAssertEqual(health.status, .ok)
            let body = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(health.body.utf8)) as? [String: Any])
            XCTAssertEqual(body["ok"] as? Bool, true, health.body)
            let applied = try XCTUnwrap(body["migrations_applied"] as? Int)
            XCTAssertGreaterThan(applied, 0)
            XCTAssertEqual(applied, body["migrations_expected"] as? Int, "the schema is exactly this program's")
        }
        let unmigrated = try Store(.sqliteMemory)
        let health = await unmigrated.health()
        await unmigrated.shutdown()
        XCTAssertFalse(health.ok)
        XCTAssertNotNil(health.problem)
    }

    func testMetricsCountRequestsByRouteAndRefusedLogins() async throws {
        try await WebHarness.with(self) { web in
            _ = try await web.get("/cong-khai/304")
            _ = try await web.loginAttempt("tonghop", "sai-mat-khau") { _ in }
            let metrics = try await web.get("/metrics")
            XCTAssertEqual(metrics.status, .ok)
            XCTAssertEqual(metrics.headers.first(name: .contentType), "text/plain; version=0.0.4; charset=utf-8")
            XCTAssertTrue(
                metrics.body.contains("http_requests_total{method=\"GET\",path=\"/cong-khai/:unit\",status=\"200\"}"),
                metrics.body)
            XCTAssertTrue(metrics.body.contains("http_request_duration_seconds_bucket"))
            XCTAssertTrue(metrics.body.contains("baocao_logins_refused_total{reason=\"sai\"}"))
            XCTAssertTrue(metrics.body.contains("baocao_pdf_jobs"))

            // Through the proxy, a client elsewhere is refused; the proxy's own machine is not.
            web.app.storage[TrustedProxies.Key.self] = TrustedProxies(addresses: ["127.0.0.1"])
            let proxy = try SocketAddress(ipAddress: "127.0.0.1", port: 1)
            let outside = Request(
                application: web.app, headers: ["X-Forwarded-For": "203.0.113.9"], remoteAddress: proxy,
                on: web.app.eventLoopGroup.next())
            XCTAssertFalse(Monitoring.isLocal(outside))
            let local = Request(application: web.app, remoteAddress: proxy, on: web.app.eventLoopGroup.next())
            XCTAssertTrue(Monitoring.isLocal(local))
        }
    }

    func testTheJSONLogIsOneObjectPerLineWithTheRequestId() throws {
        let pipe = Pipe()
        let saved = dup(STDOUT_FILENO)
        dup2(pipe.fileHandleForWriting.fileDescriptor, STDOUT_FILENO)
        var handler = JSONLogHandler(label: "thu")
        handler[metadataKey: "request-id"] = "abc"
        handler.log(
            event: .init(
                level: .info, message: "GET / 200 1.0 ms", metadata: ["client": "127.0.0.1"], source: "t", file: #file,
                function: #function, line: #line))
        dup2(saved, STDOUT_FILENO)
        try pipe.fileHandleForWriting.close()
        let line = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        XCTAssertTrue(line.hasSuffix("}\n"))
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String]
        XCTAssertEqual(object?["request-id"], "abc")
        XCTAssertEqual(object?["client"], "127.0.0.1")
        XCTAssertEqual(object?["message"], "GET / 200 1.0 ms")
        XCTAssertEqual(object?["level"], "info")
    }
}
