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
        /// The narrative with each placeholder as a chip of what it says (`NarrativeChips`).
        var chips: HTML
        /// What each placeholder in the text says now, for the chips inside the text (with the script).
        var labels: [String: String]
        /// What the picker is filtered by.
        var search: String
        var problems: [String]
        var saved: Bool
    }

    static let parts = [
        ("sentence", "câu kết quả đầy đủ"), ("value", "số và đơn vị"), ("pct_target", "% kế hoạch"),
        ("yoy", "so với cùng kỳ"), ("text", "câu theo mẫu riêng"),
    ]

    /// What the whole report knows beside the figures: the period's words, the locality's settings, the targets.
    static let general: [(String, String)] =
        [
            ("{period}", "tên kỳ báo cáo (6 tháng đầu năm 2017)"),
            ("{rest}", "phần còn lại của năm (6 tháng cuối năm 2017)"),
            ("{prev_period}", "kỳ báo cáo trước"), ("{year}", "năm"),
            ("{cutoff_month}", "tháng số liệu thực hiện đến hết"),
            ("{targets_summary}", "tóm tắt thực hiện các chỉ tiêu kế hoạch năm"),
            ("{tasks_summary}", "tóm tắt kết quả thực hiện nhiệm vụ đến hạn trong kỳ"),
            ("{programme_summary}", "tóm tắt kết quả thực hiện chương trình công tác các tháng trong kỳ"),
        ] + ReportTemplate.GeneratedList.allCases.map { ($0.rawValue, "\($0.vietnameseName) (một dòng riêng)") }
        + ReportSetting.allCases.map { ("{\($0.rawValue)}", $0.vietnameseName) }

    /// Folded for search: lower case, no diacritics, đ as d ("Thu ngân sách" matches "thu ngan sach").
    static func folded(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    /// The picker: the report's general words, then each field's indicators with their parts; with `search`, only
    /// those whose name or code matches (the script filters the same way as one types).
    static func picker(_ catalogue: Catalogue, search: String) -> HTML {
        let wanted = folded(search.trimmingWhitespace())
        func matches(_ texts: String...) -> Bool { wanted.isEmpty || texts.contains { folded($0).contains(wanted) } }
        let general = Self.general.filter { matches($0.0, $0.1) }.map { value, label -> HTML in
            "<option value=\"\(value)\">\(label)</option>"
        }
        var groups: [HTML] = general.isEmpty ? [] : ["<optgroup label=\"Chung của báo cáo\">\(general)</optgroup>"]
        for field in catalogue.fields {
            let options = catalogue.indicators.filter { $0.field == field.code && matches($0.name, $0.code) }.flatMap {
                i in
                parts.map { part, label -> HTML in
                    "<option value=\"{\(i.code).\(part)}\" title=\"\(i.code)\">\(i.name) — \(label)</option>"
                }
            }
            if !options.isEmpty { groups.append("<optgroup label=\"\(field.name)\">\(options)</optgroup>") }
        }
        return HTML.join(groups)
    }

    static func render(_ req: Request, _ m: Model) -> Response {
        let t = m.target
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
            \(problemBox)\(carried)<div class="editor">\
            <form method="post" action="/soan-bao-cao/muc" class="stack" id="viet-muc">\(Layout.csrf(req))\
            <input type="hidden" name="template" value="\(t.template)"><input type="hidden" name="unit" value="\(t.locality.code)">\
            <input type="hidden" name="period" value="\(t.period.code)"><input type="hidden" name="section" value="\(m.section.key)">\
            <div><label for="narrative">Nội dung (mỗi dòng một đoạn; dòng bắt đầu bằng "- " là gạch đầu dòng)</label>\
            <div class="toolbar" role="toolbar" aria-label="Định dạng" hidden>\
            <button type="button" class="secondary" data-wrap="*" title="Viết nghiêng đoạn đang chọn">Nghiêng</button>\
            <button type="button" class="secondary" data-note title="Thêm chú thích cuối trang tại con trỏ">Chú thích</button></div>\
            <textarea id="narrative" name="noi_dung" rows="16" aria-describedby="goi-y" \
            data-chips="\(labelsJSON(m.labels))">\(m.narrative)</textarea>\
            <p id="goi-y" class="small muted">Số liệu chèn bằng bộ chọn bên dưới và hiện thành ô màu ghi câu sẽ in \
            (rê chuột để thấy mã; không có trình duyệt hỗ trợ thì hiện dạng {MÃ.phần}). *chữ nghiêng* viết giữa hai dấu \
            sao; chú thích cuối trang viết [^=nội dung chú thích].</p></div>\
            <div class="filters"><div><label for="tim-so-lieu">Tìm chỉ tiêu (tên hoặc mã)</label>\
            <input id="tim-so-lieu" type="search" name="tim" value="\(m.search)" data-filter-for="chon-so-lieu" \
            autocomplete="off"></div>\
            <div><button type="submit" name="buoc" value="tim" class="secondary" data-no-script>Tìm</button></div>\
            <div><label for="chon-so-lieu">Chèn số liệu</label>\
            <select id="chon-so-lieu" name="chen">\(picker(m.catalogue, search: m.search))</select></div>\
            <div><button type="submit" name="buoc" value="chen" class="secondary" data-insert-from="chon-so-lieu">Chèn</button></div></div>\
            <div><label><input type="checkbox" name="xong" value="1"\(HTML.flag("checked", m.done))> \
            Mục này đã viết xong</label></div>\
            <div class="actions"><button type="submit" name="buoc" value="luu">Lưu</button></div></form>\
            <section class="card preview-pane" aria-labelledby="xem-truoc-muc"><h2 id="xem-truoc-muc">Xem trước \
            <span class="small muted">(số liệu làm việc hiện tại; cập nhật khi gõ)</span></h2>\
            <div id="xem-truoc-truc-tiep" aria-live="polite" data-preview-url="/soan-bao-cao/xem-truoc">\
            \(preview(m.chips, missing: m.preview.missing))</div></section></div>
            """
        return Layout.page(
            req, title: "Viết mục báo cáo", section: .workspace,
            flash: m.saved ? .init(ok: true, text: "Đã lưu mục.") : nil,
            status: m.problems.isEmpty ? .ok : .unprocessableEntity, body)
    }

    /// The chips' labels as JSON for the script (escaped into the attribute by the interpolation).
    static func labelsJSON(_ labels: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The live preview's content: the chips and what is missing (also what the preview request returns).
    static func preview(_ chips: HTML, missing: [String]) -> HTML {
        let gaps: HTML =
            missing.isEmpty ? "" : "<p class=\"flash error\">Thiếu số liệu: \(missing.joined(separator: ", "))</p>"
        return "<div class=\"preview\">\(chips)</div>\(gaps)"
    }
}
