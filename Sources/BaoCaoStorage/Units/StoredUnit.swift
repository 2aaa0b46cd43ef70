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

    /// "quận Ngô Quyền", "phường Máy Tơ", or the office's own name.
    public var fullName: String {
        kind.isOffice || name.lowercased().hasPrefix(kind.vietnameseName) ? name : "\(kind.vietnameseName) \(name)"
    }
}
