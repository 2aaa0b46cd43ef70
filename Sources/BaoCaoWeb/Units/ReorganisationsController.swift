import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The reorganisations of units (mergers, the 2025 reform), for administrators: each resolution with its lines, and
/// the shares still to be entered.
enum ReorganisationsController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("quan-tri", "sap-xep") { try await list($0, web) }
    }

    static func list(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        try await Access.home(req, .manageCatalogue, tree: tree, store: web.store)
        let reorganisations = try await LineageRepository.all(web.db)
        let cards = reorganisations.map { r -> HTML in
            let missing = r.lines.filter { $0.succession.percent == nil }.count
            let rows = r.lines.map { l -> HTML in
                let successor = tree.byID[l.successorID], predecessor = tree.byID[l.predecessorID]
                let share: HTML =
                    l.succession.percent.map { "\(VietnameseNumber.exact($0))%" }
                    ?? "<span class=\"badge s-nhap\">chưa có tỷ lệ</span>"
                return """
                    <tr><td>\(successor.map { link($0, tree) } ?? "")</td><td>\(predecessor.map { link($0, tree) } ?? "")</td>\
                    <td>\(l.succession.part.vietnameseName)</td><td class="num">\(share)</td>\
                    <td>\(l.succession.basis?.vietnameseName ?? "")\(l.succession.shareSource.map { "; " + $0 } ?? "")</td>\
                    <td>\(l.article ?? "")</td></tr>
                    """
            }
            let note: HTML =
                missing == 0
                ? "<p class=\"small muted\">Mọi phần đều có tỷ lệ.</p>"
                : """
                <p class="flash error">\(missing) phần chưa có tỷ lệ (dân số hoặc diện tích): chưa thể dựng số liệu \
                cùng kỳ cho các đơn vị mới nhận những phần đó. Nhập tỷ lệ bằng bảng <code>lineage</code> \
                (cột <code>share</code>, <code>share_basis</code>, <code>share_source</code>).</p>
                """
            return """
                <section class="card scroll"><h2>\(LineageText.source(r, article: nil)) — có hiệu lực từ ngày \
                \(r.effective.slashed)</h2>\(note)<table class="grid"><thead><tr><th>Đơn vị mới</th><th>Đơn vị cũ</th>\
                <th>Phần</th><th class="num">Tỷ lệ</th><th>Tính theo, nguồn</th><th>Điều khoản</th></tr></thead>\
                <tbody>\(rows)</tbody></table></section>
                """
        }
        let body: HTML = """
            <h1>Sắp xếp đơn vị hành chính</h1><p class="muted">Mỗi nghị quyết sắp xếp, với từng đơn vị cũ đã vào \
            đơn vị mới nào, toàn bộ hay một phần. Nhập bằng <code>baocao import</code>, bảng <code>lineage</code> \
            (xem docs/IMPORT.md).</p>\
            \(cards.isEmpty ? ["<div class=\"card\"><p>Chưa có lần sắp xếp nào được nhập.</p></div>"] : cards)
            """
        return Layout.page(req, title: "Sắp xếp đơn vị", section: .reorganisations, body)
    }

    static func link(_ unit: StoredUnit, _ tree: UnitTree) -> HTML {
        "<a href=\"\(LineageText.href(unit, tree))\">\(unit.fullName)</a> <span class=\"small muted\">\(unit.code)</span>"
    }
}
