import BaoCaoDomain
import BaoCaoExchange
import Foundation
import SQLKit

/// Figures in and out as DHIS2 `dataValueSets` (`idScheme=code`). An import goes through the same path as
/// `baocao import` (references, dates in force, locks of sent and approved submissions, validation rules, history,
/// official at once) in one transaction: any conflict and nothing is written, with the summary saying why; a dry run
/// does everything and rolls back, so its counts are exactly what the import would do.
public enum DHIS2Exchange {
    public struct Export: Sendable {
        public var values: [DHIS2DataValue]
        /// Values of periods DHIS2 has no type for (`2017-9M`), left out.
        public var skipped: Int
    }

    public static func export(_ selection: FigureSelection, _ db: any SQLDatabase) async throws -> Export {
        var values: [DHIS2DataValue] = []
        var skipped = 0
        for selected in try await selection.read(db) {
            if let value = DHIS2Values.dataValue(
                selected.record, storedBy: selected.updatedBy, lastUpdated: selected.updatedAt)
            {
                values.append(value)
            } else {
                skipped += 1
            }
        }
        return Export(values: values, skipped: skipped)
    }

    struct Refused: Error { let summary: DHIS2ImportSummary }

    /// Imports the values with the strategy; with `dryRun`, rolls back whatever it did.
    public static func importValues(
        _ values: [DHIS2DataValue], strategy: DHIS2ImportStrategy = .createAndUpdate, dryRun: Bool = false,
        by user: String, file: String? = nil, store: Store
    ) async throws -> DHIS2ImportSummary {
        do {
            return try await store.transaction { db in
                var summary = try await apply(values, strategy: strategy, by: user, file: file, db)
                summary.dryRun = dryRun
                if dryRun || summary.status == .error { throw Refused(summary: summary) }
                return summary
            }
        } catch let refused as Refused {
            return refused.summary
        }
    }

    static func apply(
        _ values: [DHIS2DataValue], strategy: DHIS2ImportStrategy, by user: String, file: String?,
        _ db: any SQLDatabase
    ) async throws -> DHIS2ImportSummary {
        let (records, readProblems) = DHIS2Values.records(values, file: file, needsValue: strategy != .delete)
        var problems = readProblems
        let references = References(
            catalogue: try await IndicatorRepository.catalogue(db), tree: try await UnitTree.load(db))

        // Which values are stored already, for the strategy's choice (problems of naming are found again below).
        var discarded: [ImportProblem] = []
        var keyOf: [Int: DatasetImporter.ExistingKey] = [:]
        for r in records {
            guard
                let (indicatorID, unit) = references.resolve(
                    r.indicator, r.unit, during: r.period, r.location, &discarded)
            else { continue }
            keyOf[r.location.line] = .init(indicatorID: indicatorID, unitID: unit.id, period: r.period.code)
        }
        let existing = try await DatasetImporter.existingKeys(
            .working, unitIDs: Set(keyOf.values.map(\.unitID)), periods: Set(keyOf.values.map(\.period)), db)
        let isStored = { (r: ValueRecord) in keyOf[r.location.line].map(existing.contains) ?? false }

        var count = DHIS2ImportSummary.Count()
        var warnings: [ImportProblem] = []
        switch strategy {
        case .delete:
            let stored = records.filter(isStored)
            count.ignored = records.count - stored.count
            count.deleted = try await delete(stored, references, by: user, problems: &problems, db)
        case .createAndUpdate, .create, .update:
            let kept = records.filter { r in
                switch strategy {
                case .create: return !isStored(r)
                case .update: return isStored(r) || keyOf[r.location.line] == nil
                default: return true
                }
            }
            count.ignored = records.count - kept.count
            let written = try await DatasetImporter.writeValues(kept, references, by: user, problems: &problems, db)
            if problems.isEmpty {
                let checked = try await ImportValidation.problems(written.resolved, references, db)
                problems += checked.errors
                warnings = checked.warnings
            }
            count.imported = kept.filter { !isStored($0) }.count
            count.updated = written.values - count.imported
            count.ignored += written.unchanged
        }
        let byLine = Dictionary(values.enumerated().map { ($1.line, ($0, $1)) }, uniquingKeysWith: { a, _ in a })
        guard problems.isEmpty else {
            var summary = DHIS2ImportSummary(
                status: .error,
                description:
                    "Không nhập: \(problems.count) lỗi, không có giá trị nào được ghi (\(values.count) giá trị trong tệp)."
            )
            summary.importCount.ignored = values.count
            summary.conflicts = problems.map { conflict($0, byLine) }
            return summary
        }
        var summary = DHIS2ImportSummary(
            status: warnings.isEmpty ? .success : .warning,
            description: warnings.isEmpty
                ? (strategy == .delete ? "Đã xóa." : "Đã nhập.")
                : "Đã nhập; \(warnings.count) cảnh báo theo quy tắc kiểm tra (số liệu vẫn được ghi).")
        summary.importCount = count
        summary.conflicts = warnings.map { conflict($0, byLine) }
        return summary
    }

    /// Deletes stored values (refused, as a change would be, when the unit's submission is sent or approved), and
    /// takes the deletion into the official view at once, as an import does.
    static func delete(
        _ records: [ValueRecord], _ references: References, by user: String, problems: inout [ImportProblem],
        _ db: any SQLDatabase
    ) async throws -> Int {
        var resolved: [(ValueRecord, Int, StoredUnit)] = []
        for r in records {
            guard
                let (indicatorID, unit) = references.resolve(
                    r.indicator, r.unit, during: r.period, r.location, &problems)
            else { continue }
            resolved.append((r, indicatorID, unit))
        }
        problems += try await DatasetImporter.lockProblems(resolved, references, deleting: true, db)
        guard problems.isEmpty else { return 0 }
        var adopt: [DatasetImporter.ExistingKey: Set<Int>] = [:]
        var deleted = 0
        for (r, indicatorID, unit) in resolved {
            let key = ValueWriter.Key(indicatorID: indicatorID, unitID: unit.id, period: r.period)
            if try await ValueWriter.delete(key, by: user, communeLevel: unit.kind.isCommuneLevel, db) { deleted += 1 }
            adopt[.init(indicatorID: 0, unitID: unit.id, period: r.period.code), default: []].insert(indicatorID)
        }
        for (group, indicatorIDs) in adopt {
            try await OfficialValues.adopt(
                unitID: group.unitID, period: try Period(code: group.period), indicatorIDs: indicatorIDs, db)
        }
        return deleted
    }

    /// A problem as DHIS2 shows a conflict: the object the payload named in that field, and the message.
    static func conflict(
        _ problem: ImportProblem, _ byLine: [Int: (Int, DHIS2DataValue)]
    ) -> DHIS2ImportSummary.Conflict {
        guard let (index, value) = byLine[problem.line] else {
            return .init(object: problem.column ?? "dataValues", value: problem.message)
        }
        let object: String
        switch problem.column {
        case "indicator", "dataElement": object = value.dataElement
        case "unit", "orgUnit": object = value.orgUnit
        case "period": object = value.period
        case "categoryOptionCombo": object = value.categoryOptionCombo ?? ""
        case "attributeOptionCombo": object = value.attributeOptionCombo ?? ""
        case "value": object = value.value ?? ""
        default: object = value.dataElement
        }
        return .init(object: object, value: problem.message, indexes: [index])
    }
}

extension DHIS2Exchange {
    /// How summaries and value sets are written as JSON: keys sorted, slashes as they are.
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
