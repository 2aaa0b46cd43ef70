import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// One task: what, from where, who leads and who helps, the deadline (and the one first set), where it stands in
/// colour and words, what waits for a decision, the progress reported, the history of every change; and the steps
/// the viewer may take: the lead unit reports, asks for time, proposes it done; the assigner decides.
enum TaskPage {
    struct Model {
        var context: TaskContext
        var task: StoredTask
        var history: [TaskEvent]
        var names: [String: String]
        var flash: Layout.Flash?
    }

    static let done: [String: String] = [
        "tien_do": "Đã ghi báo cáo tiến độ.", "gia_han": "Đã gửi đề nghị gia hạn; chờ người giao quyết định.",
        "dong_y_gia_han": "Đã đồng ý gia hạn.", "tu_choi_gia_han": "Đã không đồng ý gia hạn.",
        "de_nghi_hoan_thanh": "Đã đề nghị công nhận hoàn thành; chờ người giao xác nhận.",
        "xac_nhan": "Đã xác nhận hoàn thành.", "tra_lai": "Đã trả lại đề nghị hoàn thành.",
        "giao": "Đã giao nhiệm vụ.",
    ]

    static func render(_ req: Request, _ m: Model, status: HTTPStatus = .ok) -> Response {
        let c = m.context
        let t = m.task
        let d = t.draft
        let locality = c.tree.byID[d.localityID]
        let source = [d.source.vietnameseName, d.sourceRef].compactMap { $0 }.joined(separator: ": ")
        let deadline: HTML =
            t.record.originalDeadline != t.record.deadline
            ? "\(t.record.deadline.words) <span class=\"small muted\">(hạn ban đầu \(t.record.originalDeadline.words))</span>"
            : "\(t.record.deadline.words)"
        let facts: [(String, HTML)] = [
            ("Tình trạng", c.badge(t)),
            ("Nội dung", d.content.isEmpty ? "<span class=\"muted\">(không ghi)</span>" : "\(d.content)"),
            ("Nguồn", "\(source)"),
            ("Lĩnh vực", "\(d.fieldCode.flatMap { c.fields[$0]?.name } ?? "(không thuộc lĩnh vực)")"),
            (
                "Cơ quan, người giao",
                "\(locality.map { "UBND \($0.nameInSentence)" } ?? "")\(d.assignerName.map { " — \($0)" } ?? "")"
            ),
            ("Đơn vị chủ trì", "\(c.unitName(d.leadUnitID))"),
            (
                "Đơn vị phối hợp",
                "\(d.coUnitIDs.isEmpty ? "(không có)" : d.coUnitIDs.map { c.unitName($0) }.joined(separator: "; "))"
            ),
            ("Hạn hoàn thành", deadline), ("Mức ưu tiên", "\(d.priority.vietnameseName)"),
        ]
        var waiting: [HTML] = []
        if let ext = t.record.pendingExtension {
            waiting.append(
                "<p><strong>Đề nghị gia hạn</strong> đến \(ext.to.slashed) (gửi ngày \(ext.requestedOn.slashed)): \(ext.reason)</p>"
            )
        }
        if let p = t.record.proposedCompletion {
            waiting.append("<p><strong>Đề nghị công nhận hoàn thành</strong> ngày \(p.on.slashed): \(p.text)</p>")
        }
        if let back = t.record.sentBack, t.record.proposedCompletion == nil, t.record.completedOn == nil {
            waiting.append("<p class=\"late\">Đề nghị hoàn thành bị trả lại: \(back)</p>")
        }
        let progress = t.record.progress.reversed().map { p -> HTML in
            """
            <tr><td data-label="Ngày">\(p.on.slashed)</td><td data-label="Tiến độ">\(p.percent)%</td>\
            <td data-label="Nội dung">\(p.text)</td><td data-label="Văn bản">\(p.document ?? "")</td></tr>
            """
        }
        let history = m.history.reversed().map { e -> HTML in
            """
            <tr><td data-label="Lúc">\(DateText.short(e.at))</td><td data-label="Người">\(m.names[e.by] ?? e.by)</td>\
            <td data-label="Nội dung">\(e.detail)</td></tr>
            """
        }
        let body: HTML = """
            <p><a href="/nhiem-vu">← Nhiệm vụ</a></p><h1>\(d.title)</h1>\
            \(d.illustrative ? "<p class=\"view-note view-lam-viec\">\(TaskContext.illustrativeTag) Nhiệm vụ lấy từ báo cáo thật; tiến độ, gia hạn và hoàn thành là số liệu minh họa cho bản trình diễn.</p>" as HTML : "")\
            <dl class="card facts">\(facts.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>\
            \(waiting.isEmpty ? "" : "<section class=\"card\" id=\"cho-quyet-dinh\">\(waiting)</section>" as HTML)\
            \(actions(req, m))\
            <section class="card scroll"><h2>Báo cáo tiến độ</h2>\
            \(progress.isEmpty ? "<p class=\"muted\">Chưa có báo cáo tiến độ.</p>" as HTML : "<table class=\"grid cards\"><thead><tr><th>Ngày</th><th>Tiến độ</th><th>Nội dung</th><th>Văn bản</th></tr></thead><tbody>\(progress)</tbody></table>")</section>\
            <section class="card scroll"><h2>Lịch sử thay đổi</h2><table class="grid cards" id="lich-su"><thead><tr><th>Lúc</th>\
            <th>Người</th><th>Nội dung</th></tr></thead><tbody>\(history)</tbody></table></section>
            """
        return Layout.page(req, title: d.title, section: .tasks, flash: m.flash, status: status, body)
    }

