import BaoCaoDomain
import BaoCaoStorage
import SQLKit
import Vapor

/// The citizens' register of a locality: letters (received, classified, handled on their legal clocks, resolved),
/// reception sessions and the chairman's reception days. The register's readers are the people of the locality and
/// its offices who receive citizens and handle letters, and the head; a denouncer's identity only its handlers and
/// the head (`LetterIdentity`).
enum CitizensController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("tiep-dan") { try await index($0, web) }
        routes.post("tiep-dan", "don") { try await receive($0, web) }
        routes.get("tiep-dan", "don", ":id") { try await letter($0, web) }
        routes.post("tiep-dan", "don", ":id") { try await step($0, web) }
        routes.get("tiep-dan", "buoi") { try await receptions($0, web) }
        routes.post("tiep-dan", "buoi") { try await addReception($0, web) }
        routes.get("tiep-dan", "tong-hop") { try await LetterSummaryFiles.download($0, web) }
        routes.post("tiep-dan", "lich") { try await plan($0, web) }
    }

    /// The locality `?unit=` names, or the viewer's first; refused when the viewer does not work on its register.
    static func locality(_ req: Request, _ c: CitizenContext, _ web: Web) async throws -> StoredUnit {
        let unit = try c.tasks.unitParameter(req) ?? c.localities.first
        guard let unit, !unit.kind.isOffice, c.mayWork(on: unit.id) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "xem sổ tiếp công dân: không được phép", unitID: nil, web.store)
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền xem sổ tiếp công dân, xử lý đơn.")
        }
        return unit
    }

    /// The period `?ky=` names, or the one of the latest record.
    static func period(_ req: Request, latest: CivilDate?) throws -> Period {
        if let code = req.queryText("ky") {
            do { return try Period(code: code) } catch { throw Abort(.badRequest, reason: error.description) }
        }
        let day = latest ?? CivilDate(2017, 6, 30)
        return day.month <= 6 ? .firstMonths(day.year, 6) : .year(day.year)
    }

    static func index(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok, typed: LetterForm? = nil
    ) async throws -> Response {
        let c = try await CitizenContext.load(req, web)
        let unit = try await locality(req, c, web)
        let all = try await LetterRepository.list(localityID: unit.id, web.db)
        let period = try period(req, latest: all.first?.receivedOn)
        let sessions = try await ReceptionRepository.list(
            localityID: unit.id, from: period.firstDay, to: period.lastDay, web.db)
        let inPeriod = all.filter { period.firstDay <= $0.receivedOn && $0.receivedOn <= period.lastDay }
        let counts = RegisterCounts.of(
            sessions: sessions.map {
                .init(day: $0.heldOn, visits: $0.visits.map { .init(persons: $0.persons, caseKey: "\($0.caseID)") })
            },
            letters: inPeriod.map { .init(receivedOn: $0.receivedOn, caseKey: "\($0.caseID)", closedOn: $0.closedOn) },
            from: period.firstDay, to: period.lastDay)
        let filter = LetterFilter(req)
        let shown = filter.apply(all, c)
        return LetterPages.index(
            req, context: c, locality: unit, period: period, counts: counts, letters: shown, total: all.count,
            filter: filter, typed: typed, flash: flash, status: status)
    }

    static func receive(_ req: Request, _ web: Web) async throws -> Response {
        let form = try LetterForm(try req.content.decode([String: String].self))
        let c = try await CitizenContext.load(req, web)
        let unit = try await locality(req, c, web)
        do {
            let (id, _) = try await web.store.transaction { db in
                let received = try await LetterRepository.receive(
                    localityID: unit.id, form.input, case: form.caseChoice, today: c.today, by: c.username, db)
                try await refreshFigures(unit.id, days: [form.input.receivedOn], c, db)
                return received
            }
            return Layout.redirect("/tiep-dan/don/\(id)?tb=nhan")
        } catch let refused as LetterRepository.Refused {
            return try await index(
                req, web, flash: .init(ok: false, text: "Chưa tiếp nhận đơn: \(refused.description)."),
                status: .unprocessableEntity, typed: form)
        }
    }

    static func load(_ req: Request, _ c: CitizenContext, _ web: Web) async throws -> StoredLetter {
        guard let id = req.parameters.get("id", as: Int.self),
            let letter = try await LetterRepository.find(id: id, web.db)
        else { throw Abort(.notFound, reason: "Không có đơn này") }
        guard c.mayRead(letter) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "xem đơn \(letter.id): không được phép", unitID: letter.localityID,
                web.store)
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền xem đơn này.")
        }
        return letter
    }

    static func letter(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let c = try await CitizenContext.load(req, web)
        let letter = try await load(req, c, web)
        let author = try await LetterIdentity.read(letter, by: c.reader(letter), purpose: "xem đơn", web.db)
        let events = try await LetterRepository.events(of: letter.id, web.db)
        let reads = c.isHead(of: letter.localityID) ? try await LetterIdentity.reads(of: letter.id, web.db) : []
        let names = try await AccountRepository.displayNames(Set(events.map(\.by) + reads.map(\.by)), web.db)
        let accounts = try await AccountRepository.all(web.db)
        let timeline = try await CaseRepository.timeline(letter.caseID, web.db)
        let done = [
            "nhan": "Đã tiếp nhận đơn. Mã tra cứu cho công dân: \(letter.code).", "phan_loai": "Đã lưu phân loại.",
            "xu_ly": "Đã lưu hướng xử lý.", "gia_han": "Đã gia hạn giải quyết.",
            "giai_quyet": "Đã lưu kết quả giải quyết.",
        ]
        let shown = flash ?? req.queryText("tb").flatMap { done[$0] }.map { Layout.Flash(ok: true, text: $0) }
        return LetterPages.letter(
            req, context: c, letter: letter, author: author, events: events, reads: reads, names: names,
            accounts: accounts, timeline: timeline, flash: shown, status: status)
    }

    static func step(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let c = try await CitizenContext.load(req, web)
        let letter = try await load(req, c, web)
        let version = Int(fields["phien_ban"] ?? "") ?? -1
        let day = TaskInput.date(fields["ngay"])
        do {
            try await web.store.transaction { db in
                switch fields["buoc"] {
                case "phan_loai":
                    guard let kind = fields["loai"].flatMap(LetterKind.init(rawValue:)) else {
                        throw LetterRepository.Refused(reasons: ["Loại đơn: chưa chọn"])
                    }
                    let office = fields["co_quan"].flatMap { $0.isEmpty ? nil : c.tree.byCode[$0] }
                    if let office, office.parentID != letter.localityID {
                        throw LetterRepository.Refused(reasons: ["Cơ quan xử lý: không thuộc địa phương"])
                    }
                    // Whoever is given the letter reads a denouncer's identity: only someone who handles letters
                    // of this locality.
                    if let handler = fields["nguoi_xu_ly"], !handler.isEmpty,
                        !c.handlers(try await AccountRepository.all(db), locality: letter.localityID)
                            .contains(where: { $0.username == handler })
                    {
                        throw LetterRepository.Refused(reasons: [
                            "Người xử lý: không phải người xử lý đơn của địa phương"
                        ])
                    }
                    try await LetterRepository.classify(
                        letter.id,
                        .init(
                            kind: kind, eligible: fields["du_dieu_kien"] != "khong",
                            ineligibleReason: fields["ly_do"] ?? "", inCompetence: fields["tham_quyen"] != "khong",
                            complexity: fields["muc_do"].flatMap(CaseComplexity.init(rawValue:)) ?? .ordinary,
                            handlerUnitID: office?.id, handler: fields["nguoi_xu_ly"]),
                        expecting: version, by: c.username, db)
                case "xu_ly":
                    guard let path = fields["huong"].flatMap(LetterPath.init(rawValue:)) else {
                        throw LetterRepository.Refused(reasons: ["Hướng xử lý: chưa chọn"])
                    }
                    guard let day else { throw LetterRepository.Refused(reasons: ["Ngày: chưa chọn hoặc không đúng"]) }
                    try await LetterRepository.decide(
                        letter.id, path, on: day, document: fields["van_ban"] ?? "",
                        forwardedTo: fields["chuyen_den"] ?? "", today: c.today, expecting: version, by: c.username, db)
                case "gia_han":
                    guard let day else { throw LetterRepository.Refused(reasons: ["Ngày: chưa chọn hoặc không đúng"]) }
                    try await LetterRepository.extend(
                        letter.id, on: day, days: Int(fields["so_ngay"] ?? "") ?? 0, document: fields["van_ban"] ?? "",
                        rules: c.rules.clocks, today: c.today, expecting: version, by: c.username, db)
                case "giai_quyet":
                    guard let day else { throw LetterRepository.Refused(reasons: ["Ngày: chưa chọn hoặc không đúng"]) }
                    try await LetterRepository.resolve(
                        letter.id,
                        .init(
                            day: day, document: fields["van_ban"] ?? "",
                            outcome: fields["ket_qua"].flatMap(LetterOutcome.init(rawValue:)),
                            note: fields["ghi_chu"] ?? "",
                            returnedAmount: try whole(fields["tien"], "Số tiền trả lại"),
                            returnedLand: try whole(fields["dat"], "Diện tích đất trả lại")),
                        today: c.today, expecting: version, by: c.username, db)
                default: throw Abort(.badRequest, reason: "Thao tác không đúng")
                }
                try await refreshFigures(letter.localityID, days: [letter.receivedOn], c, db)
            }
        } catch let refused as LetterRepository.Refused {
            return try await self.letter(
                req, web, flash: .init(ok: false, text: "Chưa lưu: \(refused.description)."),
                status: .unprocessableEntity)
        } catch let conflict as LetterRepository.Conflict {
            return try await self.letter(
                req, web, flash: .init(ok: false, text: conflict.description), status: .conflict)
        }
        return Layout.redirect("/tiep-dan/don/\(letter.id)?tb=\(fields["buoc"] ?? "")")
    }

    /// A whole number typed with or without dots ("12.000.000"); nil when empty.
    static func whole(_ text: String?, _ field: String) throws -> Int64? {
        let digits = (text ?? "").filter { $0 != "." && $0 != " " }
        guard !digits.isEmpty else { return nil }
        guard digits.count <= 18, let n = Int64(digits), n >= 0 else {
            throw LetterRepository.Refused(reasons: ["\(field): nhập số nguyên không âm, tối đa 18 chữ số"])
        }
        return n
    }

    static func receptions(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let c = try await CitizenContext.load(req, web)
        let unit = try await locality(req, c, web)
        let latest = try await ReceptionRepository.list(localityID: unit.id, web.db).first?.heldOn
        let period = try period(req, latest: latest)
        let sessions = try await ReceptionRepository.list(
            localityID: unit.id, from: period.firstDay, to: period.lastDay, web.db)
        let compliance = try await ReceptionRepository.compliance(
            localityID: unit.id, kind: unit.kind, from: period.firstDay, to: min(period.lastDay, c.today),
            rules: c.rules.reception, web.db)
        return ReceptionPages.page(
            req, context: c, locality: unit, period: period, sessions: sessions, compliance: compliance, flash: flash,
            status: status)
    }

    static func addReception(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let c = try await CitizenContext.load(req, web)
        let unit = try await locality(req, c, web)
        let visits = (1...3).compactMap { n -> ReceptionInput.Visit? in
            let content = fields["noi_dung_\(n)"] ?? ""
            guard !content.trimmingWhitespace().isEmpty else { return nil }
            let persons = Int(fields["so_nguoi_\(n)"] ?? "") ?? 0
            return ReceptionInput.Visit(
                persons: persons, crowd: fields["doan_\(n)"] == "co",
                kind: fields["loai_\(n)"].flatMap(LetterKind.init(rawValue:)) ?? .petition, content: content,
                action: fields["ket_qua_\(n)"].flatMap(ReceptionAction.init(rawValue:)) ?? .guided)
        }
        let input = ReceptionInput(
            heldOn: TaskInput.date(fields["ngay"]),
            host: fields["nguoi_tiep"].flatMap(ReceptionHost.init(rawValue:)) ?? .office,
            hostName: fields["ten_nguoi_tiep"] ?? "", regular: fields["dinh_ky"] != "khong",
            place: fields["dia_diem"] ?? "", visits: visits)
        do {
            try await web.store.transaction { db in
                try await ReceptionRepository.add(localityID: unit.id, input, today: c.today, by: c.username, db)
                try await refreshFigures(unit.id, days: [input.heldOn], c, db)
            }
        } catch let refused as LetterRepository.Refused {
            return try await receptions(
                req, web, flash: .init(ok: false, text: "Chưa lưu buổi tiếp: \(refused.description)."),
                status: .unprocessableEntity)
        }
        let period = input.heldOn.map { $0.month <= 6 ? Period.firstMonths($0.year, 6) : .year($0.year) }
        return Layout.redirect("/tiep-dan/buoi?unit=\(unit.code)&ky=\(period?.code ?? "")&tb=them")
    }

    /// Adds days to the chairman's schedule of regular reception days: dates typed one per line or separated by
    /// commas ("14/09/2017, 28/09/2017"); a date that cannot be read refuses the whole list.
    static func plan(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let c = try await CitizenContext.load(req, web)
        let unit = try await locality(req, c, web)
        let items = (fields["ngay"] ?? "").split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == ";" })
            .map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty }
        let days = items.compactMap(TaskInput.date)
        let bad = items.filter { TaskInput.date($0) == nil }
        guard bad.isEmpty, !days.isEmpty, days.count <= 400 else {
            let why =
                bad.isEmpty
                ? "nhập từ 1 đến 400 ngày" : "không đọc được ngày: \(bad.prefix(5).joined(separator: ", "))"
            return try await receptions(
                req, web, flash: .init(ok: false, text: "Chưa lưu lịch tiếp: \(why) (ví dụ 14/09/2017)."),
                status: .unprocessableEntity)
        }
        try await web.store.transaction { db in
            try await ReceptionRepository.plan(localityID: unit.id, days: days, by: c.username, db)
        }
        let period = days.max().map { $0.month <= 6 ? Period.firstMonths($0.year, 6) : .year($0.year) }
        return Layout.redirect("/tiep-dan/buoi?unit=\(unit.code)&ky=\(period?.code ?? "")&tb=lich")
    }

    /// The register's figures of the periods around the days that changed, rewritten in the change's transaction.
    static func refreshFigures(
        _ localityID: Int, days: [CivilDate?], _ c: CitizenContext, _ db: any SQLDatabase
    ) async throws {
        let periods = Set(days.compactMap { $0 }.flatMap(RegisterFigures.periods(containing:)))
        try await RegisterFigures.refresh(localityID: localityID, periods: periods, rules: c.rules.figures, db)
    }
}

