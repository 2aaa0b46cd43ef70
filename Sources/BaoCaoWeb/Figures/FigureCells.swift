import BaoCaoDomain

/// The cells of a figure in a table of the web pages: its value with the marks its claim needs (estimate, not
/// approved), the comparisons or why there are none, and how many units its sum holds. Words come from the domain.
enum FigureCells {
    static func value(_ f: Figure) -> HTML {
        guard let o = f.current else { return "—" }
        let marks: HTML =
            o.isDraft ? " <span class=\"badge s-nhap\" title=\"Gồm số liệu chưa duyệt\">chưa duyệt</span>" : ""
        return "\(ComparisonWords.value(o.value, f.indicator))\(o.status == .estimate ? " (ước)" : "")\(marks)"
    }

    static func percentOfTarget(_ f: Figure) -> HTML {
        if f.current?.isComplete == false && f.target != nil {
            return "<span class=\"muted\" title=\"\(f.gap(.percentOfTarget) ?? "")\">chưa đủ số liệu</span>"
        }
        return "\(ComparisonWords.percentOfTarget(f))"
    }

    static func yearOnYear(_ f: Figure) -> HTML {
        let words = ComparisonWords.yearOnYear(f)
        switch f.yearOnYearBasis {
        case .matched(let m):
            let word = f.current?.coverage?.unitWord ?? "đơn vị"
            return "\(words) <span class=\"small muted\">(trên cùng \(m.units) \(word))</span>"
        case .unavailable where f.current != nil && f.lastYear != nil:
            return "<span class=\"muted\" title=\"\(f.gap(.yearOnYear) ?? "")\">chưa so sánh được</span>"
        default:
            return "\(words)"
        }
    }

    /// "1/13 phường" (with how many are not approved, in the working view); empty for a unit's own figure.
    static func coverage(_ f: Figure) -> HTML {
        guard let c = f.current?.coverage else { return "" }
        let pending: HTML = c.pending > 0 ? " <span class=\"small muted\">(\(c.pending) chưa duyệt)</span>" : ""
        return c.isComplete
            ? "\(c.fraction)\(pending)"
            : "<span class=\"g-gan\">\(c.fraction)</span>\(pending)"
    }

    /// Why parts of a figure are missing, as a short list.
    static func gapList(_ f: Figure) -> HTML {
        let names: [Figure.Part: String] = [
            .value: "Số liệu", .percentOfTarget: "So với kế hoạch", .yearOnYear: "So với cùng kỳ",
            .periodOnPeriod: "So với kỳ trước",
        ]
        let items = Figure.Part.allCases.compactMap { part -> HTML? in
            f.gap(part).map { "<li>\(names[part] ?? ""): \($0)</li>" }
        }
        return items.isEmpty ? "" : "<ul class=\"small muted\">\(items)</ul>"
    }
}
