import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Vapor

/// Exchange files (CSV, JSON, XLSX; docs/IMPORT.md) uploaded in the browser: kept aside, checked by a dry run (the
/// counts that would be created or changed, every problem), then imported on confirmation, all in one transaction,
/// as `baocao import` does. An administrator imports anything in their scope; a compiler or leader the work
/// programme, tasks, council sessions and petitions of their localities; who handles letters, the register.
enum UploadController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("quan-tri", "nhap-du-lieu") { try await form($0, web) }
        routes.on(.POST, "quan-tri", "nhap-du-lieu", body: .collect(maxSize: Uploads.maxSize)) {
            try await receive($0, web)
        }
        routes.get("quan-tri", "nhap-du-lieu", "xem") { try await check($0, web) }
        routes.post("quan-tri", "nhap-du-lieu", "xac-nhan") { try await confirm($0, web) }
    }

    /// Who may open the page at all: an account that may import something.
    static func requireUploader(_ req: Request) throws -> Viewer {
        guard let viewer = req.viewer else { throw Access.LoginRequired() }
        guard viewer.grants.contains(where: { [.administrator, .compiler, .leader].contains($0.role) }) else {
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền nhập dữ liệu.")
        }
        return viewer
    }

    static func form(_ req: Request, _ web: Web) async throws -> Response {
        _ = try requireUploader(req)
        return UploadPage.form(req)
    }

    struct Upload: Content {
        var tep: [File]
    }

    static func receive(_ req: Request, _ web: Web) async throws -> Response {
        let viewer = try requireUploader(req)
        let files = ((try? req.content.decode(Upload.self))?.tep ?? []).filter { $0.data.readableBytes > 0 }
        guard !files.isEmpty else {
            return UploadPage.form(req, flash: .init(ok: false, text: "Chưa chọn tệp nào."))
        }
        let token = await web.uploads.put(
            files.map { ($0.filename, Data($0.data.readableBytesView)) }, for: viewer.account.username)
        return Layout.redirect("/quan-tri/nhap-du-lieu/xem?ma=\(token)")
    }

    static func check(_ req: Request, _ web: Web) async throws -> Response {
        let viewer = try requireUploader(req)
        let token = req.queryText("ma") ?? ""
        guard var entry = await web.uploads.get(token, for: viewer.account.username) else {
            return UploadPage.form(
                req,
                flash: .init(
                    ok: false, text: "Tệp đã tải lên không còn (quá 30 phút hoặc máy chủ khởi động lại); tải lên lại."))
        }
        if entry.checked == nil {
            let outcome = try await run(entry, req, web, dryRun: true)
            await web.uploads.update(token) { $0.checked = outcome }
            entry.checked = outcome
        }
        return UploadPage.result(req, token: token, entry: entry)
    }

    static func confirm(_ req: Request, _ web: Web) async throws -> Response {
        let viewer = try requireUploader(req)
        let token = (try? req.content.get(String.self, at: "ma")) ?? ""
        guard let entry = await web.uploads.claim(token, for: viewer.account.username) else {
            return Layout.redirect("/quan-tri/nhap-du-lieu/xem?ma=\(token)")
        }
        let outcome = try await run(entry, req, web, dryRun: false)
        await web.uploads.update(token) { $0.imported = outcome }
        return Layout.redirect("/quan-tri/nhap-du-lieu/xem?ma=\(token)")
    }

    /// Reads the files, checks the person may import what they hold, then runs the import (or its dry run).
    static func run(
        _ entry: UploadStash.Entry, _ req: Request, _ web: Web, dryRun: Bool
    ) async throws
        -> UploadStash.Outcome
    {
        let dataset: Dataset
        do { dataset = try ExchangeFile.read(entry.files) } catch {
            return .problems(error.problems.map(\.description))
        }
        guard dataset.rowCount > 0 else { return .problems(["Các tệp không có dòng dữ liệu nào."]) }
        let refused = UploadRights.problems(dataset, req, tree: try await web.tree())
        guard refused.isEmpty else {
            for problem in refused {
                try await Refusals.record(req, event: "tu_choi", detail: "nhập dữ liệu: \(problem)", web.store)
            }
            return .problems(refused)
        }
        let user = entry.username
        do {
            let summary =
                dryRun
                ? try await DatasetImporter.dryRun(dataset, by: user, store: web.store)
                : try await DatasetImporter.run(dataset, by: user, store: web.store)
            return .summary(summary)
        } catch let error as ImportProblems {
            return .problems(error.problems.map(\.description))
        } catch let error as FigureOutOfRange {
            return .problems([error.description])
        }
    }
}

/// What a person may import through the page, table by table, unit by unit.
enum UploadRights {
    /// Why the dataset may not be imported by this person; empty when it may.
    static func problems(_ dataset: Dataset, _ req: Request, tree: UnitTree) -> [String] {
        var problems: [String] = []
        func allowed(_ action: Action, _ code: String) -> Bool {
            guard let unit = tree.byCode[code] else { return true }  // an unknown code is the importer's problem
            return Access.allows(req, action, on: unit, tree: tree)
        }
        // The shared catalogue (fields, indicators, units, reorganisations, calendars, rules): the administrator of a
        // unit at the top of the tree. Targets and figures: an administrator over each unit they name.
        let shared = dataset.catalogueTables.filter { $0 != .targets && $0 != .values }
        if !shared.isEmpty {
            let roots = tree.units.filter { $0.parentID == nil }
            if !roots.contains(where: { Access.allows(req, .manageCatalogue, on: $0, tree: tree) }) {
                problems.append(
                    "bảng \(shared.map(\.rawValue).joined(separator: ", ")) là danh mục dùng chung: chỉ quản trị cấp cao nhất được nhập"
                )
            }
        }
        let units = Set(dataset.targets.map(\.unit) + dataset.values.map(\.unit))
        for code in units.sorted() where !allowed(.manageCatalogue, code) {
            problems.append("không có quyền nhập chỉ tiêu kế hoạch, số liệu của đơn vị \(code)")
        }
        let tasks = Set(
            dataset.programme.map(\.locality) + dataset.tasks.map(\.locality) + dataset.sessions.map(\.locality)
                + dataset.petitions.map(\.locality))
        for code in tasks.sorted() where !allowed(.assignTasks, code) {
            problems.append("không có quyền nhập chương trình công tác, nhiệm vụ, kiến nghị của \(code)")
        }
        let register = Set(dataset.receptions.map(\.locality) + dataset.letters.map(\.locality))
        for code in register.sorted() where !allowed(.handleLetters, code) {
            problems.append("không có quyền nhập sổ tiếp công dân, đơn thư của \(code)")
        }
        return problems
    }
}
