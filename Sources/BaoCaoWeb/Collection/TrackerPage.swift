import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The tracker's markup: where each reporting unit stands, who is late, and how complete the communes' figures are.
enum TrackerPage {
    struct Model {
        var locality: StoredUnit
        var period: Period
        var lines: [TrackerController.Line]
        var deadline: CivilDate
        var statusFilter: SubmissionStatus?
        var kindFilter: String
        var lateOnly: Bool
        var completeness: [TrackerController.Completeness]
    }

    static func render(_ req: Request, _ m: Model) -> Response {
        let (period, deadline) = (m.period, m.deadline)
        let shown = m.lines.filter { line in
            (m.statusFilter == nil || line.submission.status == m.statusFilter)
                && (m.kindFilter.isEmpty || (m.kindFilter == "phong") == line.unit.kind.isOffice)
                && (!m.lateOnly || line.late)
        }
        var counts: [SubmissionStatus: Int] = [:]
        for line in m.lines { counts[line.submission.status, default: 0] += 1 }
        let summary = SubmissionStatus.allCases.map { s -> HTML in
            "<li>\(Layout.badge(s)) \(counts[s] ?? 0)</li>"
        }
        let rows = shown.map { line -> HTML in
            let s = line.submission
            return """
                <tr><td><a href="/nhap-lieu?unit=\(line.unit.code)&amp;period=\(period.code)">\(line.unit.fullName)</a></td>\
                <td>\(Layout.badge(s.status))</td>\
                <td>\(DateText.day(deadline))</td>\
                <td>\(line.late ? "<span class=\"late\">Quá hạn</span>" as HTML : (s.status.isDelivered ? "Đã nộp" : "Chưa đến hạn"))</td>\
                <td>\(s.updatedAt.map(DateText.short) ?? "")\(s.updatedBy.map { b -> HTML in " — \(b)" } ?? "")</td>\
                <td>\(s.reason ?? "")</td></tr>
                """
        }
        let statusOptions =
            ["<option value=\"\">Tất cả</option>"]
            + SubmissionStatus.allCases.map { s -> HTML in
                "<option value=\"\(s.rawValue)\"\(HTML.flag("selected", s == m.statusFilter))>\(s.vietnameseName)</option>"
            }
        let kindOptions = [("", "Tất cả"), ("phong", "Phòng, ban"), ("xa", "Xã, phường")].map { k, label -> HTML in
            "<option value=\"\(k)\"\(HTML.flag("selected", k == m.kindFilter))>\(label)</option>"
        }
        let filters: HTML = """
            <div><label for="loc-tt">Tình trạng</label><select id="loc-tt" name="status">\(statusOptions)</select></div>\
            <div><label for="loc-loai">Loại đơn vị</label><select id="loc-loai" name="kind">\(kindOptions)</select></div>\
            <div><label><input type="checkbox" name="late" value="1"\(HTML.flag("checked", m.lateOnly))> Chỉ đơn vị quá hạn</label></div>
            """
        let lateCount = m.lines.filter(\.late).count
        let body: HTML = """
            <h1>Theo dõi nộp số liệu: \(m.locality.fullName) — \(period.vietnameseName)</h1>\
            <p>Hạn nộp theo lịch báo cáo: <strong>\(DateText.day(deadline))</strong>. \
            \(lateCount > 0 ? "<span class=\"late\">\(lateCount) đơn vị quá hạn.</span>" as HTML : "Không có đơn vị quá hạn.")</p>\
            <ul class="summary" aria-label="Tổng hợp theo tình trạng">\(summary)</ul>\
            \(PeriodPicker.form(action: "/theo-doi", period: period, unit: m.locality.code, extra: filters))\
            <div class="card scroll"><table class="grid" id="bang-theo-doi"><caption class="skip">Tình trạng nộp số liệu</caption>\
            <thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Hạn nộp</th><th>Hạn</th><th>Cập nhật</th>\
            <th>Lý do trả lại</th></tr></thead><tbody>\(rows.isEmpty ? ["<tr><td colspan=\"6\">Không có đơn vị nào khớp bộ lọc.</td></tr>"] : rows)</tbody></table></div>\
            \(completeness(m))
            """
        return Layout.page(req, title: "Theo dõi nộp số liệu", section: .tracker, body)
    }

    /// How complete each figure the communes report is: what the locality's sums hold, and who is missing.
    static func completeness(_ m: Model) -> HTML {
        guard !m.completeness.isEmpty else { return "" }
        let rows = m.completeness.map { c -> HTML in
            let missing =
                c.missing.isEmpty
                ? "—"
                : c.missing.prefix(15).map(\.name).joined(separator: ", ") + (c.missing.count > 15 ? ", …" : "")
            return """
                <tr><td>\(c.indicator.name)</td><td class="num \(c.entered < c.expected ? "g-gan" : "g-dat")">\(c.entered)/\(c.expected)</td>\
                <td class="num">\(c.approved)/\(c.expected)</td><td class="small">\(missing)</td></tr>
                """
        }
        return """
            <section class="card scroll" aria-labelledby="du-so-lieu"><h2 id="du-so-lieu">Độ đầy đủ số liệu các xã, phường</h2>\
            <p class="small muted">Số tổng hợp của \(m.locality.fullName) chỉ so với kế hoạch khi đủ các đơn vị; khi chưa đủ, \
            chỉ so với cùng kỳ trên cùng các đơn vị.</p>\
            <table class="grid"><thead><tr><th>Chỉ tiêu</th><th class="num">Đã nhập</th><th class="num">Đã duyệt</th>\
            <th>Chưa nhập</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
    }
}
