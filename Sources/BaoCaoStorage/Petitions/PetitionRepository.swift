import BaoCaoDomain
import SQLKit

/// A session of the People's Council as stored.
public struct StoredCouncilSession: Hashable, Sendable {
    public var id: Int
    public var localityID: Int
    public var session: CouncilSession
    public var publishedAt: String?
    public var illustrative: Bool
}

/// A voters' petition as stored.
public struct StoredPetition: Hashable, Sendable {
    public var id: Int
    public var sessionID: Int
    /// Its code in the session: its number, unless a file gave another.
    public var code: String
    /// Where voters said it (a ward, a meeting) and when.
    public var heardAt: String
    public var heardOn: CivilDate?
    public var deputies: String?
    public var words: String
    public var fieldCode: String?
    public var sameAs: Int?
    public var assignedUnitID: Int?
    public var forwardedTo: String?
    public var outcome: PetitionOutcome?
    public var answer: String?
    public var reason: String?
    public var answeredBy: String?
    public var answeredAt: String?
    public var version: Int
}

/// Sessions, petitions, their grouping, assignment and answers; every change in the petition's history; each change
/// on the version the person saw.
public enum PetitionRepository {
    public typealias Refused = StepRefused

    public struct Conflict: Error, CustomStringConvertible {
        public init() {}
        public var description: String {
            "Kiến nghị vừa được người khác thay đổi; chưa lưu. Tải lại trang để xem nội dung mới nhất rồi làm lại."
        }
    }

    // MARK: - Sessions

    @discardableResult
    public static func createSession(
        localityID: Int, _ session: CouncilSession, illustrative: Bool = false, by user: String, _ db: any SQLDatabase
    ) async throws -> Int {
        var problems: [String] = []
        if !(1...99).contains(session.number) { problems.append("Kỳ họp thứ: từ 1 đến 99") }
        if session.term.wholeMatch(of: /[IVXLC]{1,8}/) == nil {
            problems.append("Khóa: viết bằng số La Mã (ví dụ XVIII)")
        }
        if let due = session.answerDeadline, due > session.opensOn {
            problems.append("Hạn trả lời phải trước ngày khai mạc kỳ họp")
        }
        let existing = try await sessions(localityID: localityID, db)
        if existing.contains(where: { $0.session.number == session.number && $0.session.term == session.term }) {
            problems.append("Kỳ họp thứ \(session.number) khóa \(session.term) đã có")
        }
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        guard
            let id = try await db.raw(
                """
                INSERT INTO council_sessions (locality_id, number, term, opens_on, answer_deadline, illustrative, created_by,
                created_at) VALUES (\(bind: localityID), \(bind: session.number), \(bind: session.term),
                \(bind: session.opensOn.description), \(bind: session.answerDeadline?.description), \(bind: illustrative),
                \(bind: user), \(bind: Timestamp.now())) RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw Conflict() }
        return id
    }

    public static func sessions(localityID: Int? = nil, _ db: any SQLDatabase) async throws -> [StoredCouncilSession] {
        var query: SQLQueryString = "SELECT * FROM council_sessions"
        if let localityID { query.appendInterpolation(unsafeRaw: " WHERE locality_id = \(localityID)") }
        query.appendLiteral(" ORDER BY opens_on DESC, id DESC")
        return try await db.raw(query).all().map(session)
    }

    public static func session(id: Int, _ db: any SQLDatabase) async throws -> StoredCouncilSession? {
        try await db.raw("SELECT * FROM council_sessions WHERE id = \(bind: id)").first().map(session)
    }

    public static func publish(sessionID: Int, _ db: any SQLDatabase) async throws {
        try await db.raw(
            "UPDATE council_sessions SET published_at = \(bind: Timestamp.now()) WHERE id = \(bind: sessionID)"
        ).run()
    }

    static func session(_ row: any SQLRow) throws -> StoredCouncilSession {
        StoredCouncilSession(
            id: try row.decode(column: "id", as: Int.self),
            localityID: try row.decode(column: "locality_id", as: Int.self),
            session: CouncilSession(
                number: try row.decode(column: "number", as: Int.self),
                term: try row.decode(column: "term", as: String.self),
                opensOn: CivilDate(iso: try row.decode(column: "opens_on", as: String.self)) ?? CivilDate(2000, 1, 1),
                answerDeadline: try row.decode(column: "answer_deadline", as: String?.self).flatMap(
                    CivilDate.init(iso:))),
            publishedAt: try row.decode(column: "published_at", as: String?.self),
            illustrative: try row.decode(column: "illustrative", as: Bool.self))
    }

    // MARK: - Petitions

    @discardableResult
    public static func add(
        sessionID: Int, code: String? = nil, heardAt: String, heardOn: CivilDate?, deputies: String?, words: String,
        fieldCode: String?, by user: String, _ db: any SQLDatabase
    ) async throws -> Int {
        var problems: [String] = []
        if heardAt.trimmingWhitespace().isEmpty { problems.append("Nơi tiếp xúc cử tri: chưa ghi") }
        if words.trimmingWhitespace().isEmpty { problems.append("Nội dung kiến nghị: chưa ghi") }
        if words.count > 5_000 { problems.append("Nội dung kiến nghị: dài quá 5.000 ký tự") }
        if heardAt.count > 500 || (deputies?.count ?? 0) > 500 { problems.append("Nơi, đại biểu: dài quá 500 ký tự") }
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        let now = Timestamp.now()
        guard
            let id = try await db.raw(
                """
                INSERT INTO petitions (session_id, code, heard_at, heard_on, deputies, words, field_code, version, created_by,
                created_at) VALUES (\(bind: sessionID), \(bind: code ?? ""), \(bind: heardAt.trimmingWhitespace()),
                \(bind: heardOn?.description),
                \(bind: deputies), \(bind: words.trimmingWhitespace()), \(bind: fieldCode), \(bind: 1), \(bind: user),
                \(bind: now)) RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw Conflict() }
        if code == nil {
            try await db.raw("UPDATE petitions SET code = \(bind: String(id)) WHERE id = \(bind: id)").run()
        }
        try await event(id, "Tiếp nhận kiến nghị: \(heardAt)", by: user, at: now, db)
        return id
    }

