import BaoCaoDomain
import BaoCaoExchange
import Foundation
import SQLKit

/// A reorganisation as stored: the resolution, the day it took effect, and its lines.
public struct Reorganisation: Hashable, Sendable {
    public var id: Int
    public var effective: CivilDate
    public var resolution: String
    public var resolutionDate: CivilDate?
    public var lines: [LineageLine]
}

/// A unit's place in reorganisations: the lines that formed it, those that took it elsewhere, and their resolutions.
public struct UnitLineage: Sendable {
    public var from: [LineageLine]
    public var into: [LineageLine]
    /// By id, without their lines.
    public var reorganisations: [Int: Reorganisation]
}

/// One line of a reorganisation: `predecessor` went, whole or in part, into `successor`.
public struct LineageLine: Hashable, Sendable {
    public var reorganisationID: Int
    public var successorID: Int
    public var predecessorID: Int
    public var succession: Succession
    public var article: String?
}

/// Reorganisations of units and their lines. Written by `baocao import` (the `lineage` table of the exchange
/// format), checked against the units on each side of the day.
public enum LineageRepository {
    /// Writes the lines (a line already stored for the same two units is replaced), then checks every predecessor
    /// they touch as the database now holds it. Returns the problems, each at the line of the file it concerns: the
    /// caller refuses the whole import when there is any.
    static func save(
        _ records: [LineageRecord], units: [StoredUnit], _ db: any SQLDatabase
    ) async throws
        -> [ImportProblem]
    {
        guard !records.isEmpty else { return [] }
        let tree = UnitTree(units)
        var problems: [ImportProblem] = []
        var seen: [String: SourceLocation] = [:]
        var touched: [Int: (record: LineageRecord, predecessor: StoredUnit)] = [:]
        var reorganisations: [String: Int] = [:]
        for record in records {
            let dayBefore = record.effective.adding(days: -1)
            let successor = tree.unit(code: record.successor, inForceOn: record.effective)
            let predecessor = tree.unit(code: record.predecessor, inForceOn: dayBefore)
            if successor == nil {
                problems.append(
                    record.location.problem(
                        "successor",
                        "không có đơn vị mã \"\(record.successor)\" có hiệu lực ngày \(record.effective.slashed), "
                            + "ngày sắp xếp có hiệu lực"))
            }
            if predecessor == nil {
                problems.append(
                    record.location.problem(
                        "predecessor",
                        "không có đơn vị mã \"\(record.predecessor)\" còn hiệu lực ngày \(dayBefore.slashed), "
                            + "ngày trước khi sắp xếp có hiệu lực"))
            }
            for (column, name, unit) in [
                ("successor_name", record.successorName, successor),
                ("predecessor_name", record.predecessorName, predecessor),
            ] {
                if let name, let unit, !names(unit, match: name) {
                    problems.append(
                        record.location.problem(
                            column, "\"\(name)\" không phải tên của đơn vị mã \(unit.code) (\(unit.fullName))"))
                }
            }
            guard let successor, let predecessor else { continue }
            if successor.id == predecessor.id {
                // A unit that continues and takes others in is the successor of those only: its own figure counts.
                problems.append(
                    record.location.problem(
                        "predecessor",
                        "\(successor.fullName) không thể là đơn vị cũ của chính nó: đơn vị giữ nguyên và nhận thêm "
                            + "đơn vị khác chỉ cần các dòng của những đơn vị nó nhận"))
                continue
            }
            if record.succession.part == .whole {
                if let end = predecessor.validTo.flatMap(CivilDate.init(iso:)), end >= record.effective {
                    problems.append(
                        record.location.problem(
                            "part",
                            "\(predecessor.fullName) nhập toàn bộ vào \(successor.fullName) nhưng còn hiệu lực đến "
                                + "\(end.slashed): đơn vị đã nhập toàn bộ phải hết hiệu lực từ ngày \(dayBefore.slashed)"
                        ))
                } else if predecessor.validTo == nil {
                    problems.append(
                        record.location.problem(
                            "part",
                            "\(predecessor.fullName) nhập toàn bộ vào \(successor.fullName) nhưng chưa có ngày hết hiệu "
                                + "lực: cần ghi valid_to \(dayBefore) cho đơn vị này trong bảng units"))
                }
            }
            // Twice in one file is a mistake; a later file may replace an earlier one's line (to add its share).
            let pair = "\(record.location.file ?? "")|\(successor.id)|\(predecessor.id)"
            if let earlier = seen[pair] {
                problems.append(
                    record.location.problem(
                        nil, "dòng trùng với dòng \(earlier.line): \(predecessor.fullName) → \(successor.fullName)"))
                continue
            }
            seen[pair] = record.location
            let key = "\(record.effective)|\(record.resolution)"
            let reorganisationID: Int
            if let known = reorganisations[key] {
                reorganisationID = known
            } else {
                reorganisationID = try await upsertReorganisation(record, db)
                reorganisations[key] = reorganisationID
            }
            let s = record.succession
            try await db.raw(
                """
                INSERT INTO unit_lineage (reorganisation_id, successor_id, predecessor_id, part, share, share_basis,
                share_source, article)
                VALUES (\(bind: reorganisationID), \(bind: successor.id), \(bind: predecessor.id), \(bind: s.part.rawValue),
                \(bind: s.share?.scaled), \(bind: s.basis?.rawValue), \(bind: s.shareSource), \(bind: record.article))
                ON CONFLICT (successor_id, predecessor_id) DO UPDATE SET reorganisation_id = excluded.reorganisation_id,
                part = excluded.part, share = excluded.share, share_basis = excluded.share_basis,
                share_source = excluded.share_source, article = excluded.article
                """
            ).run()
            if touched[predecessor.id] == nil { touched[predecessor.id] = (record, predecessor) }
        }
        // Each predecessor as stored now, this file's lines and earlier ones together.
        for (predecessorID, first) in touched.sorted(by: {
            $0.value.record.location.line < $1.value.record.location.line
        }) {
            let lines = try await lines(where: "predecessor_id = \(bind: predecessorID)", db)
            let wholes = lines.filter { $0.succession.part == .whole }
            let into = { (ls: [LineageLine]) in
                ls.compactMap { tree.byID[$0.successorID]?.fullName }.joined(separator: ", ")
            }
            if let whole = wholes.first, lines.count > 1 {
                problems.append(
                    first.record.location.problem(
                        "part",
                        "\(first.predecessor.fullName) đã nhập toàn bộ vào \(into([whole])) nên không thể đi vào "
                            + "cả \(into(lines.filter { $0 != whole }))"))
                continue
            }
            var total = Amount.zero
            for line in lines {
                guard let percent = line.succession.percent, let sum = total.adding(percent) else { continue }
                total = sum
            }
            if total > Amount(100) {
                problems.append(
                    first.record.location.problem(
                        "share",
                        "các phần của \(first.predecessor.fullName) (vào \(into(lines))) cộng lại "
                            + "\(VietnameseNumber.exact(total))%, quá 100%"))
            }
        }
        return problems
    }

