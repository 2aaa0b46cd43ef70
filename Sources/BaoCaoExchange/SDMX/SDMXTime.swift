import BaoCaoDomain

/// BaoCao's periods in SDMX: the frequency (`FREQ`) and the time period (`TIME_PERIOD`, SDMX's reporting periods).
/// A month is `2017-M06`, a quarter `2017-Q2`, the first six months `2017-S1`, a year `2017`; the other cumulative
/// periods, which SDMX has no reporting period for, are ISO 8601 time ranges from 1 January (`2017-01-01/P9M`) with
/// the frequency `C` (cumulative from the start of the year) of BaoCao's code list.
public enum SDMXTime {
    public static func frequency(_ period: Period) -> String {
        switch period.kind {
        case .month: return "M"
        case .quarter: return "Q"
        case .firstMonths(6): return "S"
        case .firstMonths: return "C"
        case .year: return "A"
        }
    }

    public static func timePeriod(_ period: Period) -> String {
        switch period.kind {
        case .month(let m): return "\(period.year)-M" + (m < 10 ? "0\(m)" : "\(m)")
        case .quarter(let q): return "\(period.year)-Q\(q)"
        case .firstMonths(6): return "\(period.year)-S1"
        case .firstMonths(let n): return "\(period.year)-01-01/P\(n)M"
        case .year: return "\(period.year)"
        }
    }

    /// The frequencies, with their names, for the code list of the structure.
    public static let frequencies: [(code: String, name: String)] = [
        ("A", "Năm"), ("S", "6 tháng đầu năm"), ("Q", "Quý"), ("M", "Tháng"),
        ("C", "Cộng dồn từ đầu năm (2 đến 11 tháng)"),
    ]
}
