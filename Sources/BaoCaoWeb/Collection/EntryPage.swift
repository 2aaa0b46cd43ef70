import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The entry form page: indicators grouped by field, target and last year beside each input, comparisons that follow
/// the typing, the steps of the cycle the viewer may take, and what happened so far.
enum EntryPage {
    /// What a form sent back shows besides the stored figures: what was typed, the problems, what each row was
    /// based on, and the rows someone else changed meanwhile.
    struct State {
        var typed: [String: EntryForm.Typed] = [:]
        var errors: [String: String] = [:]
        var basis: [String: EntryForm.Basis] = [:]
        var conflicts: [String: ValueWriter.VersionConflict] = [:]
        /// Explanations typed for warnings, kept when the form comes back.
        var notes: [String: String] = [:]
        /// The full names of whoever changed a conflicting row, by login.
        var people: [String: String] = [:]
    }

    static func render(
        _ req: Request, _ form: EntryForm, tree: UnitTree, flash: Layout.Flash? = nil, state: State = State(),
        status httpStatus: HTTPStatus = .ok
    ) -> Response {
        let unit = form.formUnit
        let editable = Access.allows(req, .enterFigures, on: unit, tree: tree) && form.submission.status.isEditable
        let canSubmit = editable && Access.allows(req, .submit, on: unit, tree: tree)
        var sections: [HTML] = []
        for field in form.catalogue.fields {
            let indicators = form.indicators.filter { $0.field == field.code }
            guard !indicators.isEmpty else { continue }
            let rows = indicators.map { row($0, form, editable: editable, state: state, tree: tree) }
            sections.append(
                """
                <fieldset><legend>\(field.name)</legend><div class="scroll"><table class="grid entry"><thead><tr>\
                <th>Chỉ tiêu</th><th class="num">Kế hoạch năm</th><th class="num">Cùng kỳ năm trước</th>\
                <th>Thực hiện kỳ này</th><th>Trạng thái</th><th>Ghi chú</th><th style="min-width:11rem">So sánh</th></tr></thead>\
                <tbody>\(rows)</tbody></table></div></fieldset>
                """)
        }
        let status = form.submission.status
        let owner: HTML =
            unit.kind.isOffice
            ? "<p class=\"muted\">Số liệu của \(form.valueUnit.fullName) do \(unit.fullName) báo cáo.</p>" : ""
        let reason: HTML =
            status == .returned && form.submission.reason != nil
            ? "<p class=\"flash error\" role=\"alert\"><strong>Lý do trả lại:</strong> \(form.submission.reason)</p>"
            : ""
        let lockNote: HTML =
            status == .approved
            ? "<p class=\"muted\">Số liệu đã duyệt và bị khóa; người duyệt có thể mở lại.</p>"
            : (status == .submitted ? "<p class=\"muted\">Số liệu đã gửi, đang chờ duyệt.</p>" : "")
        let buttons: HTML =
            editable
            ? """
            <div class="actions"><button type="submit" name="buoc" value="luu">Lưu nháp</button>\
            \(canSubmit ? "<button type=\"submit\" name=\"buoc\" value=\"gui\" class=\"secondary\" data-confirm=\"Gửi số liệu để duyệt? Sau khi gửi, số liệu không sửa được cho đến khi bị trả lại.\">Lưu và gửi duyệt</button>" as HTML : "")\
            <span class="small muted">Nhập số kiểu Việt Nam: 1.234,5</span></div>
            """ : ""
        let empty: HTML =
            form.indicators.isEmpty
            ? "<p class=\"card\">Đơn vị này không có biểu nhập liệu riêng: số liệu do các phòng và các xã, phường nhập.</p>"
            : ""
        let body: HTML = """
            <h1>Nhập liệu: \(unit.fullName) — \(form.period.vietnameseName)</h1>\
            <p>Tình trạng: \(Layout.badge(status))</p>\(owner)\(reason)\(lockNote)\(review(req, form, tree: tree))\
            \(PeriodPicker.form(action: "/nhap-lieu", period: form.period, unit: unit.code))\(empty)\
            <form method="post" action="/nhap-lieu" novalidate>\(Layout.csrf(req))\
            <input type="hidden" name="unit" value="\(unit.code)"><input type="hidden" name="period" value="\(form.period.code)">\
            \(sections)\(EntryChecks.panel(form, editable: editable, typedNotes: state.notes))\
            \(EntryChecks.rulesData(form.rules))\(buttons)</form>\(workbook(req, form, editable: editable))\
            \(events(form.events, names: form.people))
            """
        return Layout.page(
            req, title: "Nhập liệu \(unit.fullName)", section: .entry, flash: flash, status: httpStatus, body)
    }

