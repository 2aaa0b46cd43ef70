import BaoCaoDomain

/// The short comparison texts of the entry form and the dashboard. `baocao.js` writes exactly the same while one
/// types; the server's text, from `Figure`, is the truth once saved.
enum ComparisonWords {
    static func percentOfTarget(_ figure: Figure) -> String {
        figure.percentOfTarget.map {
            VietnameseNumber.trimmed($0, decimals: figure.indicator.targetDecimals, wholeOnly: true) + "% kế hoạch"
        } ?? ""
    }

    /// The decimals a change is written with: the indicator's for a percentage (none when it is whole), the value's
    /// for an absolute change.
    static func changeDecimals(_ indicator: Indicator) -> Int {
        indicator.changeStyle == .absolute ? indicator.valueDecimals : indicator.changeDecimals
    }

    static func yearOnYear(_ figure: Figure) -> String {
        guard let change = figure.yearOnYear else { return "" }
        let i = figure.indicator
        let size =
            change.style == .absolute
            ? VietnameseNumber.format(
                change.magnitude, decimals: VietnameseNumber.decimals(keeping: change.magnitude, at: i.valueDecimals))
            : VietnameseNumber.trimmed(change.magnitude, decimals: i.changeDecimals, wholeOnly: true)
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

}