/// The filters of the letters' list: kind, stage, handler, overdue only.
struct LetterFilter {
    var kind: LetterKind?
    var stage: LetterStage?
    var handler: String?
    var overdue: Bool

    init(_ req: Request) {
        kind = req.queryText("loai").flatMap(LetterKind.init(rawValue:))
        stage = req.queryText("giai_doan").flatMap(LetterStage.init(rawValue:))
        handler = req.queryText("xu_ly").flatMap { $0.isEmpty ? nil : $0 }
        overdue = req.queryText("qua_han") == "1"
    }

    func apply(_ letters: [StoredLetter], _ c: CitizenContext) -> [StoredLetter] {
        letters.filter { l in
            (kind.map { l.kind == $0 } ?? true) && (stage.map { l.stage == $0 } ?? true)
                && (handler.map { l.handler == $0 } ?? true) && (!overdue || c.timing(l).status == .overdue)
        }
    }
}

/// The new letter's form as typed: kept when refused.
struct LetterForm {
    var fields: [String: String]
    var input: LetterInput
    var sameAs: Int?

    init(_ fields: [String: String]) throws {
        self.fields = fields
        let text = { (name: String) in fields[name] ?? "" }
        input = LetterInput(
            receivedOn: TaskInput.date(fields["ngay_nhan"]),
            channel: LetterChannel(rawValue: text("nguon")) ?? .inPerson, sentBy: text("co_quan_chuyen"),
            authorName: text("nguoi_viet"), authorAddress: text("dia_chi"), authorContact: text("lien_he"),
            signers: Int(text("so_nguoi")) ?? 1, content: text("noi_dung"),
            kind: LetterKind(rawValue: text("loai")) ?? .petition, round: Int(text("lan")) ?? 1,
            remote: text("vung_sau") == "co")
        sameAs = Int(text("trung_don"))
        caseID = Int(text("vu_viec"))
    }

    var caseID: Int?

    /// A repeat of a letter, else a letter about a case already in the register (a visit's), else a new case.
    var caseChoice: LetterRepository.CaseChoice {
        if let sameAs { return .sameAs(sameAs) }
        if let caseID { return .existing(caseID) }
        return .new
    }
}
