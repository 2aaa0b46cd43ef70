import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Vapor

/// The import page: the upload form (with its progress), the dry run's counts or problems, the confirmation.
enum UploadPage {
    static let title = "Nhập dữ liệu từ tệp"

    static func form(_ req: Request, flash: Layout.Flash? = nil) -> Response {
        let tables = TableKind.allCases.enumerated().map { i, table -> HTML in
            "\(i == 0 ? "" : ", ")<code>\(table.rawValue)</code>"
        }
        let body: HTML = """
            <h1>\(title)</h1>\
            <p>Tải lên một hoặc nhiều tệp theo định dạng trao đổi của BaoCao (CSV, JSON hoặc trang tính đầu tiên của \
            tệp Excel .xlsx; xem tài liệu docs/IMPORT.md). BaoCao kiểm tra trước toàn bộ (chạy thử, chưa ghi gì), cho \
            biết sẽ tạo, cập nhật bao nhiêu và mọi lỗi theo tệp, dòng, cột; bấm "Nhập" để ghi. Có một lỗi thì không \
            ghi gì. Các bảng: \(tables).</p>\
            <form method="post" action="/quan-tri/nhap-du-lieu" enctype="multipart/form-data" class="card" \
            data-tai-len>\(Layout.csrf(req))\
            <label>Tệp <input type="file" name="tep[]" accept=".csv,.json,.xlsx" multiple required></label> \
            <button type="submit">Tải lên và kiểm tra</button>\
            <p class="small muted" data-tien-do hidden><progress max="100" value="0"></progress> <span></span></p></form>
            """
        return Layout.page(req, title: title, section: .imports, flash: flash, body)
    }

    static func result(_ req: Request, token: String, entry: UploadStash.Entry) -> Response {
        let files = entry.files.map { f -> HTML in "<li>\(f.name) (\(size(f.data.count)))</li>" }
        var body: HTML = "<h1>\(title)</h1><p>Tệp đã tải lên:</p><ul>\(files)</ul>"
        var status = HTTPStatus.ok
        switch (entry.imported, entry.checked) {
        case (.summary(let summary)?, _):
            body = """
                \(body)<p class="flash ok" role="status"><strong>Đã nhập.</strong> \(lines(summary).joined(separator: "; ")).</p>\
                \(warnings(summary))<p><a href="/quan-tri/nhap-du-lieu">Nhập tệp khác</a></p>
                """
        case (.problems(let problems)?, _), (nil, .problems(let problems)?):
            status = .unprocessableEntity
            body = "\(body)\(problemList(problems))<p><a href=\"/quan-tri/nhap-du-lieu\">Tải lên lại</a></p>"
        case (nil, .summary(let summary)?):
            body = """
                \(body)<p><strong>Kiểm tra xong, chưa ghi gì.</strong> Nếu nhập: \(lines(summary).joined(separator: "; ")).</p>\
                \(warnings(summary))\
                <form method="post" action="/quan-tri/nhap-du-lieu/xac-nhan">\(Layout.csrf(req))\
                <input type="hidden" name="ma" value="\(token)"><div class="actions"><button type="submit">Nhập</button> \
                <a href="/quan-tri/nhap-du-lieu">Hủy</a></div></form>
                """
        case (nil, nil):
            break
        }
        return Layout.page(req, title: title, section: .imports, status: status, body)
    }

    static func problemList(_ problems: [String]) -> HTML {
        let shown = problems.prefix(300).map { p -> HTML in "<li>\(p)</li>" }
        let more: HTML = problems.count > 300 ? "<p>… và \(problems.count - 300) lỗi nữa.</p>" : ""
        return """
            <div class="flash error" role="alert"><strong>Không nhập được: \(problems.count) lỗi; không có gì được ghi.\
            </strong> Sửa các tệp rồi tải lên lại.<ul>\(shown)</ul>\(more)</div>
            """
    }

    static func warnings(_ summary: DatasetImporter.Summary) -> HTML {
        guard !summary.warnings.isEmpty else { return "" }
        let items = summary.warnings.prefix(100).map { w -> HTML in "<li>\(w.description)</li>" }
        return """
            <div class="card"><p><strong>\(summary.warnings.count) cảnh báo</strong> theo quy tắc kiểm tra (số liệu vẫn \
            được nhập):</p><ul>\(items)</ul></div>
            """
    }

    /// The counts, in words, of what was (or would be) written; tables with nothing left out.
    static func lines(_ s: DatasetImporter.Summary) -> [String] {
        let counts: [(Int, String)] = [
            (s.fields, "lĩnh vực"), (s.units, "đơn vị"), (s.lineage, "dòng sắp xếp đơn vị"), (s.indicators, "chỉ tiêu"),
            (s.targets, "chỉ tiêu kế hoạch"), (s.values, "giá trị mới hoặc thay đổi"),
            (s.unchangedValues, "giá trị không đổi"), (s.calendars, "lịch báo cáo"), (s.rules, "quy tắc kiểm tra"),
            (s.programme, "nội dung chương trình công tác mới"), (s.programmeUpdated, "nội dung chương trình cập nhật"),
            (s.tasks, "nhiệm vụ"), (s.sessions, "kỳ họp"), (s.petitions, "kiến nghị cử tri"),
            (s.receptions, "buổi tiếp công dân"), (s.letters, "đơn"), (s.unchangedRecords, "bản ghi đã có, không đổi"),
        ]
        let found = counts.filter { $0.0 > 0 }.map { "\(VietnameseNumber.grouped(UInt64($0.0))) \($0.1)" }
        return found.isEmpty ? ["không có gì thay đổi"] : found
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) byte" : bytes < 1 << 20 ? "\(bytes / 1024) KB" : "\(bytes >> 20) MB"
    }
}
