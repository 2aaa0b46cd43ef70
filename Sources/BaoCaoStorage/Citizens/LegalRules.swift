import BaoCaoDomain
import BaoCaoExchange
import Foundation
import SQLKit

/// The legal rules tables a locality works by: the letters' time limits, the chairman's reception days, and which
/// indicators the register feeds. Shipped as CSV with a citation on every row (`Resources/rules`); a locality whose
/// lawyers correct one stores its own copy (`replace`), which is then used instead. Data, not code: the laws change.
public struct LegalRules: Sendable {
    public var clocks: ClockRules
    public var reception: ReceptionRules
    public var figures: RegisterIndicators

    public enum Table: String, CaseIterable, Sendable {
        case clocks = "thoi-han"
        case reception = "tiep-cong-dan"
        case figures = "so-lieu-so"
    }

    /// The tables as shipped.
    public static func bundled() throws -> LegalRules {
        try LegalRules(text: { try shipped($0) })
    }

    /// The tables in use: the locality's own copy where it stored one, the shipped one otherwise.
    public static func load(_ db: any SQLDatabase) async throws -> LegalRules {
        var stored: [String: String] = [:]
        for row in try await db.raw("SELECT name, body FROM legal_rules").all() {
            stored[try row.decode(column: "name", as: String.self)] = try row.decode(column: "body", as: String.self)
        }
        return try LegalRules(text: { try stored[$0.rawValue] ?? shipped($0) })
    }

    /// The CSV text of a table in use.
    public static func text(_ table: Table, _ db: any SQLDatabase) async throws -> String {
        try await db.raw("SELECT body FROM legal_rules WHERE name = \(bind: table.rawValue)").first()?.decode(
            column: "body", as: String.self) ?? shipped(table)
    }

    /// Stores a corrected table after reading it whole: a table with a wrong row is refused with its line and nothing
    /// changes.
    public static func replace(_ table: Table, csv: String, by user: String, _ db: any SQLDatabase) async throws {
        _ = try parse(table, csv)
        try await db.raw("DELETE FROM legal_rules WHERE name = \(bind: table.rawValue)").run()
        try await db.raw(
            """
            INSERT INTO legal_rules (name, body, updated_by, updated_at)
            VALUES (\(bind: table.rawValue), \(bind: csv), \(bind: user), \(bind: Timestamp.now()))
            """
        ).run()
    }

    private init(text: (Table) throws -> String) throws {
        guard case .clocks(let c) = try Self.parse(.clocks, try text(.clocks)),
            case .reception(let r) = try Self.parse(.reception, try text(.reception)),
            case .figures(let f) = try Self.parse(.figures, try text(.figures))
        else { throw ClockRules.Problem(line: 1, message: "bảng không đọc được") }
        clocks = c; reception = r; figures = f
    }

    private enum Parsed { case clocks(ClockRules), reception(ReceptionRules), figures(RegisterIndicators) }

    private static func parse(_ table: Table, _ csv: String) throws -> Parsed {
        let rows = try CSVReader.rows(csv).map(\.fields)
        switch table {
        case .clocks: return .clocks(try ClockRules(rows: rows))
        case .reception: return .reception(try ReceptionRules(rows: rows))
        case .figures: return .figures(try RegisterIndicators(rows: rows))
        }
    }

    private static func shipped(_ table: Table) throws -> String {
        guard let url = Bundle.module.url(forResource: table.rawValue, withExtension: "csv", subdirectory: "rules")
        else { throw ClockRules.Problem(line: 0, message: "thiếu tệp \(table.rawValue).csv trong gói cài đặt") }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
