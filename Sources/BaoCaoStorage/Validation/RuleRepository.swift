import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// A rule as stored: the rule, with its id and the unit it is scoped to.
public struct StoredRule: Hashable, Sendable {
    public var id: Int
    public var rule: ValidationRule
    public var unitID: Int?
    public var updatedBy: String
    public var updatedAt: String
}

/// The catalogue's validation rules.
public enum RuleRepository {
    public static func all(_ db: any SQLDatabase) async throws -> [StoredRule] {
        let units = Dictionary(uniqueKeysWithValues: try await UnitRepository.all(db).map { ($0.id, $0.code) })
        return try await read(scope: nil, unitCode: { units[$0] }, db)
    }

    /// The rules that apply to a unit: those without a scope, and those scoped to it or a unit above it.
    public static func applying(to unitID: Int, tree: UnitTree, _ db: any SQLDatabase) async throws -> [ValidationRule]
    {
        try await read(scope: tree.ancestry(of: unitID), unitCode: { tree.byID[$0]?.code }, db).map(\.rule)
    }

    /// The rules in order of their codes; with `scope`, only those without a unit or scoped to one of its units.
    static func read(
        scope: [Int]?, unitCode: (Int) -> String?, _ db: any SQLDatabase
    ) async throws -> [StoredRule] {
        let filter: SQLQueryString =
            if let scope { "WHERE unit_id IS NULL OR unit_id IN (\(binds: scope.isEmpty ? [-1] : scope))" } else { "" }
        return try await db.raw(
            """
            SELECT id, code, left_expr, operator, right_expr, severity, missing, message, unit_id, updated_by, updated_at
            FROM validation_rules \(filter) ORDER BY code
            """
        ).all().map { row in
            let unitID = try row.decode(column: "unit_id", as: Int?.self)
            return StoredRule(
                id: try row.decode(column: "id", as: Int.self),
                rule: ValidationRule(
                    code: try row.decode(column: "code", as: String.self),
                    left: try row.decode(column: "left_expr", as: String.self),
                    comparison: RuleComparison(rawValue: try row.decode(column: "operator", as: String.self))
                        ?? .lessOrEqual,
                    right: try row.decode(column: "right_expr", as: String.self),
                    severity: RuleSeverity(rawValue: try row.decode(column: "severity", as: String.self)) ?? .error,
                    missing: MissingValues(rawValue: try row.decode(column: "missing", as: String.self))
                        ?? .skipIfAny,
                    message: try row.decode(column: "message", as: String.self),
                    unit: unitID.flatMap(unitCode)),
                unitID: unitID, updatedBy: try row.decode(column: "updated_by", as: String.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
        }
    }

    /// Inserts or replaces a rule by its code; `unitID` is its scope.
    public static func save(
        _ rule: ValidationRule, unitID: Int?, by user: String, _ db: any SQLDatabase
    )
        async throws
    {
        try await db.raw(
            """
            INSERT INTO validation_rules (code, left_expr, operator, right_expr, severity, missing, message, unit_id,
            updated_by, updated_at)
            VALUES (\(bind: rule.code), \(bind: rule.left), \(bind: rule.comparison.rawValue), \(bind: rule.right),
            \(bind: rule.severity.rawValue), \(bind: rule.missing.rawValue), \(bind: rule.message), \(bind: unitID),
            \(bind: user), \(bind: Timestamp.now()))
            ON CONFLICT (code) DO UPDATE SET left_expr = excluded.left_expr, operator = excluded.operator,
            right_expr = excluded.right_expr, severity = excluded.severity, missing = excluded.missing,
            message = excluded.message, unit_id = excluded.unit_id, updated_by = excluded.updated_by,
            updated_at = excluded.updated_at
            """
        ).run()
    }

    public static func delete(code: String, _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM validation_rules WHERE code = \(bind: code)").run()
    }

    /// Problems of a rule against the catalogue and the units, in Vietnamese: codes no indicator has, a scope
    /// no unit has. Empty when it can be saved.
    public static func problems(_ rule: ValidationRule, catalogue: Catalogue, units: [String: StoredUnit]) -> [String] {
        var problems: [String] = []
        for (side, text) in [("vế trái", rule.left), ("vế phải", rule.right)] {
            do {
                for code in try Formula(text).references.sorted() where catalogue.indicator(code: code) == nil {
                    problems.append("\(side): chỉ tiêu \"\(code)\" không có trong danh mục")
                }
            } catch { problems.append("\(side): \(error.description)") }
        }
        if let unit = rule.unit, units[unit] == nil { problems.append("đơn vị \"\(unit)\" không tồn tại") }
        if rule.message.trimmingWhitespace().isEmpty { problems.append("cần ghi thông báo cho người nhập") }
        if rule.message.count > 500 { problems.append("thông báo quá dài (tối đa 500 ký tự)") }
        if rule.code.count > 64 { problems.append("mã quy tắc quá dài (tối đa 64 ký tự)") }
        return problems
    }
}

/// The explanations a unit gave for the warnings of a period.
public enum RuleNotes {
    public static func all(unitID: Int, period: Period, _ db: any SQLDatabase) async throws -> [String: String] {
        var result: [String: String] = [:]
        for row in try await db.raw(
            """
            SELECT rule_key, explanation FROM validation_notes WHERE unit_id = \(bind: unitID) AND period = \(bind: period.code)
            """
        ).all() {
            result[try row.decode(column: "rule_key", as: String.self)] = try row.decode(
                column: "explanation", as: String.self)
        }
        return result
    }

    public static func save(
        _ notes: [String: String], unitID: Int, period: Period, by user: String, _ db: any SQLDatabase
    ) async throws {
        for (key, text) in notes {
            try await db.raw(
                """
                INSERT INTO validation_notes (unit_id, period, rule_key, explanation, written_by, written_at)
                VALUES (\(bind: unitID), \(bind: period.code), \(bind: key), \(bind: text), \(bind: user), \(bind: Timestamp.now()))
                ON CONFLICT (unit_id, period, rule_key) DO UPDATE SET explanation = excluded.explanation,
                written_by = excluded.written_by, written_at = excluded.written_at
                """
            ).run()
        }
    }
}
