import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The work programme's review for a period (sơ kết 6 tháng): its items month by month with where each stands, and
/// the sentence the report writes from them.
enum ProgrammePage {
    static func render(
        _ req: Request, context c: TaskContext, locality: StoredUnit, period: Period, items: [StoredTask],
        summary: TaskSummary
    ) -> Response {
        let months = Dictionary(grouping: items, by: { $0.draft.programmeMonth ?? 0 })
        let sections = months.keys.sorted().map { month -> HTML in
            let rows = (months[month] ?? []).map { t -> HTML in
                """
                <tr>\
                <td data-label="Nội dung"><span><a href="/nhiem-vu/\(t.id)">\(t.draft.title)</a>\
                \(t.draft.illustrative ? " \(TaskContext.illustrativeTag)" as HTML : "")</span></td>\
                <td data-label="Sản phẩm">\(t.draft.product ?? "")</td>\
                <td data-label="Chủ trì">\(c.unitName(t.draft.leadUnitID))</td>\
                <td data-label="Tình trạng"><span>\(c.badge(t, asOf: summary.asOf))</span></td></tr>
                """
            }
            return """
                <h2>Tháng \(month)</h2><div class="card scroll"><table class="grid cards"><thead><tr><th>Nội dung</th>\
                <th>Sản phẩm</th><th>Chủ trì</th><th>Tình trạng</th></tr></thead><tbody>\(rows)</tbody></table></div>
                """
        }
        let body: HTML = """
            <p><a href="/nhiem-vu?xem=da-giao&amp;nguon=chuong_trinh">← Nhiệm vụ</a></p>\
            <h1>Chương trình công tác năm \(period.year): \(period.vietnameseSpan)</h1>\
            <p class="muted">UBND \(locality.nameInSentence); tình hình tính đến ngày \(summary.asOf.slashed) \
            (tình hình hôm nay: mở từng nội dung).</p>\
            \(PeriodPicker.form(action: "/nhiem-vu/chuong-trinh", period: period, unit: locality.code))\
            <p class="card" id="tom-tat-chuong-trinh"><strong>Báo cáo viết:</strong> UBND \(locality.nameInSentence) đã \
            \(summary.programmeSentence).</p>\
            \(sections.isEmpty ? "<p class=\"card\">Chưa có chương trình công tác cho các tháng này. Nhập bằng <code>baocao import chuong-trinh.xlsx</code> (xem docs/IMPORT.md, bảng programme).</p>" as HTML : HTML.join(sections))
            """
        return Layout.page(req, title: "Chương trình công tác", section: .tasks, body)
    }
}
