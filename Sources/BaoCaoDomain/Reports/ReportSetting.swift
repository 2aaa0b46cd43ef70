/// What a report says that neither the figures nor the period know: the number of the HĐND session it serves, the
/// council's term, the city's theme of the year, who signs. A locality sets them (for a period, a year, or for good)
/// and a template writes them as `{ky_hop}`, `{khoa_hdnd}`, `{chu_de_nam}`, `{nguoi_ky}`, so one template serves
/// every period.
public enum ReportSetting: String, CaseIterable, Hashable, Sendable {
    /// "V" in "chuẩn bị kỳ họp thứ V": set for the period whose report goes to that session.
    case session = "ky_hop"
    /// "XVIII" in "HĐND quận khóa XVIII": set once for the term.
    case term = "khoa_hdnd"
    /// The city's theme of the year, in quotes as the report writes it: set for the year.
    case theme = "chu_de_nam"
    /// Who signs, under the title of the signature block: set until someone else signs.
    case signer = "nguoi_ky"

    /// Its name on pages and in a missing-value mark.
    public var vietnameseName: String {
        switch self {
        case .session: return "kỳ họp HĐND"
        case .term: return "khóa HĐND"
        case .theme: return "chủ đề năm"
        case .signer: return "người ký"
        }
    }

    /// Where it is usually set: per period, per year, or once.
    public var scope: Scope {
        switch self {
        case .session: return .period
        case .term, .signer: return .always
        case .theme: return .year
        }
    }

    public enum Scope: Hashable, Sendable { case period, year, always }

    /// The stored names to look for, most specific first: `bao_cao.ky_hop@2017-H1`, `bao_cao.ky_hop@nam-2017`,
    /// `bao_cao.ky_hop`. A value set for a narrower scope wins (the year report's own value is `@2017`, apart from
    /// the year-wide one).
    public func storedNames(for period: Period) -> [String] {
        let base = "bao_cao." + rawValue
        return [base + "@" + period.code, base + "@nam-\(period.year)", base]
    }

    /// The stored name for a value set at `scope` for `period`.
    public func storedName(_ scope: Scope, for period: Period) -> String {
        let base = "bao_cao." + rawValue
        switch scope {
        case .period: return base + "@" + period.code
        case .year: return base + "@nam-\(period.year)"
        case .always: return base
        }
    }
}
