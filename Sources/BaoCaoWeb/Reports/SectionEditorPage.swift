import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The editor of one section of a report: its narrative with placeholders, the figure picker, "done", and a preview
/// with today's working figures.
enum SectionEditorPage {
    struct Model {
        var target: WorkspaceController.Target
        var section: ReportSection
        var narrative: String
        var done: Bool
        /// The report whose text the section starts from, while nobody has written it for this one.
        var carriedFrom: Period?
        var catalogue: Catalogue
        var preview: ReportDocument
        var problems: [String]
        var saved: Bool
    }

    static let parts = [
        ("sentence", "câu kết quả đầy đủ"), ("value", "số và đơn vị"), ("pct_target", "% kế hoạch"),
        ("yoy", "so với cùng kỳ"), ("text", "câu theo mẫu riêng"),
    ]

    static func render(_ req: Request, _ m: Model) -> Response {
        let t = m.target
        let groups = m.catalogue.fields.map { field -> HTML in
            let options = m.catalogue.indicators.filter { $0.field == field.code }.flatMap { i in
                parts.map { part, label -> HTML in
                    "<option value=\"{\(i.code).\(part)}\">\(i.name) — \(label)</option>"
                }
            }
            return "<optgroup label=\"\(field.name)\">\(options)</optgroup>"
        }
        let missing = m.preview.missing
        let preview: HTML = """
            <section class="card" aria-labelledby="xem-truoc-muc"><h2 id="xem-truoc-muc">Xem trước mục (số liệu làm việc hiện tại)</h2>\
            <div class="preview">\(m.preview.bodyText)</div>\
            \(missing.isEmpty ? "" : "<p class=\"flash error\">Thiếu số liệu: \(missing.joined(separator: ", "))</p>" as HTML)</section>
            """
        let problemBox: HTML =
            m.problems.isEmpty
            ? ""
            : "<div class=\"flash error\" role=\"alert\"><p>Chưa lưu:</p><ul>\(m.problems.map { p -> HTML in "<li>\(p)</li>" })</ul></div>"
        let title = PhraseTemplate(m.section.title).render(subject: nil, figures: [:], period: t.period).text
        let carried: HTML =
            m.carriedFrom.map { from -> HTML in
                """
                <p class="flash warn" role="status">Chưa cập nhật: nội dung dưới đây chép từ báo cáo \
                \(from.vietnameseName). Sửa cho \(t.period.vietnameseName), hoặc đánh dấu "đã viết xong" và lưu để \
                xác nhận giữ nguyên.</p>
                """
            } ?? ""
        let body: HTML = """
            <p><a href="/soan-bao-cao?\(t.query)">← Về bảng soạn báo cáo</a></p>\
            <h1>\(title)</h1><p class="muted">\(t.templateName) — \(t.locality.fullName), \(t.period.vietnameseName)</p>\
            \(problemBox)\(carried)<form method="post" action="/soan-bao-cao/muc" class="stack">\(Layout.csrf(req))\
            <input type="hidden" name="template" value="\(t.template)"><input type="hidden" name="unit" value="\(t.locality.code)">\
            <input type="hidden" name="period" value="\(t.period.code)"><input type="hidden" name="section" value="\(m.section.key)">\
            <div><label for="narrative">Nội dung (mỗi dòng một đoạn; dòng bắt đầu bằng "- " là gạch đầu dòng)</label>\
            <textarea id="narrative" name="noi_dung" rows="16" aria-describedby="goi-y">\(m.narrative)</textarea>\
            <p id="goi-y" class="small muted">Số liệu chèn bằng bộ chọn bên dưới, dạng {MÃ.phần}; khi xuất báo cáo, \
            chỗ chèn được thay bằng số liệu mới nhất. *chữ nghiêng* viết giữa hai dấu sao.</p></div>\
            <div class="filters"><div><label for="chon-so-lieu">Chèn số liệu</label>\
            <select id="chon-so-lieu" name="chen">\(groups)</select></div>\
            <div><button type="submit" name="buoc" value="chen" class="secondary" data-insert-from="chon-so-lieu">Chèn</button></div></div>\
            <div><label><input type="checkbox" name="xong" value="1"\(HTML.flag("checked", m.done))> \
            Mục này đã viết xong</label></div>\
            <div class="actions"><button type="submit" name="buoc" value="luu">Lưu</button></div></form>\(preview)
            """
        return Layout.page(
            req, title: "Viết mục báo cáo", section: .workspace,
            flash: m.saved ? .init(ok: true, text: "Đã lưu mục.") : nil,
            status: m.problems.isEmpty ? .ok : .unprocessableEntity, body)
    }
}
