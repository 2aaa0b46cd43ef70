import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// Voters' petitions (kiến nghị cử tri): the council's sessions of a locality; for each, the petitions gathered at
/// voter meetings, grouped when several say the same, given to an office or forwarded to a higher level, answered
/// by the office; the report to the council as DOCX; the answers published on the public page. The body's compiler
/// or leader runs the session; the office answers what it was given.
enum PetitionsController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("kien-nghi") { try await index($0, web) }
        routes.post("kien-nghi", "ky-hop") { try await createSession($0, web) }
        routes.get("kien-nghi", "ky-hop", ":id") { try await session($0, web) }
        routes.post("kien-nghi", "ky-hop", ":id") { try await sessionStep($0, web) }
        routes.get("kien-nghi", "ky-hop", ":id", "bao-cao") { try await report($0, web) }
        routes.get("kien-nghi", ":id") { try await petition($0, web) }
        routes.post("kien-nghi", ":id") { try await petitionStep($0, web) }
    }

    // MARK: - Sessions

    static func index(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let c = try await TaskContext.load(req, web)
        let sessions = try await PetitionRepository.sessions(web.db).filter { c.allows(.readDraft, on: $0.localityID) }
        var counts: [Int: [StoredPetition]] = [:]
        for s in sessions { counts[s.id] = try await PetitionRepository.list(sessionID: s.id, web.db) }
        let units = c.viewer.grants.filter { [.reporter, .approver].contains($0.role) }.map(\.unitID)
        let mine = try await PetitionRepository.assigned(to: units, web.db)
        return PetitionPages.index(
            req, context: c, sessions: sessions, petitions: counts, mine: mine, flash: flash, status: status)
    }

    static func createSession(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let c = try await TaskContext.load(req, web)
        guard let locality = fields["locality"].flatMap({ c.tree.byCode[$0] }), !locality.kind.isOffice else {
            throw Abort(.badRequest, reason: "Không có địa phương này")
        }
        try await Access.require(req, .assignTasks, on: locality, tree: c.tree, store: web.store)
        var problems: [String] = []
        let number = Int((fields["so"] ?? "").trimmingWhitespace())
        if number == nil { problems.append("Kỳ họp thứ: nhập một số") }
        let opens = TaskInput.date(fields["khai_mac"])
        if opens == nil { problems.append("Ngày khai mạc: chưa chọn hoặc không đúng ngày") }
        let dueText = fields["han_tra_loi"] ?? ""
        let due = TaskInput.date(dueText)
        if !dueText.isEmpty && due == nil { problems.append("Hạn trả lời: không đúng ngày (ví dụ 05/07/2017)") }
        do {
            guard problems.isEmpty, let number, let opens else { throw PetitionRepository.Refused(reasons: problems) }
            let id = try await PetitionRepository.createSession(
                localityID: locality.id,
                CouncilSession(
                    number: number, term: (fields["khoa"] ?? "").trimmingWhitespace().uppercased(), opensOn: opens,
                    answerDeadline: due), by: c.viewer.account.username, web.db)
            return Layout.redirect("/kien-nghi/ky-hop/\(id)?tb=tao")
        } catch let refused as PetitionRepository.Refused {
            return try await index(
                req, web, flash: .init(ok: false, text: "Chưa tạo kỳ họp: \(refused.description)."),
                status: .unprocessableEntity)
        }
    }

    static func loadSession(_ req: Request, _ web: Web, _ c: TaskContext) async throws -> StoredCouncilSession {
        guard let id = req.parameters.get("id", as: Int.self),
            let s = try await PetitionRepository.session(id: id, web.db),
            let locality = c.tree.byID[s.localityID]
        else { throw Abort(.notFound, reason: "Không có kỳ họp này") }
        try await Access.require(req, .readDraft, on: locality, tree: c.tree, store: web.store)
        return s
    }

    static func session(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let c = try await TaskContext.load(req, web)
        let s = try await loadSession(req, web, c)
        let petitions = try await PetitionRepository.list(sessionID: s.id, web.db)
        let done: [String: String] = [
            "tao": "Đã tạo kỳ họp.", "them": "Đã tiếp nhận kiến nghị.", "cong_bo": "Đã công bố các trả lời.",
        ]
        let shown = flash ?? req.queryText("tb").flatMap { done[$0] }.map { Layout.Flash(ok: true, text: $0) }
        return PetitionPages.session(req, context: c, stored: s, petitions: petitions, flash: shown, status: status)
    }

    static func sessionStep(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let c = try await TaskContext.load(req, web)
        let s = try await loadSession(req, web, c)
        guard let locality = c.tree.byID[s.localityID] else { throw Abort(.notFound) }
        try await Access.require(req, .assignTasks, on: locality, tree: c.tree, store: web.store)
        do {
            switch fields["buoc"] {
            case "them":
                let heardOnText = fields["ngay"] ?? ""
                let heardOn = TaskInput.date(heardOnText)
                if !heardOnText.isEmpty && heardOn == nil {
                    throw PetitionRepository.Refused(reasons: ["Ngày tiếp xúc: không đúng ngày"])
                }
                try await PetitionRepository.add(
                    sessionID: s.id, heardAt: fields["noi"] ?? "", heardOn: heardOn,
                    deputies: (fields["dai_bieu"] ?? "").isEmpty ? nil : fields["dai_bieu"],
                    words: fields["noi_dung"] ?? "", fieldCode: fields["linh_vuc"].flatMap { c.fields[$0]?.code },
                    by: c.viewer.account.username, web.db)
                return Layout.redirect("/kien-nghi/ky-hop/\(s.id)?tb=them")
            case "cong_bo":
                try await PetitionRepository.publish(sessionID: s.id, web.db)
                return Layout.redirect("/kien-nghi/ky-hop/\(s.id)?tb=cong_bo")
            default: throw Abort(.badRequest, reason: "Thao tác không đúng")
            }
        } catch let refused as PetitionRepository.Refused {
            return try await session(
                req, web, flash: .init(ok: false, text: "Chưa lưu: \(refused.description)."),
                status: .unprocessableEntity)
        }
    }

    /// The report to the council: DOCX (default) or the page.
    static func report(_ req: Request, _ web: Web) async throws -> Response {
        let c = try await TaskContext.load(req, web)
        let s = try await loadSession(req, web, c)
        return try await PetitionsPublic.reportFile(req, sessionID: s.id, web)
    }

    // MARK: - One petition

    static func loadPetition(
        _ req: Request, _ web: Web, _ c: TaskContext
    ) async throws -> (StoredPetition, StoredCouncilSession) {
        guard let id = req.parameters.get("id", as: Int.self),
            let p = try await PetitionRepository.find(id: id, web.db),
            let s = try await PetitionRepository.session(id: p.sessionID, web.db)
        else { throw Abort(.notFound, reason: "Không có kiến nghị này") }
        guard c.allows(.readDraft, on: s.localityID) || c.allows(.readDraft, on: p.assignedUnitID) else {
            try await Refusals.record(
                req, event: "tu_choi", detail: "xem kiến nghị \(p.id): không được phép", unitID: s.localityID, web.store
            )
            throw Abort(.forbidden, reason: "Tài khoản của bạn không có quyền xem kiến nghị này.")
        }
        return (p, s)
    }

    static func petition(
        _ req: Request, _ web: Web, flash: Layout.Flash? = nil, status: HTTPStatus = .ok
    ) async throws -> Response {
        let c = try await TaskContext.load(req, web)
        let (p, s) = try await loadPetition(req, web, c)
        let others = try await PetitionRepository.list(sessionID: s.id, web.db).filter {
            $0.id != p.id && $0.sameAs == nil
        }
        let history = try await PetitionRepository.events(of: p.id, web.db)
        let names = try await AccountRepository.displayNames(Set(history.map(\.by)), web.db)
        let done = ["giao": "Đã chuyển xử lý.", "tra_loi": "Đã lưu trả lời."]
        let shown = flash ?? req.queryText("tb").flatMap { done[$0] }.map { Layout.Flash(ok: true, text: $0) }
        return PetitionPages.petition(
            req, context: c, petition: p, stored: s, others: others, history: history, names: names, flash: shown,
            status: status)
    }

    static func petitionStep(_ req: Request, _ web: Web) async throws -> Response {
        let fields = try req.content.decode([String: String].self)
        let c = try await TaskContext.load(req, web)
        let (p, s) = try await loadPetition(req, web, c)
        let version = Int(fields["phien_ban"] ?? "") ?? -1
        let user = c.viewer.account.username
        do {
            switch fields["buoc"] {
            case "giao":
                guard c.allows(.assignTasks, on: s.localityID) else { throw Abort(.forbidden, reason: forbidden) }
                let choices = Dictionary(
                    c.leadChoices(of: s.localityID).map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
                let unit = (fields["co_quan"] ?? "").isEmpty ? nil : choices[fields["co_quan"] ?? ""]
                if !(fields["co_quan"] ?? "").isEmpty && unit == nil {
                    throw PetitionRepository.Refused(reasons: ["Cơ quan giải quyết: không thuộc địa phương"])
                }
                try await PetitionRepository.route(
                    p.id, unitID: unit?.id, forwardedTo: fields["chuyen_den"], sameAs: Int(fields["gop_vao"] ?? ""),
                    expecting: version, by: user, unitName: unit.map(ReportTasks.leadName), web.db)
            case "tra_loi":
                guard c.allows(.reportTask, on: p.assignedUnitID) || c.allows(.assignTasks, on: s.localityID) else {
                    throw Abort(.forbidden, reason: forbidden)
                }
                try await PetitionRepository.answer(
                    p.id, outcome: fields["ket_qua"].flatMap(PetitionOutcome.init(rawValue:)),
                    answer: fields["tra_loi"] ?? "", reason: fields["ly_do"] ?? "", expecting: version, by: user, web.db
                )
            default: throw Abort(.badRequest, reason: "Thao tác không đúng")
            }
        } catch let refused as PetitionRepository.Refused {
            return try await petition(
                req, web, flash: .init(ok: false, text: "Chưa lưu: \(refused.description)."),
                status: .unprocessableEntity)
        } catch let conflict as PetitionRepository.Conflict {
            return try await petition(req, web, flash: .init(ok: false, text: conflict.description), status: .conflict)
        }
        return Layout.redirect("/kien-nghi/\(p.id)?tb=\(fields["buoc"] ?? "")")
    }

    static let forbidden = "Tài khoản của bạn không có quyền này đối với kiến nghị."
}
