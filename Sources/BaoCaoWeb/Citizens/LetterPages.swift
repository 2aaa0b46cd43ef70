import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The markup of the letters' register and of one letter.
enum LetterPages {
    static func options<T: RawRepresentable & CaseIterable>(
        _ type: T.Type, selected: T?, name: (T) -> String, blank: String? = nil
    ) -> HTML where T.RawValue == String, T: Equatable {
        let items = type.allCases.map { v -> HTML in
            "<option value=\"\(v.rawValue)\"\(HTML.flag("selected", v == selected))>\(name(v))</option>"
        }
        return "\(blank.map { "<option value=\"\">\($0)</option>" as HTML } ?? "")\(items)"
    }

    static func tabs(_ locality: StoredUnit, period: Period, active: String) -> HTML {
        let items = [("don", "/tiep-dan", "Đơn thư"), ("buoi", "/tiep-dan/buoi", "Tiếp công dân, lịch tiếp")]
        return """
            <nav class="tabs" aria-label="Sổ">\(items.map { item -> HTML in
                "<a href=\"\(item.1)?unit=\(locality.code)&ky=\(period.code)\"\(HTML.flag("aria-current=\"page\"", item.0 == active))>\(item.2)</a>"
            })</nav>
            """
    }

    static func index(
        _ req: Request, context c: CitizenContext, locality: StoredUnit, period: Period, counts: RegisterCounts,
        letters: [StoredLetter], total: Int, filter: LetterFilter, typed: LetterForm?,
        flash: Layout.Flash?, status: HTTPStatus
    ) -> Response {
        let rows = letters.prefix(500).map { l -> HTML in
            """
            <tr><td data-label="Số">\(l.id)</td><td data-label="Ngày nhận">\(l.receivedOn.slashed)</td>\
            <td data-label="Loại">\(l.kind.vietnameseName)\(l.sameAs.map { " (trùng đơn \($0))" } ?? "")</td>\
            <td data-label="Nội dung"><span><a href="/tiep-dan/don/\(l.id)">\(l.content)</a>\
            \(l.illustrative ? " \(TaskContext.illustrativeTag)" as HTML : "")</span></td>\
            <td data-label="Người xử lý">\(l.handler ?? "")</td><td data-label="Tình trạng">\(c.badge(l))</td></tr>
            """
        }
        let t = typed?.fields ?? [:]
        let value = { (name: String) -> String in t[name] ?? "" }
        let form: HTML = """
            <details class="card" id="tiep-nhan-don"\(HTML.flag("open", typed != nil))><summary><h2 style="display:inline">Tiếp nhận đơn</h2></summary>\
            <form method="post" action="/tiep-dan/don?unit=\(locality.code)" class="task-form">\(Layout.csrf(req))\
            <div class="filters"><div><label for="d-ngay">Ngày nhận đơn</label><input id="d-ngay" name="ngay_nhan" type="date" required value="\(value("ngay_nhan"))"></div>\
            <div><label for="d-nguon">Nguồn đơn</label><select id="d-nguon" name="nguon">\(options(LetterChannel.self, selected: LetterChannel(rawValue: value("nguon")), name: \.vietnameseName))</select></div>\
            <div><label for="d-cq">Cơ quan chuyển đến (nếu có)</label><input id="d-cq" name="co_quan_chuyen" value="\(value("co_quan_chuyen"))"></div>\
            <div><label for="d-loai">Loại đơn</label><select id="d-loai" name="loai">\(options(LetterKind.self, selected: LetterKind(rawValue: value("loai")), name: \.vietnameseName))</select></div>\
            <div><label for="d-lan">Khiếu nại lần</label><select id="d-lan" name="lan"><option value="1">Lần đầu</option><option value="2"\(HTML.flag("selected", value("lan") == "2"))>Lần hai</option></select></div></div>\
            <div class="filters"><div><label for="d-nguoi">Người viết đơn</label><input id="d-nguoi" name="nguoi_viet" required value="\(value("nguoi_viet"))"></div>\
            <div><label for="d-dc">Địa chỉ</label><input id="d-dc" name="dia_chi" value="\(value("dia_chi"))"></div>\
            <div><label for="d-lh">Điện thoại, thư điện tử</label><input id="d-lh" name="lien_he" value="\(value("lien_he"))"></div>\
            <div><label for="d-sn">Số người đứng tên</label><input id="d-sn" name="so_nguoi" inputmode="numeric" value="\(value("so_nguoi").isEmpty ? "1" : value("so_nguoi"))"></div></div>\
            <p class="small">Với đơn tố cáo, họ tên, địa chỉ, liên hệ của người tố cáo chỉ người xử lý đơn và Chủ tịch xem được; \
            mỗi lần xem đều được ghi lại (Luật Tố cáo 2018).</p>\
            <label for="d-nd">Nội dung đơn</label><textarea id="d-nd" name="noi_dung" required>\(value("noi_dung"))</textarea>\
            <div class="filters"><div><label for="d-trung">Trùng với đơn số (nếu có)</label><input id="d-trung" name="trung_don" inputmode="numeric" value="\(value("trung_don"))"></div>\
            <div><label for="d-vv">Thuộc vụ việc số (đã tiếp, nếu có)</label><input id="d-vv" name="vu_viec" inputmode="numeric" value="\(value("vu_viec"))"></div>\
            <div><label for="d-vs">Vùng sâu, vùng xa</label><select id="d-vs" name="vung_sau"><option value="khong">Không</option><option value="co"\(HTML.flag("selected", value("vung_sau") == "co"))>Có</option></select></div></div>\
            <div class="actions"><button type="submit">Tiếp nhận đơn</button></div></form></details>
            """
        let handlerChoices = Set(letters.compactMap(\.handler)).sorted().map { h -> HTML in
            "<option value=\"\(h)\"\(HTML.flag("selected", h == filter.handler))>\(h)</option>"
        }
        let filters: HTML = """
            <form method="get" action="/tiep-dan" class="filters card" aria-label="Lọc đơn">\
            <input type="hidden" name="unit" value="\(locality.code)"><input type="hidden" name="ky" value="\(period.code)">\
            <div><label for="f-loai">Loại đơn</label><select id="f-loai" name="loai">\(options(LetterKind.self, selected: filter.kind, name: \.vietnameseName, blank: "(tất cả)"))</select></div>\
            <div><label for="f-gd">Giai đoạn</label><select id="f-gd" name="giai_doan">\(options(LetterStage.self, selected: filter.stage, name: \.vietnameseName, blank: "(tất cả)"))</select></div>\
            <div><label for="f-xl">Người xử lý</label><select id="f-xl" name="xu_ly"><option value="">(tất cả)</option>\(handlerChoices)</select></div>\
            <div><label><input type="checkbox" name="qua_han" value="1"\(HTML.flag("checked", filter.overdue))> Chỉ đơn quá hạn</label></div>\
            <div class="actions"><button type="submit" class="secondary">Lọc</button></div></form>
            """
        let body: HTML = """
            <h1>Tiếp công dân, xử lý đơn — \(locality.fullName)</h1>\(tabs(locality, period: period, active: "don"))\
            <section class="card" id="so-lieu-so"><h2>\(period.vietnameseName.prefix(1).uppercased() + period.vietnameseName.dropFirst())</h2>\
            <p>\(counts.sentence)</p><p class="small">Tính trực tiếp từ sổ; là số liệu của các chỉ tiêu tiếp công dân, \
            xử lý đơn trong báo cáo (đơn đã giải quyết xong: đã xử lý đến cùng tại cơ quan đến hết kỳ).</p>\
            <p class="actions"><a class="button" href="/tiep-dan/tong-hop?unit=\(locality.code)&ky=\(period.code)&format=xlsx">\
            Bảng tổng hợp theo mẫu thanh tra (XLSX)</a><a class="button secondary" \
            href="/tiep-dan/tong-hop?unit=\(locality.code)&ky=\(period.code)&format=docx">Phụ lục (DOCX)</a></p></section>\
            \(form)\(filters)\
            <p>\(letters.count) / \(total) đơn\(letters.count > 500 ? " (hiện 500 đơn đầu)" : "").</p>\
            <div class="card scroll"><table class="grid cards"><thead><tr><th>Số</th><th>Ngày nhận</th><th>Loại</th>\
            <th>Nội dung</th><th>Người xử lý</th><th>Tình trạng</th></tr></thead><tbody>\
            \(rows.isEmpty ? ["<tr><td colspan=\"6\">Không có đơn nào.</td></tr>"] : Array(rows))</tbody></table></div>
            """
        return Layout.page(
            req, title: "Tiếp công dân, xử lý đơn", section: .citizens, flash: flash, status: status, body)
    }

    static func letter(
        _ req: Request, context c: CitizenContext, letter l: StoredLetter, author: LetterIdentity.Answer,
        events: [LetterRepository.Event], reads: [LetterIdentity.Read], names: [String: String], accounts: [Account],
        timeline: [CaseRepository.Entry], flash: Layout.Flash?, status: HTTPStatus
    ) -> Response {
        let timing = c.timing(l)
        let authorHTML: HTML =
            switch author {
            case .visible(let a):
                """
                <dt>Người viết đơn</dt><dd>\(a.name)\(l.signers > 1 ? " và \(l.signers - 1) người khác" : "")\
                \(l.kind.protectsAuthor ? "<br><span class=\"small\" id=\"da-ghi-nhat-ky\">Thông tin người tố cáo được bảo vệ; lần xem này đã được ghi lại.</span>" as HTML : "")</dd>\
                <dt>Địa chỉ</dt><dd>\(a.address ?? "")</dd><dt>Liên hệ</dt><dd>\(a.contact ?? "")</dd>
                """
            case .protected:
                """
                <dt>Người viết đơn</dt><dd id="nguoi-to-cao-bao-ve">Thông tin người tố cáo được bảo vệ: chỉ người xử lý đơn \
                và người đứng đầu cơ quan được xem (Luật Tố cáo 2018).</dd>
                """
            }
        let deadline: HTML =
            timing.deadline.map { d -> HTML in
                "<dt>Thời hạn \(d.rule.step == .acceptance ? "thụ lý" : "giải quyết")</dt><dd>\(d.date.slashed) — \(d.words)</dd>"
            } ?? ""
        let history = events.map { e -> HTML in
            "<li><strong>\(e.day?.slashed ?? DateText.short(e.at))</strong> \(e.detail) <span class=\"small\">(\(names[e.by] ?? e.by))</span></li>"
        }
        let readLog: HTML =
            reads.isEmpty
            ? ""
            : """
            <section class="card"><h2>Nhật ký xem thông tin người tố cáo</h2><ul>\(reads.map { r -> HTML in
                "<li>\(DateText.short(r.at)): \(names[r.by] ?? r.by) — \(r.purpose)</li>"
            })</ul></section>
            """
        let caseItems = timeline.map { e -> HTML in
            let text: HTML =
                e.letterID.map { id -> HTML in
                    id == l.id
                        ? "<strong>\(e.text) (đơn này)</strong>" : "<a href=\"/tiep-dan/don/\(id)\">\(e.text)</a>"
                } ?? "\(e.text)"
            return "<li><strong>\(e.day.slashed)</strong> \(text)</li>"
        }
        let caseSection: HTML =
            timeline.count > 1
            ? "<section class=\"card\" id=\"vu-viec\"><h2>Vụ việc số \(l.caseID): các lần tiếp, các đơn</h2><ol class=\"timeline\">\(caseItems)</ol></section>"
            : ""
        let body: HTML = """
            <p><a href="/tiep-dan?unit=\(c.tree.byID[l.localityID]?.code ?? "")">← Sổ theo dõi đơn</a></p>\
            <h1>Đơn số \(l.id): \(l.kind.vietnameseName.lowercased())\(l.round == 2 ? " lần hai" : "")</h1>\
            \(l.illustrative ? "<p class=\"view-note view-lam-viec\">\(TaskContext.illustrativeTag) Đơn minh họa cho bản trình diễn.</p>" as HTML : "")\
            <p id="tinh-trang">\(c.badge(l))\(timing.lateAcceptance.map { " <span class=\"small tt-chu-do\">\($0)</span>" as HTML } ?? "")</p>\
            <section class="card"><dl class="facts"><dt>Mã tra cứu của công dân</dt><dd><code>\(l.code)</code></dd>\
            <dt>Ngày nhận</dt><dd>\(l.receivedOn.slashed) (\(l.channel.vietnameseName.lowercased())\(l.sentBy.map { ", \($0)" } ?? ""))</dd>\
            \(authorHTML)<dt>Nội dung</dt><dd>\(l.content)</dd>\
            <dt>Phân loại</dt><dd>\(classification(l))</dd>\
            <dt>Người xử lý</dt><dd>\(l.handler.map { names[$0] ?? $0 } ?? "(chưa giao)")\(l.handlerUnitID.map { ", \(c.tasks.unitName($0))" } ?? "")</dd>\
            \(deadline)\
            \(l.path.map { p -> HTML in "<dt>Hướng xử lý</dt><dd>\(p.vietnameseName) ngày \(l.pathOn?.slashed ?? ""): \(l.pathDocument ?? "")\(l.forwardedTo.map { " — đến \($0)" } ?? "")</dd>" } ?? "")\
            \(l.extensions.isEmpty ? "" : "<dt>Gia hạn</dt><dd>\(l.extensions.map { "\($0.days) ngày (\($0.document))" }.joined(separator: "; "))</dd>" as HTML)\
            \(l.resolvedOn.map { d -> HTML in "<dt>Kết quả giải quyết</dt><dd>\(l.outcome?.vietnameseName ?? "") — \(l.decisionDocument ?? ""), ngày \(d.slashed)\(l.returnedAmount.map { "; trả lại \(VietnameseNumber.grouped(UInt64($0))) đồng" } ?? "")\(l.returnedLand.map { "; trả lại \(VietnameseNumber.grouped(UInt64($0))) m² đất" } ?? "")</dd>" } ?? "")\
            </dl></section>\(LetterSteps.forms(req, c, l, accounts: accounts))\
            <section class="card"><h2>Diễn biến</h2><ol class="timeline">\(history)</ol></section>\(caseSection)\(readLog)
            """
        return Layout.page(req, title: "Đơn số \(l.id)", section: .citizens, flash: flash, status: status, body)
    }

    static func classification(_ l: StoredLetter) -> String {
        guard let eligible = l.eligible else { return "chưa phân loại" }
        var parts = [
            eligible ? "đủ điều kiện xử lý" : "không đủ điều kiện (\(l.ineligibleReason ?? ""))",
            (l.inCompetence ?? false) ? "thuộc thẩm quyền" : "không thuộc thẩm quyền",
        ]
        if l.complexity != .ordinary { parts.append("vụ việc \(l.complexity.vietnameseName.lowercased())") }
        if l.remote { parts.append("vùng sâu, vùng xa") }
        return parts.joined(separator: ", ")
    }
}
