/// Charts drawn on the server as SVG: no script, no library, readable by screen readers through title and desc.
enum SVGChart {
    struct Bar {
        var label: String
        var percent: Double
        var tone: Tone
        var caption: String
    }

    /// Horizontal bars of % of target, with a dashed line where the period's pace says they should be.
    static func percentBars(_ bars: [Bar], pace: Double?, title: String) -> HTML {
        guard !bars.isEmpty else { return "" }
        let labelWidth = 300.0, barWidth = 360.0, row = 26.0, top = 24.0
        let scaleMax = max(100, min(200, (bars.map(\.percent).max() ?? 100).rounded(.up)))
        let height = top + Double(bars.count) * row + 8
        func x(_ p: Double) -> Double { labelWidth + barWidth * min(max(p, 0), scaleMax) / scaleMax }
        var parts: [HTML] = []
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * row
            parts.append(
                """
                <text x="\(fmt(labelWidth - 8))" y="\(fmt(y + 16))" text-anchor="end" font-size="12">\(clip(bar.label, 44))</text>\
                <rect x="\(fmt(labelWidth))" y="\(fmt(y + 4))" width="\(fmt(x(bar.percent) - labelWidth))" height="16" \
                fill="\(bar.tone.colour)"><title>\(bar.label): \(bar.caption)</title></rect>\
                <text x="\(fmt(x(bar.percent) + 4))" y="\(fmt(y + 16))" font-size="12">\(bar.caption)</text>
                """)
        }
        let hundred = x(100)
        var guides: HTML = """
            <line x1="\(fmt(hundred))" y1="\(fmt(top - 6))" x2="\(fmt(hundred))" y2="\(fmt(height - 4))" stroke="#555"/>\
            <text x="\(fmt(hundred))" y="12" text-anchor="middle" font-size="11">100%</text>
            """
        if let pace {
            let px = x(pace)
            guides = """
                \(guides)<line x1="\(fmt(px))" y1="\(fmt(top - 6))" x2="\(fmt(px))" y2="\(fmt(height - 4))" \
                stroke="#a15c00" stroke-dasharray="4 3"/><text x="\(fmt(px))" y="12" text-anchor="middle" font-size="11" \
                fill="#a15c00">tiến độ \(fmt(pace))%</text>
                """
        }
        return """
            <svg class="chart" role="img" aria-labelledby="bd-title" viewBox="0 0 \(fmt(labelWidth + barWidth + 90)) \(fmt(height))" \
            width="\(fmt(labelWidth + barWidth + 90))" height="\(fmt(height))" xmlns="http://www.w3.org/2000/svg" \
            font-family="Liberation Sans, Arial, sans-serif"><title id="bd-title">\(title)</title>\(guides)\(parts)</svg>
            """
    }

    /// The same bars for a phone: each label on its own line above its bar, drawn 340 wide so that on a 390-pixel
    /// screen the words keep their size.
    static func percentBarsNarrow(_ bars: [Bar], pace: Double?, title: String) -> HTML {
        guard !bars.isEmpty else { return "" }
        let width = 340.0, barWidth = 260.0, row = 40.0, top = 22.0
        let scaleMax = max(100, min(200, (bars.map(\.percent).max() ?? 100).rounded(.up)))
        let height = top + Double(bars.count) * row + 4
        func x(_ p: Double) -> Double { barWidth * min(max(p, 0), scaleMax) / scaleMax }
        var parts: [HTML] = []
        for (i, bar) in bars.enumerated() {
            let y = top + Double(i) * row
            parts.append(
                """
                <text x="0" y="\(fmt(y + 13))" font-size="13">\(clip(bar.label, 48))</text>\
                <rect x="0" y="\(fmt(y + 18))" width="\(fmt(x(bar.percent)))" height="14" fill="\(bar.tone.colour)">\
                <title>\(bar.label): \(bar.caption)</title></rect>\
                <text x="\(fmt(x(bar.percent) + 4))" y="\(fmt(y + 30))" font-size="12">\(bar.caption)</text>
                """)
        }
        var guides: HTML = """
            <line x1="\(fmt(x(100)))" y1="\(fmt(top - 4))" x2="\(fmt(x(100)))" y2="\(fmt(height))" stroke="#555"/>\
            <text x="\(fmt(x(100)))" y="12" text-anchor="middle" font-size="12">100%</text>
            """
        if let pace {
            guides = """
                \(guides)<line x1="\(fmt(x(pace)))" y1="\(fmt(top - 4))" x2="\(fmt(x(pace)))" y2="\(fmt(height))" \
                stroke="#a15c00" stroke-dasharray="4 3"/><text x="\(fmt(x(pace)))" y="12" text-anchor="middle" \
                font-size="12" fill="#a15c00">tiến độ \(fmt(pace))%</text>
                """
        }
        return """
            <svg class="chart" role="img" aria-labelledby="bd-title-hep" viewBox="0 0 \(fmt(width)) \(fmt(height))" \
            width="\(fmt(width))" height="\(fmt(height))" xmlns="http://www.w3.org/2000/svg" \
            font-family="Liberation Sans, Arial, sans-serif"><title id="bd-title-hep">\(title)</title>\(guides)\(parts)</svg>
            """
    }

    struct TrendPoint {
        var label: String
        var value: Double?
        var caption: String
        /// Rebuilt from the units a unit was formed from: drawn hollow.
        var rebuilt = false
    }

    /// A line over periods, one point a period; gaps where a period has no figure; a dashed line before each point
    /// in `breaks`, where the units a sum holds changed.
    static func trend(_ points: [TrendPoint], breaks: [Int] = [], title: String) -> HTML {
        let known = points.compactMap(\.value)
        guard !known.isEmpty else { return "<p class=\"muted\">Chưa có số liệu các kỳ để vẽ xu hướng.</p>" }
        let width = 560.0, height = 232.0, left = 60.0, bottom = 42.0, top = 20.0
        let maxValue = max(known.max() ?? 1, 1)
        let step = points.count > 1 ? (width - left - 60) / Double(points.count - 1) : 0
        func x(_ i: Int) -> Double { left + Double(i) * step }
        func y(_ v: Double) -> Double { height - bottom - (height - bottom - top) * v / maxValue }
        var path = ""
        var marks: [HTML] = []
        var pen = false
        for (i, p) in points.enumerated() {
            // A label's lines ("6 tháng đầu năm", "2017") one under the other.
            let lines = p.label.split(separator: "\n").enumerated().map { n, line -> HTML in
                "<tspan x=\"\(fmt(x(i)))\" dy=\"\(n == 0 ? "0" : "1.2em")\">\(String(line))</tspan>"
            }
            marks.append(
                "<text x=\"\(fmt(x(i)))\" y=\"\(fmt(height - bottom + 14))\" text-anchor=\"middle\" font-size=\"11\">\(lines)</text>"
            )
            if breaks.contains(i), i > 0 {
                let between = (x(i - 1) + x(i)) / 2
                marks.append(
                    """
                    <line x1="\(fmt(between))" y1="\(fmt(top - 10))" x2="\(fmt(between))" y2="\(fmt(height - bottom))" \
                    stroke="#b42318" stroke-dasharray="4 3"><title>Thành phần đơn vị thay đổi</title></line>
                    """)
            }
            guard let v = p.value else { pen = false; continue }
            path += (pen ? " L" : " M") + "\(fmt(x(i))) \(fmt(y(v)))"
            pen = true
            marks.append(
                """
                <circle cx="\(fmt(x(i)))" cy="\(fmt(y(v)))" r="4" fill="\(p.rebuilt ? "#fff" : "#1d4f91")" \
                stroke="#1d4f91" stroke-width="2"><title>\(p.label.replacingOccurrences(of: "\n", with: " ")): \(p.caption)</title></circle>\
                <text x="\(fmt(x(i)))" y="\(fmt(y(v) - 8))" text-anchor="middle" font-size="11">\(p.caption)</text>
                """)
        }
        return """
            <svg class="chart" role="img" aria-labelledby="xh-title" viewBox="0 0 \(fmt(width)) \(fmt(height))" \
            width="\(fmt(width))" height="\(fmt(height))" xmlns="http://www.w3.org/2000/svg" \
            font-family="Liberation Sans, Arial, sans-serif"><title id="xh-title">\(title)</title>\
            <line x1="\(fmt(left))" y1="\(fmt(height - bottom))" x2="\(fmt(width - 10))" y2="\(fmt(height - bottom))" stroke="#999"/>\
            <path d="\(path)" fill="none" stroke="#1d4f91" stroke-width="2"/>\(marks)</svg>
            """
    }

    enum Tone {
        case onTrack, near, behind, incomplete, noValue, none

        var colour: String {
            switch self {
            case .onTrack: return "#17663a"
            case .near: return "#c98a00"
            case .behind: return "#b42318"
            case .incomplete, .noValue, .none: return "#8a94a3"
            }
        }

        var cssClass: String {
            switch self {
            case .onTrack: return "g-dat"
            case .near: return "g-gan"
            case .behind: return "g-cham"
            case .incomplete, .noValue, .none: return "g-khong"
            }
        }

        var words: String {
            switch self {
            case .onTrack: return "Đạt tiến độ"
            case .near: return "Gần đạt"
            case .behind: return "Chậm"
            case .incomplete: return "Chưa đủ số liệu"
            case .noValue: return "Chưa có số liệu"
            case .none: return "Không có kế hoạch"
            }
        }
    }

    /// A coordinate or a percentage for the drawing; never traps, whatever the figure (a value no chart can hold
    /// is drawn at 0).
    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        guard r.isFinite, abs(r) < 1e15 else { return "0" }
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func clip(_ text: String, _ n: Int) -> String { text.count <= n ? text : String(text.prefix(n - 1)) + "…" }
}
