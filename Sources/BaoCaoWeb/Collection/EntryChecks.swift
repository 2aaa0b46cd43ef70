import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// The checks panel of the entry form: what the saved figures break, each warning with the explanation it needs to
/// be submitted, and a list the script fills as one types; and the rules the script evaluates, as data.
enum EntryChecks {
    static func panel(_ form: EntryForm, editable: Bool, typedNotes: [String: String]) -> HTML {
        let items = form.violations.map { v -> HTML in
            let css = v.severity == .error ? "loi" : "canh-bao"
            let note = typedNotes[v.key] ?? form.notes[v.key] ?? ""
            let explain: HTML =
                v.severity == .warning
                ? (editable
                    ? """
                    <br><label for="gt-\(v.key)">Giải trình (bắt buộc để gửi duyệt)</label>\
                    <textarea id="gt-\(v.key)" name="gt_\(v.key)" rows="2" style="min-height:3rem">\(note)</textarea>
                    """
                    : (note.isEmpty ? "" : "<br><em>Giải trình:</em> \(note)"))
                : ""
            return "<li class=\"\(css)\"><strong>\(v.severity.vietnameseName):</strong> \(v.message)\(explain)</li>"
        }
        let saved: HTML =
            items.isEmpty
            ? "<p class=\"small muted\">Số liệu đã lưu không vi phạm quy tắc kiểm tra nào.</p>"
            : "<ul class=\"checks\">\(items)</ul>"
        return """
            <section class="card" aria-labelledby="kiem-tra"><h2 id="kiem-tra">Kiểm tra số liệu</h2>\
            <p class="small muted">Lỗi phải sửa trước khi gửi duyệt; cảnh báo cần giải trình. Quy tắc do quản trị đặt \
            trong danh mục, cùng các kiểm tra có sẵn (số âm, thay đổi bất thường so với cùng kỳ, vượt kế hoạch).</p>\
            \(saved)<div id="kiem-tra-nhap" aria-live="polite"></div></section>
            """
    }

    /// The form's rules for the script, as JSON in a data attribute.
    static func rulesData(_ rules: [ValidationRule]) -> HTML {
        struct Entry: Encodable {
            var code, left, op, right, severity, missing, message: String
        }
        let entries = rules.map {
            Entry(
                code: $0.code, left: $0.left, op: $0.comparison.rawValue, right: $0.right,
                severity: $0.severity.rawValue, missing: $0.missing.rawValue, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
        return "<div id=\"quy-tac\" hidden data-rules=\"\(json)\"></div>"
    }

    /// The data a row gives the script for its built-in checks.
    static func rowData(_ i: Indicator) -> HTML {
        """
         data-code="\(i.code)" data-name="\(i.name)" data-nonneg="\(i.checks.allowsNegative ? "0" : "1")" \
        data-warn-change="\(i.checks.changePercent)" data-warn-target="\(i.checks.targetPercent)"
        """
    }
}
