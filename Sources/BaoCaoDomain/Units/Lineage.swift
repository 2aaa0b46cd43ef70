/// Whether a predecessor went into a successor whole (its whole area and population) or only a part of it.
public enum SuccessionPart: String, CaseIterable, Sendable, Codable {
    case whole = "toan_bo"
    case part = "mot_phan"

    /// "toàn bộ", "một phần".
    public var vietnameseName: String { self == .whole ? "toàn bộ" : "một phần" }
}

/// What a share of a predecessor measures: its population or its area that went into the successor.
public enum ShareBasis: String, CaseIterable, Sendable, Codable {
    case population = "dan_so"
    case area = "dien_tich"

    /// "dân số", "diện tích".
    public var vietnameseName: String { self == .population ? "dân số" : "diện tích" }
}

/// One line of a reorganisation: a predecessor unit that went, whole or in part, into a successor on the day the
/// reorganisation took effect. A part carries the share of the predecessor that went (a percentage of its
/// population or area, entered by a person, with where it comes from); a whole is 100% by definition.
public struct Succession: Hashable, Sendable {
    public var part: SuccessionPart
    /// Percent (35,5 is 35,5%); nil for a part whose share nobody has entered yet.
    public var share: Amount?
    public var basis: ShareBasis?
    public var shareSource: String?

    public init(part: SuccessionPart, share: Amount? = nil, basis: ShareBasis? = nil, shareSource: String? = nil) {
        self.part = part; self.share = share; self.basis = basis; self.shareSource = shareSource
    }

    /// " (25% dân số)" for a part with its share; empty for a whole or a part without one.
    public var shareWords: String {
        guard part == .part, let share else { return "" }
        return " (\(VietnameseNumber.exact(share))%\(basis.map { " " + $0.vietnameseName } ?? ""))"
    }

    /// The share that went, in percent: 100 for a whole predecessor, the entered share for a part (nil if none).
    public var percent: Amount? { part == .whole ? Amount(100) : share }
}
