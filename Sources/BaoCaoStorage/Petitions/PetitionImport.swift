import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Council sessions and voters' petitions from the exchange format. A session already there (locality, term,
/// number) with the same days is left as it is; a petition already there (session and code) likewise; one that
/// differs is a problem, to be changed on its page. A petition's `same_as` names the code of another of the session
/// (in the file or stored); `assigned_to` an office or ward of the locality; `forwarded_to` a higher level.
enum PetitionImport {
    struct Counts {
        var sessions = 0
        var petitions = 0
        var unchanged = 0
    }

    static func write(
        sessions: [SessionRow], petitions: [PetitionRow], _ references: References, by user: String,
        problems: inout [ImportProblem], _ db: any SQLDatabase
    ) async throws -> Counts {
        var counts = Counts()
        func locality(_ code: String, _ location: SourceLocation) -> StoredUnit? {
            guard let unit = references.units[code], !unit.kind.isOffice else {
                problems.append(location.problem("locality", "\"\(code)\" không phải một địa phương có trong danh mục"))
                return nil
            }
            return unit
        }
        var stored: [String: StoredCouncilSession] = [:]
        for s in try await PetitionRepository.sessions(db) {
            stored["\(s.localityID)|\(s.session.term)|\(s.session.number)"] = s
        }
        for row in sessions {
            guard let unit = locality(row.locality, row.location) else { continue }
            let key = "\(unit.id)|\(row.session.term)|\(row.session.number)"
            if let existing = stored[key] {
                if existing.session == row.session {
                    counts.unchanged += 1
                } else {
                    problems.append(
                        row.location.problem(
                            "number", "kỳ họp thứ \(row.session.number) khóa \(row.session.term) đã có với ngày khác"))
                }
                continue
            }
            guard problems.isEmpty else { continue }
            do {
                let id = try await PetitionRepository.createSession(localityID: unit.id, row.session, by: user, db)
                stored[key] = try await PetitionRepository.session(id: id, db)
                counts.sessions += 1
            } catch let refused as PetitionRepository.Refused {
                problems += refused.reasons.map { row.location.problem(nil, $0) }
            }
        }
        let fieldCodes = Set(references.catalogue.fields.map(\.code))
        var codes: [Int: [String: StoredPetition]] = [:]
        for row in petitions {
            guard let unit = locality(row.locality, row.location) else { continue }
            guard let session = stored["\(unit.id)|\(row.term)|\(row.session)"] else {
                problems.append(
                    row.location.problem(
                        "session", "\(unit.fullName) không có kỳ họp thứ \(row.session) khóa \(row.term)"))
                continue
            }
            if codes[session.id] == nil {
                codes[session.id] = Dictionary(
                    try await PetitionRepository.list(sessionID: session.id, db).map { ($0.code, $0) },
                    uniquingKeysWith: { a, _ in a })
            }
            if let field = row.field, !fieldCodes.contains(field) {
                problems.append(row.location.problem("field", "lĩnh vực \"\(field)\" không có trong danh mục"))
            }
            let office = row.assignedTo.flatMap {
                references.member($0, of: unit, column: "assigned_to", at: row.location, &problems)
            }
            if row.outcome != nil && row.assignedTo == nil {
                problems.append(
                    row.location.problem("outcome", "kiến nghị chưa giao cơ quan giải quyết thì chưa trả lời"))
            }
            if let code = row.code, let existing = codes[session.id]?[code] {
                if existing.words == row.words && existing.outcome == row.outcome && existing.answer == row.answer {
                    counts.unchanged += 1
                } else {
                    problems.append(
                        row.location.problem(
                            "code", "kiến nghị \"\(code)\" đã có với nội dung hoặc trả lời khác; sửa trên trang"))
                }
                continue
            }
            var head: StoredPetition?
            if let same = row.sameAs {
                head = codes[session.id]?[same]
                if head == nil || head?.sameAs != nil {
                    problems.append(
                        row.location.problem(
                            "same_as", "\"\(same)\" không phải kiến nghị chính của kỳ họp (ở dòng trước hoặc đã có)"))
                }
            }
            guard problems.isEmpty else { continue }
            do {
                let id = try await PetitionRepository.add(
                    sessionID: session.id, code: row.code, heardAt: row.heardAt, heardOn: row.heardOn,
                    deputies: row.deputies, words: row.words, fieldCode: row.field, by: user, db)
                if head != nil || office != nil || row.forwardedTo != nil {
                    try await PetitionRepository.route(
                        id, unitID: office?.id, forwardedTo: row.forwardedTo, sameAs: head?.id, expecting: 1, by: user,
                        unitName: office.map(ReportTasks.leadName), db)
                }
                if row.outcome != nil {
                    try await PetitionRepository.answer(
                        id, outcome: row.outcome, answer: row.answer ?? "", reason: row.reason ?? "", expecting: 2,
                        by: user,
                        db)
                }
                if let added = try await PetitionRepository.find(id: id, db) { codes[session.id]?[added.code] = added }
                counts.petitions += 1
            } catch let refused as PetitionRepository.Refused {
                problems += refused.reasons.map { row.location.problem(nil, $0) }
            }
        }
        return counts
    }

    static func export(_ tree: UnitTree, _ db: any SQLDatabase) async throws -> ([SessionRow], [PetitionRow]) {
        var sessions: [SessionRow] = []
        var petitions: [PetitionRow] = []
        for s in try await PetitionRepository.sessions(db).reversed() {
            guard let locality = tree.byID[s.localityID] else { continue }
            sessions.append(SessionRow(locality: locality.code, session: s.session))
            let list = try await PetitionRepository.list(sessionID: s.id, db)
            let codes = Dictionary(list.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
            petitions += list.map { p in
                PetitionRow(
                    locality: locality.code, term: s.session.term, session: s.session.number, code: p.code,
                    heardAt: p.heardAt, heardOn: p.heardOn, deputies: p.deputies, words: p.words, field: p.fieldCode,
                    sameAs: p.sameAs.flatMap { codes[$0] },
                    assignedTo: p.assignedUnitID.flatMap { tree.byID[$0]?.code },
                    forwardedTo: p.forwardedTo, outcome: p.outcome, answer: p.answer, reason: p.reason)
            }
        }
        return (sessions, petitions)
    }
}