    /// Whether `name` is the unit's name, with or without its kind ("Phường Máy Chai", "Máy Chai"), whatever the case.
    static func names(_ unit: StoredUnit, match name: String) -> Bool {
        let wanted = name.precomposedStringWithCanonicalMapping.lowercased()
        return [unit.name, unit.fullName].contains { $0.precomposedStringWithCanonicalMapping.lowercased() == wanted }
    }

    static func upsertReorganisation(_ record: LineageRecord, _ db: any SQLDatabase) async throws -> Int {
        let row = try await db.raw(
            """
            INSERT INTO reorganisations (effective, resolution, resolution_date)
            VALUES (\(bind: record.effective.description), \(bind: record.resolution), \(bind: record.resolutionDate?.description))
            ON CONFLICT (effective, resolution) DO UPDATE SET
            resolution_date = COALESCE(excluded.resolution_date, reorganisations.resolution_date)
            RETURNING id
            """
        ).first()
        return try row?.decode(column: "id", as: Int.self) ?? 0
    }

    /// Every reorganisation with its lines, the latest first.
    public static func all(_ db: any SQLDatabase) async throws -> [Reorganisation] {
        let lines = Dictionary(grouping: try await lines(where: "1 = 1", db), by: \.reorganisationID)
        return try await headers(where: "1 = 1", db).map { r in
            var r = r
            r.lines = lines[r.id] ?? []
            return r
        }
    }

    /// Where a unit came from (the lines it is the successor of) and where it went (those it is the predecessor of),
    /// with the reorganisations they belong to (their lines left out).
    public static func of(unitID: Int, _ db: any SQLDatabase) async throws -> UnitLineage {
        let from = try await lines(where: "successor_id = \(bind: unitID)", db)
        let into = try await lines(where: "predecessor_id = \(bind: unitID)", db)
        let ids = Set((from + into).map(\.reorganisationID))
        var reorganisations: [Int: Reorganisation] = [:]
        if !ids.isEmpty {
            for r in try await headers(where: "id IN (\(binds: ids.sorted()))", db) { reorganisations[r.id] = r }
        }
        return UnitLineage(from: from, into: into, reorganisations: reorganisations)
    }

    static func headers(where condition: SQLQueryString, _ db: any SQLDatabase) async throws -> [Reorganisation] {
        try await db.raw(
            """
            SELECT id, effective, resolution, resolution_date FROM reorganisations WHERE \(condition)
            ORDER BY effective DESC, resolution
            """
        ).all().map { row in
            Reorganisation(
                id: try row.decode(column: "id", as: Int.self),
                effective: CivilDate(iso: try row.decode(column: "effective", as: String.self))
                    ?? CivilDate(1900, 1, 1),
                resolution: try row.decode(column: "resolution", as: String.self),
                resolutionDate: try row.decode(column: "resolution_date", as: String?.self).flatMap(
                    CivilDate.init(iso:)),
                lines: [])
        }
    }

    static func lines(where condition: SQLQueryString, _ db: any SQLDatabase) async throws -> [LineageLine] {
        try await db.raw(
            """
            SELECT reorganisation_id, successor_id, predecessor_id, part, share, share_basis, share_source, article
            FROM unit_lineage WHERE \(condition) ORDER BY id
            """
        ).all().map { row in
            LineageLine(
                reorganisationID: try row.decode(column: "reorganisation_id", as: Int.self),
                successorID: try row.decode(column: "successor_id", as: Int.self),
                predecessorID: try row.decode(column: "predecessor_id", as: Int.self),
                succession: Succession(
                    part: SuccessionPart(rawValue: try row.decode(column: "part", as: String.self)) ?? .part,
                    share: try row.decode(column: "share", as: Int64?.self).map(Amount.init(scaled:)),
                    basis: try row.decode(column: "share_basis", as: String?.self).flatMap(ShareBasis.init(rawValue:)),
                    shareSource: try row.decode(column: "share_source", as: String?.self)),
                article: try row.decode(column: "article", as: String?.self))
        }
    }
}
