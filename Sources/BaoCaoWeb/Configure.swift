import BaoCaoStorage
import Vapor

/// Registers BaoCao's routes on an application that uses `store`. Tests call it on a test application.
public func configure(_ app: Application, store: Store) {
    app.middleware.use(VietnameseErrorMiddleware())
    let jsonEncoder = JSONEncoder()
    jsonEncoder.keyEncodingStrategy = .convertToSnakeCase
    jsonEncoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    ContentConfiguration.global.use(encoder: jsonEncoder, for: .json)

    app.get { _ in HomePage.render() }
    app.get("bao-cao", ":template") { try await ReportController.download($0, store: store) }
    let api = app.grouped("api", "v1")
    api.get("units") { try await APIController.units($0, store: store) }
    api.get("units", ":code") { try await APIController.unit($0, store: store) }
    api.get("indicators") { try await APIController.indicators($0, store: store) }
    api.get("periods", ":code") { try await APIController.period($0, store: store) }
    api.get("figures") { try await APIController.figures($0, store: store) }
}

/// Turns errors into JSON `{"error": "..."}` with the Vietnamese reason.
struct VietnameseErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do { return try await next.respond(to: request) } catch {
            let status = (error as? any AbortError)?.status ?? .internalServerError
            let reason = (error as? any AbortError)?.reason
            let message =
                status == .internalServerError
                ? "Lỗi máy chủ" : (status == .notFound && reason == nil ? "Không tìm thấy" : reason ?? "Lỗi")
            if status == .internalServerError { request.logger.report(error: error) }
            let response = Response(status: status)
            try response.content.encode(APIError(error: message == "Not Found" ? "Không tìm thấy" : message))
            return response
        }
    }
}
