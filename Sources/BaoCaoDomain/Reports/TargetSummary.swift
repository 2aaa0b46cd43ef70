/// How the year's targets stand at a period, for the report's assessment ("tồn tại, hạn chế") to start from: of the
/// indicators with an annual target, how many are on pace (`TargetProgress`), near, behind, not fully reported or
/// without a figure, and which are behind with their figure. A template writes `{targets_summary}` in a sentence
/// and `@chi-tieu-cham` for the list.
public struct TargetSummary: Sendable {
    public var period: Period
    public var onTrack = 0
    public var near = 0
    public var incomplete = 0
    /// A target of zero: no percentage to rate.
    public var unrated = 0
    public var withoutValue = 0
    /// Behind pace, in the order given.
    public var behind: [Figure] = []

    public init(period: Period, figures: some Sequence<Figure>) {
        self.period = period
        for figure in figures where figure.target != nil {
            guard figure.current != nil else { withoutValue += 1; continue }
            switch TargetProgress.of(figure) {
            case .onTrack: onTrack += 1
            case .near: near += 1
            case .behind: behind.append(figure)
            case .incomplete: incomplete += 1
            case .noTarget: unrated += 1
            case .noValue: withoutValue += 1
            }
        }
    }

    public var total: Int { onTrack + near + behind.count + incomplete + unrated + withoutValue }

    /// "Trong 24 chỉ tiêu có kế hoạch năm 2017: 18 chỉ tiêu đạt hoặc vượt tiến độ 6 tháng, 3 chỉ tiêu gần đạt, 2 chỉ
    /// tiêu chậm tiến độ; 1 chỉ tiêu chưa có số liệu". Parts that count nothing are left out.
    public var sentence: String {
        guard total > 0 else { return "chưa có chỉ tiêu nào có kế hoạch năm \(period.year)" }
        var rated: [String] = []
        if onTrack > 0 { rated.append("\(onTrack) chỉ tiêu đạt hoặc vượt tiến độ \(period.months.count) tháng") }
        if near > 0 { rated.append("\(near) chỉ tiêu gần đạt") }
        if !behind.isEmpty { rated.append("\(behind.count) chỉ tiêu chậm tiến độ") }
        var unknown: [String] = []
        if incomplete > 0 { unknown.append("\(incomplete) chỉ tiêu chưa đủ số liệu các đơn vị") }
        if unrated > 0 { unknown.append("\(unrated) chỉ tiêu có kế hoạch bằng 0") }
        if withoutValue > 0 { unknown.append("\(withoutValue) chỉ tiêu chưa có số liệu") }
        let parts = [rated.joined(separator: ", "), unknown.joined(separator: ", ")].filter { !$0.isEmpty }
        return "trong \(total) chỉ tiêu có kế hoạch năm \(period.year): " + parts.joined(separator: "; ")
    }

    /// One line per indicator behind: "Thu ngân sách …: ước đạt 120 tỷ đồng, bằng 38,5% kế hoạch năm (tiến độ 6
    /// tháng: 50%)"; for a ceiling (less is better) the pace is the most it may reach.
    public var shortfalls: [String] {
        behind.map { figure in
            let words = FigureWords(figure)
            let expected = VietnameseNumber.trimmed(
                TargetProgress.expectedPercent(figure.indicator, figure.period), decimals: 2)
            let pace =
                figure.indicator.betterWhen == .lower
                ? "mức tối đa theo tiến độ \(period.months.count) tháng: \(expected)%"
                : "tiến độ \(period.months.count) tháng: \(expected)%"
            let reached = [words.verb, words.value].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return "\(figure.indicator.name): \(reached), \(words.target ?? "") (\(pace))"
        }
    }
}
