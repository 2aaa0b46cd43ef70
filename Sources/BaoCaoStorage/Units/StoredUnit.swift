import BaoCaoDomain

/// A unit as stored, with its database id and its parent's code.
public struct StoredUnit: Hashable, Sendable, Codable {
    public var id: Int
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentID: Int?
    public var validFrom: String
    public var validTo: String?

    /// Whether the unit is in force on some day from `start` to `end` (ISO dates, both included).
    public func isInForce(from start: String, to end: String) -> Bool {
        validFrom <= end && (validTo ?? "9999-12-31") >= start
    }

    /// The period its pages open on when none is chosen: `period` itself while the unit was in force then; for a
    /// unit formed later, the first period of the same kind that starts on or after its formation (phường Ngô Quyền,
    /// formed on 1 July 2025, opens on 2026-H1 where the demo's default is 2017-H1); for one abolished before,
    /// the last period of the same kind that started while it was in force.
    public func openingPeriod(_ period: Period) -> Period {
        let (start, end) = CoverageQuery.bounds(period)
        if isInForce(from: start, to: end) { return period }
        let later = validFrom > end
        var candidate = period
        for _ in 0..<200 {
            candidate = Period(year: candidate.year + (later ? 1 : -1), kind: candidate.kind)
            let (s, _) = CoverageQuery.bounds(candidate)
            if later ? s >= validFrom : s <= (validTo ?? s) { return candidate }
        }
        return period
    }

    /// "quận Ngô Quyền", "phường Máy Tơ", or the office's own name.
    public var fullName: String {
        kind.isOffice || name.lowercased().hasPrefix(kind.vietnameseName) ? name : "\(kind.vietnameseName) \(name)"
    }

    /// The name inside a sentence: the kind in lower case ("phường Ngô Quyền" for a unit named "Phường Ngô Quyền").
    public var nameInSentence: String {
        let word = kind.vietnameseName
        guard !kind.isOffice else { return name }
        return name.lowercased().hasPrefix(word + " ") ? word + name.dropFirst(word.count) : "\(word) \(name)"
    }
}
