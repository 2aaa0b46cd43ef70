import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The forms of a letter's next steps, each only when it can be taken: classify (until a path is chosen), choose the
/// path, extend and resolve an accepted complaint or denunciation.
enum LetterSteps {
    static func forms(_ req: Request, _ c: CitizenContext, _ l: StoredLetter, accounts: [Account]) -> HTML {
        let head: HTML = "\(Layout.csrf(req))<input type=\"hidden\" name=\"phien_ban\" value=\"\(l.version)\">"
        let action = "/tiep-dan/don/\(l.id)"
        var parts: [HTML] = []
        let offices = c.tree.children(of: l.localityID).filter(\.kind.isOffice).map { u -> HTML in
            "<option value=\"\(u.code)\"\(HTML.flag("selected", u.id == l.handlerUnitID))>\(ReportTasks.leadName(u))</option>"
        }
        if l.path == nil {
            parts.append(
                """
                <details class="card" id="phan-loai"\(HTML.flag("open", l.eligible == nil))><summary><h2 style="display:inline">Phân loại đơn</h2></summary>\
                <form method="post" action="\(action)" class="task-form">\(head)<input type="hidden" name="buoc" value="phan_loai">\
                <div class="filters"><div><label for="p-loai">Loại đơn</label><select id="p-loai" name="loai">\(LetterPages.options(LetterKind.self, selected: l.kind, name: \.vietnameseName))</select></div>\
                <div><label for="p-dk">Điều kiện xử lý</label><select id="p-dk" name="du_dieu_kien"><option value="co">Đủ điều kiện</option>\
                <option value="khong"\(HTML.flag("selected", l.eligible == false))>Không đủ điều kiện</option></select></div>\
                <div><label for="p-tq">Thẩm quyền</label><select id="p-tq" name="tham_quyen"><option value="co">Thuộc thẩm quyền</option>\
                <option value="khong"\(HTML.flag("selected", l.inCompetence == false))>Không thuộc thẩm quyền</option></select></div>\
                <div><label for="p-md">Mức độ</label><select id="p-md" name="muc_do">\(LetterPages.options(CaseComplexity.self, selected: l.complexity, name: \.vietnameseName))</select></div></div>\
                <label for="p-ld">Lý do không đủ điều kiện</label><input id="p-ld" name="ly_do" value="\(l.ineligibleReason ?? "")">\
                <div class="filters"><div><label for="p-cq">Cơ quan xử lý</label><select id="p-cq" name="co_quan"><option value="">(chưa giao)</option>\(offices)</select></div>\
                <div><label for="p-nx">Người xử lý</label><select id="p-nx" name="nguoi_xu_ly">\(c.handlerOptions(accounts, locality: l.localityID, selected: l.handler))</select></div></div>\
                <div class="actions"><button type="submit">Lưu phân loại</button></div></form></details>
                """)
        }
        if l.path == nil && l.eligible != nil {
            let paths = LetterPath.allCases.filter { p in
                switch p {
                case .accepted: return l.kind.hasLegalClock && l.eligible == true && l.inCompetence == true
                case .answered: return l.kind == .petition
                default: return true
                }
            }
            parts.append(
                """
                <section class="card" id="xu-ly"><h2>Xử lý đơn</h2><form method="post" action="\(action)" class="task-form">\(head)\
                <input type="hidden" name="buoc" value="xu_ly"><div class="filters">\
                <div><label for="x-huong">Hướng xử lý</label><select id="x-huong" name="huong">\(paths.map { p -> HTML in "<option value=\"\(p.rawValue)\">\(p.vietnameseName)</option>" })</select></div>\
                <div><label for="x-ngay">Ngày</label><input id="x-ngay" name="ngay" type="date" required value="\(c.today.description)"></div>\
                <div><label for="x-vb">Văn bản (số, ngày)</label><input id="x-vb" name="van_ban" required placeholder="Thông báo thụ lý số 12/TB-UBND"></div>\
                <div><label for="x-cd">Chuyển đến (khi chuyển đơn)</label><input id="x-cd" name="chuyen_den"></div></div>\
                <div class="actions"><button type="submit">Lưu hướng xử lý</button></div></form></section>
                """)
        }
        if l.path == .accepted && l.resolvedOn == nil {
            if l.clock.extensionProblem(days: 1, c.rules.clocks) == nil {
                parts.append(
                    """
                    <details class="card" id="gia-han"><summary><h2 style="display:inline">Gia hạn giải quyết</h2></summary>\
                    <form method="post" action="\(action)" class="task-form">\(head)<input type="hidden" name="buoc" value="gia_han">\
                    <div class="filters"><div><label for="g-ngay">Ngày quyết định</label><input id="g-ngay" name="ngay" type="date" required></div>\
                    <div><label for="g-so">Số ngày gia hạn</label><input id="g-so" name="so_ngay" inputmode="numeric" required></div>\
                    <div><label for="g-vb">Quyết định gia hạn (số, ngày)</label><input id="g-vb" name="van_ban" required></div></div>\
                    <div class="actions"><button type="submit">Gia hạn</button></div></form></details>
                    """)
            }
            parts.append(
                """
                <section class="card" id="giai-quyet"><h2>Kết quả giải quyết</h2><form method="post" action="\(action)" class="task-form">\(head)\
                <input type="hidden" name="buoc" value="giai_quyet"><div class="filters">\
                <div><label for="k-ngay">Ngày ban hành</label><input id="k-ngay" name="ngay" type="date" required value="\(c.today.description)"></div>\
                <div><label for="k-vb">Quyết định, kết luận (số, ngày)</label><input id="k-vb" name="van_ban" required></div>\
                <div><label for="k-kq">Kết quả</label><select id="k-kq" name="ket_qua">\(LetterPages.options(LetterOutcome.self, selected: nil, name: \.vietnameseName, blank: "(chọn)"))</select></div></div>\
                <div class="filters"><div><label for="k-tien">Tiền trả lại (đồng)</label><input id="k-tien" name="tien" inputmode="numeric"></div>\
                <div><label for="k-dat">Đất trả lại (m²)</label><input id="k-dat" name="dat" inputmode="numeric"></div></div>\
                <label for="k-gc">Ghi chú</label><input id="k-gc" name="ghi_chu">\
                <div class="actions"><button type="submit">Lưu kết quả</button></div></form></section>
                """)
        }
        return HTML.join(parts)
    }
}
