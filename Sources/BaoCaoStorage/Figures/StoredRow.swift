import BaoCaoDomain
import SQLKit

/// One stored value as its row holds it.
struct StoredRow: Sendable {
    var amount: Int64
    var status: String
    var qualifier: String?
    var note: String?
    var updatedBy: String
    var updatedAt: String
    /// Working rows only (0 otherwise).
    var version: Int
    /// Working rows only: whether the row is itself the official value.
    var approved: Bool

    init(observation: Observation, note: String?, by: String, at: String, version: Int) {
        amount = observation.value.scaled; status = observation.status.rawValue
        qualifier = observation.qualifier?.rawValue; self.note = note; updatedBy = by; updatedAt = at
        self.version = version; approved = false
    }

    init(_ row: any SQLRow, working: Bool) throws {
        amount = try row.decode(column: "amount", as: Int64.self)
        status = try row.decode(column: "status", as: String.self)
        qualifier = try row.decode(column: "qualifier", as: String?.self)
        note = try row.decode(column: "note", as: String?.self)
        updatedBy = try row.decode(column: "updated_by", as: String.self)
        updatedAt = try row.decode(column: "updated_at", as: String.self)
        version = working ? try row.decode(column: "version", as: Int.self) : 0
        approved = working ? try row.decode(column: "approved", as: Bool.self) : true
    }

    var isEstimate: Bool { status == ValueStatus.estimate.rawValue }

    var observation: Observation {
        Observation(
            value: Amount(scaled: amount), status: ValueStatus(rawValue: status) ?? .final,
            qualifier: qualifier.flatMap(Qualifier.init(rawValue:)))
    }

    /// Same value, status, qualifier and note: who and when do not make a different figure.
    func sameFigure(as other: StoredRow) -> Bool {
        amount == other.amount && status == other.status && qualifier == other.qualifier
            && (note ?? "") == (other.note ?? "")
    }

    func value(changes: Int) -> StoredValue {
        StoredValue(
            observation: observation, note: note, updatedBy: updatedBy, updatedAt: updatedAt, changes: changes,
            version: version)
    }

    static func columns(_ layer: ValueLayer) -> String {
        "amount, status, qualifier, note, updated_by, updated_at" + (layer == .working ? ", version, approved" : "")
    }

    static func find(_ layer: ValueLayer, _ key: ValueWriter.Key, _ db: any SQLDatabase) async throws -> StoredRow? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: columns(layer)) FROM \(layer.values) v
            WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).first().map { try StoredRow($0, working: layer == .working) }
    }

    /// A unit's rows for one period, by indicator id.
    static func all(
        _ layer: ValueLayer, unitID: Int, period: String, _ db: any SQLDatabase
    ) async throws
        -> [Int: StoredRow]
    {
        var result: [Int: StoredRow] = [:]
        for row in try await db.raw(
            """
            SELECT indicator_id, \(unsafeRaw: columns(layer)) FROM \(layer.values) v
            WHERE unit_id = \(bind: unitID) AND period = \(bind: period)
            """
        ).all() {
            result[try row.decode(column: "indicator_id", as: Int.self)] = try StoredRow(
                row, working: layer == .working)
        }
        return result
    }
}

/// The official values kept apart from their working rows: an approved value whose working row has since changed or
/// been deleted, until the change is approved.
enum KeptOfficial {
    static func find(_ key: ValueWriter.Key, _ db: any SQLDatabase) async throws -> StoredRow? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: StoredRow.columns(.official)) FROM official_values
            WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).first().map { try StoredRow($0, working: false) }
    }

    static func all(unitID: Int, period: String, _ db: any SQLDatabase) async throws -> [Int: StoredRow] {
        var result: [Int: StoredRow] = [:]
        for row in try await db.raw(
            """
            SELECT indicator_id, \(unsafeRaw: StoredRow.columns(.official)) FROM official_values
            WHERE unit_id = \(bind: unitID) AND period = \(bind: period)
            """
        ).all() {
            result[try row.decode(column: "indicator_id", as: Int.self)] = try StoredRow(row, working: false)
        }
        return result
    }

    /// Keeps `row` as the key's official value while its working row changes.
    static func keep(_ key: ValueWriter.Key, _ row: StoredRow, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO official_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at)
            VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: row.amount),
            \(bind: row.status), \(bind: row.qualifier), \(bind: row.note), \(bind: row.updatedBy), \(bind: row.updatedAt))
            """
        ).run()
    }

    static func drop(_ key: ValueWriter.Key, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            DELETE FROM official_values
            WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).run()
    }
}
