import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The reception register of a period and the chairman's reception calendar against the law.
enum ReceptionPages {
    static func page(
        _ req: Request, context c: CitizenContext, locality: StoredUnit, period: Period, sessions: [StoredReception],
        compliance: ReceptionCompliance?, flash: Layout.Flash?, status: HTTPStatus
    ) -> Response {
        let rows = sessions.prefix(500).map { s -> HTML in
            let visits = s.visits.map { v -> HTML in
                "<li>\(v.content) — \(v.persons) người\(v.crowd ? " (đoàn đông người)" : ""), \(v.kind.vietnameseName.lowercased()); \(v.action.vietnameseName.lowercased()) <span class=\"small\">(vụ việc số \(v.caseID))</span></li>"
            }
            return """
                <tr><td data-label="Ngày">\(s.heldOn.slashed)</td><td data-label="Người tiếp">\(s.hostName)<br>\
                <span class="small">\(s.host.vietnameseName)\(s.regular ? ", định kỳ" : ", đột xuất")</span></td>\
                <td data-label="Nội dung"><ul class="plain">\(visits)</ul>\(s.illustrative ? TaskContext.illustrativeTag : "")</td>\
                <td data-label="Số người">\(s.persons)</td></tr>
                """
        }
        let done: String? =
            flash != nil
            ? nil
            : ["them": "Đã lưu buổi tiếp công dân.", "lich": "Đã thêm ngày vào lịch tiếp."][req.queryText("tb") ?? ""]
        let calendar: HTML
        if let compliance {
            let spans = compliance.spans.map { s -> HTML in
                let days = Set(s.planned + s.held).sorted().map { d -> HTML in
                    let held = s.held.contains(d)
                    let planned = s.planned.contains(d)
                    let label = held ? (planned ? "đã tiếp" : "tiếp ngoài lịch") : "không tiếp (vắng)"
                    return "<li class=\"\(held ? "tt-chu-xanh-la" : "tt-chu-do")\">\(d.slashed): \(label)</li>"
                }
                return """
                    <tr><td data-label="\(compliance.rule.span == .week ? "Tuần" : "Tháng")">\(s.first.slashed) – \(s.last.slashed)</td>\
                    <td data-label="Ngày tiếp"><ul class="plain">\(days)</ul></td>\
                    <td data-label="Theo luật"><span class="badge tt-\(s.kept ? "xanh-la" : "do")">\(s.kept ? "Đạt" : "Chưa đạt")</span> \
                    <span class="small">\(Set(s.held).count)/\(s.required) ngày</span></td></tr>
                    """
            }
            calendar = """
                <section class="card" id="lich-tiep"><h2>Lịch tiếp công dân định kỳ của Chủ tịch</h2>\
                <p>Theo luật: Chủ tịch UBND \(compliance.rule.words). Đạt \(compliance.keptCount)/\(compliance.spans.count) \
                \(compliance.rule.span.words).</p><div class="scroll"><table class="grid cards"><thead><tr>\
                <th>\(compliance.rule.span == .week ? "Tuần" : "Tháng")</th><th>Ngày tiếp</th><th>Theo luật</th></tr></thead>\
                <tbody>\(spans)</tbody></table></div></section>
                """
        } else {
            calendar =
                "<p class=\"card\">Không có quy định về ngày tiếp định kỳ của Chủ tịch áp dụng cho đơn vị này trong kỳ.</p>"
        }
        let visitRows = (1...3).map { n -> HTML in
            """
            <fieldset><legend>Lượt \(n)\(n > 1 ? " (nếu có)" : "")</legend><div class="filters">\
            <div><label for="v\(n)-sn">Số người</label><input id="v\(n)-sn" name="so_nguoi_\(n)" inputmode="numeric" value="1"></div>\
            <div><label><input type="checkbox" name="doan_\(n)" value="co"> Đoàn đông người</label></div>\
            <div><label for="v\(n)-loai">Loại</label><select id="v\(n)-loai" name="loai_\(n)">\(LetterPages.options(LetterKind.self, selected: nil, name: \.vietnameseName))</select></div>\
            <div><label for="v\(n)-kq">Kết quả</label><select id="v\(n)-kq" name="ket_qua_\(n)">\(LetterPages.options(ReceptionAction.self, selected: nil, name: \.vietnameseName))</select></div></div>\
            <label for="v\(n)-nd">Nội dung, vụ việc</label><input id="v\(n)-nd" name="noi_dung_\(n)"\(n == 1 ? " required" : "")></fieldset>
            """
        }
        let planForm: HTML = """
            <details class="card" id="them-lich-tiep"><summary><h2 style="display:inline">Thêm ngày vào lịch tiếp định kỳ của Chủ tịch</h2></summary>\
            <form method="post" action="/tiep-dan/lich?unit=\(locality.code)" class="task-form">\(Layout.csrf(req))\
            <label for="l-ngay">Các ngày (mỗi dòng một ngày, hoặc cách nhau bởi dấu phẩy)</label>\
            <textarea id="l-ngay" name="ngay" placeholder="14/09/2017, 28/09/2017" required></textarea>\
            <div class="actions"><button type="submit">Thêm vào lịch</button></div></form></details>
            """
        let form: HTML = """
            <details class="card" id="them-buoi-tiep"><summary><h2 style="display:inline">Ghi buổi tiếp công dân</h2></summary>\
            <form method="post" action="/tiep-dan/buoi?unit=\(locality.code)" class="task-form">\(Layout.csrf(req))\
            <div class="filters"><div><label for="b-ngay">Ngày tiếp</label><input id="b-ngay" name="ngay" type="date" required></div>\
            <div><label for="b-nt">Người tiếp</label><select id="b-nt" name="nguoi_tiep">\(LetterPages.options(ReceptionHost.self, selected: nil, name: \.vietnameseName))</select></div>\
            <div><label for="b-ten">Họ tên, chức vụ người tiếp</label><input id="b-ten" name="ten_nguoi_tiep" required></div>\
            <div><label for="b-dk">Loại buổi tiếp</label><select id="b-dk" name="dinh_ky"><option value="co">Định kỳ</option><option value="khong">Đột xuất</option></select></div>\
            <div><label for="b-dd">Địa điểm</label><input id="b-dd" name="dia_diem"></div></div>\(visitRows)\
            <div class="actions"><button type="submit">Lưu buổi tiếp</button></div></form></details>
            """
        let body: HTML = """
            <h1>Tiếp công dân — \(locality.fullName)</h1>\(LetterPages.tabs(locality, period: period, active: "buoi"))\
            <p>\(period.vietnameseName.prefix(1).uppercased() + period.vietnameseName.dropFirst()): \(sessions.count) buổi tiếp, \
            \(sessions.reduce(0) { $0 + $1.persons }) lượt người.</p>\(calendar)\(planForm)\(form)\
            <div class="card scroll"><table class="grid cards"><thead><tr><th>Ngày</th><th>Người tiếp</th><th>Nội dung</th>\
            <th>Số người</th></tr></thead><tbody>\
            \(rows.isEmpty ? ["<tr><td colspan=\"4\">Chưa có buổi tiếp nào trong kỳ.</td></tr>"] : Array(rows))</tbody></table></div>
            """
        return Layout.page(
            req, title: "Tiếp công dân", section: .citizens,
            flash: flash ?? done.map { .init(ok: true, text: $0) }, status: status, body)
    }
}
