import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Every version of one value, newest first, and the button that deletes it.
enum HistoryPage {
    struct Model {
        var unit: StoredUnit
        var valueUnit: StoredUnit
        var period: Period
        var indicator: Indicator
        var changes: [ValueChange]
        var current: StoredValue?
        /// Full names of the people who changed it, by login.
        var names: [String: String]
        var mayDelete: Bool

        func name(_ username: String) -> String { names[username] ?? username }
    }

    static func render(_ req: Request, _ m: Model, flash: Layout.Flash?) -> Response {
        func v(_ a: Amount?) -> String { ComparisonWords.value(a, m.indicator) }
        func status(_ s: String?) -> String {
            s == ValueStatus.estimate.rawValue ? "ước" : (s == nil ? "" : "chính thức")
        }
        var rows = m.changes.reversed().map { c -> HTML in
            """
            <tr><td>\(DateText.short(c.changedAt))</td><td>\(m.name(c.changedBy))</td>\
            <td class="num">\(v(c.oldValue)) <span class="muted small">\(status(c.oldStatus))</span></td>\
            <td class="num">\(v(c.newValue)) <span class="muted small">\(status(c.newStatus))</span></td>\
            <td>\(c.newNote ?? "")</td></tr>
            """
        }
        if let first = m.changes.first, let by = first.oldBy, let at = first.oldAt {
            rows.append(
                "<tr><td>\(DateText.short(at))</td><td>\(m.name(by))</td><td class=\"num\">—</td><td class=\"num\">\(v(first.oldValue))</td><td>\(first.oldNote ?? "")</td></tr>"
            )
        } else if m.changes.isEmpty, let current = m.current {
            rows.append(
                "<tr><td>\(DateText.short(current.updatedAt))</td><td>\(m.name(current.updatedBy))</td><td class=\"num\">—</td><td class=\"num\">\(v(current.observation.value))</td><td>\(current.note ?? "")</td></tr>"
            )
        }
        let delete: HTML =
            m.mayDelete
            ? m.current.map { c -> HTML in
                """
                <form method="post" action="/lich-su/xoa" class="actions">\(Layout.csrf(req))\
                <input type="hidden" name="unit" value="\(m.unit.code)"><input type="hidden" name="period" value="\(m.period.code)">\
                <input type="hidden" name="indicator" value="\(m.indicator.code)"><input type="hidden" name="ver" value="\(c.version)">\
                <button type="submit" class="danger" data-confirm="Xóa số \(v(c.observation.value))? Lịch sử vẫn giữ số này.">\
                Xóa số hiện tại (\(v(c.observation.value)))</button>\
                <span class="small muted">Lịch sử vẫn giữ số đã xóa.</span></form>
                """
            } ?? "" : ""
        let body: HTML = """
            <p><a href="/nhap-lieu?unit=\(m.unit.code)&amp;period=\(m.period.code)">← Về biểu nhập liệu</a></p>\
            <h1>Lịch sử: \(m.indicator.name)</h1><p class="muted">\(m.valueUnit.fullName), \(m.period.vietnameseName) \
            (\(m.indicator.unitOfMeasure))</p>\(delete)<div class="card scroll"><table class="grid"><thead><tr><th>Thời điểm</th>\
            <th>Người sửa</th><th class="num">Số cũ</th><th class="num">Số mới</th><th>Ghi chú</th></tr></thead>\
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"5\">Chưa có số liệu.</td></tr>"] : rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Lịch sử số liệu", section: .entry, flash: flash, body)
    }
}
