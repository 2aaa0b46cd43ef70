import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Data entry and approval: a unit's figures for a period, saved as a draft, submitted, approved or returned.
enum EntryController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("nhap-lieu") { try await show($0, web) }
        routes.post("nhap-lieu") { try await save($0, web) }
        routes.post("duyet") { try await review($0, web) }
    }

    static let notices: [String: String] = [
        "luu": "Đã lưu nháp.", "gui": "Đã gửi số liệu để duyệt.", "duyet": "Đã duyệt số liệu; số liệu được khóa.",
        "tra_lai": "Đã trả lại số liệu kèm lý do.", "mo_lai": "Đã mở lại số liệu để sửa.",
        "khong_doi": "Không có số nào thay đổi.",
    ]

    static func show(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        guard let code = req.queryText("unit"), !code.isEmpty else {
            return try await chooser(req, web, tree)
        }
        guard let unit = tree.byCode[code] else { throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"") }
        try await Access.require(req, .readDraft, on: unit, tree: tree, store: web.store)
        let period = try Access.period(req, default: web.settings.period(for: unit, tree))
        let form = try await EntryForm.load(
            unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
        let flash = (req.queryText("tb")).flatMap { notices[$0] }.map { Layout.Flash(ok: true, text: $0) }
        return EntryPage.render(req, form, tree: tree, flash: flash)
    }

    /// Without a unit: the units whose forms the viewer may open, with where each stands.
    static func chooser(_ req: Request, _ web: Web, _ tree: UnitTree) async throws -> Response {
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        let home = viewer.homeUnitID(in: tree).flatMap { tree.byID[$0] }
        let period = try Access.period(req, default: web.settings.period(for: home, tree))
        var units: [StoredUnit] = []
        for grant in viewer.grants where [.reporter, .approver, .administrator].contains(grant.role) {
            guard let unit = tree.byID[grant.unitID] else { continue }
            for u in [unit] + tree.children(of: unit.id, during: period)
            where (u.kind.isOffice || u.kind.isCommuneLevel)
                && !units.contains(u)
            {
                units.append(u)
            }
        }
        let statuses = try await SubmissionRepository.submissions(unitIDs: units.map(\.id), period: period, web.db)
        let rows = units.map { u -> HTML in
            let status = statuses[u.id]?.status ?? .notStarted
            return """
                <tr><td><a href="/nhap-lieu?unit=\(u.code)&amp;period=\(period.code)">\(u.fullName)</a></td>\
                <td>\(Layout.badge(status))</td></tr>
                """
        }
        let notice = try await AssignedSections.notice(req, web, tree)
        let body: HTML = """
            <h1>Nhập liệu — \(period.vietnameseName)</h1>\(notice)\(PeriodPicker.form(action: "/nhap-lieu", period: period))\
            <div class="card scroll"><table class="grid"><thead><tr><th>Đơn vị</th><th>Tình trạng</th></tr></thead>\
            <tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Nhập liệu", section: .entry, body)
    }

    static func save(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        guard let unit = tree.byCode[fields["unit"] ?? ""] else { throw Abort(.notFound, reason: "Không có đơn vị") }
        let period = try APIController.period(fields["period"] ?? "")
        let submit = fields["buoc"] == "gui"
        let viewer = try await Access.require(req, .enterFigures, on: unit, tree: tree, store: web.store)
        if submit { try await Access.require(req, .submit, on: unit, tree: tree, store: web.store) }
        let form = try await EntryForm.load(
            unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
        var parsed = form.parse(fields)
        let explanations = EntryForm.explanations(fields)
        for (key, text) in explanations {
            if let problem = TextLimit.explanation.problem(text) { parsed.errors[key] = problem }
        }
        var state = EntryPage.State(
            typed: parsed.typed, errors: parsed.errors, basis: parsed.basis, notes: explanations)
        if !parsed.errors.isEmpty {
            let flash = Layout.Flash(
                ok: false, text: "Chưa lưu: \(parsed.errors.count) ô có lỗi. Sửa các ô được đánh dấu rồi lưu lại.")
            return EntryPage.render(req, form, tree: tree, flash: flash, state: state, status: .unprocessableEntity)
        }
        do {
            let outcome = try await FigureEntry.save(
                parsed.lines, explanations: explanations, formUnit: unit, valueUnit: form.valueUnit, period: period,
                submit: submit, by: viewer.account.username, tree: tree, catalogue: form.catalogue, store: web.store)
            if !outcome.blocking.isEmpty {
                // The draft is saved; the submission waits for the errors to be fixed and the warnings explained.
                let errors = outcome.blocking.filter { $0.severity == .error }.count
                let warnings = outcome.blocking.count - errors
                var reasons: [String] = []
                if errors > 0 { reasons.append("\(errors) lỗi cần sửa") }
                if warnings > 0 { reasons.append("\(warnings) cảnh báo cần giải trình") }
                let fresh = try await EntryForm.load(
                    unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
                let flash = Layout.Flash(
                    ok: false,
                    text:
                        "Đã lưu nháp nhưng chưa gửi duyệt: còn \(reasons.joined(separator: " và ")) (xem mục Kiểm tra số liệu)."
                )
                return EntryPage.render(
                    req, fresh, tree: tree, flash: flash, state: EntryPage.State(notes: explanations),
                    status: .unprocessableEntity)
            }
            Monitoring.valuesSaved(outcome.changed)
            let notice = submit ? "gui" : (outcome.changed == 0 ? "khong_doi" : "luu")
            return Layout.redirect("/nhap-lieu?unit=\(unit.code)&period=\(period.code)&tb=\(notice)")
        } catch let refusal as SubmissionFlow.Refusal {
            return EntryPage.render(
                req, form, tree: tree, flash: .init(ok: false, text: "Chưa lưu: \(refusal.description)."),
                state: state, status: .conflict)
        } catch let conflicts as FigureEntry.Conflicts {
            // Nothing was saved: the person sees both numbers for each row and chooses.
            let fresh = try await EntryForm.load(
                unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
            for c in conflicts.conflicts {
                if let code = form.catalogue.codeByID[c.key.indicatorID] { state.conflicts[code] = c }
            }
            state.people = try await AccountRepository.displayNames(
                Set(conflicts.conflicts.map(\.changedBy)), web.db)
            let flash = Layout.Flash(
                ok: false,
                text: "Chưa lưu: \(conflicts.conflicts.count) ô đã được người khác sửa sau khi bạn mở biểu. "
                    + "Xem số mới ở các ô được đánh dấu, chọn giữ số nào rồi lưu lại.")
            return EntryPage.render(req, fresh, tree: tree, flash: flash, state: state, status: .conflict)
        } catch let error as FigureOutOfRange {
            return EntryPage.render(
                req, form, tree: tree, flash: .init(ok: false, text: "Chưa lưu: \(error.description)."), state: state,
                status: .unprocessableEntity)
        }
    }

    static func review(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let tree = try await web.tree()
        guard let unit = tree.byCode[fields["unit"] ?? ""] else { throw Abort(.notFound, reason: "Không có đơn vị") }
        let period = try APIController.period(fields["period"] ?? "")
        let steps: [String: SubmissionStep] = ["duyet": .approve, "tra_lai": .returnForChanges, "mo_lai": .reopen]
        guard let key = fields["buoc"], let step = steps[key] else {
            throw Abort(.badRequest, reason: "Thiếu bước xử lý")
        }
        let viewer = try await Access.require(req, step.action, on: unit, tree: tree, store: web.store)
        let reason = fields["ly_do"]?.trimmingWhitespace()
        if let problem = reason.flatMap({ TextLimit.reason.problem($0) }) {
            let form = try await EntryForm.load(
                unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
            return EntryPage.render(
                req, form, tree: tree, flash: .init(ok: false, text: problem + "."), status: .unprocessableEntity)
        }
        do {
            try await web.store.transaction { db in
                try await FigureReview.take(
                    step, formUnit: unit, period: period, reason: reason, by: viewer.account.username, tree: tree, db)
            }
        } catch let refusal as SubmissionFlow.Refusal {
            let form = try await EntryForm.load(
                unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
            return EntryPage.render(
                req, form, tree: tree, flash: .init(ok: false, text: refusal.description + "."), status: .conflict)
        }
        return Layout.redirect("/nhap-lieu?unit=\(unit.code)&period=\(period.code)&tb=\(key)")
    }
}
