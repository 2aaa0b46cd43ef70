import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Data entry and approval: a unit's figures for a period, saved as a draft, submitted, approved or returned.
enum EntryController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("nhap-lieu") { try await show($0, web) }
        routes.post("nhap-lieu") { try await save($0, web) }
        routes.post("duyet") { try await review($0, web) }
        routes.get("lich-su") { try await history($0, web) }
    }

    static let notices: [String: String] = [
        "luu": "Đã lưu nháp.", "gui": "Đã gửi số liệu để duyệt.", "duyet": "Đã duyệt số liệu; số liệu được khóa.",
        "tra_lai": "Đã trả lại số liệu kèm lý do.", "mo_lai": "Đã mở lại số liệu để sửa.",
        "khong_doi": "Không có số nào thay đổi.",
    ]

    static func show(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        guard let code = req.query[String.self, at: "unit"], !code.isEmpty else {
            return try await chooser(req, web, tree)
        }
        guard let unit = tree.byCode[code] else { throw Abort(.notFound, reason: "Không có đơn vị \"\(code)\"") }
        try await Access.require(req, .readDraft, on: unit, tree: tree, store: web.store)
        let period = try Access.period(req, default: web.settings.defaultPeriod)
        let form = try await EntryForm.load(unit: unit, period: period, tree: tree, web.db)
        let flash = (req.query[String.self, at: "tb"]).flatMap { notices[$0] }.map { Layout.Flash(ok: true, text: $0) }
        return EntryPage.render(req, form, tree: tree, flash: flash)
    }

    /// Without a unit: the units whose forms the viewer may open, with where each stands.
    static func chooser(_ req: Request, _ web: Web, _ tree: UnitTree) async throws -> Response {
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        let period = try Access.period(req, default: web.settings.defaultPeriod)
        var units: [StoredUnit] = []
        for grant in viewer.grants where [.reporter, .approver, .administrator].contains(grant.role) {
            guard let unit = tree.byID[grant.unitID] else { continue }
            for u in [unit] + tree.children(of: unit.id)
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
        let body: HTML = """
            <h1>Nhập liệu — \(period.vietnameseName)</h1>\(PeriodPicker.form(action: "/nhap-lieu", period: period))\
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
        let form = try await EntryForm.load(unit: unit, period: period, tree: tree, web.db)
        let parsed = form.parse(fields)
        var state = EntryPage.State(typed: parsed.typed, errors: parsed.errors, basis: parsed.basis)
        if !parsed.errors.isEmpty {
            let flash = Layout.Flash(
                ok: false, text: "Chưa lưu: \(parsed.errors.count) ô có lỗi. Sửa các ô được đánh dấu rồi lưu lại.")
            return EntryPage.render(req, form, tree: tree, flash: flash, state: state, status: .unprocessableEntity)
        }
        do {
            let outcome = try await FigureEntry.save(
                parsed.lines, formUnit: unit, valueUnit: form.valueUnit, period: period, submit: submit,
                by: viewer.account.username, store: web.store)
            let notice = submit ? "gui" : (outcome.changed == 0 ? "khong_doi" : "luu")
            return Layout.redirect("/nhap-lieu?unit=\(unit.code)&period=\(period.code)&tb=\(notice)")
        } catch let refusal as SubmissionFlow.Refusal {
            return EntryPage.render(
                req, form, tree: tree, flash: .init(ok: false, text: "Chưa lưu: \(refusal.description)."),
                state: state, status: .conflict)
        } catch let conflicts as FigureEntry.Conflicts {
            // Nothing was saved: the person sees both numbers for each row and chooses.
            let fresh = try await EntryForm.load(unit: unit, period: period, tree: tree, web.db)
            for c in conflicts.conflicts {
                if let code = form.catalogue.codeByID[c.key.indicatorID] { state.conflicts[code] = c }
            }
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
        do {
            try await web.store.transaction { db in
                try await FigureReview.take(
                    step, formUnit: unit, period: period, reason: reason, by: viewer.account.username, tree: tree, db)
            }
        } catch let refusal as SubmissionFlow.Refusal {
            let form = try await EntryForm.load(unit: unit, period: period, tree: tree, web.db)
            return EntryPage.render(
                req, form, tree: tree, flash: .init(ok: false, text: refusal.description + "."), status: .conflict)
        }
        return Layout.redirect("/nhap-lieu?unit=\(unit.code)&period=\(period.code)&tb=\(key)")
    }

    static func history(_ req: Request, _ web: Web) async throws -> Response {
        let scope = try await DraftScope.load(req, web)
        let (tree, unit, period) = (scope.tree, scope.unit, scope.period)
        let (indicator, id) = try scope.indicator(req)
        let valueUnit = tree.valueUnit(for: unit)
        let key = ValueWriter.Key(indicatorID: id, unitID: valueUnit.id, period: period)
        let changes = try await ValueHistory.changes(key, web.db)
        let current = try await FigureEntry.stored(unitID: valueUnit.id, period: period, web.db)[id]
        func v(_ a: Amount?) -> String { ComparisonWords.value(a, indicator) }
        func status(_ s: String?) -> String {
            s == ValueStatus.estimate.rawValue ? "ước" : (s == nil ? "" : "chính thức")
        }
        var rows = changes.reversed().map { c -> HTML in
            """
            <tr><td>\(DateText.short(c.changedAt))</td><td>\(c.changedBy)</td>\
            <td class="num">\(v(c.oldValue)) <span class="muted small">\(status(c.oldStatus))</span></td>\
            <td class="num">\(v(c.newValue)) <span class="muted small">\(status(c.newStatus))</span></td>\
            <td>\(c.newNote ?? "")</td></tr>
            """
        }
        if let first = changes.first, let by = first.oldBy, let at = first.oldAt {
            rows.append(
                "<tr><td>\(DateText.short(at))</td><td>\(by)</td><td class=\"num\">—</td><td class=\"num\">\(v(first.oldValue))</td><td>\(first.oldNote ?? "")</td></tr>"
            )
        } else if changes.isEmpty, let current {
            rows.append(
                "<tr><td>\(DateText.short(current.updatedAt))</td><td>\(current.updatedBy)</td><td class=\"num\">—</td><td class=\"num\">\(v(current.observation.value))</td><td>\(current.note ?? "")</td></tr>"
            )
        }
        let body: HTML = """
            <p><a href="/nhap-lieu?unit=\(unit.code)&amp;period=\(period.code)">← Về biểu nhập liệu</a></p>\
            <h1>Lịch sử: \(indicator.name)</h1><p class="muted">\(valueUnit.fullName), \(period.vietnameseName) \
            (\(indicator.unitOfMeasure))</p><div class="card scroll"><table class="grid"><thead><tr><th>Thời điểm</th>\
            <th>Người sửa</th><th class="num">Số cũ</th><th class="num">Số mới</th><th>Ghi chú</th></tr></thead>\
            <tbody>\(rows.isEmpty ? ["<tr><td colspan=\"5\">Chưa có số liệu.</td></tr>"] : rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Lịch sử số liệu", section: .entry, body)
    }
}

/// "2026-11-26T20:30:01.123Z" → "27/11/2026 03:30" (giờ Việt Nam).
enum DateText {
    static func short(_ iso: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = formatter.date(from: iso) ?? ISO8601DateFormatter().date(from: iso) else { return iso }
        let out = DateFormatter()
        out.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh")
        out.dateFormat = "dd/MM/yyyy HH:mm"
        return out.string(from: date)
    }

    static func day(_ date: CivilDate) -> String {
        let d = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let m = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return "\(d)/\(m)/\(date.year)"
    }
}

/// The period chooser on top of the pages: a GET form, so it works without JavaScript and can be bookmarked.
enum PeriodPicker {
    static func form(action: String, period: Period, unit: String? = nil, extra: HTML = "") -> HTML {
        """
        <form method="get" action="\(action)" class="filters card">\
        \(unit.map { u -> HTML in "<input type=\"hidden\" name=\"unit\" value=\"\(u)\">" } ?? "")\
        <div><label for="ky">Kỳ báo cáo</label><input id="ky" name="period" type="text" value="\(period.code)" \
        size="10" aria-describedby="ky-goi-y"><span id="ky-goi-y" class="small muted">ví dụ 2017-H1, 2017-M06, 2017-Q2, 2017</span></div>\
        \(extra)<div><button type="submit" class="secondary">Xem</button></div></form>
        """
    }
}
