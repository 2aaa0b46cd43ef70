/// The annex of main indicators: indicator | unit | annual target | same period last year | this period | % of
/// target | % of the same period last year. Every number is computed by `Comparison` and written the Vietnamese way.
public struct AnnexTable: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var code: String
        public var name: String
        public var unit: String
        public var target: Amount?
        public var lastYear: Amount?
        public var current: Amount?
        public var estimate: Bool
        public var percentOfTarget: Amount?
        public var percentOfLastYear: Amount?
        /// The same, as text for documents: "693.843", "50,10".
        public var cells: [String]
    }

    public static let headings = [
        "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Cùng kỳ năm trước", "Thực hiện kỳ này", "% so với kế hoạch",
        "% so với cùng kỳ",
    ]

    public var period: Period
    public var rows: [Row]

    /// Indicators with a value this period and a target or last year's figure to compare it with.
    public init(period: Period, figures: [Figure]) {
        self.period = period
        rows = figures.compactMap { f in
            guard let current = f.current, f.target != nil || f.lastYear != nil else { return nil }
            let i = f.indicator
            let ofLastYear = f.lastYear.flatMap {
                $0.value.scaled > 0 ? Comparison.percent(current.value, of: $0.value, decimals: i.changeDecimals) : nil
            }
            func text(_ a: Amount?, _ decimals: Int) -> String {
                a.map { VietnameseNumber.format($0, decimals: decimals) } ?? ""
            }
            return Row(
                code: i.code, name: i.name, unit: i.unitOfMeasure, target: f.target?.value, lastYear: f.lastYear?.value,
                current: current.value, estimate: current.status == .estimate, percentOfTarget: f.percentOfTarget,
                percentOfLastYear: ofLastYear,
                cells: [
                    i.name, i.unitOfMeasure, text(f.target?.value, i.valueDecimals),
                    text(f.lastYear?.value, i.valueDecimals),
                    text(current.value, i.valueDecimals), text(f.percentOfTarget, i.targetDecimals),
                    text(ofLastYear, i.changeDecimals),
                ])
        }
    }

    /// "Thực hiện 6 tháng đầu năm 2017 (ước)" when any figure is an estimate.
    public var currentHeading: String {
        "Thực hiện \(period.vietnameseName)" + (rows.contains { $0.estimate } ? " (ước)" : "")
    }
}
