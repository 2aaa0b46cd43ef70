import BaoCaoDomain
import SQLKit

/// A locality's report settings (`ReportSetting`), kept as locality settings: the nearest unit's value wins, and a
/// value for the period wins over one for the year, which wins over one set for good.
public enum ReportSettingsRepository {
    public static func values(
        unitID: Int, period: Period, tree: UnitTree, _ db: any SQLDatabase
    ) async throws
        -> [ReportSetting: String]
    {
        let ancestry = tree.ancestry(of: unitID)
        var values: [ReportSetting: String] = [:]
        for setting in ReportSetting.allCases {
            for name in setting.storedNames(for: period) {
                if let value = try await LocalitySettings.value(name, ancestry: ancestry, db) {
                    values[setting] = value
                    break
                }
            }
        }
        return values
    }

    /// Sets (or with nil, removes) a locality's value of `setting` at `scope` for `period`.
    public static func set(
        _ setting: ReportSetting, _ scope: ReportSetting.Scope, for period: Period, to value: String?, unitID: Int,
        by user: String, _ db: any SQLDatabase
    ) async throws {
        let trimmed = value?.trimmingWhitespace()
        try await LocalitySettings.set(
            setting.storedName(scope, for: period), to: trimmed?.isEmpty == true ? nil : trimmed, unitID: unitID,
            by: user, db)
    }
}