    /// Filling the form offline: the workbook to download and, while the form is editable, where to upload it.
    static func workbook(_ req: Request, _ form: EntryForm, editable: Bool) -> HTML {
        guard form.indicators.contains(where: { !$0.isDerived }) else { return "" }
        let unit = form.formUnit.code, period = form.period.code
        let upload: HTML =
            editable
            ? """
            <form method="post" action="/nhap-lieu/tai-len" enctype="multipart/form-data" class="inline">\
            \(Layout.csrf(req))<input type="hidden" name="unit" value="\(unit)">\
            <input type="hidden" name="period" value="\(period)">\
            <label>Tải biểu đã điền lên <input type="file" name="tep" accept=".xlsx" required></label> \
            <button type="submit" class="secondary">Xem trước</button></form>
            """ : ""
        return """
            <section class="card"><h2>Nhập bằng Excel</h2><p>Tải biểu về, điền trong Excel hoặc LibreOffice Calc (kể cả \
            khi không có mạng), rồi tải lên: BaoCao cho xem trước các số thay đổi trước khi lưu. \
            <a href="/nhap-lieu/bieu.xlsx?unit=\(unit)&amp;period=\(period)">Tải biểu Excel (.xlsx)</a></p>\(upload)</section>
            """
    }

    /// The "?" beside an indicator: what it is, how it is computed and added up, who reports it (`IndicatorHelp`).
    static func help(_ i: Indicator, _ form: EntryForm, tree: UnitTree) -> HTML {
        let names = Dictionary(form.catalogue.indicators.map { ($0.code, $0.name) }) { a, _ in a }
        let owner = i.ownerOffice.flatMap { tree.byCode[$0]?.fullName }
        let lines = IndicatorHelp(i, names: names, owner: owner).lines.map { line -> HTML in
            "<dt>\(line.label)</dt><dd>\(line.text)</dd>"
        }
        return """
            <details class="help"><summary title="Giải thích chỉ tiêu" aria-label="Giải thích: \(i.name)">?</summary>\
            <dl>\(lines)</dl></details>
            """
    }

    static func row(_ i: Indicator, _ form: EntryForm, editable: Bool, state: State, tree: UnitTree) -> HTML {
        let code = i.code
        let figure = form.figures[code]
        let id = form.catalogue.idByCode[code] ?? 0
        let stored = form.stored[id]
        let conflict = state.conflicts[code]
        // A row someone else changed is now based on what they saved; others keep what the form was opened on.
        let basis =
            conflict.map { EntryForm.Basis(version: $0.version, shown: EntryForm.Typed($0.current)) }
            ?? state.basis[code] ?? form.basis(i)
        let typed = state.typed[code]
        let shown = typed ?? basis.shown
        let (value, statusRaw, qualifierRaw, note) = (shown.value, shown.status, shown.qualifier, shown.note)
        let error = state.errors[code]
        let target = figure?.target?.value
        let lastYear = figure?.lastYear?.value
        let disabled = HTML.flag("disabled", !editable)
        let statusOptions = [(ValueStatus.estimate, "Ước"), (.final, "Chính thức")].map { s, label -> HTML in
            "<option value=\"\(s.rawValue)\"\(HTML.flag("selected", s.rawValue == statusRaw))>\(label)</option>"
        }
        let qualifierOptions =
            ["<option value=\"\">(không)</option>"]
            + Qualifier.allCases.map { q -> HTML in
                "<option value=\"\(q.rawValue)\"\(HTML.flag("selected", q.rawValue == qualifierRaw))>\(q.word)</option>"
            }
        let data: HTML = """
             data-target="\(target.map { String($0.scaled) } ?? "")" data-last-year="\(lastYear.map { String($0.scaled) } ?? "")" \
            data-style="\(i.changeStyle.rawValue)" data-target-decimals="\(i.targetDecimals)" data-change-decimals="\(ComparisonWords.changeDecimals(i))"\
            \(EntryChecks.rowData(i))
            """
        let remove: HTML =
            stored != nil && editable
            ? "<label class=\"small\"><input type=\"checkbox\" name=\"x_\(code)\" value=\"1\"> Xóa số đã lưu</label><br>"
            : ""
        let history: HTML =
            stored.map { s -> HTML in
                """
                <a class="small" href="/lich-su?unit=\(form.formUnit.code)&amp;period=\(form.period.code)&amp;indicator=\(code)">\
                Lịch sử (\(s.changes + 1))</a>
                """
            } ?? ""
        let errorID = "loi-\(code)"
        let hidden: HTML = """
            <input type="hidden" name="ver_\(code)" value="\(basis.version)">\
            <input type="hidden" name="ov_\(code)" value="\(basis.shown.value)">\
            <input type="hidden" name="os_\(code)" value="\(basis.shown.status)">\
            <input type="hidden" name="oq_\(code)" value="\(basis.shown.qualifier)">\
            <input type="hidden" name="on_\(code)" value="\(basis.shown.note)">
            """
        return """
            <tr><td><label for="v-\(code)">\(i.name)</label> <span class="muted small">(\(i.unitOfMeasure))</span>\
            \(help(i, form, tree: tree))\
            \(hidden)\(conflict.map { conflictBox(code, i, $0, typed: typed, by: state.people[$0.changedBy]) } ?? "")</td>\
            <td class="num" data-label="Kế hoạch năm">\(ComparisonWords.value(target, i))</td>\
            <td class="num" data-label="Cùng kỳ năm trước">\(ComparisonWords.value(lastYear, i))</td>\
            <td data-label="Thực hiện kỳ này"><input class="value" id="v-\(code)" name="v_\(code)" type="text" \
            inputmode="decimal" autocomplete="off" value="\(value)"\(data)\(disabled)\
            \(error == nil ? "" : " aria-invalid=\"true\"" as HTML) aria-describedby="\(errorID)">\
            <span class="field-error" id="\(errorID)" aria-live="polite">\(error ?? "")</span></td>\
            <td data-label="Trạng thái"><label class="skip" for="s-\(code)">Trạng thái</label>\
            <select id="s-\(code)" name="s_\(code)"\(disabled)>\(statusOptions)</select> \
            <label class="skip" for="q-\(code)">Từ chỉ mức</label>\
            <select id="q-\(code)" name="q_\(code)" title="Từ chỉ mức (gần, trên, hơn, khoảng)"\(disabled)>\(qualifierOptions)</select></td>\
            <td data-label="Ghi chú"><label class="skip" for="n-\(code)">Ghi chú</label>\
            <input class="note" id="n-\(code)" name="n_\(code)" type="text" value="\(note)"\(disabled)></td>\
            <td data-label="So sánh" class="small"><span data-out="target">\(figure.map(ComparisonWords.percentOfTarget) ?? "")</span>\
            <br><span data-out="yoy">\(figure.map(ComparisonWords.yearOnYear) ?? "")</span><br>\(remove)\(history)</td></tr>
            """
    }

