/// Every address the site answers, used both to register routes and to build links.
public enum SiteURL: Sendable {
    case home
    case apiUnits
    case apiUnit(String)
    case apiIndicators
    case apiPeriod(String)
    case apiFigures(unit: String, period: String)
    case report(template: String, unit: String, period: String, format: String)

    public var path: String {
        switch self {
        case .home: return "/"
        case .apiUnits: return "/api/v1/units"
        case .apiUnit(let code): return "/api/v1/units/\(code)"
        case .apiIndicators: return "/api/v1/indicators"
        case .apiPeriod(let code): return "/api/v1/periods/\(code)"
        case .apiFigures(let unit, let period): return "/api/v1/figures?unit=\(unit)&period=\(period)"
        case .report(let template, let unit, let period, let format):
            return "/bao-cao/\(template)?unit=\(unit)&period=\(period)&format=\(format)"
        }
    }
}
