import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Vapor

/// `GET /api/v1/sdmx/data`: figures as SDMX-CSV 2.0 (`unit`, `children=true`, `period` in BaoCao's codes, `view`),
/// and `GET /api/v1/sdmx/structure`: the SDMX-ML 3.0 structure they follow.
enum SDMXAPI {
    static func register(_ api: any RoutesBuilder, _ web: Web) {
        api.get("sdmx", "data") { try await data($0, web) }
        api.get("sdmx", "structure") { try await structure($0, web) }
    }

    static func data(_ req: Request, _ web: Web) async throws -> Response {
        let selection = try await FigureRequest.selection(
            req, web, unitParameter: "unit", period: { try? Period(text: $0) })
        let response = Response(
            status: .ok, body: .init(string: try await SDMXExport.data(selection, web.store.sql)))
        response.headers.replaceOrAdd(name: .contentType, value: SDMXCSV.mediaType)
        response.headers.replaceOrAdd(name: "X-BaoCao-View", value: selection.view.rawValue)
        return response
    }

    static func structure(_ req: Request, _ web: Web) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: try await SDMXExport.structure(web.store.sql)))
        response.headers.replaceOrAdd(
            name: .contentType, value: "application/vnd.sdmx.structure+xml; version=3.0.0; charset=utf-8")
        return response
    }
}
