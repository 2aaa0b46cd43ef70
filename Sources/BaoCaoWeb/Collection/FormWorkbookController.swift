import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The entry form as an Excel workbook: downloaded to fill offline, uploaded back to a preview of what would change
/// (old → new), then saved by the form's own save (same rules, locks and versions). Nothing is saved by the upload.
enum FormWorkbookController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("nhap-lieu", "bieu.xlsx") { try await download($0, web) }
        routes.on(.POST, "nhap-lieu", "tai-len", body: .collect(maxSize: Uploads.maxSize)) { try await upload($0, web) }
    }

    static let xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    static func download(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let unit = try Access.unit(req, tree: tree)
        try await Access.require(req, .readDraft, on: unit, tree: tree, store: web.store)
        let period = try Access.period(req, default: web.settings.period(for: unit, tree))
        let form = try await EntryForm.load(
            unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
        let data = try FormWorkbook.write(form.sheet())
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .contentType, value: xlsxType)
        response.headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"bieu-nhap-\(unit.code)-\(period.code).xlsx\"")
        return response
    }

    struct Upload: Content {
        var unit: String
        var period: String
        var tep: File?
    }

    static func upload(_ req: Request, _ web: Web) async throws -> Response {
        let posted = try req.content.decode(Upload.self)
        let tree = try await web.tree()
        guard let unit = tree.byCode[posted.unit] else { throw Abort(.notFound, reason: "Không có đơn vị") }
        let period = try APIController.period(posted.period)
        try await Access.require(req, .enterFigures, on: unit, tree: tree, store: web.store)
        let form = try await EntryForm.load(
            unit: unit, period: period, tree: tree, catalogue: try await web.catalogue(), web.db)
        guard let file = posted.tep, file.data.readableBytes > 0 else {
            return FormUploadPage.render(
                req, form, plan: nil, problems: [CellProblem(cell: "", message: "chưa chọn tệp Excel (.xlsx)")],
                fileName: "")
        }
        let name = file.filename
        var plan: FormPlan?
        var problems: [CellProblem] = []
        do {
            let upload = try FormWorkbook.read(Data(file.data.readableBytesView))
            let planned = form.plan(upload)
            plan = planned
            problems = planned.problems
        } catch let error as FormWorkbook.NotAForm {
            problems = [CellProblem(cell: "", message: error.description)]
        }
        if form.submission.status.isEditable == false {
            problems.append(
                CellProblem(
                    cell: "",
                    message: "số liệu của kỳ này \(form.submission.status.vietnameseName.lowercased()): "
                        + "không nhận tệp cho đến khi người duyệt mở lại hoặc trả lại"))
        }
        return FormUploadPage.render(req, form, plan: plan, problems: problems, fileName: name)
    }
}

/// The preview of an uploaded workbook: every problem by cell (and nothing saved), or each change old → new with a
/// button posting the form's fields to the form's own save.
enum FormUploadPage {
    static func render(
        _ req: Request, _ form: EntryForm, plan: FormPlan?, problems: [CellProblem], fileName: String
    ) -> Response {
        let unit = form.formUnit
        let back = "/nhap-lieu?unit=\(unit.code)&period=\(form.period.code)"
        var body: HTML = "<h1>Tải biểu Excel lên: \(unit.fullName) — \(form.period.vietnameseName)</h1>"
        body = "\(body)<p class=\"muted\">Tệp: \(fileName)</p>"
        if !problems.isEmpty {
            let items = problems.map { p -> HTML in "<li>\(p.description)</li>" }
            body = """
                \(body)<div class="flash error" role="alert"><strong>Không lưu gì: tệp có \(problems.count) lỗi.</strong> \
                Sửa các ô dưới đây trong tệp rồi tải lên lại.<ul>\(items)</ul></div>\
                <p><a href="\(back)">Về trang nhập liệu</a></p>
                """
            return Layout.page(req, title: "Tải biểu Excel lên", section: .entry, status: .unprocessableEntity, body)
        }
        guard let plan, !plan.changes.isEmpty else {
            body = """
                \(body)<p class="card">Tệp không thay đổi số nào so với lúc tải biểu.</p>\
                <p><a href="\(back)">Về trang nhập liệu</a></p>
                """
            return Layout.page(req, title: "Tải biểu Excel lên", section: .entry, body)
        }
        let rows = plan.changes.map { c -> HTML in
            let since: HTML =
                c.changedSince.map {
                    "<div class=\"small\" style=\"color:#9b1c1c\">Sau khi bạn tải biểu, số đã được sửa thành \(words($0)). Khi lưu, trang nhập liệu sẽ hiện cả hai số để chọn.</div>"
                } ?? ""
            return """
                <tr><td>\(c.sheetRow)</td><td>\(c.indicator.name)\(since)</td><td>\(c.indicator.unitOfMeasure)</td>\
                <td class="num">\(words(c.old))</td><td class="num"><strong>\(words(c.new))</strong></td></tr>
                """
        }
        let hidden = plan.fields.sorted { $0.key < $1.key }.map { key, value -> HTML in
            "<input type=\"hidden\" name=\"\(key)\" value=\"\(value)\">"
        }
        body = """
            \(body)<p>Tệp thay đổi \(plan.changes.count) số. Xem lại rồi bấm "Lưu các thay đổi" để lưu nháp \
            (như lưu trên trang nhập liệu); chưa có gì được lưu.</p>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Dòng</th><th>Chỉ tiêu</th><th>Đơn vị tính</th>\
            <th class="num">Số khi tải biểu</th><th class="num">Số mới</th></tr></thead><tbody>\(rows)</tbody></table></div>\
            <form method="post" action="/nhap-lieu">\(Layout.csrf(req))\
            <input type="hidden" name="unit" value="\(unit.code)"><input type="hidden" name="period" value="\(form.period.code)">\
            \(hidden)<div class="actions"><button type="submit" name="buoc" value="luu">Lưu các thay đổi</button> \
            <a href="\(back)">Hủy</a></div></form>
            """
        return Layout.page(req, title: "Tải biểu Excel lên", section: .entry, body)
    }

    /// A row's figure in words: "12.194.030 (ước tính, gần) — ghi chú", or "(trống)".
    static func words(_ t: EntryForm.Typed) -> String {
        guard !t.value.isEmpty else { return "(trống)" }
        var tags: [String] = []
        if let status = ValueStatus(rawValue: t.status) { tags.append(FormSheet.statusWord(status)) }
        if let q = Qualifier(rawValue: t.qualifier) { tags.append(q.word) }
        let note = t.note.isEmpty ? "" : " — \(t.note)"
        return t.value + (tags.isEmpty ? "" : " (\(tags.joined(separator: ", ")))") + note
    }
}
