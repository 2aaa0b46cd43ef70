import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The markup of the petition pages: the sessions, one session's petitions, one petition.
enum PetitionPages {
    static func outcomeBadge(_ p: StoredPetition) -> HTML {
        if p.sameAs != nil { return "<span class=\"badge tt-cho\">Đã gộp vào kiến nghị số \(p.sameAs ?? 0)</span>" }
        if p.assignedUnitID == nil, p.forwardedTo != nil {
            return "<span class=\"badge tt-cho\">Đã chuyển cấp trên</span>"
        }
        guard let outcome = p.outcome else {
            return p.assignedUnitID == nil
                ? "<span class=\"badge tt-cam\">Chưa giao</span>" : "<span class=\"badge tt-cam\">Chưa trả lời</span>"
        }
        let colour =
            switch outcome {
            case .resolved: "xanh-la"
            case .inProgress, .explained: "xanh-duong"
            case .unresolved: "do"
            }
        return "<span class=\"badge tt-\(colour)\">\(outcome.vietnameseName)</span>"
    }

    static func index(
        _ req: Request, context c: TaskContext, sessions: [StoredCouncilSession], petitions: [Int: [StoredPetition]],
        mine: [StoredPetition], flash: Layout.Flash?, status: HTTPStatus
    ) -> Response {
        let rows = sessions.map { s -> HTML in
            let list = petitions[s.id] ?? []
            let open = list.filter { $0.sameAs == nil && $0.assignedUnitID != nil && $0.outcome == nil }.count
            let unit = c.tree.byID[s.localityID]
            return """
                <tr><td data-label="Kỳ họp"><span><a href="/kien-nghi/ky-hop/\(s.id)">Kỳ họp thứ \(s.session.number) HĐND \
                \(unit?.nameInSentence ?? "") khóa \(s.session.term)</a>\(s.illustrative ? " \(TaskContext.illustrativeTag)" as HTML : "")</span></td>\
                <td data-label="Khai mạc">\(s.session.opensOn.slashed)</td>\
                <td data-label="Hạn trả lời">\(s.session.answerDeadline?.slashed ?? "")</td>\
                <td data-label="Kiến nghị">\(list.count)</td><td data-label="Chưa trả lời">\(open)</td>\
                <td data-label="Công bố">\(s.publishedAt.map { DateText.short($0) } ?? "chưa")</td></tr>
                """
        }
        let mineRows = mine.map { p -> HTML in
            "<li><a href=\"/kien-nghi/\(p.id)\">\(p.words)</a> \(outcomeBadge(p))</li>"
        }
        let creator: HTML =
            c.assigningLocalities.first.map { locality -> HTML in
                """
                <details class="card"><summary><h2 style="display:inline">Thêm kỳ họp</h2></summary>\
                <form method="post" action="/kien-nghi/ky-hop" class="task-form">\(Layout.csrf(req))\
                <input type="hidden" name="locality" value="\(locality.code)">\
                <div class="filters"><div><label for="kh-so">Kỳ họp thứ</label><input id="kh-so" name="so" inputmode="numeric" required></div>\
                <div><label for="kh-khoa">Khóa</label><input id="kh-khoa" name="khoa" placeholder="XVIII" required></div>\
                <div><label for="kh-ngay">Ngày khai mạc</label><input id="kh-ngay" name="khai_mac" type="date" required></div>\
                <div><label for="kh-han">Hạn trả lời kiến nghị</label><input id="kh-han" name="han_tra_loi" type="date"></div></div>\
                <div class="actions"><button type="submit">Thêm kỳ họp</button></div></form></details>
                """
            } ?? ""
        let body: HTML = """
            <h1>Kiến nghị cử tri</h1>\
            \(mineRows.isEmpty ? "" : "<section class=\"card\"><h2>Kiến nghị giao đơn vị bạn giải quyết</h2><ul>\(mineRows)</ul></section>" as HTML)\
            <div class="card scroll"><table class="grid cards"><thead><tr><th>Kỳ họp</th><th>Khai mạc</th><th>Hạn trả lời</th>\
            <th>Kiến nghị</th><th>Chưa trả lời</th><th>Công bố</th></tr></thead><tbody>\
            \(rows.isEmpty ? ["<tr><td colspan=\"6\">Chưa có kỳ họp nào.</td></tr>"] : rows)</tbody></table></div>\(creator)
            """
        return Layout.page(req, title: "Kiến nghị cử tri", section: .petitions, flash: flash, status: status, body)
    }