    /// Gives a petition (and the group it heads) to an office, or records it forwarded to a higher level; or
    /// groups it with another petition that says the same (which then answers for it).
    public static func route(
        _ id: Int, unitID: Int?, forwardedTo: String?, sameAs: Int?, expecting version: Int, by user: String,
        unitName: String?, _ db: any SQLDatabase
    ) async throws {
        guard let petition = try await find(id: id, db) else { throw Refused(reasons: ["Không có kiến nghị này"]) }
        let forward = forwardedTo?.trimmingWhitespace()
        var problems: [String] = []
        if let sameAs {
            guard sameAs != id, let head = try await find(id: sameAs, db), head.sessionID == petition.sessionID,
                head.sameAs == nil
            else {
                throw Refused(reasons: [
                    "Gộp: chỉ gộp vào một kiến nghị khác của cùng kỳ họp, chưa gộp vào kiến nghị nào"
                ])
            }
            let members = try await list(sessionID: petition.sessionID, db).filter { $0.sameAs == id }
            if !members.isEmpty {
                problems.append("Gộp: kiến nghị này đang là kiến nghị chính của \(members.count) kiến nghị khác")
            }
        } else if unitID == nil && (forward ?? "").isEmpty {
            problems.append("Chọn cơ quan giải quyết hoặc ghi nơi chuyển đến")
        }
        if (forward?.count ?? 0) > 500 { problems.append("Chuyển đến: dài quá 500 ký tự") }
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        let now = Timestamp.now()
        let changed = try await db.raw(
            """
            UPDATE petitions SET assigned_unit_id = \(bind: sameAs == nil ? unitID : nil),
            forwarded_to = \(bind: sameAs == nil && unitID == nil ? forward : nil), same_as = \(bind: sameAs),
            version = version + 1 WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw Conflict() }
        let detail =
            if let sameAs { "Gộp với kiến nghị số \(sameAs) (cùng nội dung)" } else if let unitName {
                "Giao \(unitName) giải quyết"
            } else { "Chuyển \(forward ?? "") giải quyết" }
        try await event(id, detail, by: user, at: now, db)
    }

    public static func answer(
        _ id: Int, outcome: PetitionOutcome?, answer: String, reason: String, expecting version: Int, by user: String,
        _ db: any SQLDatabase
    ) async throws {
        guard let petition = try await find(id: id, db) else { throw Refused(reasons: ["Không có kiến nghị này"]) }
        guard petition.sameAs == nil else {
            throw Refused(reasons: ["Kiến nghị đã gộp: trả lời ở kiến nghị chính số \(petition.sameAs ?? 0)"])
        }
        guard petition.assignedUnitID != nil else {
            throw Refused(reasons: ["Kiến nghị chưa giao cơ quan giải quyết (hoặc đã chuyển cấp trên)"])
        }
        let problems = PetitionAnswer.problems(outcome: outcome, answer: answer, reason: reason)
        guard problems.isEmpty, let outcome else { throw Refused(reasons: problems) }
        let now = Timestamp.now()
        let changed = try await db.raw(
            """
            UPDATE petitions SET outcome = \(bind: outcome.rawValue), answer = \(bind: answer.trimmingWhitespace()),
            reason = \(bind: outcome == .unresolved ? reason.trimmingWhitespace() : nil), answered_by = \(bind: user),
            answered_at = \(bind: now), version = version + 1 WHERE id = \(bind: id) AND version = \(bind: version)
            RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw Conflict() }
        try await event(id, "Trả lời: \(outcome.vietnameseName)", by: user, at: now, db)
    }

