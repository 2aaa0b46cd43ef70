import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// `GET /api/v1/petitions`: the voters' petitions of the sessions the account may read, each with its status
/// computed today: its outcome once answered; else grouped, forwarded, not given, or waiting for its answer (and
/// overdue once the session's answer deadline has passed). `?unit=` a locality (code), `?status=`.
enum PetitionsAPI {
    struct PetitionDTO: Content {
        var id: Int
        var code: String
        var locality: String
        var session: Int
        var term: String
        var heardAt: String
        var heardOn: String?
        var words: String
        var field: String?
        var sameAs: Int?
        var assignedTo: String?
        var forwardedTo: String?
        var status: String
        var answerDeadline: String?
        var answer: String?
        var reason: String?
    }

    /// The status words beside the outcomes.
    static let waitingStatuses = ["da_gop", "chuyen_cap_tren", "chua_giao", "chua_tra_loi", "qua_han_tra_loi"]

    static func status(_ p: StoredPetition, _ s: CouncilSession, today: CivilDate) -> String {
        if let outcome = p.outcome { return outcome.rawValue }
        if p.sameAs != nil { return "da_gop" }
        if p.assignedUnitID == nil { return p.forwardedTo == nil ? "chua_giao" : "chuyen_cap_tren" }
        if let due = s.answerDeadline, today > due { return "qua_han_tra_loi" }
        return "chua_tra_loi"
    }

    static func list(_ req: Request, _ web: Web) async throws -> [PetitionDTO] {
        let c = try await TaskContext.load(req, web)
        let unit = try c.unitParameter(req)
        let wanted = req.queryText("status")
        if let wanted, !(PetitionOutcome.allCases.map(\.rawValue) + waitingStatuses).contains(wanted) {
            throw Abort(
                .badRequest,
                reason: "Tình trạng không đúng; một trong: "
                    + (PetitionOutcome.allCases.map(\.rawValue) + waitingStatuses).joined(separator: ", "))
        }
        var result: [PetitionDTO] = []
        for s in try await PetitionRepository.sessions(localityID: unit?.id, web.db) {
            guard let locality = c.tree.byID[s.localityID] else { continue }
            for p in try await PetitionRepository.list(sessionID: s.id, web.db)
            where c.allows(.readDraft, on: s.localityID) || c.allows(.readDraft, on: p.assignedUnitID) {
                let status = status(p, s.session, today: c.today)
                if let wanted, wanted != status { continue }
                result.append(
                    PetitionDTO(
                        id: p.id, code: p.code, locality: locality.code, session: s.session.number,
                        term: s.session.term, heardAt: p.heardAt, heardOn: p.heardOn?.description, words: p.words,
                        field: p.fieldCode, sameAs: p.sameAs,
                        assignedTo: p.assignedUnitID.flatMap { c.tree.byID[$0]?.code },
                        forwardedTo: p.forwardedTo, status: status,
                        answerDeadline: s.session.answerDeadline?.description,
                        answer: p.answer, reason: p.reason))
            }
        }
        return result
    }
}
