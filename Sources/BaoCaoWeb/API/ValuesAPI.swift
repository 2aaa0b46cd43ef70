import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// A unit's figures for a period read and written by a program (an API token, or a session): the working values
/// with their versions, and changes saved by the entry form's own save, with its rules, locks, versions and
/// history; `submit` sends them for approval as the form's "Lưu và gửi duyệt" does.
enum ValuesAPI {
    static func register(_ api: any RoutesBuilder, _ web: Web) {
        api.get("values") { try await read($0, web) }
        api.post("values") { try await write($0, web) }
    }

    struct Value: Content {
        var indicator: String
        var value: String?
        var status: String
        var qualifier: String?
        var note: String?
        var version: Int
    }

    struct Values: Content {
        var unit: String
        var period: String
        var status: String
        var values: [Value]
    }

    static func form(
        _ req: Request, _ web: Web, unit code: String, period text: String, _ action: Action
    )
        async throws -> EntryForm
    {
        let tree = try await web.tree()
        guard let unit = tree.byCode[code] else { throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"") }
        let period = try APIController.period(text)
        try await Access.require(req, action, on: unit, tree: tree, store: web.store)
        return try await EntryForm.load(
            unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
    }

    static func values(_ form: EntryForm) -> Values {
        Values(
            unit: form.formUnit.code, period: form.period.code, status: form.submission.status.rawValue,
            values: form.indicators.filter { !$0.isDerived }.map { indicator in
                let id = form.catalogue.idByCode[indicator.code] ?? 0
                let stored = form.stored[id]
                return Value(
                    indicator: indicator.code, value: stored?.observation.value.description,
                    status: (stored?.observation.status ?? .estimate).rawValue,
                    qualifier: stored?.observation.qualifier?.rawValue, note: stored?.note,
                    version: form.basis(indicator).version)
            })
    }

    static func read(_ req: Request, _ web: Web) async throws -> Values {
        guard let unit = req.queryText("unit"), let period = req.queryText("period") else {
            throw Abort(.badRequest, reason: "Cần tham số unit và period")
        }
        return values(try await form(req, web, unit: unit, period: period, .readDraft))
    }

    struct Change: Decodable {
        var indicator: String
        var value: String
        var status: String?
        var qualifier: String?
        var note: String?
        var version: Int?

        enum Keys: String, CodingKey { case indicator, value, status, qualifier, note, version }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Keys.self)
            indicator = try c.decode(String.self, forKey: .indicator)
            // A value as text ("1234.5") or a JSON number, read without binary floating point.
            if let text = try? c.decode(String.self, forKey: .value) {
                value = text
            } else {
                value = "\(try c.decode(Decimal.self, forKey: .value))"
            }
            status = try c.decodeIfPresent(String.self, forKey: .status)
            qualifier = try c.decodeIfPresent(String.self, forKey: .qualifier)
            note = try c.decodeIfPresent(String.self, forKey: .note)
            version = try c.decodeIfPresent(Int.self, forKey: .version)
        }
    }

    struct Input: Decodable {
        var unit: String
        var period: String
        var submit: Bool?
        var values: [Change]
    }

    struct Saved: Content {
        var changed: Int
        var status: String
        /// What still stops the submission: errors to fix, warnings to explain (on the entry page).
        var blocking: [String]
        var values: Values
    }

    struct Problems: Content {
        var error: String
        var errors: [String: String]
    }

    static func write(_ req: Request, _ web: Web) async throws -> Response {
        let input: Input
        do { input = try req.content.decode(Input.self) } catch {
            throw Abort(
                .badRequest,
                reason:
                    "Cần JSON {\"unit\", \"period\", \"values\": [{\"indicator\", \"value\", \"status\", \"version\"}]}"
            )
        }
        let submit = input.submit ?? false
        let form = try await form(req, web, unit: input.unit, period: input.period, .enterFigures)
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        let tree = try await web.tree()
        if submit { try await Access.require(req, .submit, on: form.formUnit, tree: tree, store: web.store) }
        var fields: [String: String] = [:]
        var errors: [String: String] = [:]
        let typed = Dictionary(
            form.indicators.filter { !$0.isDerived }.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        for change in input.values {
            guard let indicator = typed[change.indicator] else {
                errors[change.indicator] = "không có trong biểu của \(form.formUnit.fullName)"
                continue
            }
            guard let amount = Amount(plain: change.value.trimmingWhitespace()), amount.isWithinInputLimit else {
                errors[change.indicator] =
                    "giá trị \"\(change.value)\" không hợp lệ: số dạng 1234.5, tối đa 4 chữ số thập phân, trong ±999.999.999.999,9999"
                continue
            }
            let code = indicator.code
            let basis = form.basis(indicator)
            fields["v_\(code)"] = VietnameseNumber.shortest(amount)
            fields["s_\(code)"] = change.status ?? ValueStatus.estimate.rawValue
            fields["q_\(code)"] = change.qualifier ?? ""
            fields["n_\(code)"] = change.note ?? ""
            fields["ver_\(code)"] = String(change.version ?? basis.version)
            fields["ov_\(code)"] = basis.shown.value
            fields["os_\(code)"] = basis.shown.status
            fields["oq_\(code)"] = basis.shown.qualifier
            fields["on_\(code)"] = basis.shown.note
        }
        let parsed = form.parse(fields)
        errors.merge(parsed.errors) { a, _ in a }
        guard errors.isEmpty else {
            return try json(
                Problems(error: "Không lưu: \(errors.count) giá trị có lỗi", errors: errors), .unprocessableEntity)
        }
        do {
            let outcome = try await FigureEntry.save(
                parsed.lines, formUnit: form.formUnit, valueUnit: form.valueUnit, period: form.period, submit: submit,
                by: viewer.account.username, tree: tree, catalogue: form.catalogue, store: web.store)
            let fresh = try await EntryForm.load(
                unit: form.formUnit, period: form.period, tree: tree, catalogue: form.catalogue, web.db)
            return try json(
                Saved(
                    changed: outcome.changed, status: outcome.status.rawValue,
                    blocking: outcome.blocking.map(\.message), values: values(fresh)), .ok)
        } catch let refusal as SubmissionFlow.Refusal {
            throw Abort(.conflict, reason: "Không lưu: \(refusal.description)")
        } catch let conflicts as FigureEntry.Conflicts {
            var found: [String: String] = [:]
            for c in conflicts.conflicts {
                let code = form.catalogue.codeByID[c.key.indicatorID] ?? ""
                found[code] =
                    "đã được \(c.changedBy) sửa lúc \(c.changedAt) (phiên bản \(c.version)); đọc lại rồi gửi với phiên bản mới"
            }
            return try json(
                Problems(error: "Không lưu: \(found.count) giá trị đã được người khác sửa", errors: found), .conflict)
        } catch let error as FigureOutOfRange {
            throw Abort(.unprocessableEntity, reason: "Không lưu: \(error.description)")
        }
    }

    static func json(_ value: some Encodable, _ status: HTTPStatus) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(value, as: .json)
        return response
    }
}
