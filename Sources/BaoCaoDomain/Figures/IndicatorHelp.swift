/// What an indicator is, in Vietnamese, for the "?" beside it on the entry form: its definition and source when the
/// catalogue gives them, and always how it is computed (a formula in the names of what it reads), how it adds up
/// over units and over the months, who reports it, and which way is better.
public struct IndicatorHelp: Hashable, Sendable {
    public var lines: [(label: String, text: String)]

    public static func == (a: IndicatorHelp, b: IndicatorHelp) -> Bool {
        a.lines.map(\.label) == b.lines.map(\.label) && a.lines.map(\.text) == b.lines.map(\.text)
    }

    public func hash(into hasher: inout Hasher) {
        for line in lines { hasher.combine(line.label); hasher.combine(line.text) }
    }

    /// `names`: indicator names by code (for a formula); `owner`: the owner office's full name.
    public init(_ indicator: Indicator, names: [String: String], owner: String?) {
        var lines: [(String, String)] = []
        if let definition = indicator.definition, !definition.isEmpty { lines.append(("Định nghĩa", definition)) }
        if let formula = indicator.formula { lines.append(("Cách tính", Self.words(formula, names))) }
        let overUnits: String =
            switch indicator.unitAggregation {
            case .sum: "số của địa phương là tổng số của các đơn vị"
            case .average: "số của địa phương là trung bình của các đơn vị"
            case .none: "không cộng từ các đơn vị"
            }
        let overTime: String =
            switch indicator.timeAggregation {
            case .flow: "số lũy kế từ đầu năm đến hết kỳ"
            case .stock: "số tại thời điểm cuối kỳ"
            case .average: "số bình quân trong kỳ"
            case .none: "không cộng dồn theo tháng"
            }
        lines.append(("Tổng hợp", overTime + "; " + overUnits))
        let who: String =
            switch indicator.reportedBy {
            case .office: owner.map { "\($0) báo cáo" } ?? "phòng, ban phụ trách báo cáo"
            case .commune: "từng xã, phường báo cáo" + (owner.map { "; \($0) theo dõi" } ?? "")
            }
        lines.append(("Đơn vị báo cáo", who))
        if let source = indicator.source, !source.isEmpty { lines.append(("Nguồn số liệu", source)) }
        lines.append(
            (
                "Đánh giá",
                indicator.betterWhen == .higher
                    ? "càng cao càng tốt; kế hoạch năm là mức phấn đấu"
                    : "càng thấp càng tốt; kế hoạch năm là mức trần"
            ))
        self.lines = lines
    }

    /// A formula in words: codes replaced by names, `*` and `/` by × and ÷.
    static func words(_ formula: String, _ names: [String: String]) -> String {
        var out = ""
        var token = ""
        func flush() {
            guard !token.isEmpty else { return }
            out += names[token].map { "«\($0)»" } ?? token
            token = ""
        }
        for c in formula {
            if c.isLetter || c == "_" || (c.isNumber && !token.isEmpty) {
                token.append(c)
            } else {
                flush()
                out += c == "*" ? "×" : c == "/" ? "÷" : String(c)
            }
        }
        flush()
        return out
    }
}
