import BaoCaoDomain
import SQLKit

/// The official view's values follow the working ones only when a head of unit approves them (or an administrator
/// imports them): then, for each key, the working row becomes the official value (marked approved, any value kept
/// apart dropped), or, for a deleted value, the kept one goes; the official live sums move with it in the same
/// transaction, and the working sums count one value fewer waiting for approval.
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
            let official = k ?? (w?.approved == true ? w : nil)
            if w?.approved == true && k == nil { continue }  // already official
            if k != nil { try await KeptOfficial.drop(key, db) }
            var delta = RollupTable.Delta()
            switch (w, official) {
            case (nil, nil): continue
            case (nil, let o?):
                guard let removed = Int64(0).subtractingChecked(o.amount) else { throw FigureOutOfRange.sum }
                delta = .init(total: removed, contributors: -1, estimates: o.isEstimate ? -1 : 0)
            case (let w?, nil):
                delta = .init(total: w.amount, contributors: 1, estimates: w.isEstimate ? 1 : 0)
            case (let w?, let o?):
                guard let change = w.amount.subtractingChecked(o.amount) else { throw FigureOutOfRange.sum }
                delta = .init(
                    total: change, contributors: 0, estimates: (w.isEstimate ? 1 : 0) - (o.isEstimate ? 1 : 0))
            }
            if let w, !w.approved {
                try await db.raw(
                    """
                    UPDATE data_values SET approved = \(bind: true)
                    WHERE unit_id = \(bind: unitID) AND indicator_id = \(bind: indicatorID) AND period = \(bind: period.code)
                    """
                ).run()
            }
            if communeLevel {
                try await RollupTable.adjust(
                    .official, above: unitID, indicatorID: indicatorID, period: period.code, by: delta, db)
                if let w, !w.approved {
                    try await RollupTable.adjust(
                        .working, above: unitID, indicatorID: indicatorID, period: period.code,
                        by: .init(pending: -1), db)
                }
            }
        }
    }

    static func isCommuneLevel(_ unitID: Int, _ db: any SQLDatabase) async throws -> Bool {
        let kind = try await db.raw("SELECT kind FROM units WHERE id = \(bind: unitID)").first()?.decode(
            column: "kind", as: String.self)
        return kind.flatMap(UnitKind.init(rawValue:))?.isCommuneLevel ?? false
    }
}
