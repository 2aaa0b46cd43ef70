import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Report templates, stored as their text form and parsed on the way out.
public enum ReportTemplateRepository {
    public struct Stored: Sendable {
        public var code: String
        public var name: String
        public var body: String
        public var template: ReportTemplate
    }

    /// Saves a template after checking its code, name and size, that it parses and names only indicators of the
    /// catalogue.
    public static func save(code: String, name: String, body: String, by user: String, store: Store) async throws {
        let limits = [
            Code.problem(code, what: "Mã mẫu"), TextLimit.name.problem(name), TextLimit.template.problem(body),
        ]
        if let problem = limits.compactMap({ $0 }).first {
            throw ImportProblems([ImportProblem(file: code, line: 1, column: nil, message: problem)])
        }
        let template = try ReportTemplateFormat.parse(body, file: code)
        try await store.transaction { db in
            let catalogue = try await IndicatorRepository.catalogue(db)
            let unknown = template.references.filter { catalogue.idByCode[$0] == nil }.sorted()
            guard unknown.isEmpty else {
                throw ImportProblems(
                    unknown.map {
                        ImportProblem(
                            file: code, line: 1, column: nil, message: "mẫu dùng chỉ tiêu \"\($0)\" không tồn tại")
                    })
            }
            try await db.raw(
                """
                INSERT INTO report_templates (code, name, body, updated_by, updated_at)
                VALUES (\(bind: code), \(bind: name), \(bind: body), \(bind: user), \(bind: Timestamp.now()))
                ON CONFLICT (code) DO UPDATE SET name = excluded.name, body = excluded.body,
                updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """
            ).run()
        }
    }

    public static func find(_ code: String, _ db: any SQLDatabase) async throws -> Stored? {
        guard
            let row = try await db.raw("SELECT code, name, body FROM report_templates WHERE code = \(bind: code)")
                .first()
        else { return nil }
        let body = try row.decode(column: "body", as: String.self)
        return Stored(
            code: code, name: try row.decode(column: "name", as: String.self), body: body,
            template: try ReportTemplateFormat.parse(body, file: code))
    }

    public static func codes(_ db: any SQLDatabase) async throws -> [(code: String, name: String)] {
        try await db.raw("SELECT code, name FROM report_templates ORDER BY code").all().map {
            (try $0.decode(column: "code", as: String.self), try $0.decode(column: "name", as: String.self))
        }
    }
}
