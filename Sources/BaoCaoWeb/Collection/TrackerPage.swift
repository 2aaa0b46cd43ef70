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
        /// Whether the viewer may remind units ("Nhắc").
        var mayRemind: Bool
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
            let timing: HTML =
                line.timing.isLate
                ? "<span class=\"late\">\(line.timing.words)</span>"
                : "<span class=\"g-dat\">\(line.timing.words)</span>"
            let remind: HTML =
                m.mayRemind && !s.status.isDelivered
                ? """
                <form method="post" action="/theo-doi/nhac" style="margin:0">\(Layout.csrf(req))\
                <input type="hidden" name="unit" value="\(line.unit.code)"><input type="hidden" name="locality" value="\(m.locality.code)">\
                <input type="hidden" name="period" value="\(period.code)">\
                <button type="submit" class="secondary" aria-label="Nhắc \(line.unit.fullName)">Nhắc</button></form>
                """ : ""
            return """
                <tr><td data-label="Đơn vị"><a href="/nhap-lieu?unit=\(line.unit.code)&amp;period=\(period.code)">\(line.unit.fullName)</a></td>\
                <td data-label="Tình trạng">\(Layout.badge(s.status))</td>\
                <td data-label="Hạn nộp">\(DateText.day(deadline))</td><td data-label="Đúng hạn">\(timing)</td>\
                <td data-label="Cập nhật">\(s.updatedAt.map(DateText.short) ?? "")\(line.updatedBy.map { b -> HTML in " — \(b)" } ?? "")</td>\
                <td data-label="Lý do trả lại">\(s.reason ?? "")</td><td>\(remind)</td></tr>
                """
        }
        let onTime = m.lines.filter { $0.timing == .onTime }.count
        let sentLate = m.lines.filter { if case .sentLate = $0.timing { return true } else { return false } }.count
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
            Nộp đúng hạn: \(onTime) đơn vị; nộp muộn: \(sentLate) đơn vị; \
            \(lateCount > 0 ? "<span class=\"late\">quá hạn chưa nộp: \(lateCount) đơn vị.</span>" as HTML : "không có đơn vị quá hạn chưa nộp.")</p>\
            <ul class="summary" aria-label="Tổng hợp theo tình trạng">\(summary)</ul>\
            \(PeriodPicker.form(action: "/theo-doi", period: period, unit: m.locality.code, extra: filters))\
            <div class="card scroll"><table class="grid" id="bang-theo-doi"><caption class="skip">Tình trạng nộp số liệu</caption>\
            <thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Hạn nộp</th><th>Đúng hạn</th><th>Cập nhật</th>\
            <th>Lý do trả lại</th><th></th></tr></thead><tbody>\(rows.isEmpty ? ["<tr><td colspan=\"7\">Không có đơn vị nào khớp bộ lọc.</td></tr>"] : rows)</tbody></table></div>\
            \(completeness(m))
            """
        let flash: Layout.Flash? =
            switch req.queryText("tb") {
            case "nhac": reminded(req, m)
            case "da_nop": Layout.Flash(ok: true, text: "Đơn vị đã gửi số liệu; không cần nhắc.")
            default: nil
            }
        return Layout.page(req, title: "Theo dõi nộp số liệu", section: .tracker, flash: flash, body)
    }

    /// "Đã nhắc phường Máy Chai: 1 người, 1 thư điện tử." after a reminder (the unit one of the tracker's).
    static func reminded(_ req: Request, _ m: Model) -> Layout.Flash? {
        guard let unit = m.lines.first(where: { $0.unit.code == req.queryText("don_vi") })?.unit else { return nil }
        let people = Int(req.queryText("nguoi") ?? "") ?? 0
        let mails = Int(req.queryText("thu") ?? "") ?? 0
        let failed = Int(req.queryText("loi") ?? "") ?? 0
        guard people > 0 else {
            return .init(ok: false, text: "\(unit.fullName) chưa có ai được giao nhập số liệu để nhắc.")
        }
        var text = "Đã nhắc \(unit.fullName): \(people) người được báo trong ứng dụng"
        if mails > 0 { text += ", \(mails) thư điện tử đã gửi" }
        if failed > 0 {
            text += "; \(failed) thư không gửi được (lý do ở trang Thông báo của người nhận và nhật ký máy chủ)"
        }
        return .init(ok: failed == 0, text: text + ".")
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
