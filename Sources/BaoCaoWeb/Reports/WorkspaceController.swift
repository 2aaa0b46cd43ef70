import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The report workspace: the compiler assigns sections of a template to offices, each office writes its section in
/// the browser with figures inserted from a picker, the compiler follows progress, previews, downloads and publishes.
enum WorkspaceController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("soan-bao-cao") { try await overview($0, web) }
        routes.post("soan-bao-cao", "giao") { try await assign($0, web) }
        routes.get("soan-bao-cao", "muc") { try await editor($0, web) }
        routes.post("soan-bao-cao", "muc") { try await write($0, web) }
        routes.post("soan-bao-cao", "cong-bo") { try await publish($0, web) }
    }

    /// Which report: template, locality and period, from the query or the form.
    struct Target {
        var template: String
        var templateName: String
        var body: ReportTemplate
        var locality: StoredUnit
        var period: Period
        /// The other templates there are, to switch to.
        var others: [(code: String, name: String)] = []
        var key: WorkspaceRepository.ReportKey { .init(template: template, unitID: locality.id, period: period) }
        var query: String { "template=\(template)&unit=\(locality.code)&period=\(period.code)" }
    }

    static func target(
        _ req: Request, _ web: Web, _ tree: UnitTree, fields: [String: String] = [:]
    ) async throws
        -> Target
    {
        func value(_ name: String) -> String? { fields[name] ?? req.query[String.self, at: name] }
        let codes = try await ReportTemplateRepository.codes(web.db)
        guard let code = value("template") ?? codes.first?.code else {
            throw Abort(.notFound, reason: "Chưa có mẫu báo cáo nào (nhập mẫu bằng lệnh baocao template import)")
        }
        guard let stored = try await ReportTemplateRepository.find(code, web.db) else {
            throw Abort(.notFound, reason: "Không có mẫu báo cáo \"\(code)\"")
        }
        var locality: StoredUnit
        if let unitCode = value("unit"), !unitCode.isEmpty {
            guard let unit = tree.byCode[unitCode] else {
                throw Abort(.notFound, reason: "Không có đơn vị \"\(unitCode)\"")
            }
            locality = unit
        } else {
            guard let id = req.viewer?.homeUnitID(in: tree), let unit = tree.byID[id] else {
                throw Access.LoginRequired()
            }
            locality = unit
        }
        if locality.kind.isOffice, let parent = locality.parentID.flatMap({ tree.byID[$0] }) { locality = parent }
        let period = try value("period").map(APIController.period) ?? web.settings.defaultPeriod
        return Target(
            template: code, templateName: codes.first { $0.code == code }?.name ?? code, body: stored.template,
            locality: locality, period: period, others: codes.filter { $0.code != code })
    }

    /// Whether the viewer may write a section: the compiler of the locality, a reporter of the locality itself (a
    /// ward's reporter writes the ward's report), or a reporter of the office the section is assigned to.
    static func mayWrite(_ req: Request, _ section: StoredSection?, _ t: Target, _ tree: UnitTree) -> Bool {
        if Access.allows(req, .assembleReport, on: t.locality, tree: tree) { return true }
        if Access.allows(req, .enterFigures, on: t.locality, tree: tree) { return true }
        guard let office = section?.assignedUnitID.flatMap({ tree.byID[$0] }) else { return false }
        return Access.allows(req, .enterFigures, on: office, tree: tree)
    }

    static func overview(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let t = try await target(req, web, tree)
        try await Access.require(req, .readDraft, on: t.locality, tree: tree, store: web.store)
        let compiler = Access.allows(req, .assembleReport, on: t.locality, tree: tree)
        let stored = try await WorkspaceRepository.sections(t.key, web.db)
        let sections = ReportSections.sections(of: t.body)
        let offices = tree.children(of: t.locality.id).filter(\.kind.isOffice)
        let csrf = Layout.csrf(req)
        let rows = sections.map { s -> HTML in
            let st = stored[s.key]
            let office = st?.assignedUnitID.flatMap { tree.byID[$0] }
            let state: HTML =
                st?.done == true
                ? "<span class=\"badge s-da_duyet\">Đã xong</span>"
                : (st?.body != nil
                    ? "<span class=\"badge s-nhap\">Đang viết</span>"
                    : "<span class=\"badge s-chua_bat_dau\">Chưa viết</span>")
            let options =
                ["<option value=\"\">(chưa giao)</option>"]
                + offices.map { o -> HTML in
                    "<option value=\"\(o.code)\"\(HTML.flag("selected", o.id == office?.id))>\(o.name)</option>"
                }
            let assignCell: HTML =
                compiler
                ? """
                <form method="post" action="/soan-bao-cao/giao" class="actions" style="margin:0">\(csrf)\
                <input type="hidden" name="template" value="\(t.template)"><input type="hidden" name="unit" value="\(t.locality.code)">\
                <input type="hidden" name="period" value="\(t.period.code)"><input type="hidden" name="section" value="\(s.key)">\
                <label class="skip" for="giao-\(s.key)">Giao mục \(s.title) cho</label>\
                <select id="giao-\(s.key)" name="office">\(options)</select>\
                <button type="submit" class="secondary">Giao</button></form>
                """ : "\(office?.name ?? "(chưa giao)")"
            let writeLink: HTML =
                mayWrite(req, st, t, tree)
                ? "<a href=\"/soan-bao-cao/muc?\(t.query)&amp;section=\(s.key)\">Viết</a>" : ""
            let indent = String(repeating: "\u{00A0}\u{00A0}", count: max(0, s.level - 1))
            let title = PhraseTemplate(s.title).render(subject: nil, figures: [:], period: t.period).text
            return "<tr><td>\(indent)\(title)</td><td>\(assignCell)</td><td>\(state)</td><td>\(writeLink)</td></tr>"
        }
        let done = sections.filter { stored[$0.key]?.done == true }.count
        let percent = sections.isEmpty ? 0 : done * 100 / sections.count
        let downloads: HTML =
            compiler
            ? """
            <div class="actions"><a class="button" href="/bao-cao/\(t.template)?unit=\(t.locality.code)&amp;period=\(t.period.code)&amp;format=html">Xem trước (HTML)</a>\
            <a class="button secondary" href="/bao-cao/\(t.template)?unit=\(t.locality.code)&amp;period=\(t.period.code)&amp;format=docx">Tải DOCX</a>\
            <a class="button secondary" href="/bao-cao/\(t.template)?unit=\(t.locality.code)&amp;period=\(t.period.code)&amp;format=pdf">Tải PDF</a>\
            <a class="button secondary" href="/bao-cao/\(t.template)?unit=\(t.locality.code)&amp;period=\(t.period.code)&amp;format=xlsx">Tải phụ lục XLSX</a></div>\
            <form method="post" action="/soan-bao-cao/cong-bo" class="actions">\(csrf)\
            <input type="hidden" name="template" value="\(t.template)"><input type="hidden" name="unit" value="\(t.locality.code)">\
            <input type="hidden" name="period" value="\(t.period.code)">\
            <button type="submit" data-confirm="Công bố báo cáo này ra trang công khai? Bản công bố giữ nguyên như lúc này.">Công bố báo cáo</button>\
            <span class="small muted">Người dân chỉ thấy bản đã công bố.</span></form>
            """ : ""
        let flash = (req.query[String.self, at: "tb"]).flatMap {
            ["giao": "Đã giao mục.", "cong_bo": "Đã công bố báo cáo."][$0]
        }
        let body: HTML = """
            <h1>Soạn báo cáo: \(t.templateName)</h1><p class="muted">\(t.locality.fullName) — \(t.period.vietnameseName)</p>\
            \(otherTemplates(t))\
            \(PeriodPicker.form(action: "/soan-bao-cao", period: t.period, unit: t.locality.code))\
            <section class="card"><h2>Tiến độ</h2><p>\(done)/\(sections.count) mục đã xong.</p>\
            <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow="\(percent)" \
            aria-label="Tiến độ soạn báo cáo"><span style="width:\(percent)%"></span></div>\(downloads)</section>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Mục</th><th>Phòng phụ trách</th><th>Tình trạng</th>\
            <th></th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(
            req, title: "Soạn báo cáo", section: .workspace, flash: flash.map { .init(ok: true, text: $0) }, body)
    }

    static func otherTemplates(_ t: Target) -> HTML {
        guard !t.others.isEmpty else { return "" }
        let links = t.others.map { o -> HTML in
            "<li><a href=\"/soan-bao-cao?template=\(o.code)&amp;unit=\(t.locality.code)&amp;period=\(t.period.code)\">\(o.name)</a></li>"
        }
        return "<nav class=\"card\" aria-label=\"Mẫu báo cáo khác\"><p>Mẫu khác:</p><ul>\(links)</ul></nav>"
    }

    static func assign(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let t = try await target(req, web, tree, fields: fields)
        let viewer = try await Access.require(req, .assembleReport, on: t.locality, tree: tree, store: web.store)
        let section = fields["section"] ?? ""
        guard ReportSections.sections(of: t.body).contains(where: { $0.key == section }) else {
            throw Abort(.badRequest, reason: "Mục \"\(section)\" không có trong mẫu báo cáo")
        }
        let office = (fields["office"]).flatMap { $0.isEmpty ? nil : tree.byCode[$0] }
        if let office, office.parentID != t.locality.id || !office.kind.isOffice {
            throw Abort(.badRequest, reason: "Chỉ giao mục cho các phòng, ban của \(t.locality.fullName)")
        }
        try await WorkspaceRepository.assign(
            t.key, section: section, to: office?.id, by: viewer.account.username, web.db)
        return Layout.redirect("/soan-bao-cao?\(t.query)&tb=giao")
    }

    static func editor(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let t = try await target(req, web, tree)
        let key = req.query[String.self, at: "section"] ?? ""
        return try await editorPage(req, web, tree, t, key: key, text: nil, problems: [])
    }

    static func editorPage(
        _ req: Request, _ web: Web, _ tree: UnitTree, _ t: Target, key: String, text: String?, problems: [String],
        saved: Bool = false
    ) async throws -> Response {
        guard let section = ReportSections.sections(of: t.body).first(where: { $0.key == key }) else {
            throw Abort(.notFound, reason: "Không có mục \"\(key)\"")
        }
        let stored = try await WorkspaceRepository.sections(t.key, web.db)[key]
        guard mayWrite(req, stored, t, tree) else {
            if req.viewer == nil { throw Access.LoginRequired() }
            try await Refusals.record(
                req, event: "tu_choi", detail: "viết mục \(key) của \(t.locality.code)", web.store)
            throw Abort(.forbidden, reason: "Mục này không được giao cho đơn vị của bạn.")
        }
        let catalogue = try await IndicatorRepository.catalogue(web.db)
        let narrative = text ?? stored?.body ?? ReportSections.narrative(of: section, in: t.body)
        let parts = [
            ("sentence", "câu kết quả đầy đủ"), ("value", "số và đơn vị"), ("pct_target", "% kế hoạch"),
            ("yoy", "so với cùng kỳ"), ("text", "câu theo mẫu riêng"),
        ]
        let groups = catalogue.fields.map { field -> HTML in
            let options = catalogue.indicators.filter { $0.field == field.code }.flatMap { i in
                parts.map { part, label -> HTML in
                    "<option value=\"{\(i.code).\(part)}\">\(i.name) — \(label)</option>"
                }
            }
            return "<optgroup label=\"\(field.name)\">\(options)</optgroup>"
        }
        // The section as it will read, with today's figures: the office sees what its placeholders say.
        let figures = try await FigureQuery.figures(
            unitID: t.locality.id, period: t.period, catalogue: catalogue, view: .working, web.db)
        let rendered = ReportRenderer.render(
            ReportTemplate(blocks: ReportSections.blocks(fromNarrative: narrative), footnotes: t.body.footnotes),
            period: t.period, figures: figures)
        let preview: HTML = """
            <section class="card" aria-labelledby="xem-truoc-muc"><h2 id="xem-truoc-muc">Xem trước mục (số liệu hiện tại)</h2>\
            <div class="preview">\(rendered.bodyText)</div>\
            \(rendered.missing.isEmpty ? "" : "<p class=\"flash error\">Thiếu số liệu: \(rendered.missing.joined(separator: ", "))</p>" as HTML)</section>
            """
        let problemBox: HTML =
            problems.isEmpty
            ? ""
            : "<div class=\"flash error\" role=\"alert\"><p>Chưa lưu:</p><ul>\(problems.map { p -> HTML in "<li>\(p)</li>" })</ul></div>"
        let body: HTML = """
            <p><a href="/soan-bao-cao?\(t.query)">← Về bảng soạn báo cáo</a></p>\
            <h1>\(PhraseTemplate(section.title).render(subject: nil, figures: [:], period: t.period).text)</h1><p class="muted">\(t.templateName) — \(t.locality.fullName), \(t.period.vietnameseName)</p>\
            \(problemBox)<form method="post" action="/soan-bao-cao/muc" class="stack">\(Layout.csrf(req))\
            <input type="hidden" name="template" value="\(t.template)"><input type="hidden" name="unit" value="\(t.locality.code)">\
            <input type="hidden" name="period" value="\(t.period.code)"><input type="hidden" name="section" value="\(key)">\
            <div><label for="narrative">Nội dung (mỗi dòng một đoạn; dòng bắt đầu bằng "- " là gạch đầu dòng)</label>\
            <textarea id="narrative" name="noi_dung" rows="16" aria-describedby="goi-y">\(narrative)</textarea>\
            <p id="goi-y" class="small muted">Số liệu chèn bằng bộ chọn bên dưới, dạng {MÃ.phần}; khi xuất báo cáo, \
            chỗ chèn được thay bằng số liệu mới nhất. *chữ nghiêng* viết giữa hai dấu sao.</p></div>\
            <div class="filters"><div><label for="chon-so-lieu">Chèn số liệu</label>\
            <select id="chon-so-lieu" name="chen">\(groups)</select></div>\
            <div><button type="submit" name="buoc" value="chen" class="secondary" data-insert-from="chon-so-lieu">Chèn</button></div></div>\
            <div><label><input type="checkbox" name="xong" value="1"\(HTML.flag("checked", stored?.done == true))> \
            Mục này đã viết xong</label></div>\
            <div class="actions"><button type="submit" name="buoc" value="luu">Lưu</button></div></form>\(preview)
            """
        return Layout.page(
            req, title: "Viết mục báo cáo", section: .workspace,
            flash: saved ? .init(ok: true, text: "Đã lưu mục.") : nil,
            status: problems.isEmpty ? .ok : .unprocessableEntity, body)
    }

    static func write(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let t = try await target(req, web, tree, fields: fields)
        let key = fields["section"] ?? ""
        let stored = try await WorkspaceRepository.sections(t.key, web.db)[key]
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        guard mayWrite(req, stored, t, tree) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "viết mục \(key) của \(t.locality.code)", web.store)
            throw Abort(.forbidden, reason: "Mục này không được giao cho đơn vị của bạn.")
        }
        var text = (fields["noi_dung"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if fields["buoc"] == "chen", let placeholder = fields["chen"], !placeholder.isEmpty {
            text += (text.hasSuffix(" ") || text.isEmpty ? "" : " ") + placeholder
        }
        let catalogue = try await IndicatorRepository.catalogue(web.db)
        let problems = ReportSections.problems(
            in: text, knownCodes: Set(catalogue.indicators.map(\.code)), footnotes: Set(t.body.footnotes.keys))
        if !problems.isEmpty {
            return try await editorPage(req, web, tree, t, key: key, text: text, problems: problems)
        }
        try await WorkspaceRepository.write(
            t.key, section: key, body: text, done: fields["xong"] == "1", by: viewer.account.username, web.db)
        return try await editorPage(req, web, tree, t, key: key, text: text, problems: [], saved: true)
    }

    static func publish(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let t = try await target(req, web, tree, fields: fields)
        let viewer = try await Access.require(req, .assembleReport, on: t.locality, tree: tree, store: web.store)
        try await Publishing.publish(
            template: t.template, unit: t.locality, period: t.period, by: viewer.account.username, store: web.store)
        return Layout.redirect("/soan-bao-cao?\(t.query)&tb=cong_bo")
    }
}
