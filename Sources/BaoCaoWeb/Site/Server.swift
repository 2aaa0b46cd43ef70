import BaoCaoStorage
import Vapor

/// Runs the HTTP server on `store` until interrupted.
public func runServer(
    store: Store, hostname: String, port: Int, settings: WebSettings = WebSettings(), onStart: @Sendable () -> Void
) async throws {
    let environment = Environment(
        name: "production", arguments: ["baocao", "serve", "--hostname", hostname, "--port", "\(port)"])
    let app = try await Application.make(environment)
    configure(app, store: store, settings: settings)
    onStart()
    do { try await app.execute() } catch {
        try await app.asyncShutdown()
        throw error
    }
    try await app.asyncShutdown()
}
