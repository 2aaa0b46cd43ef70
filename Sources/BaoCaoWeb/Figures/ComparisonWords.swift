import BaoCaoDomain

/// The short comparison texts of the entry form and the dashboard. `baocao.js` writes exactly the same while one
/// types; the server's text, from `Figure`, is the truth once saved.
enum ComparisonWords {
    static func percentOfTarget(_ figure: Figure) -> String {
        figure.percentOfTarget.map {
            VietnameseNumber.format($0, decimals: figure.indicator.targetDecimals) + "% kế hoạch"
        } ?? ""
    }

    static func yearOnYear(_ figure: Figure) -> String {
        guard let change = figure.yearOnYear else { return "" }
        let size = VietnameseNumber.format(change.magnitude, decimals: figure.indicator.changeDecimals)
        switch change.style {
        case .ratio: return "bằng \(size)% so với cùng kỳ"
        case .percent, .points, .absolute:
            if change.direction == .same { return "bằng cùng kỳ" }
            let unit = change.style == .percent ? "%" : (change.style == .points ? " điểm phần trăm" : "")
            return "\(change.direction.word) \(size)\(unit) so với cùng kỳ"
        }
    }

    static func value(_ amount: Amount?, _ indicator: Indicator) -> String {
        amount.map { VietnameseNumber.format($0, decimals: indicator.valueDecimals) } ?? "—"
    }

    /// What the input shows for a stored value: every decimal it has, none it does not.
    static func input(_ amount: Amount) -> String {
        var decimals = 0
        while decimals < Amount.scale && amount.rounded(toDecimals: decimals) != amount { decimals += 1 }
        return VietnameseNumber.format(amount, decimals: decimals)
    }
}
