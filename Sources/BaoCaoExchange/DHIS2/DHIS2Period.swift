import BaoCaoDomain

/// DHIS2's period codes for the periods both systems have: `201706` (month), `2017Q2` (quarter), `2017S1` (the first
/// six months, BaoCao's `2017-H1`) and `2017` (year). BaoCao's other cumulative periods (`2017-9M`, the first nine
/// months) have no DHIS2 period type: they are left out of an export and refused in an import.
public enum DHIS2Period {
    /// The DHIS2 code of a BaoCao period; nil when DHIS2 has no such period.
    public static func code(_ period: Period) -> String? {
        switch period.kind {
        case .month(let m): return "\(period.year)" + (m < 10 ? "0\(m)" : "\(m)")
        case .quarter(let q): return "\(period.year)Q\(q)"
        case .firstMonths(6): return "\(period.year)S1"
        case .firstMonths: return nil
        case .year: return "\(period.year)"
        }
    }

    /// The BaoCao period of a DHIS2 code; nil for a code that is not one of the four above (weeks, days, the
    /// second half-year, financial years).
    public static func period(_ code: String) -> Period? {
        let text = code.trimmingCharacters(in: .whitespaces)
        guard text.count >= 4, let year = Int(text.prefix(4)), (1900...2999).contains(year),
            text.prefix(4).allSatisfy(\.isNumber)
        else { return nil }
        let rest = text.dropFirst(4)
        switch rest.count {
        case 0: return .year(year)
        case 2 where rest.first == "Q":
            guard let q = Int(rest.dropFirst()), (1...4).contains(q) else { return nil }
            return Period(year: year, kind: .quarter(q))
        case 2 where rest == "S1": return .firstMonths(year, 6)
        case 2:
            guard rest.allSatisfy(\.isNumber), let m = Int(rest), (1...12).contains(m) else { return nil }
            return .month(year, m)
        default: return nil
        }
    }
}
