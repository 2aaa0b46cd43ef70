import BaoCaoDomain
import BaoCaoExchange
import Foundation
import SQLKit

/// Units and offices, and the ancestor pairs that let values add up the hierarchy.
public enum UnitRepository {
    static let openStart = "1900-01-01"

    public static func all(_ db: any SQLDatabase) async throws -> [StoredUnit] {
        let rows = try await db.raw(
            """
            SELECT id, code, name, kind, parent_id, valid_from, valid_to FROM units ORDER BY id
            """
        ).all()
        return try rows.map { row in
            StoredUnit(
                id: try row.decode(column: "id", as: Int.self),
                code: try row.decode(column: "code", as: String.self),
                name: try row.decode(column: "name", as: String.self),
                kind: UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .office,
                parentID: try row.decode(column: "parent_id", as: Int?.self),
                validFrom: try row.decode(column: "valid_from", as: String.self),
                validTo: try row.decode(column: "valid_to", as: String?.self))
        }
    }

    /// The unit a code names today: the one still in force, else the one that took effect last.
    public static func current(code: String, among units: [StoredUnit]) -> StoredUnit? {
        currentByCode(units.filter { $0.code == code })[code]
    }

    /// Every code's current unit, for resolving many references at once.
    public static func currentByCode(_ units: [StoredUnit]) -> [String: StoredUnit] {
        var index: [String: StoredUnit] = [:]
        for unit in units {
            guard let other = index[unit.code] else { index[unit.code] = unit; continue }
            // Prefer the unit still in force, then the one that took effect last.
            if other.validTo != nil && (unit.validTo == nil || unit.validFrom > other.validFrom) {
                index[unit.code] = unit
            }
        }
        return index
    }

    /// Finds a unit by code or by name ("Ngô Quyền", "quận Ngô Quyền"), ignoring case.
    public static func lookup(_ text: String, among units: [StoredUnit]) -> StoredUnit? {
        if let unit = current(code: text, among: units) { return unit }
        let wanted = text.precomposedStringWithCanonicalMapping.lowercased()
        let matches = units.filter {
            $0.name.lowercased() == wanted || $0.fullName.lowercased() == wanted
        }
        return matches.first { $0.validTo == nil } ?? matches.first
    }

    /// Inserts or updates units (matched by code and start date) and keeps the ancestor pairs in step.
    /// Returns whether an existing unit moved to another parent: then the live sums must be rebuilt.
    @discardableResult
    static func save(_ records: [UnitRecord], _ db: any SQLDatabase) async throws -> Bool {
        var units = try await all(db)
        var byCode = currentByCode(units)
        var changed = false
        var moved = false
        for record in records {
            let from = record.validFrom?.description ?? openStart
            let parentID = record.parent.flatMap { byCode[$0]?.id }
            if let position = units.firstIndex(where: { $0.code == record.code && $0.validFrom == from }) {
                let existing = units[position]
                if existing.parentID != parentID { changed = true; moved = true }
                try await db.raw(
                    """
                    UPDATE units SET name = \(bind: record.name), kind = \(bind: record.kind.rawValue),
                    parent_id = \(bind: parentID), valid_to = \(bind: record.validTo?.description)
                    WHERE id = \(bind: existing.id)
                    """
                ).run()
                units[position].name = record.name
                units[position].kind = record.kind
                units[position].parentID = parentID
                units[position].validTo = record.validTo?.description
                byCode = currentByCode(units)
            } else {
                changed = true
                let inserted = try await db.raw(
                    """
                    INSERT INTO units (code, name, kind, parent_id, valid_from, valid_to)
                    VALUES (\(bind: record.code), \(bind: record.name), \(bind: record.kind.rawValue),
                    \(bind: parentID), \(bind: from), \(bind: record.validTo?.description)) RETURNING id
                    """
                ).first()
                let id = try inserted?.decode(column: "id", as: Int.self) ?? 0
                let unit = StoredUnit(
                    id: id, code: record.code, name: record.name, kind: record.kind,
                    parentID: parentID, validFrom: from, validTo: record.validTo?.description)
                units.append(unit)
                if byCode[unit.code] == nil || unit.validTo == nil { byCode[unit.code] = unit }
            }
        }
        if changed { try await rebuildAncestors(units, db) }
        if !records.isEmpty { try await ReferenceData.changed(db) }
        return moved
    }

    /// Recomputes the unit–ancestor pairs from the parent links.
    static func rebuildAncestors(_ units: [StoredUnit], _ db: any SQLDatabase) async throws {
        try await db.raw("DELETE FROM unit_ancestors").run()
        let parent = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.parentID) })
        var rows: [(Int, Int, Int)] = []
        for unit in units {
            var depth = 0
            var current: Int? = unit.id
            var seen = Set<Int>()
            while let id = current, seen.insert(id).inserted {
                rows.append((unit.id, id, depth))
                depth += 1
                current = parent[id] ?? nil
            }
        }
        for chunk in stride(from: 0, to: rows.count, by: 500) {
            let slice = rows[chunk..<min(chunk + 500, rows.count)]
            let insert = db.insert(into: Table.unitAncestors).columns("unit_id", "ancestor_id", "depth")
            for row in slice { insert.values(SQLBind(row.0), SQLBind(row.1), SQLBind(row.2)) }
            try await insert.run()
        }
    }
}