    static func session(
        _ req: Request, context c: TaskContext, stored s: StoredCouncilSession, petitions: [StoredPetition],
        flash: Layout.Flash?, status: HTTPStatus
    ) -> Response {
        let locality = c.tree.byID[s.localityID]
        let heads = petitions.filter { $0.sameAs == nil }
        let members = Dictionary(grouping: petitions.filter { $0.sameAs != nil }, by: { $0.sameAs! })
        let count = PetitionCount(
            matters: heads.map {
                .init(
                    petitions: 1 + (members[$0.id]?.count ?? 0), outcome: $0.outcome,
                    forwarded: $0.assignedUnitID == nil && $0.forwardedTo != nil)
            })
        let rows = petitions.map { p -> HTML in
            let body =
                p.assignedUnitID.map { c.unitName($0) } ?? p.forwardedTo.map { "Chuyển: \($0)" } ?? ""
            return """
                <tr><td data-label="Số">\(p.id)</td><td data-label="Nội dung"><a href="/kien-nghi/\(p.id)">\(p.words)</a></td>\
                <td data-label="Nơi tiếp xúc">\(p.heardAt)\(p.heardOn.map { ", \($0.slashed)" } ?? "")</td>\
                <td data-label="Lĩnh vực">\(p.fieldCode.flatMap { c.fields[$0]?.name } ?? "")</td>\
                <td data-label="Giải quyết">\(body)</td><td data-label="Kết quả">\(outcomeBadge(p))</td></tr>
                """
        }
        let manages = c.allows(.assignTasks, on: s.localityID)
        let add: HTML =
            manages
            ? """
            <details class="card" id="them-kien-nghi"><summary><h2 style="display:inline">Tiếp nhận kiến nghị</h2></summary>\
            <form method="post" action="/kien-nghi/ky-hop/\(s.id)" class="task-form">\(Layout.csrf(req))\
            <input type="hidden" name="buoc" value="them">\
            <div class="filters"><div><label for="kn-noi">Nơi tiếp xúc cử tri</label><input id="kn-noi" name="noi" required \
            placeholder="Cử tri phường Máy Chai"></div><div><label for="kn-ngay">Ngày</label><input id="kn-ngay" name="ngay" type="date"></div>\
            <div><label for="kn-db">Đại biểu tiếp xúc</label><input id="kn-db" name="dai_bieu"></div></div>\
            <label for="kn-nd">Nội dung kiến nghị (lời cử tri)</label><textarea id="kn-nd" name="noi_dung" required></textarea>\
            <label for="kn-lv">Lĩnh vực</label><select id="kn-lv" name="linh_vuc">\(c.fieldOptions(selected: nil))</select>\
            <div class="actions"><button type="submit">Tiếp nhận</button></div></form></details>
            """ : ""
        let publish: HTML =
            manages
            ? """
            <form method="post" action="/kien-nghi/ky-hop/\(s.id)" class="actions">\(Layout.csrf(req))\
            <input type="hidden" name="buoc" value="cong_bo"><button type="submit" class="secondary">\
            \(s.publishedAt == nil ? "Công bố các trả lời" : "Công bố lại các trả lời")</button></form>
            """ : ""
        let name = "Kỳ họp thứ \(s.session.number) HĐND \(locality?.nameInSentence ?? "") khóa \(s.session.term)"
        let body: HTML = """
            <p><a href="/kien-nghi">← Kiến nghị cử tri</a></p><h1>\(name)</h1>\
            \(s.illustrative ? "<p class=\"view-note view-lam-viec\">\(TaskContext.illustrativeTag) Kiến nghị và trả lời của kỳ họp này là số liệu minh họa cho bản trình diễn.</p>" as HTML : "")\
            <p>Khai mạc ngày \(s.session.opensOn.slashed)\(s.session.answerDeadline.map { "; hạn trả lời kiến nghị ngày \($0.slashed)" } ?? ""). \
            \(s.publishedAt.map { "Đã công bố trả lời ngày \(DateText.short($0))." } ?? "Chưa công bố trả lời.")</p>\
            <p class="card" id="tong-hop-kien-nghi">\(count.sentence(ownBody: "UBND \(locality?.kindWords ?? "")"))</p>\
            <p class="actions"><a class="button" href="/kien-nghi/ky-hop/\(s.id)/bao-cao">Tải báo cáo kết quả giải quyết (DOCX)</a>\
            <a class="button secondary" href="/kien-nghi/ky-hop/\(s.id)/bao-cao?format=html">Xem trước</a></p>\(publish)\
            <div class="card scroll"><table class="grid cards" id="bang-kien-nghi"><thead><tr><th>Số</th><th>Nội dung</th>\
            <th>Nơi tiếp xúc</th><th>Lĩnh vực</th><th>Giải quyết</th><th>Kết quả</th></tr></thead><tbody>\
            \(rows.isEmpty ? ["<tr><td colspan=\"6\">Chưa có kiến nghị nào.</td></tr>"] : rows)</tbody></table></div>\(add)
            """
        return Layout.page(req, title: name, section: .petitions, flash: flash, status: status, body)
    }

