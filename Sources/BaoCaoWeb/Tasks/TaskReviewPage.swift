import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The review of the tasks a published report proposed: each with its title, field, lead unit and deadline to
/// correct, then assigned or left out; or every one with a lead unit assigned at once.
enum TaskReviewPage {
    struct Model {
        var context: TaskContext
        var template: String
        var locality: StoredUnit
        var period: Period
        var proposed: [StoredTask]
        var assigned: Int
        var dropped: Int
        /// By proposal, an assigned task of the locality with the same content.
        var duplicates: [Int: StoredTask]
        var flash: Layout.Flash?
    }

    static func render(_ req: Request, _ m: Model, status: HTTPStatus = .ok) -> Response {
        let c = m.context
        let hidden: HTML = """
            \(Layout.csrf(req))<input type="hidden" name="template" value="\(m.template)">\
            <input type="hidden" name="unit" value="\(m.locality.code)"><input type="hidden" name="period" value="\(m.period.code)">
            """
        let rows = m.proposed.enumerated().map { n, t -> HTML in
            let id = "de-xuat-\(t.id)"
            let same: HTML =
                m.duplicates[t.id].map { d -> HTML in
                    """
                    <p class="flash error" role="note">Trùng nội dung với nhiệm vụ đã giao \
                    <a href="/nhiem-vu/\(d.id)">\(d.draft.title)</a> (\(c.unitName(d.draft.leadUnitID)), hạn \
                    \(d.record.deadline.words)): nên chọn "Không giao" nếu không phải việc mới.</p>
                    """
                } ?? ""
            return """
                <form id="\(id)" method="post" action="/nhiem-vu/de-xuat" class="card proposal task-form">\(hidden)\
                <input type="hidden" name="id" value="\(t.id)"><input type="hidden" name="phien_ban" value="\(t.version)">\
                <p class="small muted">\(n + 1). \(t.draft.fieldCode.flatMap { c.fields[$0]?.name } ?? "Không thuộc lĩnh vực")</p>\(same)\
                <label for="\(id)-ten">Tên nhiệm vụ</label><input id="\(id)-ten" name="tieu_de" value="\(t.draft.title)" maxlength="500" required>\
                <details><summary>Nội dung đầy đủ</summary><label for="\(id)-nd" class="skip">Nội dung</label>\
                <textarea id="\(id)-nd" name="noi_dung" rows="4">\(t.draft.content)</textarea></details>\
                <div class="filters"><div><label for="\(id)-lv">Lĩnh vực</label><select id="\(id)-lv" name="linh_vuc">\
                \(c.fieldOptions(selected: t.draft.fieldCode))</select></div>\
                <div><label for="\(id)-ct">Đơn vị chủ trì</label><select id="\(id)-ct" name="chu_tri">\
                \(c.unitOptions(of: m.locality.id, selected: t.draft.leadUnitID))</select></div>\
                <div><label for="\(id)-han">Hạn</label><input id="\(id)-han" name="han" type="date" value="\(t.record.deadline.date?.description ?? "")"></div></div>\
                <div class="actions"><button type="submit" name="hanh_dong" value="giao">Giao</button>\
                <button type="submit" name="hanh_dong" value="luu" class="secondary">Lưu</button>\
                <button type="submit" name="hanh_dong" value="bo" class="secondary">Không giao</button></div></form>
                """
        }
        let ready = m.proposed.filter { $0.draft.leadUnitID != nil }.count
        let all: HTML =
            ready > 0
            ? """
            <form method="post" action="/nhiem-vu/de-xuat" class="actions">\(hidden)\
            <button type="submit" name="hanh_dong" value="giao_tat_ca">Giao tất cả \(ready) nhiệm vụ đã có đơn vị chủ trì</button></form>
            """ : ""
        let body: HTML = """
            <p><a href="/nhiem-vu?xem=da-giao">← Nhiệm vụ</a></p>\
            <h1>Rà soát nhiệm vụ đề xuất từ báo cáo \(m.period.vietnameseName)</h1>\
            <p>\(m.locality.fullName). Mỗi gạch đầu dòng của phần nhiệm vụ trọng tâm là một nhiệm vụ đề xuất: lĩnh vực theo \
            tiêu đề, đơn vị chủ trì theo phòng phụ trách lĩnh vực, hạn là ngày cuối của kỳ sau. Sửa nếu cần rồi giao.</p>\
            <p>Chờ rà soát: <strong>\(m.proposed.count)</strong>; đã giao: \(m.assigned); không giao: \(m.dropped).\
            \(m.duplicates.isEmpty ? "" : " Trùng với nhiệm vụ đã giao: <strong>\(m.duplicates.count)</strong>." as HTML)</p>\
            \(all)\(rows)
            """
        return Layout.page(
            req, title: "Rà soát nhiệm vụ đề xuất", section: .tasks, flash: m.flash, status: status, body)
    }
}
