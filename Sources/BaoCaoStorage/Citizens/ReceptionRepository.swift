import BaoCaoDomain
import SQLKit

/// Cases (vụ việc): what visits and letters are about; several of either can be one case.
public enum CaseRepository {
    static func create(
        localityID: Int, title: String, illustrative: Bool, by user: String, _ db: any SQLDatabase
    ) async throws -> Int {
        guard
            let id = try await db.raw(
                """
                INSERT INTO citizen_cases (locality_id, title, illustrative, created_by, created_at)
                VALUES (\(bind: localityID), \(bind: title), \(bind: illustrative), \(bind: user), \(bind: Timestamp.now()))
                RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw LetterRepository.Conflict() }
        return id
    }

    static func exists(_ id: Int, localityID: Int, _ db: any SQLDatabase) async throws -> Bool {
        try await db.raw(
            "SELECT id FROM citizen_cases WHERE id = \(bind: id) AND locality_id = \(bind: localityID)"
        ).first() != nil
    }

    /// One event of a case: a visit at a reception, or a letter received (and how it stands).
    public struct Entry: Hashable, Sendable {
        public var day: CivilDate
        public var text: String
        public var letterID: Int?
    }

    /// The case's visits and letters in order of day: what a case's timeline shows. No author is named.
    public static func timeline(_ caseID: Int, _ db: any SQLDatabase) async throws -> [Entry] {
        var entries: [Entry] = []
        for row in try await db.raw(
            """
            SELECT s.held_on, s.host_name, v.persons, v.crowd, v.action FROM reception_visits v
            JOIN reception_sessions s ON s.id = v.session_id WHERE v.case_id = \(bind: caseID)
            """
        ).all() {
            guard let day = CivilDate(iso: try row.decode(column: "held_on", as: String.self)) else { continue }
            let action = ReceptionAction(rawValue: try row.decode(column: "action", as: String.self))
            let persons = try row.decode(column: "persons", as: Int.self)
            entries.append(
                Entry(
                    day: day,
                    text: "Tiếp công dân (\(try row.decode(column: "host_name", as: String.self))): \(persons) người"
                        + (try row.decode(column: "crowd", as: Bool.self) ? ", đoàn đông người" : "")
                        + (action.map { "; \($0.vietnameseName.lowercased())" } ?? ""),
                    letterID: nil))
        }
        for row in try await db.raw(
            "SELECT id, received_on, kind, path, resolved_on FROM letters WHERE case_id = \(bind: caseID)"
        ).all() {
            guard let day = CivilDate(iso: try row.decode(column: "received_on", as: String.self)) else { continue }
            let id = try row.decode(column: "id", as: Int.self)
            let kind = LetterKind(rawValue: try row.decode(column: "kind", as: String.self))
            let stage = LetterStage(
                path: try row.decode(column: "path", as: String?.self).flatMap(LetterPath.init(rawValue:)),
                resolved: try row.decode(column: "resolved_on", as: String?.self) != nil)
            entries.append(
                Entry(
                    day: day,
                    text:
                        "Đơn số \(id) (\(kind?.vietnameseName.lowercased() ?? "")): \(stage.vietnameseName.lowercased())",
                    letterID: id))
        }
        return entries.sorted { ($0.day, $0.letterID ?? 0) < ($1.day, $1.letterID ?? 0) }
    }

    /// A case's title from the first words of what it is about.
    static func title(_ content: String) -> String {
        let words = content.trimmingWhitespace()
        return words.count <= 120 ? words : String(words.prefix(119)) + "…"
    }
}

/// A reception session as stored, with its visits.
public struct StoredReception: Hashable, Sendable {
    public struct Visit: Hashable, Sendable {
        public var persons: Int
        public var crowd: Bool
        public var caseID: Int
        public var kind: LetterKind
        public var content: String
        public var action: ReceptionAction
    }

    public var id: Int
    public var localityID: Int
    public var heldOn: CivilDate
    public var host: ReceptionHost
    public var hostName: String
    public var regular: Bool
    public var place: String?
    public var illustrative: Bool
    public var visits: [Visit]

    public var persons: Int { visits.reduce(0) { $0 + $1.persons } }
}

/// The reception register: sessions with their visits, and the chairman's planned regular reception days.
public enum ReceptionRepository {
    /// Records a session and its visits; returns the session's id and each visit's case.
    @discardableResult
    public static func add(
        localityID: Int, _ input: ReceptionInput, illustrative: Bool = false, today: CivilDate, by user: String,
        _ db: any SQLDatabase
    ) async throws -> (id: Int, cases: [Int]) {
        var problems = input.problems(today: today)
        for (i, v) in input.visits.enumerated() {
            if let caseID = v.caseID, !(try await CaseRepository.exists(caseID, localityID: localityID, db)) {
                problems.append("Lượt \(i + 1): vụ việc số \(caseID) không có ở địa phương này")
            }
        }
        guard problems.isEmpty, let heldOn = input.heldOn else {
            throw LetterRepository.Refused(reasons: problems)
        }
        let now = Timestamp.now()
        guard
            let id = try await db.raw(
                """
                INSERT INTO reception_sessions (locality_id, held_on, host, host_name, regular, place, illustrative,
                created_by, created_at) VALUES (\(bind: localityID), \(bind: heldOn.description),
                \(bind: input.host.rawValue), \(bind: input.hostName.trimmingWhitespace()), \(bind: input.regular),
                \(bind: LetterRepository.nonEmpty(input.place)), \(bind: illustrative), \(bind: user), \(bind: now))
                RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw LetterRepository.Conflict() }
        var cases: [Int] = []
        for v in input.visits {
            let caseID: Int
            if let existing = v.caseID {
                caseID = existing
            } else {
                caseID = try await CaseRepository.create(
                    localityID: localityID, title: CaseRepository.title(v.content), illustrative: illustrative,
                    by: user, db)
            }
            try await db.raw(
                """
                INSERT INTO reception_visits (session_id, persons, crowd, case_id, kind, content, action, created_by,
                created_at) VALUES (\(bind: id), \(bind: v.persons), \(bind: v.crowd), \(bind: caseID),
                \(bind: v.kind.rawValue), \(bind: v.content.trimmingWhitespace()), \(bind: v.action.rawValue),
                \(bind: user), \(bind: now))
                """
            ).run()
            cases.append(caseID)
        }
        return (id, cases)
    }

