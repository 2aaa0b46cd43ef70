import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The report workspace: the compiler assigns sections of a template to offices, each office writes its section in
/// the browser with figures inserted from a picker, the compiler follows progress, previews, downloads and publishes.
enum WorkspaceController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("soan-bao-cao") { try await overview($0, web) }
        routes.get("soan-bao-cao", "duoc-giao") { try await AssignedSections.page($0, web) }
        routes.post("soan-bao-cao", "giao") { try await assign($0, web) }
        routes.get("soan-bao-cao", "muc") { try await editor($0, web) }
        routes.post("soan-bao-cao", "muc") { try await write($0, web) }
        routes.post("soan-bao-cao", "xem-truoc") { try await livePreview($0, web) }
        routes.post("soan-bao-cao", "cong-bo") { try await publish($0, web) }
        routes.post("soan-bao-cao", "thiet-lap") { try await saveSettings($0, web) }
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
        func value(_ name: String) -> String? { fields[name] ?? req.queryText(name) }
        let codes = try await ReportTemplateRepository.codes(web.db)
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
        // Without a template asked for: the one the locality's newest report was written with, else the first.
        var asked = value("template")
        if asked == nil { asked = try await WorkspaceRepository.lastTemplate(of: locality.id, web.db) }
        guard let code = asked ?? codes.first?.code else {
            throw Abort(.notFound, reason: "Chưa có mẫu báo cáo nào (nhập mẫu bằng lệnh baocao template import)")
        }
        guard let stored = try await ReportTemplateRepository.find(code, web.db) else {
            throw Abort(.notFound, reason: "Không có mẫu báo cáo \"\(code)\"")
        }
        let period = try value("period").map(APIController.period) ?? web.settings.period(for: locality, tree)
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

    static func overview(
        _ req: Request, _ web: Web, fields: [String: String] = [:], refusal: WorkspacePage.Refusal? = nil,
        reason: String = ""
    ) async throws -> Response {
        let tree = try await web.tree()
        let t = try await target(req, web, tree, fields: fields)
        // An office's reporter may not read the whole draft: the sections given to the office are where they write.
        if let viewer = req.viewer, viewer.has(.reporter), !Access.allows(req, .readDraft, on: t.locality, tree: tree) {
            return Layout.redirect("/soan-bao-cao/duoc-giao")
        }
        try await Access.require(req, .readDraft, on: t.locality, tree: tree, store: web.store)
        let compiler = Access.allows(req, .assembleReport, on: t.locality, tree: tree)
        let report = try await ReportNarrative.load(t.key, web.db)
        let stored = report.own
        let sections = ReportSections.sections(of: t.body).map { s in
            WorkspacePage.SectionRow(
                section: s, stored: stored[s.key], office: stored[s.key]?.assignedUnitID.flatMap { tree.byID[$0] },
                mayWrite: mayWrite(req, stored[s.key], t, tree), carried: report.isCarried(s.key))
        }
        // What stands in the way of publishing, for the compiler who may publish.
        let readiness =
            compiler
            ? try await ReportReadiness.check(
                template: t.template, locality: t.locality, period: t.period, tree: tree, web.db) : nil
        let model = WorkspacePage.Model(
            target: t, sections: sections,
            offices: tree.children(of: t.locality.id, during: t.period).filter(\.kind.isOffice),
            compiler: compiler, readiness: readiness,
            published: try await PublicationRepository.current(
                template: t.template, unitID: t.locality.id, period: t.period, web.db),
            refusal: refusal, reason: reason,
            settings: try await ReportSettingsRepository.values(
                unitID: t.locality.id, period: t.period, tree: tree, web.db))
        return WorkspacePage.overview(req, model)
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
        let typed = (fields["han"] ?? "").trimmingWhitespace()
        let deadline = CivilDate(iso: typed)
        if !typed.isEmpty && deadline == nil {
            throw Abort(.badRequest, reason: "Hạn \"\(typed)\" không phải một ngày (dạng 2017-06-10)")
        }
        try await WorkspaceRepository.assign(
            t.key, section: section, to: office?.id, deadline: office == nil ? nil : deadline,
            by: viewer.account.username, web.db)
        return Layout.redirect("/soan-bao-cao?\(t.query)&tb=giao")
    }

    static func editor(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let t = try await target(req, web, tree)
        let key = req.queryText("section") ?? ""
        return try await editorPage(req, web, tree, t, key: key, text: nil, problems: [])
    }

    static func editorPage(
        _ req: Request, _ web: Web, _ tree: UnitTree, _ t: Target, key: String, text: String?, problems: [String],
        saved: Bool = false, search: String = ""
    ) async throws -> Response {
        guard let section = ReportSections.sections(of: t.body).first(where: { $0.key == key }) else {
            throw Abort(.notFound, reason: "Không có mục \"\(key)\"")
        }
        let stored = try await WorkspaceRepository.sections(t.key, web.db)[key]
        guard mayWrite(req, stored, t, tree) else {
            if req.viewer == nil { throw Access.LoginRequired() }
            try await Refusals.record(
                req, event: "tu_choi", detail: "viết mục \(key) của \(t.locality.code)", unitID: t.locality.id,
                web.store)
            throw Abort(.forbidden, reason: "Mục này không được giao cho đơn vị của bạn.")
        }
        let catalogue = try await web.catalogue()
        // A section nobody wrote for this report starts from the previous report's text, else the template's.
        let report = try await ReportNarrative.load(t.key, web.db)
        let narrative = text ?? report.startingText(of: section, in: t.body)
        let preview = try await sectionPreview(narrative, t, tree, catalogue, web)
        return SectionEditorPage.render(
            req,
            .init(
                target: t, section: section, narrative: narrative, done: stored?.done == true,
                carriedFrom: report.isCarried(key) && text == nil ? report.carried[key]?.period : nil,
                catalogue: catalogue, preview: preview.document, chips: preview.chips, labels: preview.labels,
                search: search,
                problems: problems, saved: saved))
    }

    /// The section as it will read, with today's working figures: the office sees what its placeholders say.
    static func sectionPreview(
        _ narrative: String, _ t: Target, _ tree: UnitTree, _ catalogue: Catalogue, _ web: Web
    ) async throws -> (document: ReportDocument, chips: HTML, labels: [String: String]) {
        let figures = try await FigureQuery.figures(
            unitID: t.locality.id, period: t.period, catalogue: catalogue, view: .working, web.db)
        let settings = try await ReportSettingsRepository.values(
            unitID: t.locality.id, period: t.period, tree: tree, web.db)
        let tasks = try await ReportTasks.summary(
            localityID: t.locality.id, period: t.period, today: web.settings.today(), web.db)
        let document = ReportRenderer.render(
            ReportTemplate(blocks: ReportSections.blocks(fromNarrative: narrative), footnotes: t.body.footnotes),
            period: t.period, figures: figures, settings: settings, tasks: tasks)
        return (
            document,
            NarrativeChips.html(narrative, figures: figures, period: t.period, settings: settings, tasks: tasks),
            NarrativeChips.labels(narrative, figures: figures, period: t.period, settings: settings, tasks: tasks)
        )
    }

    /// The editor's live preview of the text being typed (the script asks as one types): nothing is saved.
    static func livePreview(_ req: Request, _ web: Web) async throws -> Response {
        let (fields, tree, t, _, _) = try await sectionToWrite(req, web)
        let text = (fields["noi_dung"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if let tooLong = TextLimit.narrative.problem(text) { throw Abort(.unprocessableEntity, reason: tooLong) }
        let preview = try await sectionPreview(text, t, tree, try await web.catalogue(), web)
        let html = SectionEditorPage.preview(preview.chips, missing: preview.document.missing)
        var headers = HTTPHeaders()
        headers.contentType = .html
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: html.markup))
    }

    /// The section a form writes (or previews), its report and the viewer: refused, and the refusal recorded, when
    /// the section is not the viewer's unit's to write.
    static func sectionToWrite(
        _ req: Request, _ web: Web
    ) async throws -> (fields: [String: String], tree: UnitTree, target: Target, key: String, viewer: Viewer) {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let t = try await target(req, web, tree, fields: fields)
        let key = fields["section"] ?? ""
        let stored = try await WorkspaceRepository.sections(t.key, web.db)[key]
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        guard mayWrite(req, stored, t, tree) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "viết mục \(key) của \(t.locality.code)", unitID: t.locality.id,
                web.store)
            throw Abort(.forbidden, reason: "Mục này không được giao cho đơn vị của bạn.")
        }
        return (fields, tree, t, key, viewer)
    }

    static func write(_ req: Request, _ web: Web) async throws -> Response {
        let (fields, tree, t, key, viewer) = try await sectionToWrite(req, web)
        var text = (fields["noi_dung"] ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        if fields["buoc"] == "tim" {
            // Without the script the picker is searched by the server; the text stays as typed, unsaved.
            return try await editorPage(
                req, web, tree, t, key: key, text: text, problems: [], search: fields["tim"] ?? "")
        }
        if fields["buoc"] == "chen", let placeholder = fields["chen"], !placeholder.isEmpty {
            if placeholder.hasPrefix("@") {
                text += (text.isEmpty || text.hasSuffix("\n") ? "" : "\n") + placeholder + "\n"
            } else {
                text += (text.hasSuffix(" ") || text.isEmpty ? "" : " ") + placeholder
            }
        }
        let catalogue = try await web.catalogue()
        var problems = ReportSections.problems(
            in: text, knownCodes: Set(catalogue.indicators.map(\.code)), footnotes: Set(t.body.footnotes.keys))
        if let tooLong = TextLimit.narrative.problem(text) { problems.insert(tooLong, at: 0) }
        if !problems.isEmpty {
            return try await editorPage(req, web, tree, t, key: key, text: text, problems: problems)
        }
        try await WorkspaceRepository.write(
            t.key, section: key, body: text, done: fields["xong"] == "1", by: viewer.account.username, web.db)
        return try await editorPage(req, web, tree, t, key: key, text: text, problems: [], saved: true)
    }

    /// Saves the report's settings the compiler typed, each at its scope: the session for this period, the theme for
    /// this year, the term until changed. An emptied field removes the locality's own value.
    static func saveSettings(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let t = try await target(req, web, tree, fields: fields)
        let viewer = try await Access.require(req, .assembleReport, on: t.locality, tree: tree, store: web.store)
        for setting in ReportSetting.allCases {
            guard let value = fields[setting.rawValue] else { continue }
            if let problem = TextLimit.name.problem(value) {
                throw Abort(
                    .unprocessableEntity, reason: "\(setting.vietnameseName.capitalizingFirstLetter): \(problem)")
            }
        }
        try await web.store.transaction { db in
            for setting in ReportSetting.allCases {
                guard let value = fields[setting.rawValue] else { continue }
                try await ReportSettingsRepository.set(
                    setting, setting.scope, for: t.period, to: value, unitID: t.locality.id,
                    by: viewer.account.username, db)
            }
        }
        return Layout.redirect("/soan-bao-cao?\(t.query)&tb=thiet_lap")
    }

    static func publish(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        let t = try await target(req, web, tree, fields: fields)
        let viewer = try await Access.require(req, .assembleReport, on: t.locality, tree: tree, store: web.store)
        let reason = fields["ly_do"] ?? ""
        if let problem = TextLimit.reason.problem(reason) { throw Abort(.unprocessableEntity, reason: problem) }
        let pdfs = web.pdfs
        var makePDF: (@Sendable (Data) async throws -> Data)?
        if web.settings.pdfAtPublish { makePDF = { @Sendable docx in try await pdfs.pdf(of: docx) } }
        let published: Publishing.Published
        do {
            published = try await Publishing.publish(
                template: t.template, unit: t.locality, period: t.period, reason: reason, makePDF: makePDF,
                by: viewer.account.username, today: web.settings.today(), store: web.store)
            Monitoring.published()
        } catch let refused as Publishing.NotReady {
            return try await overview(
                req, web, fields: fields, refusal: .notReady(refused.readiness), reason: reason)
        } catch let refused as Publishing.Unchanged {
            return try await overview(req, web, fields: fields, refusal: .unchanged(refused.current), reason: reason)
        }
        if published.proposedTasks > 0 {
            return Layout.redirect("/nhiem-vu/de-xuat?\(t.query)&tb=cong_bo&so=\(published.proposedTasks)")
        }
        return Layout.redirect("/soan-bao-cao?\(t.query)&tb=cong_bo")
    }
}
