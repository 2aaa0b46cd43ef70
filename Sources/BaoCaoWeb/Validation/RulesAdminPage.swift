import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The rules page: every rule with who may change it, and the form that adds or changes one.
enum RulesAdminPage {
    /// What the form holds: a stored rule, or what was typed.
    struct Draft {
        var code = "", left = "", comparison = RuleComparison.lessOrEqual.rawValue, right = ""
        var severity = RuleSeverity.error.rawValue, missing = MissingValues.skipIfAny.rawValue, message = ""
        var unit = ""

        init(unit: String) { self.unit = unit }

        init(_ stored: StoredRule) {
            let r = stored.rule
            code = r.code; left = r.left; comparison = r.comparison.rawValue; right = r.right
            severity = r.severity.rawValue; missing = r.missing.rawValue; message = r.message; unit = r.unit ?? ""
        }

        init(_ fields: [String: String]) {
            code = fields["ma"] ?? ""; left = fields["ve_trai"] ?? ""; comparison = fields["phep_so_sanh"] ?? ""
            right = fields["ve_phai"] ?? ""; severity = fields["muc_do"] ?? ""; missing = fields["so_thieu"] ?? ""
            message = fields["thong_bao"] ?? ""; unit = fields["don_vi"] ?? ""
        }
    }

    struct Model {
        var rules: [(StoredRule, editable: Bool)]
        var units: [StoredUnit]
        var draft: Draft
        var problems: [String]
        var catalogue: Catalogue
        /// Full names of who last changed each rule, by login.
        var names: [String: String]
    }

    static let missingWords: [MissingValues: String] = [
        .skipIfAny: "Bỏ qua khi thiếu một số", .skipIfAll: "Bỏ qua khi thiếu tất cả (số thiếu tính là 0)",
        .never: "Luôn kiểm tra (số thiếu tính là 0)",
    ]

    static func render(_ req: Request, _ m: Model, flash: Layout.Flash?, status: HTTPStatus) -> Response {
        let csrf = Layout.csrf(req)
        let rows = m.rules.map { stored, editable -> HTML in
            let r = stored.rule
            let actions: HTML =
                editable
                ? """
                <a href="/quan-tri/quy-tac?ma=\(r.code)#sua">Sửa</a>\
                <form method="post" action="/quan-tri/quy-tac/xoa" style="display:inline;margin-left:.5rem">\(csrf)\
                <input type="hidden" name="ma" value="\(r.code)"><button type="submit" class="secondary" \
                data-confirm="Xóa quy tắc \(r.code)?">Xóa</button></form>
                """ : "<span class=\"small muted\">(đơn vị khác quản lý)</span>"
            return """
                <tr><td><strong>\(r.code)</strong></td><td><code>\(r.expression)</code></td>\
                <td class="\(r.severity == .error ? "g-cham" : "g-gan")">\(r.severity.vietnameseName)</td>\
                <td>\(missingWords[r.missing] ?? "")</td><td>\(r.message)</td><td>\(r.unit ?? "mọi đơn vị")</td>\
                <td class="small">\(m.names[stored.updatedBy] ?? stored.updatedBy)<br>\(DateText.short(stored.updatedAt))</td><td>\(actions)</td></tr>
                """
        }
        let d = m.draft
        func options<T: RawRepresentable & CaseIterable>(
            _ all: T.AllCases, _ chosen: String, _ label: (T) -> String
        )
            -> [HTML] where T.RawValue == String
        {
            all.map {
                "<option value=\"\($0.rawValue)\"\(HTML.flag("selected", $0.rawValue == chosen))>\(label($0))</option>"
            }
        }
        let unitOptions = m.units.map { u -> HTML in
            "<option value=\"\(u.code)\"\(HTML.flag("selected", u.code == d.unit))>\(u.fullName) và các đơn vị trực thuộc</option>"
        }
        let codes = m.catalogue.indicators.filter { !$0.isDerived }.map { i -> HTML in
            "<option value=\"\(i.code)\">\(i.name)</option>"
        }
        let problems: HTML =
            m.problems.isEmpty
            ? ""
            : "<div class=\"flash error\" role=\"alert\"><p>Chưa lưu:</p><ul>\(m.problems.map { p -> HTML in "<li>\(p)</li>" })</ul></div>"
        let body: HTML = """
            <h1>Quy tắc kiểm tra số liệu</h1>\
            <p class="muted">Mỗi quy tắc so sánh hai biểu thức trên mã chỉ tiêu (cộng, trừ, nhân, chia, ngoặc, số). \
            Lỗi chặn việc gửi duyệt và việc nhập tệp; cảnh báo cần giải trình khi gửi duyệt. Ngoài các quy tắc này, \
            mỗi chỉ tiêu còn được kiểm tra sẵn: không âm (trừ khi danh mục cho phép), thay đổi so với cùng kỳ và % kế \
            hoạch vượt ngưỡng, số lũy kế khác tổng các kỳ thành phần.</p>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Mã</th><th>Quy tắc</th><th>Mức độ</th>\
            <th>Khi thiếu số</th><th>Thông báo</th><th>Áp dụng</th><th>Cập nhật</th><th></th></tr></thead><tbody>\
            \(rows.isEmpty ? ["<tr><td colspan=\"8\">Chưa có quy tắc nào.</td></tr>"] : rows)</tbody></table></div>\
            <section class="card" id="sua"><h2>Thêm hoặc sửa quy tắc</h2>\(problems)\
            <form method="post" action="/quan-tri/quy-tac" class="stack">\(csrf)\
            <div><label for="ma">Mã quy tắc</label><input id="ma" name="ma" type="text" value="\(d.code)" required></div>\
            <div class="filters"><div><label for="ve-trai">Vế trái</label><input id="ve-trai" name="ve_trai" type="text" \
            value="\(d.left)" list="ma-chi-tieu" size="32" required></div>\
            <div><label for="phep-so-sanh">So sánh</label><select id="phep-so-sanh" name="phep_so_sanh">\
            \(options(RuleComparison.allCases, d.comparison) { (c: RuleComparison) in "\(c.rawValue) (\(c.words))" })</select></div>\
            <div><label for="ve-phai">Vế phải</label><input id="ve-phai" name="ve_phai" type="text" value="\(d.right)" \
            list="ma-chi-tieu" size="32" required></div></div>\
            <datalist id="ma-chi-tieu">\(codes)</datalist>\
            <div class="filters"><div><label for="muc-do">Mức độ</label><select id="muc-do" name="muc_do">\
            \(options(RuleSeverity.allCases, d.severity) { (s: RuleSeverity) in s.vietnameseName })</select></div>\
            <div><label for="so-thieu">Khi thiếu số</label><select id="so-thieu" name="so_thieu">\
            \(options(MissingValues.allCases, d.missing) { (m: MissingValues) in missingWords[m] ?? m.rawValue })</select></div>\
            <div><label for="don-vi">Áp dụng cho</label><select id="don-vi" name="don_vi">\(unitOptions)</select></div></div>\
            <div><label for="thong-bao">Thông báo cho người nhập</label><input id="thong-bao" name="thong_bao" type="text" \
            value="\(d.message)" style="width:100%" required></div>\
            <div class="actions"><button type="submit">Lưu quy tắc</button></div></form></section>
            """
        return Layout.page(req, title: "Quy tắc kiểm tra", section: .rules, flash: flash, status: status, body)
    }
}
