import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The report sections given to the viewer's units to write: where an office's reporter starts writing (from the
/// menu's "Soạn báo cáo" and from their entry page), without rights over the whole report.
enum AssignedSections {
    struct Item {
        var assignment: WorkspaceRepository.Assignment
        var templateName: String
        var title: String
        var locality: StoredUnit
    }

    /// The sections given to units the viewer reports for, newest period first.
    static func items(_ req: Request, _ web: Web, _ tree: UnitTree) async throws -> [Item] {
        guard let viewer = req.viewer else { return [] }
        let units = viewer.grants.filter { $0.role == .reporter }.map(\.unitID)
        let assignments = try await WorkspaceRepository.assignments(to: units, web.db)
        guard !assignments.isEmpty else { return [] }
        var templates: [String: (name: String, body: ReportTemplate)] = [:]
        let names = Dictionary(try await ReportTemplateRepository.codes(web.db).map { ($0.code, $0.name) }) { a, _ in a
        }
        var items: [Item] = []
        for a in assignments {
            if templates[a.key.template] == nil,
                let stored = try await ReportTemplateRepository.find(a.key.template, web.db)
            {
                templates[a.key.template] = (names[a.key.template] ?? a.key.template, stored.template)
            }
            guard let template = templates[a.key.template], let locality = tree.byID[a.key.unitID],
                let section = ReportSections.sections(of: template.body).first(where: { $0.key == a.section })
            else { continue }
            items.append(
                Item(
                    assignment: a, templateName: template.name,
                    title: PhraseTemplate(section.title).render(subject: nil, figures: [:], period: a.key.period).text,
                    locality: locality))
        }
        return items
    }

    /// "10/06/2017", and for an unfinished section past it "10/06/2017 (quá hạn 3 ngày)".
    static func due(_ a: WorkspaceRepository.Assignment, today: CivilDate) -> String {
        guard let deadline = a.deadline else { return "—" }
        let late = today.dayNumber - deadline.dayNumber
        if a.done || late <= 0 { return deadline.slashed + (late == 0 && !a.done ? " (hôm nay)" : "") }
        return deadline.slashed + " (quá hạn \(late) ngày)"
    }

    /// `/soan-bao-cao/duoc-giao`.
    static func page(_ req: Request, _ web: Web) async throws -> Response {
        guard req.viewer != nil else { throw Access.LoginRequired() }
        let items = try await items(req, web, try await web.tree())
        let today = web.settings.today()
        let rows = items.map { item -> HTML in
            let a = item.assignment
            let link =
                "/soan-bao-cao/muc?template=\(a.key.template)&unit=\(item.locality.code)&period=\(a.key.period.code)"
                + "&section=\(a.section)"
            return """
                <tr><td><a href="\(link)">\(item.title)</a></td><td>\(item.templateName)</td>\
                <td>\(item.locality.fullName)</td><td>\(a.key.period.vietnameseName)</td>\
                <td>\(due(a, today: today))</td><td>\(a.done ? "Đã xong" : "Đang viết")</td></tr>
                """
        }
        let body: HTML =
            items.isEmpty
            ? "<h1>Mục báo cáo được giao</h1><p class=\"card\">Chưa có mục báo cáo nào được giao cho đơn vị của bạn.</p>"
            : """
            <h1>Mục báo cáo được giao</h1><p>Bạn được giao \(items.count) mục; bấm vào tên mục để viết.</p>\
            <div class="card scroll"><table class="grid"><thead><tr><th>Mục</th><th>Báo cáo</th><th>Đơn vị</th>\
            <th>Kỳ</th><th>Hạn</th><th>Tình trạng</th></tr></thead><tbody>\(rows)</tbody></table></div>
            """
        return Layout.page(req, title: "Mục báo cáo được giao", section: .workspace, body)
    }

    /// "Bạn được giao 2 mục báo cáo, 1 mục chưa xong." with the link, for a reporter's entry page; empty without any.
    static func notice(_ req: Request, _ web: Web, _ tree: UnitTree) async throws -> HTML {
        let all = try await items(req, web, tree)
        guard !all.isEmpty else { return "" }
        let open = all.filter { !$0.assignment.done }
        let nearest = open.compactMap(\.assignment.deadline).min()
        let dueText = nearest.map { ", hạn gần nhất ngày \($0.slashed)" } ?? ""
        return """
            <p class="card">Bạn được giao \(all.count) mục báo cáo\(open.isEmpty ? "" : ", \(open.count) mục chưa xong\(dueText)"). \
            <a href="/soan-bao-cao/duoc-giao">Xem các mục được giao</a></p>
            """
    }
}
