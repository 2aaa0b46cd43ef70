/// Why a part of a figure is missing, in Vietnamese: "no figure" always comes with its reason.
extension Figure {
    public enum Part: String, CaseIterable, Sendable {
        case value
        case percentOfTarget = "percent_of_target"
        case yearOnYear = "year_on_year"
        case periodOnPeriod = "period_on_period"
    }

    /// The reason `part` has no figure; nil when it has one.
    public func gap(_ part: Part) -> String? {
        switch part {
        case .value:
            guard current == nil else { return nil }
            if indicator.timeAggregation == .none && period.months.count > 1 {
                return "chỉ tiêu không cộng dồn theo thời gian: cần nhập số của đúng \(period.vietnameseName)"
            }
            return "chưa có số liệu \(period.vietnameseName)"
        case .percentOfTarget:
            guard percentOfTarget == nil else { return nil }
            guard let current else { return "chưa có số liệu \(period.vietnameseName)" }
            if let coverage = current.coverage, !coverage.isComplete {
                return "mới có số liệu của \(coverage.fraction): chưa so với kế hoạch năm"
            }
            guard let target else { return "chưa có kế hoạch năm \(period.year)" }
            if target.value.scaled <= 0 { return "kế hoạch năm bằng 0 hoặc âm: không tính được tỷ lệ" }
            return "kết quả vượt giới hạn tính toán"
        case .yearOnYear:
            guard yearOnYear == nil else { return nil }
            if lastYear == nil, current != nil, let lastYearGap { return lastYearGap }
            return comparisonGap(lastYear, yearOnYearBasis, "cùng kỳ năm trước", style: indicator.changeStyle)
        case .periodOnPeriod:
            guard periodOnPeriod == nil else { return nil }
            guard period.previous != nil else { return "kỳ lũy kế từ đầu năm không so với kỳ trước" }
            let style: ChangeStyle = indicator.changeStyle == .ratio ? .percent : indicator.changeStyle
            return comparisonGap(previous, periodOnPeriodBasis, "kỳ trước", style: style)
        }
    }

    /// Every missing part with its reason.
    public var gaps: [Part: String] {
        var result: [Part: String] = [:]
        for part in Part.allCases { result[part] = gap(part) }
        return result
    }

    func comparisonGap(
        _ earlier: Observation?, _ basis: ComparisonBasis, _ name: String, style: ChangeStyle
    )
        -> String
    {
        guard let current else { return "chưa có số liệu \(period.vietnameseName)" }
        guard let earlier else { return "chưa có số liệu \(name)" }
        let base: Amount
        switch basis {
        case .unavailable:
            func share(_ o: Observation) -> String { o.coverage?.fraction ?? "số của chính đơn vị" }
            return "hai kỳ không có số liệu của cùng các đơn vị (kỳ này \(share(current)), \(name) \(share(earlier)))"
        case .whole(_, let earlier): base = earlier
        case .matched(let m): base = m.earlier
        }
        if (style == .percent || style == .ratio) && base.scaled <= 0 {
            return "số liệu \(name) bằng 0 hoặc âm: không tính được tỷ lệ"
        }
        return "kết quả vượt giới hạn tính toán"
    }
}