    /// Someone saved this row after the form was opened: both numbers, who and when, and the choice.
    static func conflictBox(
        _ code: String, _ i: Indicator, _ c: ValueWriter.VersionConflict, typed: EntryForm.Typed?, by name: String?
    )
        -> HTML
    {
        let theirs = c.current.map { ComparisonWords.value($0.observation.value, i) } ?? "(đã xóa)"
        let mine = typed.map { $0.value.isEmpty ? "(để trống)" : $0.value } ?? ""
        return """
            <div class="conflict" role="alert"><strong>Đã có người sửa ô này sau khi bạn mở biểu:</strong> \
            \(name ?? c.changedBy) lúc \(DateText.short(c.changedAt)) đã lưu <strong>\(theirs)</strong>; bạn nhập \
            <strong>\(mine)</strong>.<input type="hidden" name="cf_\(code)" value="1">\
            <label><input type="radio" name="c_\(code)" value="minh" required> Giữ số của tôi (\(mine))</label> \
            <label><input type="radio" name="c_\(code)" value="moi"> Dùng số mới nhất (\(theirs))</label></div>
            """
    }

    /// The approver's panel: approve or return what was submitted, reopen what was approved.
    static func review(_ req: Request, _ form: EntryForm, tree: UnitTree) -> HTML {
        let unit = form.formUnit, status = form.submission.status
        let hidden: HTML = """
            \(Layout.csrf(req))<input type="hidden" name="unit" value="\(unit.code)">\
            <input type="hidden" name="period" value="\(form.period.code)">
            """
        var parts: [HTML] = []
        if status == .submitted && Access.allows(req, .approve, on: unit, tree: tree) {
            parts.append(
                """
                <form method="post" action="/duyet" class="actions">\(hidden)\
                <button type="submit" name="buoc" value="duyet">Duyệt số liệu</button></form>
                """)
        }
        if [.submitted, .approved].contains(status) && Access.allows(req, .returnForChanges, on: unit, tree: tree) {
            parts.append(
                """
                <form method="post" action="/duyet" class="stack">\(hidden)\
                <div><label for="ly-do">Lý do trả lại (bắt buộc)</label><textarea id="ly-do" name="ly_do" rows="3" \
                style="min-height:4rem" required></textarea></div>\
                <button type="submit" name="buoc" value="tra_lai" class="danger">Trả lại để sửa</button></form>
                """)
        }
        if status == .approved && Access.allows(req, .reopen, on: unit, tree: tree) {
            parts.append(
                """
                <form method="post" action="/duyet" class="actions">\(hidden)\
                <button type="submit" name="buoc" value="mo_lai" class="secondary" \
                data-confirm="Mở lại số liệu đã duyệt để đơn vị sửa?">Mở lại để sửa</button></form>
                """)
        }
        guard !parts.isEmpty else { return "" }
        return
            "<section class=\"card\" aria-labelledby=\"duyet-tieu-de\"><h2 id=\"duyet-tieu-de\">Duyệt số liệu</h2>\(parts)</section>"
    }

    static func events(_ events: [SubmissionEvent], names: [String: String]) -> HTML {
        guard !events.isEmpty else { return "" }
        let items = events.reversed().map { e -> HTML in
            """
            <li>\(DateText.short(e.at)) — <strong>\(names[e.by] ?? e.by)</strong>: \(e.from.vietnameseName) → \(e.to.vietnameseName)\
            \(e.reason.map { r -> HTML in " — lý do: \(r)" } ?? "")</li>
            """
        }
        return "<section class=\"card\"><h2>Quá trình xử lý</h2><ul>\(items)</ul></section>"
    }
}
