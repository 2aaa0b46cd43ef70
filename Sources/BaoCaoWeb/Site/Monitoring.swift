import BaoCaoStorage
import Metrics
import Prometheus
import Vapor

/// What the server counts for `/metrics` (Prometheus text format) through swift-metrics: Vapor's own requests and
/// latency by route (`http_requests_total`, `http_request_duration_seconds`), and BaoCao's: refused logins and
/// forms, saved values, publications, the session look-up (the wait for a database connection and the query), and
/// the password-hashing and PDF queues.
enum Monitoring {
    /// The process's registry; swift-metrics is bootstrapped with it once, on first use.
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 10000].map {
            Duration.milliseconds($0)
        }
        MetricsSystem.bootstrap(factory)
        return registry
    }()

    static func loginRefused(_ reason: String) {
        Counter(label: "baocao_logins_refused_total", dimensions: [("reason", reason)]).increment()
    }

    /// Every bcrypt check of a login or password change, an unknown name's decoy included.
    static func passwordChecked() { Counter(label: "baocao_password_checks_total").increment() }

    static func formRefused() { Counter(label: "baocao_forms_refused_total").increment() }

    static func valuesSaved(_ count: Int) {
        Counter(label: "baocao_values_saved_total").increment(by: count)
    }

    static func published() { Counter(label: "baocao_publications_total").increment() }

    static func sessionLookup(nanoseconds: UInt64) {
        Timer(label: "baocao_session_lookup_seconds", preferredDisplayUnit: .seconds).recordNanoseconds(
            Int64(clamping: nanoseconds))
    }

    /// `/metrics`: the queues as they stand, then everything in Prometheus text format. Only for monitors on this
    /// machine: a client elsewhere (through the proxy too) is refused.
    static func metrics(_ req: Request, _ web: Web) async throws -> Response {
        guard isLocal(req) else { throw Abort(.forbidden, reason: "Chỉ máy giám sát trên máy chủ được đọc /metrics") }
        Gauge(label: "baocao_password_hashing_jobs").record(await web.pools.hashing.load())
        Gauge(label: "baocao_pdf_jobs").record(await web.pools.pdf.load())
        let response = Response(status: .ok, body: .init(string: registry.emitToString()))
        response.headers.replaceOrAdd(name: .contentType, value: "text/plain; version=0.0.4; charset=utf-8")
        return response
    }

    /// `/healthz`: 200 when the database answers and its schema is this program's; 503 otherwise. For nginx and
    /// monitors; says nothing secret.
    static func health(_ req: Request, _ web: Web) async throws -> Response {
        let health = await web.store.health()
        let response = Response(status: health.ok ? .ok : .serviceUnavailable)
        try response.content.encode(health, as: .json)
        return response
    }

    static func isLocal(_ req: Request) -> Bool {
        guard req.remoteAddress != nil else { return true }  // an in-process request (tests)
        let client = req.clientAddress
        return client.hasPrefix("127.") || client == "::1"
    }
}

/// One line per request: method, path, status, milliseconds and the client, with the request's id in the logger's
/// metadata (JSON when `BAOCAO_LOG_FORMAT=json`).
struct RequestLog: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await next.respond(to: request)
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
        request.logger.info(
            "\(request.method.rawValue) \(request.url.path) \(response.status.code) \(String(format: "%.1f", ms)) ms",
            metadata: ["client": .string(request.clientAddress)])
        return response
    }
}
