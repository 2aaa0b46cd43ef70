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

    /// "quận Ngô Quyền", "phường Máy Tơ", or the office's own name.
    public var fullName: String {
        kind.isOffice || name.lowercased().hasPrefix(kind.vietnameseName) ? name : "\(kind.vietnameseName) \(name)"
    }
}
