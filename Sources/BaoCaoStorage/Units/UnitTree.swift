import BaoCaoDomain
import SQLKit

/// The units as a tree in memory: parents, children and ancestry, for access checks and listings.
public struct UnitTree: Sendable {
    public let units: [StoredUnit]
    public let byID: [Int: StoredUnit]
    public let byCode: [String: StoredUnit]
    let childIDs: [Int: [Int]]

    public init(_ units: [StoredUnit]) {
        self.units = units
        byID = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        byCode = UnitRepository.currentByCode(units)
        var children: [Int: [Int]] = [:]
        for unit in units { if let parent = unit.parentID { children[parent, default: []].append(unit.id) } }
        childIDs = children
    }

    /// The unit with `code` in force on `day` (a code may name one unit before a reorganisation and another after).
    public func unit(code: String, inForceOn day: CivilDate) -> StoredUnit? {
        let iso = day.description
        return units.first { $0.code == code && $0.isInForce(from: iso, to: iso) }
    }

    public static func load(_ db: any SQLDatabase) async throws -> UnitTree {
        UnitTree(try await UnitRepository.all(db))
    }

    /// The unit's id followed by the id of every unit above it.
    public func ancestry(of id: Int) -> [Int] {
        var ids: [Int] = []
        var current = byID[id]
        while let unit = current, !ids.contains(unit.id) {
            ids.append(unit.id)
            current = unit.parentID.flatMap { byID[$0] }
        }
        return ids
    }

    /// Direct sub-units, communes first then offices, each by code.
    public func children(of id: Int) -> [StoredUnit] {
        (childIDs[id] ?? []).compactMap { byID[$0] }.sorted {
            ($0.kind.isOffice ? 1 : 0, $0.code) < ($1.kind.isOffice ? 1 : 0, $1.code)
        }
    }

    /// The children in force at some time during `period`: a city's wards of 2025 for 2025-H1, those formed on
    /// 1 July 2025 for 2026-H1.
    /// Whether the unit was in force at any time during the period.
    public func isInForce(_ unit: StoredUnit, during period: Period) -> Bool {
        let (start, end) = CoverageQuery.bounds(period)
        return unit.isInForce(from: start, to: end)
    }

    public func children(of id: Int, during period: Period) -> [StoredUnit] {
        let (start, end) = CoverageQuery.bounds(period)
        return children(of: id).filter { $0.isInForce(from: start, to: end) }
    }

    /// The period a unit's pages open on when none is chosen: `StoredUnit.openingPeriod`, and for a locality whose
    /// sub-units of `today` were formed later (a city after the 2025 reform), the first period they all existed in.
    public func openingPeriod(of unit: StoredUnit, default period: Period, today: CivilDate) -> Period {
        let own = unit.openingPeriod(period)
        let day = today.description
        let current = children(of: unit.id).filter { $0.isInForce(from: day, to: day) }
        return current.map { $0.openingPeriod(own) }.reduce(own) { latest, p in
            CoverageQuery.bounds(p).0 > CoverageQuery.bounds(latest).0 ? p : latest
        }
    }

    /// Every unit below, depth first, each level in the order of `children(of:)`.
    public func descendants(of id: Int) -> [StoredUnit] {
        var result: [StoredUnit] = []
        var seen: Set<Int> = [id]
        func walk(_ id: Int) {
            for child in children(of: id) where seen.insert(child.id).inserted {
                result.append(child)
                walk(child.id)
            }
        }
        walk(id)
        return result
    }

    /// The unit whose figures an entry form of `unit` writes: an office reports its locality's figures.
    public func valueUnit(for unit: StoredUnit) -> StoredUnit {
        unit.kind.isOffice ? (unit.parentID.flatMap { byID[$0] } ?? unit) : unit
    }
}
