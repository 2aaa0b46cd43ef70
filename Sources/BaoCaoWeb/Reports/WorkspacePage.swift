import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The report workspace page: sections with who writes them and how far they are, the report in either view, what
/// stands in the way of publishing, and publishing (with a reason when something does).
enum WorkspacePage {
    struct SectionRow {
        var section: ReportSection
        var stored: StoredSection?
        var office: StoredUnit?
        var mayWrite: Bool
        /// Its text is still the previous report's.
        var carried: Bool
    }

    /// Why the last attempt to publish did not.
    enum Refusal {
        case notReady(ReportReadiness)
        case unchanged(Publication)
    }

    struct Model {
        var target: WorkspaceController.Target
        var sections: [SectionRow]
        var offices: [StoredUnit]
        var compiler: Bool
        var readiness: ReportReadiness?
        var published: Publication?
        var refusal: Refusal?
        var reason: String
        /// The report's settings as they stand for this period (session, term, theme), for the compiler to set.
        var settings: [ReportSetting: String] = [:]
    }

    static func overview(_ req: Request, _ m: Model) -> Response {
        let t = m.target
        let csrf = Layout.csrf(req)
        let hidden: HTML = """
            <input type="hidden" name="template" value="\(t.template)"><input type="hidden" name="unit" value="\(t.locality.code)">\
            <input type="hidden" name="period" value="\(t.period.code)">
            """
        let rows = m.sections.map { row -> HTML in
            let s = row.section, st = row.stored
            let state: HTML =
                st?.done == true
                ? "<span class=\"badge s-da_duyet\">Đã xong</span>"
                : (st?.body != nil
                    ? "<span class=\"badge s-nhap\">Đang viết</span>"
                    : row.carried
                        ? "<span class=\"badge s-tra_lai\">Chưa cập nhật (chép từ kỳ trước)</span>"
                        : "<span class=\"badge s-chua_bat_dau\">Chưa viết</span>")
            let options =
                ["<option value=\"\">(chưa giao)</option>"]
                + m.offices.map { o -> HTML in
                    "<option value=\"\(o.code)\"\(HTML.flag("selected", o.id == row.office?.id))>\(o.name)</option>"
                }
            let assignCell: HTML =
                m.compiler
                ? """
                <form method="post" action="/soan-bao-cao/giao" class="actions" style="margin:0">\(csrf)\(hidden)\
                <input type="hidden" name="section" value="\(s.key)">\
                <label class="skip" for="giao-\(s.key)">Giao mục \(s.title) cho</label>\
                <select id="giao-\(s.key)" name="office">\(options)</select>\
                <label class="skip" for="han-\(s.key)">Hạn nộp mục \(s.title)</label>\
                <input type="date" id="han-\(s.key)" name="han" value="\(st?.deadline?.description ?? "")" \
                title="Hạn nộp" style="width:auto">\
                <button type="submit" class="secondary">Giao</button></form>
                """ : "\(row.office?.name ?? "(chưa giao)")\(st?.deadline.map { ", hạn \($0.slashed)" } ?? "")"
            let writeLink: HTML =
                row.mayWrite ? "<a href=\"/soan-bao-cao/muc?\(t.query)&amp;section=\(s.key)\">Viết</a>" : ""
            let indent = String(repeating: "\u{00A0}\u{00A0}", count: max(0, s.level - 1))
            let title = PhraseTemplate(s.title).render(subject: nil, figures: [:], period: t.period).text
            return "<tr><td>\(indent)\(title)</td><td>\(assignCell)</td><td>\(state)</td><td>\(writeLink)</td></tr>"
        }
        let done = m.sections.filter { $0.stored?.done == true }.count
        let percent = m.sections.isEmpty ? 0 : done * 100 / m.sections.count
        let flash = (req.queryText("tb")).flatMap {
            [
                "giao": "Đã giao mục.", "cong_bo": "Đã công bố báo cáo.",
                "thiet_lap": "Đã lưu thông tin của kỳ báo cáo.",
            ][$0]
        }.map { Layout.Flash(ok: true, text: $0) }
        let body: HTML = """
            <h1>Soạn báo cáo: \(t.templateName)</h1><p class="muted">\(t.locality.fullName) — \(t.period.vietnameseName)</p>\
            \(otherTemplates(t))\
            \(PeriodPicker.form(action: "/soan-bao-cao", period: t.period, unit: t.locality.code))\
            <section class="card"><h2>Tiến độ</h2><p>\(done)/\(m.sections.count) mục đã xong.</p>\
            <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="\(percent)" \
            aria-label="Tiến độ soạn báo cáo"><span style="width:\(percent)%"></span></div>\
            \(m.compiler ? downloads(t) : "")</section>\
            \(m.compiler ? settings(req, m, hidden) : "")\(m.compiler ? publishing(req, m, hidden) : "")\
            <div class="card scroll"><table class="grid"><thead><tr><th>Mục</th><th>Phòng phụ trách</th><th>Tình trạng</th>\
            <th></th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        let refused = m.refusal != nil
        return Layout.page(
            req, title: "Soạn báo cáo", section: .workspace,
            flash: refused ? .init(ok: false, text: "Chưa công bố: xem mục Công bố.") : flash,
            status: refused ? .unprocessableEntity : .ok, body)
    }

    /// The report in both views: the working one to prepare it, the official one as it would be published.
    static func downloads(_ t: WorkspaceController.Target) -> HTML {
        let base = "/bao-cao/\(t.template)?unit=\(t.locality.code)&period=\(t.period.code)"
        func links(_ view: FigureView) -> HTML {
            let q = "&view=\(view.rawValue)"
            return """
                <a class="button\(view == .working ? "" : " secondary")" href="\(base)\(q)&amp;format=html">Xem trước (HTML)</a>\
                <a class="button secondary" href="\(base)\(q)&amp;format=docx">DOCX</a>\
                <a class="button secondary" href="\(base)\(q)&amp;format=pdf">PDF</a>\
                <a class="button secondary" href="\(base)\(q)&amp;format=xlsx">Phụ lục XLSX</a>
                """
        }
        return """
            <p><strong>\(FigureView.working.vietnameseName)</strong> <span class="small muted">(\(FigureView.working.explanation))</span></p>\
            <div class="actions">\(links(.working))</div>\
            <p><strong>\(FigureView.official.vietnameseName)</strong> <span class="small muted">(\(FigureView.official.explanation); \
            bản công bố dùng số liệu này)</span></p><div class="actions">\(links(.official))</div>
            """
    }

    static func publishing(_ req: Request, _ m: Model, _ hidden: HTML) -> HTML {
        let current: HTML =
            m.published.map { p -> HTML in
                """
                <p>Đang công bố: <a href="/cong-khai/ban/\(p.id)">bản \(p.version), ngày \(DateText.short(p.publishedAt))</a>. \
                Công bố lại sẽ tạo bản \(p.version + 1) thay thế bản này.</p>
                """
            } ?? "<p>Báo cáo này chưa được công bố.</p>"
        var notice: HTML = ""
        if case .unchanged(let p)? = m.refusal {
            notice =
                "<p class=\"flash error\" role=\"alert\">Không công bố: bản này giống hệt bản \(p.version) đã công bố ngày \(DateText.short(p.publishedAt)).</p>"
        }
        let readiness = m.readiness
        let problems = readiness?.problems ?? []
        let gate: HTML =
            problems.isEmpty
            ? "<p class=\"g-dat\">Đủ điều kiện công bố: đủ số liệu, các mục đã viết xong, số liệu đã duyệt, không còn lỗi kiểm tra.</p>"
            : """
            <div class="\(m.refusal == nil ? "" : "flash error")" role="\(m.refusal == nil ? "status" : "alert")">\
            <p><strong>Chưa đủ điều kiện công bố:</strong></p>\
            <ul>\(problems.map { p -> HTML in "<li>\(p)</li>" })</ul></div>\
            <div><label for="ly-do-cong-bo">Lý do vẫn công bố (bắt buộc khi chưa đủ điều kiện; hiện trên trang công khai)</label>\
            <textarea id="ly-do-cong-bo" name="ly_do" rows="3" style="min-height:4rem">\(m.reason)</textarea></div>
            """
        return """
            <section class="card" aria-labelledby="cong-bo"><h2 id="cong-bo">Công bố</h2>\(current)\(notice)\
            <form method="post" action="/soan-bao-cao/cong-bo" class="stack">\(Layout.csrf(req))\(hidden)\(gate)\
            <div class="actions"><button type="submit" data-confirm="Công bố báo cáo này ra trang công khai? Bản công bố \
            giữ nguyên số liệu chính thức như lúc này.">Công bố báo cáo</button>\
            <span class="small muted">Người dân chỉ thấy bản đã công bố, với số liệu chính thức.</span></div></form></section>
            """
    }

    /// What the report says that the period does not: the HĐND session it serves (this period), the council's term,
    /// the city's theme (this year).
    static func settings(_ req: Request, _ m: Model, _ hidden: HTML) -> HTML {
        let t = m.target
        let fields = ReportSetting.allCases.map { setting -> HTML in
            let scope: String =
                switch setting.scope {
                case .period: "cho \(t.period.vietnameseName)"
                case .year: "cho năm \(t.period.year)"
                case .always: "dùng cho mọi kỳ đến khi đổi"
                }
            return """
                <div><label for="tl-\(setting.rawValue)">\(setting.vietnameseName.capitalizingFirstLetter) \
                <span class="small muted">(\(scope); trong mẫu: {\(setting.rawValue)})</span></label>\
                <input id="tl-\(setting.rawValue)" name="\(setting.rawValue)" value="\(m.settings[setting] ?? "")"></div>
                """
        }
        return """
            <section class="card" aria-labelledby="thiet-lap"><h2 id="thiet-lap">Thông tin của kỳ báo cáo</h2>\
            <form method="post" action="/soan-bao-cao/thiet-lap" class="stack">\(Layout.csrf(req))\(hidden)\(fields)\
            <div class="actions"><button type="submit" class="secondary">Lưu thông tin</button></div></form></section>
            """
    }

    static func otherTemplates(_ t: WorkspaceController.Target) -> HTML {
        guard !t.others.isEmpty else { return "" }
        let links = t.others.map { o -> HTML in
            "<li><a href=\"/soan-bao-cao?template=\(o.code)&amp;unit=\(t.locality.code)&amp;period=\(t.period.code)\">\(o.name)</a></li>"
        }
        return "<nav class=\"card\" aria-label=\"Mẫu báo cáo khác\"><p>Mẫu khác:</p><ul>\(links)</ul></nav>"
    }
}
