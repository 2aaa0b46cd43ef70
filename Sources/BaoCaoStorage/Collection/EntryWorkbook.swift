import BaoCaoDomain

/// What an uploaded workbook would change in an entry form: the form's own fields (so the change is saved by the
/// same path as the page, with its rules, locks and versions), each change old → new, or every problem by cell.
public struct FormPlan: Sendable {
    public struct Change: Sendable {
        public var indicator: Indicator
        public var sheetRow: Int
        public var old: EntryForm.Typed
        public var new: EntryForm.Typed
        /// The stored figure when a colleague changed it after the workbook was downloaded: saving will show both
        /// numbers and ask which to keep.
        public var changedSince: EntryForm.Typed?
    }

    /// The entry form's fields of the rows the workbook carries (`v_`, `s_`, `q_`, `n_` and what each row showed).
    public var fields: [String: String] = [:]
    public var changes: [Change] = []
    public var problems: [CellProblem] = []
}

extension EntryForm {
    /// The indicators a workbook asks for: those typed in (a computed one is not).
    var typedIndicators: [Indicator] { indicators.filter { !$0.isDerived } }

    /// The form as a workbook's sheet: each indicator with its target, last year's figure, the working value and
    /// its version.
    public func sheet() -> FormSheet {
        FormSheet(
            unitCode: formUnit.code, unitName: formUnit.fullName, periodCode: period.code,
            periodName: period.vietnameseName, status: submission.status.vietnameseName,
            lines: typedIndicators.map { indicator in
                let id = catalogue.idByCode[indicator.code] ?? 0
                let figure = figures[indicator.code]
                return FormSheet.Line(
                    code: indicator.code, name: indicator.name, unitOfMeasure: indicator.unitOfMeasure,
                    target: figure?.target?.value, lastYear: figure?.lastYear?.value, decimals: indicator.valueDecimals,
                    stored: stored[id]?.observation, note: stored[id]?.note, version: basis(indicator).version)
            })
    }

    /// Reads an uploaded workbook against this form. Nothing is saved here: the plan's fields go to the form's save.
    public func plan(_ upload: FormUpload) -> FormPlan {
        var plan = FormPlan()
        guard upload.unitCode == formUnit.code, upload.periodCode == period.code else {
            plan.problems.append(
                CellProblem(
                    cell: "",
                    message:
                        "tệp là biểu của đơn vị mã \(upload.unitCode), kỳ \(upload.periodCode); trang này nhập cho "
                        + "\(formUnit.fullName) (mã \(formUnit.code)), kỳ \(period.code). Tải biểu đúng đơn vị và kỳ."))
            return plan
        }
        plan.problems = upload.problems
        let byCode = Dictionary(typedIndicators.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        var rowOf: [String: Int] = [:]
        for row in upload.rows {
            guard let indicator = byCode[row.code] else {
                plan.problems.append(
                    CellProblem(
                        .code, row: row.sheetRow,
                        "chỉ tiêu \"\(row.code)\" không có trong biểu của \(formUnit.fullName) (đừng sửa cột mã)"))
                continue
            }
            if let first = rowOf[row.code] {
                plan.problems.append(
                    CellProblem(.code, row: row.sheetRow, "chỉ tiêu \(row.code) đã có ở dòng \(first)"))
                continue
            }
            rowOf[row.code] = row.sheetRow
            if row.value.isEmpty && row.shownValue.isEmpty { continue }  // never filled: untouched
            guard let version = row.version else {
                plan.problems.append(
                    CellProblem(
                        .version, row: row.sheetRow, "thiếu phiên bản của số (cột ẩn J–N bị xóa); tải biểu mới"))
                continue
            }
            if row.value.isEmpty {
                plan.problems.append(
                    CellProblem(
                        .value, row: row.sheetRow,
                        "ô trống nhưng khi tải biểu đã có số \(row.shownValue): biểu Excel không xóa số; muốn xóa, "
                            + "xóa trên trang Nhập số liệu"))
                continue
            }
            let code = indicator.code
            let id = catalogue.idByCode[code] ?? 0
            let typed = EntryForm.Typed(
                value: row.value, status: row.status.isEmpty ? ValueStatus.estimate.rawValue : row.status,
                qualifier: row.qualifier, note: row.note)
            // What is stored now already says this (saved from the page, or this file uploaded before): nothing to do.
            if stored[id] != nil && typed.sameFigure(as: EntryForm.Typed(stored[id])) { continue }
            plan.fields["v_\(code)"] = row.value
            plan.fields["s_\(code)"] = row.status.isEmpty ? ValueStatus.estimate.rawValue : row.status
            plan.fields["q_\(code)"] = row.qualifier
            plan.fields["n_\(code)"] = row.note
            plan.fields["ver_\(code)"] = String(version)
            plan.fields["ov_\(code)"] = row.shownValue
            plan.fields["os_\(code)"] = row.shownStatus.isEmpty ? ValueStatus.estimate.rawValue : row.shownStatus
            plan.fields["oq_\(code)"] = row.shownQualifier
            plan.fields["on_\(code)"] = row.shownNote
        }
        let parsed = parse(plan.fields)
        for (code, message) in parsed.errors.sorted(by: { (rowOf[$0.key] ?? 0) < (rowOf[$1.key] ?? 0) }) {
            plan.problems.append(CellProblem(.value, row: rowOf[code] ?? 0, message))
        }
        for line in parsed.lines {
            guard let code = catalogue.codeByID[line.indicatorID], let indicator = byCode[code],
                let typed = parsed.typed[code], let basis = parsed.basis[code]
            else { continue }
            let now = self.basis(indicator)
            plan.changes.append(
                .init(
                    indicator: indicator, sheetRow: rowOf[code] ?? 0, old: basis.shown, new: typed,
                    changedSince: now.version == basis.version ? nil : now.shown))
        }
        plan.changes.sort { $0.sheetRow < $1.sheetRow }
        // By row, then column: "Ô F12" before "Ô A13".
        let order = { (p: CellProblem) in (Int(p.cell.drop { $0.isLetter }) ?? 0, p.cell) }
        plan.problems.sort { order($0) < order($1) }
        return plan
    }
}
