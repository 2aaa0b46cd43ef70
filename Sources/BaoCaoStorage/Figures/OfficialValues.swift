import BaoCaoDomain
import SQLKit

/// The official view's values follow the working ones only when a head of unit approves them (or an administrator
/// imports them): then, for each key, the official value becomes what the working value is (added, changed or
/// deleted), and the official live sums move with it in the same transaction.
enum OfficialValues {
    /// Makes the official values of `unitID`'s `indicatorIDs` for `period` what its working values are.
    static func adopt(unitID: Int, period: Period, indicatorIDs: Set<Int>, _ db: any SQLDatabase) async throws {
        guard !indicatorIDs.isEmpty else { return }
        let working = try await StoredRow.all(.working, unitID: unitID, period: period.code, db)
        let official = try await StoredRow.all(.official, unitID: unitID, period: period.code, db)
        let communeLevel = try await isCommuneLevel(unitID, db)
        for indicatorID in indicatorIDs.sorted() {
            let key = ValueWriter.Key(indicatorID: indicatorID, unitID: unitID, period: period)
            let w = working[indicatorID], o = official[indicatorID]
            var delta = RollupTable.Delta()
            switch (w, o) {
            case (nil, nil): continue
            case (nil, let o?):
                try await StoredRow.remove(.official, key, db)
                guard let removed = Int64(0).subtractingChecked(o.amount) else { throw FigureOutOfRange.sum }
                delta = .init(total: removed, contributors: -1, estimates: o.isEstimate ? -1 : 0)
            case (let w?, nil):
                try await insert(key, w, db)
                delta = .init(total: w.amount, contributors: 1, estimates: w.isEstimate ? 1 : 0)
            case (let w?, let o?):
                if w.sameFigure(as: o) { continue }
                try await db.raw(
                    """
                    UPDATE official_values SET amount = \(bind: w.amount), status = \(bind: w.status),
                    qualifier = \(bind: w.qualifier), note = \(bind: w.note), updated_by = \(bind: w.updatedBy),
                    updated_at = \(bind: w.updatedAt)
                    WHERE unit_id = \(bind: unitID) AND indicator_id = \(bind: indicatorID) AND period = \(bind: period.code)
                    """
                ).run()
                guard let change = w.amount.subtractingChecked(o.amount) else { throw FigureOutOfRange.sum }
                delta = .init(
                    total: change, contributors: 0, estimates: (w.isEstimate ? 1 : 0) - (o.isEstimate ? 1 : 0))
            }
            if communeLevel {
                try await RollupTable.adjust(
                    .official, above: unitID, indicatorID: indicatorID, period: period.code, by: delta, db)
                // The working value now is the official one: no longer pending in the working sums.
                if w != nil {
                    try await RollupTable.adjust(
                        .working, above: unitID, indicatorID: indicatorID, period: period.code,
                        by: .init(pending: -1), db)
                }
            }
        }
    }

    static func insert(_ key: ValueWriter.Key, _ row: StoredRow, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO official_values (indicator_id, unit_id, period, amount, status, qualifier, note, updated_by, updated_at)
            VALUES (\(bind: key.indicatorID), \(bind: key.unitID), \(bind: key.period.code), \(bind: row.amount),
            \(bind: row.status), \(bind: row.qualifier), \(bind: row.note), \(bind: row.updatedBy), \(bind: row.updatedAt))
            """
        ).run()
    }

    static func isCommuneLevel(_ unitID: Int, _ db: any SQLDatabase) async throws -> Bool {
        let kind = try await db.raw("SELECT kind FROM units WHERE id = \(bind: unitID)").first()?.decode(
            column: "kind", as: String.self)
        return kind.flatMap(UnitKind.init(rawValue:))?.isCommuneLevel ?? false
    }
}
