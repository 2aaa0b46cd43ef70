import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Vapor

/// `GET /api/v1/dhis2/dataValueSets` and `POST` of the same: figures in DHIS2's shape, `idScheme=code`.
///
/// GET: `orgUnit` (codes, repeated or with commas; required), `children=true`, `period` (DHIS2 codes `201706`,
/// `2017Q2`, `2017S1`, `2017`, or BaoCao's), `view` (`chinh-thuc`, the default, or `lam-viec` for drafts too), CSV with
/// `.csv` after the path, `format=csv` or `Accept: text/csv`. Official figures need an account; drafts the right to
/// read the unit's drafts. POST: the payload as JSON or CSV (`Content-Type`), `dryRun`, `importStrategy`; an
/// administrator's, for units in their scope, official at once, as `baocao import`.
enum DHIS2API {
    static func register(_ api: any RoutesBuilder, _ web: Web) {
        api.get("dhis2", "dataValueSets") { try await read($0, web, csv: wantsCSV($0)) }
        api.get("dhis2", "dataValueSets.json") { try await read($0, web, csv: false) }
        api.get("dhis2", "dataValueSets.csv") { try await read($0, web, csv: true) }
        api.on(.POST, "dhis2", "dataValueSets", body: .collect(maxSize: Uploads.maxSize)) { try await write($0, web) }
    }

    static func wantsCSV(_ req: Request) -> Bool {
        if let format = req.queryText("format") { return format.lowercased() == "csv" }
        return req.headers.first(name: .accept).map { $0.contains("text/csv") || $0.contains("application/csv") }
            ?? false
    }

    /// `idScheme`, `dataElementIdScheme` and `orgUnitIdScheme` may only be `code`: BaoCao's identifiers are codes.
    static func checkSchemes(_ req: Request) throws {
        for name in ["idScheme", "dataElementIdScheme", "orgUnitIdScheme", "categoryOptionComboIdScheme"] {
            if let scheme = req.queryText(name), scheme.lowercased() != "code" {
                throw Abort(
                    .conflict,
                    reason:
                        "\(name)=\(scheme) không dùng được: BaoCao chỉ nhận mã (idScheme=code) của chỉ tiêu và đơn vị")
            }
        }
    }

    static func read(_ req: Request, _ web: Web, csv: Bool) async throws -> Response {
        try checkSchemes(req)
        let selection = try await FigureRequest.selection(
            req, web, unitParameter: "orgUnit", period: { DHIS2Period.period($0) ?? (try? Period(text: $0)) })
        let export = try await DHIS2Exchange.export(selection, web.store.sql)
        let response: Response
        if csv {
            response = Response(status: .ok, body: .init(string: DHIS2DataValueSet.csv(export.values)))
            response.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        } else {
            response = Response(status: .ok, body: .init(data: try DHIS2DataValueSet.json(export.values)))
            response.headers.contentType = .json
        }
        response.headers.replaceOrAdd(name: "X-BaoCao-View", value: selection.view.rawValue)
        response.headers.replaceOrAdd(name: "X-BaoCao-Skipped", value: String(export.skipped))
        return response
    }

    static func write(_ req: Request, _ web: Web) async throws -> Response {
        try checkSchemes(req)
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        let strategy =
            try req.queryText("importStrategy").map { text in
                guard let s = DHIS2ImportStrategy(text: text) else {
                    throw Abort(
                        .badRequest,
                        reason:
                            "importStrategy \"\(text)\" không hợp lệ; dùng CREATE_AND_UPDATE, CREATE, UPDATE hoặc DELETE"
                    )
                }
                return s
            } ?? .createAndUpdate
        let dryRun = req.queryText("dryRun") == "true"
        let body = req.body.data.map { Data($0.readableBytesView) } ?? Data()
        let type = req.headers.contentType
        let values: [DHIS2DataValue]
        do {
            if type?.subType == "csv" {
                values = try DHIS2DataValueSet.read(csv: String(decoding: body, as: UTF8.self))
            } else {
                values = try DHIS2DataValueSet.read(json: body)
            }
        } catch {
            throw Abort(.badRequest, reason: error.problems.map(\.description).joined(separator: "; "))
        }
        // Every unit the payload names must be in the administrator's scope; unknown ones are conflicts below.
        let tree = try await web.tree()
        for code in Set(values.map(\.orgUnit)).sorted() {
            guard let unit = tree.byCode[code] else { continue }
            try await Access.require(req, .manageCatalogue, on: unit, tree: tree, store: web.store)
        }
        if values.isEmpty { try await Access.home(req, .manageCatalogue, tree: tree, store: web.store) }
        let summary = try await DHIS2Exchange.importValues(
            values, strategy: strategy, dryRun: dryRun, by: viewer.account.username, store: web.store)
        let response = Response(
            status: summary.status == .error ? .conflict : .ok,
            body: .init(data: try DHIS2Exchange.encoder.encode(summary)))
        response.headers.contentType = .json
        return response
    }
}
