import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// `/`: each person's starting page by role; for visitors, what BaoCao is and where published reports are.
enum HomePage {
    static func render(_ req: Request, _ web: Web) async throws -> Response {
        if let viewer = req.viewer {
            let tree = try await web.tree()
            let unit = viewer.homeUnitID(in: tree).flatMap { tree.byID[$0] }
            let code = unit?.code ?? ""
            let period = web.settings.period(for: unit, tree).code
            if viewer.has(.compiler) || viewer.has(.administrator) {
                return Layout.redirect("/theo-doi?unit=\(code)&period=\(period)")
            }
            if viewer.has(.reporter) { return Layout.redirect("/nhap-lieu?period=\(period)") }
            if viewer.has(.approver) {
                // The head of a locality follows what waits for approval; the head of an office or a ward opens
                // the unit's own form, where the approval buttons are.
                if let unit, !unit.kind.isOffice && !unit.kind.isCommuneLevel {
                    return Layout.redirect("/theo-doi?unit=\(code)&period=\(period)&status=da_gui")
                }
                return Layout.redirect("/nhap-lieu?unit=\(code)&period=\(period)")
            }
            return Layout.redirect("/tong-quan?unit=\(code)&period=\(period)")
        }
        let body: HTML = """
            <div class="card stack"><h1>BaoCao</h1>\
            <p>Hệ thống báo cáo tình hình kinh tế - xã hội cho Ủy ban nhân dân các cấp: các phòng, ban và xã, phường \
            nhập số liệu một lần, so sánh ngay với kế hoạch và cùng kỳ; văn phòng theo dõi đơn vị nào chậm; báo cáo \
            được soạn theo đúng thể thức Nghị định 30.</p>\
            <p class="actions"><a class="button" href="/dang-nhap">Đăng nhập</a>\
            <a class="button secondary" href="/cong-khai">Xem báo cáo đã công bố</a></p></div>
            """
        return Layout.page(req, title: "Trang chủ", section: .home, body)
    }
}
