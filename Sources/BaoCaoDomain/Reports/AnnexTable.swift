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
        /// What the figure's claim carries: how complete, whether approved, on what it is compared.
        public var note: String?
        /// The same, as text for documents: "693.843", "50,10"; the note after the name.
        public var cells: [String]
        /// The decimals each number is written with (target, last year, this period, % of target, % of last year),
        /// as in `cells`: for a spreadsheet's number formats.
        public var decimals: [Int]
    }

    public static let headings = [
        "Chỉ tiêu", "Đơn vị tính", "Kế hoạch năm", "Cùng kỳ năm trước", "Thực hiện kỳ này", "% so với kế hoạch",
        "% so với cùng kỳ",
    ]

    public var period: Period
    public var rows: [Row]

    /// Indicators with a value this period and a target or last year's figure to compare it with. A sum not every
    /// unit reported says so after its name, has no % of target, and is compared with last year on the units that
    /// reported both (the "same period" cell then holds those units' figure).
    public init(period: Period, figures: [Figure]) {
        self.period = period
        rows = figures.compactMap { f in
            guard let current = f.current, f.target != nil || f.lastYear != nil else { return nil }
            let i = f.indicator
            var lastYear = f.lastYear?.value
            var ofLastYear: Amount?
            var notes: [String] = FigureWords(f).note.map { [$0] } ?? []
            switch f.yearOnYearBasis {
            case .whole(let now, let then):
                ofLastYear = then.scaled > 0 ? Comparison.percent(now, of: then, decimals: i.changeDecimals) : nil
                if f.lastYearRebuilt != nil { notes.append("cùng kỳ tổng hợp lại từ các đơn vị trước khi sắp xếp") }
            case .matched(let m):
                lastYear = m.earlier
                ofLastYear =
                    m.earlier.scaled > 0
                    ? Comparison.percent(m.current, of: m.earlier, decimals: i.changeDecimals) : nil
                let word = current.coverage?.unitWord ?? "đơn vị"
                notes.append(
                    "cùng kỳ tính trên \(m.units) \(word) có số liệu cả hai năm"
                        + (m.rebuilt > 0 ? ", \(m.rebuilt) \(word) tổng hợp lại từ các đơn vị trước khi sắp xếp" : ""))
            case .unavailable:
                if f.lastYear != nil, !current.isComplete || f.lastYear?.isComplete == false {
                    lastYear = nil
                    notes.append("chưa so được với cùng kỳ")
                }
            }
            let note = notes.isEmpty ? nil : notes.joined(separator: "; ")
            // An amount keeps its order of magnitude; a whole percentage has no decimals (as in the sentences).
            func amountDecimals(_ a: Amount?) -> Int {
                a.map { VietnameseNumber.decimals(keeping: $0, at: i.valueDecimals) } ?? i.valueDecimals
            }
            func percentDecimals(_ a: Amount?, _ d: Int) -> Int {
                guard let a else { return d }
                return VietnameseNumber.roundedParts(a, decimals: d).fraction == 0 ? 0 : d
            }
            let decimals = [
                amountDecimals(f.target?.value), amountDecimals(lastYear), amountDecimals(current.value),
                percentDecimals(f.percentOfTarget, i.targetDecimals), percentDecimals(ofLastYear, i.changeDecimals),
            ]
            func text(_ a: Amount?, _ decimals: Int) -> String {
                a.map { VietnameseNumber.format($0, decimals: decimals) } ?? ""
            }
            return Row(
                code: i.code, name: i.name, unit: i.unitOfMeasure, target: f.target?.value, lastYear: lastYear,
                current: current.value, estimate: current.status == .estimate, percentOfTarget: f.percentOfTarget,
                percentOfLastYear: ofLastYear, note: note,
                cells: [
                    i.name + (note.map { " (\($0))" } ?? ""), i.unitOfMeasure, text(f.target?.value, decimals[0]),
                    text(lastYear, decimals[1]), text(current.value, decimals[2]),
                    text(f.percentOfTarget, decimals[3]), text(ofLastYear, decimals[4]),
                ], decimals: decimals)
        }
        markingEstimates()
    }

    /// The column of this period by the figures' status: "Ước thực hiện 6 tháng đầu năm 2017" when every figure is
    /// an estimate, "Thực hiện …" otherwise (then each estimate says so after its name, `markingEstimates`).
    public var currentHeading: String {
        let allEstimates = !rows.isEmpty && rows.allSatisfy(\.estimate)
        return (allEstimates ? "Ước thực hiện " : "Thực hiện ") + period.vietnameseName
    }

    /// Where finals and estimates mix, each estimate's name says "(ước…)": the heading speaks for finals only.
    mutating func markingEstimates() {
        guard rows.contains(where: \.estimate), !rows.allSatisfy(\.estimate) else { return }
        for index in rows.indices where rows[index].estimate {
            let note = ["ước"] + (rows[index].note.map { [$0] } ?? [])
            rows[index].note = note.joined(separator: "; ")
            rows[index].cells[0] = rows[index].name + " (" + note.joined(separator: "; ") + ")"
        }
    }
}
