import BaoCaoDomain
import SQLKit

/// One stored value of a layer as its row holds it.
struct StoredRow: Sendable {
    var amount: Int64
    var status: String
    var qualifier: String?
    var note: String?
    var updatedBy: String
    var updatedAt: String
    /// Working values only (official rows have none: 0).
    var version: Int

    init(observation: Observation, note: String?, by: String, at: String, version: Int) {
        amount = observation.value.scaled; status = observation.status.rawValue
        qualifier = observation.qualifier?.rawValue; self.note = note; updatedBy = by; updatedAt = at
        self.version = version
    }

    init(_ row: any SQLRow, versioned: Bool) throws {
        amount = try row.decode(column: "amount", as: Int64.self)
        status = try row.decode(column: "status", as: String.self)
        qualifier = try row.decode(column: "qualifier", as: String?.self)
        note = try row.decode(column: "note", as: String?.self)
        updatedBy = try row.decode(column: "updated_by", as: String.self)
        updatedAt = try row.decode(column: "updated_at", as: String.self)
        version = versioned ? try row.decode(column: "version", as: Int.self) : 0
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
        "amount, status, qualifier, note, updated_by, updated_at" + (layer == .working ? ", version" : "")
    }

    static func find(_ layer: ValueLayer, _ key: ValueWriter.Key, _ db: any SQLDatabase) async throws -> StoredRow? {
        try await db.raw(
            """
            SELECT \(unsafeRaw: columns(layer)) FROM \(layer.values)
            WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).first().map { try StoredRow($0, versioned: layer == .working) }
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
            SELECT indicator_id, \(unsafeRaw: columns(layer)) FROM \(layer.values)
            WHERE unit_id = \(bind: unitID) AND period = \(bind: period)
            """
        ).all() {
            result[try row.decode(column: "indicator_id", as: Int.self)] = try StoredRow(
                row, versioned: layer == .working)
        }
        return result
    }

    static func remove(_ layer: ValueLayer, _ key: ValueWriter.Key, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            DELETE FROM \(layer.values)
            WHERE unit_id = \(bind: key.unitID) AND indicator_id = \(bind: key.indicatorID) AND period = \(bind: key.period.code)
            """
        ).run()
    }
}
