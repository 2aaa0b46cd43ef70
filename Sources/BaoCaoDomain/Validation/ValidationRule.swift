/// A validation rule of the catalogue: a left expression compared with a right one, over indicator codes, with what
/// a violation means and what to do when a value is missing. DHIS2's validation rules, in Vietnamese.
///
/// Example: `DON_GIAI_QUYET <= DON_TIEP_NHAN`, error, "Số đơn đã giải quyết không thể nhiều hơn số đơn tiếp nhận".
public struct ValidationRule: Hashable, Sendable {
    public var code: String
    public var left: String
    public var comparison: RuleComparison
    public var right: String
    public var severity: RuleSeverity
    public var missing: MissingValues
    /// What the person reads, in Vietnamese.
    public var message: String
    /// The code of the unit it applies to, with every unit below; nil: everywhere.
    public var unit: String?

    public init(
        code: String, left: String, comparison: RuleComparison, right: String, severity: RuleSeverity = .error,
        missing: MissingValues = .skipIfAny, message: String, unit: String? = nil
    ) {
        self.code = code; self.left = left; self.comparison = comparison; self.right = right
        self.severity = severity; self.missing = missing; self.message = message; self.unit = unit
    }

    /// The indicator codes both sides read; nil when a side does not parse.
    public var references: Set<String>? {
        guard let l = try? Formula.parsed(left), let r = try? Formula.parsed(right) else { return nil }
        return l.references.union(r.references)
    }

    /// "DON_GIAI_QUYET <= DON_TIEP_NHAN".
    public var expression: String { "\(left) \(comparison.rawValue) \(right)" }
}

public enum RuleComparison: String, CaseIterable, Sendable, Codable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    public func holds(_ a: Amount, _ b: Amount) -> Bool {
        switch self {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        }
    }

    public var words: String {
        switch self {
        case .equal: return "bằng"
        case .notEqual: return "khác"
        case .less: return "nhỏ hơn"
        case .lessOrEqual: return "không lớn hơn"
        case .greater: return "lớn hơn"
        case .greaterOrEqual: return "không nhỏ hơn"
        }
    }
}

/// How bad a violation is: an error blocks submitting; a warning needs a written explanation to submit.
public enum RuleSeverity: String, CaseIterable, Sendable, Codable {
    case error = "loi"
    case warning = "canh_bao"

    public var vietnameseName: String { self == .error ? "Lỗi" : "Cảnh báo" }
}

/// What a rule does when an indicator it reads has no value.
public enum MissingValues: String, CaseIterable, Sendable, Codable {
    /// Not checked while any value is missing (the default).
    case skipIfAny = "bo_qua_khi_thieu"
    /// Checked once any value is there, the missing ones counting as 0.
    case skipIfAll = "bo_qua_khi_thieu_het"
    /// Always checked, missing values counting as 0.
    case never = "khong_bo_qua"
}
