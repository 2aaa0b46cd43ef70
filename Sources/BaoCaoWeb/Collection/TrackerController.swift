import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The collection tracker: every unit that must report for the period, where it stands, its deadline and who is
/// late. The compiler's home page.
enum TrackerController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("theo-doi") { try await show($0, web) }
    }

    struct Line {
        var unit: StoredUnit
        var submission: Submission
        var late: Bool
    }

    static func lines(
        locality: StoredUnit, period: Period, tree: UnitTree, web: Web
    ) async throws -> (lines: [Line], deadline: CivilDate) {
        let catalogue = try await IndicatorRepository.catalogue(web.db)
        let units = ReportingForms.reporters(of: locality, tree: tree, catalogue: catalogue)
        let calendar = try await CalendarRepository.calendar(for: locality, units: tree.units, web.db)
        let deadline = calendar.window(for: period).deadline
        let today = web.settings.today()
        let submissions = try await SubmissionRepository.submissions(unitIDs: units.map(\.id), period: period, web.db)
        let lines = units.map { unit in
            let s = submissions[unit.id] ?? Submission(unitID: unit.id, period: period.code, status: .notStarted)
            return Line(
                unit: unit, submission: s, late: SubmissionFlow.isLate(s.status, deadline: deadline, today: today))
        }
        return (lines, deadline)
    }

    static func show(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let locality = try Access.unit(req, tree: tree)
        try await Access.require(req, .readDraft, on: locality, tree: tree, store: web.store)
        let period = try Access.period(req, default: web.settings.defaultPeriod)
        let (all, deadline) = try await lines(locality: locality, period: period, tree: tree, web: web)
        let statusFilter = req.query[String.self, at: "status"].flatMap(SubmissionStatus.init(rawValue:))
        let kindFilter = req.query[String.self, at: "kind"] ?? ""
        let lateOnly = req.query[String.self, at: "late"] == "1"
        let shown = all.filter { line in
            (statusFilter == nil || line.submission.status == statusFilter)
                && (kindFilter.isEmpty || (kindFilter == "phong") == line.unit.kind.isOffice)
                && (!lateOnly || line.late)
        }
        var counts: [SubmissionStatus: Int] = [:]
        for line in all { counts[line.submission.status, default: 0] += 1 }
        let summary = SubmissionStatus.allCases.map { s -> HTML in
            "<li>\(Layout.badge(s)) \(counts[s] ?? 0)</li>"
        }
        let rows = shown.map { line -> HTML in
            let s = line.submission
            return """
                <tr><td><a href="/nhap-lieu?unit=\(line.unit.code)&amp;period=\(period.code)">\(line.unit.fullName)</a></td>\
                <td>\(Layout.badge(s.status))</td>\
                <td>\(DateText.day(deadline))</td>\
                <td>\(line.late ? "<span class=\"late\">Quá hạn</span>" as HTML : (s.status.isDelivered ? "Đã nộp" : "Chưa đến hạn"))</td>\
                <td>\(s.updatedAt.map(DateText.short) ?? "")\(s.updatedBy.map { b -> HTML in " — \(b)" } ?? "")</td>\
                <td>\(s.reason ?? "")</td></tr>
                """
        }
        let statusOptions =
            ["<option value=\"\">Tất cả</option>"]
            + SubmissionStatus.allCases.map { s -> HTML in
                "<option value=\"\(s.rawValue)\"\(HTML.flag("selected", s == statusFilter))>\(s.vietnameseName)</option>"
            }
        let kindOptions = [("", "Tất cả"), ("phong", "Phòng, ban"), ("xa", "Xã, phường")].map { k, label -> HTML in
            "<option value=\"\(k)\"\(HTML.flag("selected", k == kindFilter))>\(label)</option>"
        }
        let filters: HTML = """
            <div><label for="loc-tt">Tình trạng</label><select id="loc-tt" name="status">\(statusOptions)</select></div>\
            <div><label for="loc-loai">Loại đơn vị</label><select id="loc-loai" name="kind">\(kindOptions)</select></div>\
            <div><label><input type="checkbox" name="late" value="1"\(HTML.flag("checked", lateOnly))> Chỉ đơn vị quá hạn</label></div>
            """
        let lateCount = all.filter(\.late).count
        let body: HTML = """
            <h1>Theo dõi nộp số liệu: \(locality.fullName) — \(period.vietnameseName)</h1>\
            <p>Hạn nộp theo lịch báo cáo: <strong>\(DateText.day(deadline))</strong>. \
            \(lateCount > 0 ? "<span class=\"late\">\(lateCount) đơn vị quá hạn.</span>" as HTML : "Không có đơn vị quá hạn.")</p>\
            <ul class="summary" aria-label="Tổng hợp theo tình trạng">\(summary)</ul>\
            \(PeriodPicker.form(action: "/theo-doi", period: period, unit: locality.code, extra: filters))\
            <div class="card scroll"><table class="grid" id="bang-theo-doi"><caption class="skip">Tình trạng nộp số liệu</caption>\
            <thead><tr><th>Đơn vị</th><th>Tình trạng</th><th>Hạn nộp</th><th>Hạn</th><th>Cập nhật</th>\
            <th>Lý do trả lại</th></tr></thead><tbody>\(rows.isEmpty ? ["<tr><td colspan=\"6\">Không có đơn vị nào khớp bộ lọc.</td></tr>"] : rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Theo dõi nộp số liệu", section: .tracker, body)
    }
}
