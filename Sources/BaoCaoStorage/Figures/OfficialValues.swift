import BaoCaoDomain
import SQLKit

/// The official view's values follow the working ones only when a head of unit approves them (or an administrator
/// imports them): then, for each key, the working row becomes the official value (marked approved, any value kept
/// apart dropped), or, for a deleted value, the kept one goes; the live sums move with it in the same transaction.
enum OfficialValues {
    /// Makes the official values of `unitID`'s `indicatorIDs` for `period` what its working values are.
    static func adopt(unitID: Int, period: Period, indicatorIDs: Set<Int>, _ db: any SQLDatabase) async throws {
        guard !indicatorIDs.isEmpty else { return }
        let working = try await StoredRow.all(.working, unitID: unitID, period: period.code, db)
        let kept = try await KeptOfficial.all(unitID: unitID, period: period.code, db)
        let communeLevel = try await isCommuneLevel(unitID, db)
        for indicatorID in indicatorIDs.sorted() {
            let key = ValueWriter.Key(indicatorID: indicatorID, unitID: unitID, period: period)
            let w = working[indicatorID], k = kept[indicatorID]
            if w?.approved != false && k == nil { continue }  // already official, or nothing either side
            if k != nil { try await KeptOfficial.drop(key, db) }
            if let w, !w.approved {
                try await db.raw(
                    """
                    UPDATE data_values SET approved = \(bind: true)
                    WHERE unit_id = \(bind: unitID) AND indicator_id = \(bind: indicatorID) AND period = \(bind: period.code)
                    """
                ).run()
            }
            if communeLevel {
                // The working sum stays; its value no longer waits, and the one kept apart goes.
                let delta = RollupTable.Delta(
                    pending: try RollupTable.part(w.flatMap { $0.approved ? nil : [($0, -1)] } ?? []),
                    kept: try RollupTable.part(k.map { [($0, -1)] } ?? []))
                try await RollupTable.adjust(
                    above: unitID, indicatorID: indicatorID, period: period.code, by: delta, db)
            }
        }
    }

    static func isCommuneLevel(_ unitID: Int, _ db: any SQLDatabase) async throws -> Bool {
        let kind = try await db.raw("SELECT kind FROM units WHERE id = \(bind: unitID)").first()?.decode(
            column: "kind", as: String.self)
        return kind.flatMap(UnitKind.init(rawValue:))?.isCommuneLevel ?? false
    }
}