    /// The locality's sessions held within the dates (inclusive), the latest first, with their visits.
    public static func list(
        localityID: Int, from first: CivilDate? = nil, to last: CivilDate? = nil, _ db: any SQLDatabase
    ) async throws -> [StoredReception] {
        var query: SQLQueryString = "SELECT * FROM reception_sessions WHERE locality_id = \(bind: localityID)"
        if let first { query.appendInterpolation(" AND held_on >= \(bind: first.description)" as SQLQueryString) }
        if let last { query.appendInterpolation(" AND held_on <= \(bind: last.description)" as SQLQueryString) }
        query.appendLiteral(" ORDER BY held_on DESC, id DESC")
        var sessions = try await db.raw(query).all().map { row in
            StoredReception(
                id: try row.decode(column: "id", as: Int.self),
                localityID: try row.decode(column: "locality_id", as: Int.self),
                heldOn: CivilDate(iso: try row.decode(column: "held_on", as: String.self)) ?? CivilDate(2000, 1, 1),
                host: ReceptionHost(rawValue: try row.decode(column: "host", as: String.self)) ?? .office,
                hostName: try row.decode(column: "host_name", as: String.self),
                regular: try row.decode(column: "regular", as: Bool.self),
                place: try row.decode(column: "place", as: String?.self),
                illustrative: try row.decode(column: "illustrative", as: Bool.self), visits: [])
        }
        guard !sessions.isEmpty else { return [] }
        var visits: [Int: [StoredReception.Visit]] = [:]
        var visitQuery: SQLQueryString =
            """
            SELECT v.* FROM reception_visits v JOIN reception_sessions s ON s.id = v.session_id
            WHERE s.locality_id = \(bind: localityID)
            """
        if let first {
            visitQuery.appendInterpolation(" AND s.held_on >= \(bind: first.description)" as SQLQueryString)
        }
        if let last { visitQuery.appendInterpolation(" AND s.held_on <= \(bind: last.description)" as SQLQueryString) }
        visitQuery.appendLiteral(" ORDER BY v.id")
        for row in try await db.raw(visitQuery).all() {
            visits[try row.decode(column: "session_id", as: Int.self), default: []].append(
                StoredReception.Visit(
                    persons: try row.decode(column: "persons", as: Int.self),
                    crowd: try row.decode(column: "crowd", as: Bool.self),
                    caseID: try row.decode(column: "case_id", as: Int.self),
                    kind: LetterKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .petition,
                    content: try row.decode(column: "content", as: String.self),
                    action: ReceptionAction(rawValue: try row.decode(column: "action", as: String.self)) ?? .guided))
        }
        for i in sessions.indices { sessions[i].visits = visits[sessions[i].id] ?? [] }
        return sessions
    }

    /// Plans the chairman's regular reception days (those already planned stay).
    public static func plan(localityID: Int, days: [CivilDate], by user: String, _ db: any SQLDatabase) async throws {
        let existing = Set(try await planned(localityID: localityID, db))
        let now = Timestamp.now()
        for day in Set(days).subtracting(existing).sorted() {
            try await db.raw(
                """
                INSERT INTO reception_plan (locality_id, day, created_by, created_at)
                VALUES (\(bind: localityID), \(bind: day.description), \(bind: user), \(bind: now))
                """
            ).run()
        }
    }

    public static func planned(localityID: Int, _ db: any SQLDatabase) async throws -> [CivilDate] {
        try await db.raw("SELECT day FROM reception_plan WHERE locality_id = \(bind: localityID) ORDER BY day").all()
            .compactMap { CivilDate(iso: try $0.decode(column: "day", as: String.self)) }
    }

    /// The chairman's regular reception days of `first`…`last` against the law for the locality's tier: planned,
    /// held, missed, and each week or month kept or not. Nil when no rule applies (an office; a former district
    /// after the reform).
    public static func compliance(
        localityID: Int, kind: UnitKind, from first: CivilDate, to last: CivilDate, rules: ReceptionRules,
        _ db: any SQLDatabase
    ) async throws -> ReceptionCompliance? {
        guard let tier = ReceptionTier(kind), let rule = rules.rule(for: tier, on: first) else { return nil }
        let held = try await list(localityID: localityID, from: first, to: last, db)
            .filter { $0.regular && $0.host == .chairman }.map(\.heldOn)
        let planned = try await planned(localityID: localityID, db).filter { first <= $0 && $0 <= last }
        return ReceptionCompliance.check(planned: planned, held: held, rule: rule, from: first, to: last)
    }
}