    /// The forms of the steps the viewer may take now.
    static func actions(_ req: Request, _ m: Model) -> HTML {
        let c = m.context
        let t = m.task
        guard t.state == .assigned, t.record.completedOn == nil else { return "" }
        let today = c.today.description
        func form(_ step: String, _ title: String, _ fields: HTML, button: String, danger: Bool = false) -> HTML {
            """
            <form method="post" action="/nhiem-vu/\(t.id)" class="card step task-form" id="buoc-\(step)"><h3>\(title)</h3>\
            \(Layout.csrf(req))<input type="hidden" name="buoc" value="\(step)">\
            <input type="hidden" name="phien_ban" value="\(t.version)">\(fields)\
            <div class="actions"><button type="submit"\(HTML.flag("class=\"danger\"", danger))>\(button)</button></div></form>
            """
        }
        var forms: [HTML] = []
        if c.mayLead(t) {
            forms.append(
                form(
                    "tien_do", "Báo cáo tiến độ",
                    """
                    <div class="filters"><div><label for="td-ngay">Ngày</label><input id="td-ngay" name="ngay" type="date" value="\(today)" required></div>\
                    <div><label for="td-pt">Tiến độ (%)</label><input id="td-pt" name="phan_tram" type="number" min="0" max="100" required \
                    value="\(t.lastProgress?.percent ?? 0)"></div>\
                    <div><label for="td-vb">Văn bản kèm theo (số, ngày)</label><input id="td-vb" name="van_ban" maxlength="500"></div></div>\
                    <label for="td-nd">Nội dung</label><textarea id="td-nd" name="noi_dung" rows="2" required></textarea>
                    """, button: "Ghi tiến độ"))
            if t.record.deadline.date != nil && t.record.pendingExtension == nil {
                forms.append(
                    form(
                        "gia_han", "Đề nghị gia hạn",
                        """
                        <label for="gh-han">Hạn mới đề nghị</label><input id="gh-han" name="han_moi" type="date" required>\
                        <label for="gh-ly-do">Lý do</label><textarea id="gh-ly-do" name="ly_do" rows="2" required></textarea>
                        """, button: "Gửi đề nghị gia hạn"))
            }
            if t.record.proposedCompletion == nil {
                forms.append(
                    form(
                        "de_nghi_hoan_thanh", "Đề nghị công nhận hoàn thành",
                        """
                        <label for="ht-ngay">Ngày hoàn thành</label><input id="ht-ngay" name="ngay" type="date" value="\(today)" required>\
                        <label for="ht-kq">Kết quả</label><textarea id="ht-kq" name="noi_dung" rows="2" required></textarea>
                        """, button: "Đề nghị công nhận hoàn thành"))
            }
        }
        if c.mayAssign(t) {
            if t.record.pendingExtension != nil {
                forms.append(form("dong_y_gia_han", "Quyết định gia hạn", "", button: "Đồng ý gia hạn"))
                forms.append(
                    form(
                        "tu_choi_gia_han", "Không đồng ý gia hạn",
                        "<label for=\"tc-ly-do\">Lý do</label><textarea id=\"tc-ly-do\" name=\"ly_do\" rows=\"2\" required></textarea>",
                        button: "Không đồng ý", danger: true))
            }
            if t.record.proposedCompletion != nil {
                forms.append(form("xac_nhan", "Xác nhận hoàn thành", "", button: "Xác nhận hoàn thành"))
                forms.append(
                    form(
                        "tra_lai", "Trả lại đề nghị hoàn thành",
                        "<label for=\"tl-ly-do\">Lý do</label><textarea id=\"tl-ly-do\" name=\"ly_do\" rows=\"2\" required></textarea>",
                        button: "Trả lại", danger: true))
            }
        }
        return forms.isEmpty ? "" : "<section class=\"steps\" aria-label=\"Thao tác\">\(forms)</section>"
    }
}
