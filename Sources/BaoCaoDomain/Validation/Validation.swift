/// Checks one unit's figures for one period: the catalogue's rules, and every indicator's built-in checks (no
/// negative value unless allowed; a change against last year or a % of target beyond its bounds; an entered
/// cumulative figure that differs from the figure its parts make). Pure: the caller gives the figures.
public enum Validation {
    public static func violations(
        rules: [ValidationRule], figures: [Figure], enteredParts: [String: [Period: Observation]] = [:]
    ) -> [Violation] {
        let byCode = Dictionary(figures.map { ($0.indicator.code, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [Violation] = []
        for rule in rules { if let v = check(rule, byCode) { result.append(v) } }
        for figure in figures where !figure.indicator.isDerived {
            result += BuiltInChecks.violations(figure, parts: enteredParts[figure.indicator.code] ?? [:])
        }
        return result
    }

    /// The rule's violation by these figures, or nil when it holds or is skipped for missing values.
    public static func check(_ rule: ValidationRule, _ figures: [String: Figure]) -> Violation? {
        guard let left = try? Formula.parsed(rule.left), let right = try? Formula.parsed(rule.right) else { return nil }
        let codes = left.references.union(right.references)
        let present = codes.filter { figures[$0]?.current != nil }
        switch rule.missing {
        case .skipIfAny: if present.count < codes.count { return nil }
        case .skipIfAll: if present.isEmpty && !codes.isEmpty { return nil }
        case .never: break
        }
        func value(_ code: String) -> Amount? { figures[code]?.current?.value ?? .zero }
        guard let a = left.evaluate(value), let b = right.evaluate(value) else { return nil }
        guard !rule.comparison.holds(a, b) else { return nil }
        func number(_ x: Amount) -> String { VietnameseNumber.exact(x) }
        return Violation(
            key: rule.code, severity: rule.severity,
            message:
                "\(rule.message) (\(rule.left) = \(number(a)), \(rule.right) = \(number(b)); cần \(rule.comparison.words))",
            indicators: codes.sorted())
    }
}

/// The checks every indicator gets without a rule being written, bounded by its `CheckBounds`.
public enum BuiltInChecks {
    public static func violations(_ f: Figure, parts: [Period: Observation] = [:]) -> [Violation] {
        guard let current = f.current else { return [] }
        let i = f.indicator, code = i.code
        let words = FigureWords(f)
        var result: [Violation] = []
        if current.value.isNegative && !i.checks.allowsNegative {
            result.append(
                Violation(
                    key: "am:\(code)", severity: .error,
                    message: "\(i.name): số liệu không được âm (\(VietnameseNumber.exact(current.value)))",
                    indicators: [code]))
        }
        if i.checks.changePercent > 0, [.percent, .ratio].contains(i.changeStyle), let change = f.yearOnYear {
            let percent =
                i.changeStyle == .ratio ? change.magnitude.subtracting(Amount(100))?.magnitude : change.magnitude
            if let percent, percent > Amount(i.checks.changePercent) {
                result.append(
                    Violation(
                        key: "cung-ky:\(code)", severity: .warning,
                        message:
                            "\(i.name) \(words.yearOnYear ?? ""): thay đổi quá \(i.checks.changePercent)% so với cùng kỳ, kiểm tra lại số",
                        indicators: [code]))
            }
        }
        if i.checks.targetPercent > 0, let p = f.percentOfTarget, p > Amount(i.checks.targetPercent) {
            result.append(
                Violation(
                    key: "ke-hoach:\(code)", severity: .warning,
                    message:
                        "\(i.name) \(words.target ?? ""): vượt \(i.checks.targetPercent)% kế hoạch năm, kiểm tra lại số",
                    indicators: [code]))
        }
        if let conflict = PeriodCombination.conflict(parts, period: f.period, rule: i.timeAggregation) {
            let names = conflict.parts.map(\.vietnameseSpan).joined(separator: " + ")
            result.append(
                Violation(
                    key: "luy-ke:\(code)", severity: .warning,
                    message:
                        "\(i.name): số \(f.period.vietnameseSpan) đã nhập (\(VietnameseNumber.exact(conflict.entered))) khác số cộng từ các kỳ (\(names) = \(VietnameseNumber.exact(conflict.built)))",
                    indicators: [code]))
        }
        return result
    }
}
