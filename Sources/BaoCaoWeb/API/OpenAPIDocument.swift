import Foundation
import Vapor

/// `GET /api/v1/openapi.json`: the OpenAPI 3.1 description of every endpoint of the API (a resource of this target,
/// kept by hand beside the handlers; CI validates it and fuzzes the running server against it with Schemathesis).
enum OpenAPIDocument {
    static let data: Data? = Bundle.module.url(forResource: "openapi", withExtension: "json")
        .flatMap { try? Data(contentsOf: $0) }

    static func register(_ api: any RoutesBuilder) {
        api.get("openapi.json") { _ in
            guard let data else {
                throw Abort(.internalServerError, reason: "Thiếu tài liệu OpenAPI trong bản cài đặt")
            }
            let response = Response(status: .ok, body: .init(data: data))
            response.headers.contentType = .json
            return response
        }
    }
}