    static func petition(
        _ req: Request, context c: TaskContext, petition p: StoredPetition, stored s: StoredCouncilSession,
        others: [StoredPetition], history: [(detail: String, by: String, at: String)], names: [String: String],
        flash: Layout.Flash?, status: HTTPStatus
    ) -> Response {
        func hidden(_ step: String) -> HTML {
            "\(Layout.csrf(req))<input type=\"hidden\" name=\"buoc\" value=\"\(step)\"><input type=\"hidden\" name=\"phien_ban\" value=\"\(p.version)\">"
        }
        var forms: [HTML] = []
        if c.allows(.assignTasks, on: s.localityID) && p.outcome == nil {
            let groups = others.map { o -> HTML in
                "<option value=\"\(o.id)\"\(HTML.flag("selected", o.id == p.sameAs))>Số \(o.id): \(String(o.words.prefix(80)))</option>"
            }
            forms.append(
                """
                <form method="post" action="/kien-nghi/\(p.id)" class="card step task-form" id="buoc-giao"><h3>Chuyển xử lý</h3>\(hidden("giao"))\
                <label for="gq-cq">Cơ quan giải quyết</label><select id="gq-cq" name="co_quan">\
                \(c.unitOptions(of: s.localityID, selected: p.assignedUnitID, blank: "(không giao cơ quan của địa phương)"))</select>\
                <label for="gq-cd">Hoặc chuyển cấp trên (ghi nơi chuyển đến)</label><input id="gq-cd" name="chuyen_den" \
                value="\(p.forwardedTo)" placeholder="UBND thành phố">\
                <label for="gq-gop">Hoặc gộp vào kiến nghị cùng nội dung</label><select id="gq-gop" name="gop_vao">\
                <option value="">(không gộp)</option>\(groups)</select>\
                <div class="actions"><button type="submit">Lưu</button></div></form>
                """)
        }
        let mayAnswer = c.allows(.reportTask, on: p.assignedUnitID) || c.allows(.assignTasks, on: s.localityID)
        if mayAnswer && p.assignedUnitID != nil && p.sameAs == nil {
            let outcomes = PetitionOutcome.allCases.map { o -> HTML in
                "<option value=\"\(o.rawValue)\"\(HTML.flag("selected", o == p.outcome))>\(o.vietnameseName)</option>"
            }
            forms.append(
                """
                <form method="post" action="/kien-nghi/\(p.id)" class="card step task-form" id="buoc-tra-loi"><h3>Trả lời</h3>\(hidden("tra_loi"))\
                <label for="tl-kq">Kết quả giải quyết</label><select id="tl-kq" name="ket_qua"><option value="">(chọn)</option>\(outcomes)</select>\
                <label for="tl-nd">Nội dung trả lời</label><textarea id="tl-nd" name="tra_loi" required>\(p.answer)</textarea>\
                <label for="tl-ld">Lý do (khi chưa giải quyết)</label><textarea id="tl-ld" name="ly_do">\(p.reason)</textarea>\
                <div class="actions"><button type="submit">Lưu trả lời</button></div></form>
                """)
        }
        let facts: [(String, HTML)] = [
            ("Kết quả", outcomeBadge(p)), ("Nội dung kiến nghị", "\(p.words)"),
            ("Nơi tiếp xúc cử tri", "\(p.heardAt)\(p.heardOn.map { ", ngày \($0.slashed)" } ?? "")"),
            ("Đại biểu", "\(p.deputies ?? "")"), ("Lĩnh vực", "\(p.fieldCode.flatMap { c.fields[$0]?.name } ?? "")"),
            (
                "Cơ quan giải quyết",
                "\(p.assignedUnitID.map { c.unitName($0) } ?? p.forwardedTo.map { "Chuyển \($0)" } ?? "(chưa giao)")"
            ),
            ("Trả lời", "\(p.answer ?? "")"), ("Lý do chưa giải quyết", "\(p.reason ?? "")"),
        ]
        let rows = history.reversed().map { e -> HTML in
            "<tr><td data-label=\"Lúc\">\(DateText.short(e.at))</td><td data-label=\"Người\">\(names[e.by] ?? e.by)</td><td data-label=\"Nội dung\">\(e.detail)</td></tr>"
        }
        let body: HTML = """
            <p><a href="/kien-nghi/ky-hop/\(s.id)">← Kỳ họp thứ \(s.session.number)</a></p><h1>Kiến nghị số \(p.id)</h1>\
            <dl class="card facts">\(facts.map { k, v -> HTML in "<dt>\(k)</dt><dd>\(v)</dd>" })</dl>\
            \(forms.isEmpty ? "" : "<section class=\"steps\" aria-label=\"Thao tác\">\(forms)</section>" as HTML)\
            <section class="card scroll"><h2>Lịch sử</h2><table class="grid cards"><thead><tr><th>Lúc</th><th>Người</th>\
            <th>Nội dung</th></tr></thead><tbody>\(rows)</tbody></table></section>
            """
        return Layout.page(req, title: "Kiến nghị số \(p.id)", section: .petitions, flash: flash, status: status, body)
    }
}

extension StoredUnit {
    /// "quận", "phường": the kind as a sentence names it.
    var kindWords: String { kind.vietnameseName }
}