    public static func find(id: Int, _ db: any SQLDatabase) async throws -> StoredPetition? {
        try await db.raw("SELECT * FROM petitions WHERE id = \(bind: id)").first().map(petition)
    }

    public static func list(sessionID: Int, _ db: any SQLDatabase) async throws -> [StoredPetition] {
        try await db.raw("SELECT * FROM petitions WHERE session_id = \(bind: sessionID) ORDER BY id").all().map(
            petition)
    }

    /// Petitions given to any of `unitIDs` to resolve, newest session first.
    public static func assigned(to unitIDs: [Int], _ db: any SQLDatabase) async throws -> [StoredPetition] {
        guard !unitIDs.isEmpty else { return [] }
        return try await db.raw(
            "SELECT * FROM petitions WHERE assigned_unit_id IN (\(binds: unitIDs)) ORDER BY session_id DESC, id"
        ).all().map(petition)
    }

    public static func events(
        of id: Int, _ db: any SQLDatabase
    ) async throws -> [(detail: String, by: String, at: String)] {
        try await db.raw(
            "SELECT detail, created_by, created_at FROM petition_events WHERE petition_id = \(bind: id) ORDER BY id"
        ).all().map {
            (
                try $0.decode(column: "detail", as: String.self), try $0.decode(column: "created_by", as: String.self),
                try $0.decode(column: "created_at", as: String.self)
            )
        }
    }

    static func petition(_ row: any SQLRow) throws -> StoredPetition {
        StoredPetition(
            id: try row.decode(column: "id", as: Int.self),
            sessionID: try row.decode(column: "session_id", as: Int.self),
            code: try row.decode(column: "code", as: String.self),
            heardAt: try row.decode(column: "heard_at", as: String.self),
            heardOn: try row.decode(column: "heard_on", as: String?.self).flatMap(CivilDate.init(iso:)),
            deputies: try row.decode(column: "deputies", as: String?.self),
            words: try row.decode(column: "words", as: String.self),
            fieldCode: try row.decode(column: "field_code", as: String?.self),
            sameAs: try row.decode(column: "same_as", as: Int?.self),
            assignedUnitID: try row.decode(column: "assigned_unit_id", as: Int?.self),
            forwardedTo: try row.decode(column: "forwarded_to", as: String?.self),
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(PetitionOutcome.init(rawValue:)),
            answer: try row.decode(column: "answer", as: String?.self),
            reason: try row.decode(column: "reason", as: String?.self),
            answeredBy: try row.decode(column: "answered_by", as: String?.self),
            answeredAt: try row.decode(column: "answered_at", as: String?.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    static func event(_ id: Int, _ detail: String, by user: String, at: String, _ db: any SQLDatabase) async throws {
        try await db.raw(
            """
            INSERT INTO petition_events (petition_id, detail, created_by, created_at)
            VALUES (\(bind: id), \(bind: detail), \(bind: user), \(bind: at))
            """
        ).run()
    }
}
