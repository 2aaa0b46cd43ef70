import BaoCaoDomain
import SQLKit

/// Letters and their handling: received with a code for the citizen and a case (vụ việc), classified, given a path
/// (accepted, forwarded, guided, answered, archived) with its document, extended, resolved with an outcome. Each step
/// on the version the person saw, each in the letter's history; the author is written once, on receipt, and read only
/// through `LetterIdentity`.
public enum LetterRepository {
    public typealias Refused = StepRefused

    public struct Conflict: Error, CustomStringConvertible {
        public init() {}
        public var description: String {
            "Đơn vừa được người khác thay đổi; chưa lưu. Tải lại trang để xem nội dung mới nhất rồi làm lại."
        }
    }

    /// A new case for the letter, or the case of an existing one (`caseID`), or the case of the letter it repeats
    /// (`sameAs`, a duplicate).
    public enum CaseChoice: Sendable {
        case new
        case existing(Int)
        case sameAs(Int)
    }

    /// What a file or the demo knows of a letter's handling beyond its receipt: the steps, in order, taken at once
    /// when it is received (each checked as on a page).
    public struct Handling: Sendable {
        public struct PathChoice: Sendable {
            public var path: LetterPath
            public var day: CivilDate
            public var document: String
            public var forwardedTo: String
            public init(_ path: LetterPath, on day: CivilDate, document: String, forwardedTo: String = "") {
                self.path = path; self.day = day; self.document = document; self.forwardedTo = forwardedTo
            }
        }

        public var classification: Classification?
        public var path: PathChoice?
        public var extensions: [LetterExtension]
        public var resolution: Resolution?

        public init(
            classification: Classification? = nil, path: PathChoice? = nil, extensions: [LetterExtension] = [],
            resolution: Resolution? = nil
        ) {
            self.classification = classification; self.path = path; self.extensions = extensions
            self.resolution = resolution
        }

        var isEmpty: Bool { classification == nil && path == nil && extensions.isEmpty && resolution == nil }
    }

    /// Receives a letter, and with `handling` takes its further steps at once; returns its id and the code given to
    /// the citizen. Written in a few statements whatever the steps: the letter as it ends, its history, its
    /// extensions.
    @discardableResult
    public static func receive(
        localityID: Int, _ input: LetterInput, case choice: CaseChoice = .new, handling: Handling = Handling(),
        rules: ClockRules? = nil, illustrative: Bool = false, code: String? = nil, today: CivilDate, by user: String,
        _ db: any SQLDatabase
    ) async throws -> (id: Int, code: String) {
        var problems = input.problems(today: today)
        var sameAs: Int?
        var caseID: Int?
        switch choice {
        case .new: break
        case .existing(let id):
            if try await CaseRepository.exists(id, localityID: localityID, db) {
                caseID = id
            } else {
                problems.append("Vụ việc số \(id): không có ở địa phương này")
            }
        case .sameAs(let id):
            if let other = try await find(id: id, db), other.localityID == localityID {
                caseID = other.caseID; sameAs = other.sameAs ?? other.id
            } else {
                problems.append("Đơn trùng với đơn số \(id): không có ở địa phương này")
            }
        }
        if let code, LetterCode.problem(code) != nil {
            problems.append("Mã đơn \"\(code)\": không đúng dạng TD-XXXX-XXXX")
        }
        guard problems.isEmpty, let receivedOn = input.receivedOn else { throw Refused(reasons: problems) }
        let now = Timestamp.now()
        let letterCode = code ?? LetterCode.make()
        var letter = StoredLetter(
            id: 0, localityID: localityID, code: letterCode, caseID: caseID ?? 0, sameAs: sameAs,
            receivedOn: receivedOn, channel: input.channel, sentBy: nonEmpty(input.sentBy), signers: input.signers,
            content: input.content.trimmingWhitespace(), kind: input.kind, eligible: nil, ineligibleReason: nil,
            inCompetence: nil, round: input.round, remote: input.remote, complexity: .ordinary, handlerUnitID: nil,
            handler: nil, path: nil, pathOn: nil, pathDocument: nil, forwardedTo: nil, acceptedOn: nil, resolvedOn: nil,
            decisionDocument: nil, outcome: nil, outcomeNote: nil, returnedAmount: nil, returnedLand: nil,
            illustrative: illustrative, receivedBy: user, version: 1, updatedAt: now, extensions: [])
        var detail =
            "Tiếp nhận đơn (\(input.channel.vietnameseName.lowercased())), loại "
            + input.kind.vietnameseName.lowercased()
        if let sameAs { detail += "; trùng đơn số \(sameAs)" }
        var lines = [StoredLetter.HistoryLine(day: receivedOn, detail: detail)]
        if let c = handling.classification { lines.append(try letter.classify(c)) }
        if let p = handling.path {
            lines.append(
                try letter.decide(p.path, on: p.day, document: p.document, forwardedTo: p.forwardedTo, today: today))
        }
        for e in handling.extensions {
            guard let rules else { throw Refused(reasons: ["Gia hạn: thiếu bảng thời hạn"]) }
            lines.append(
                try letter.extend(on: e.decidedOn, days: e.days, document: e.document, rules: rules, today: today))
        }
        if let r = handling.resolution { lines.append(try letter.resolve(r, today: today)) }
        if code != nil, try await db.raw("SELECT id FROM letters WHERE code = \(bind: letterCode)").first() != nil {
            throw Refused(reasons: ["Mã đơn \(letterCode) đã có"])
        }
        if let caseID {
            letter.caseID = caseID
        } else {
            letter.caseID = try await CaseRepository.create(
                localityID: localityID, title: CaseRepository.title(input.content), illustrative: illustrative,
                by: user, db)
        }
        let l = letter
        guard
            let id = try await db.raw(
                """
                INSERT INTO letters (locality_id, code, case_id, same_as, received_on, channel, sent_by, author_name,
                author_address, author_contact, signers, content, kind, round, remote, complexity, eligible,
                ineligible_reason, in_competence, handler_unit_id, handler, path, path_on, path_document, forwarded_to,
                accepted_on, resolved_on, decision_document, outcome, outcome_note, returned_amount, returned_land,
                illustrative, received_by, version, created_at, updated_at)
                VALUES (\(bind: localityID), \(bind: letterCode), \(bind: l.caseID), \(bind: sameAs),
                \(bind: receivedOn.description), \(bind: input.channel.rawValue), \(bind: l.sentBy),
                \(bind: input.authorName.trimmingWhitespace()), \(bind: nonEmpty(input.authorAddress)),
                \(bind: nonEmpty(input.authorContact)), \(bind: input.signers), \(bind: l.content),
                \(bind: l.kind.rawValue), \(bind: input.round), \(bind: input.remote), \(bind: l.complexity.rawValue),
                \(bind: l.eligible), \(bind: l.ineligibleReason), \(bind: l.inCompetence), \(bind: l.handlerUnitID),
                \(bind: l.handler), \(bind: l.path?.rawValue), \(bind: l.pathOn?.description), \(bind: l.pathDocument),
                \(bind: l.forwardedTo), \(bind: l.acceptedOn?.description), \(bind: l.resolvedOn?.description),
                \(bind: l.decisionDocument), \(bind: l.outcome?.rawValue), \(bind: l.outcomeNote),
                \(bind: l.returnedAmount), \(bind: l.returnedLand), \(bind: illustrative), \(bind: user), \(bind: 1),
                \(bind: now), \(bind: now)) RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw Conflict() }
        try await insert(extensions: l.extensions, of: id, by: user, db)
        try await events(id, lines, by: user, at: now, db)
        return (id, letterCode)
    }

    /// The classification after reading it: kind, eligible or not (and why), within the body's competence or not,
    /// complexity, and who handles it.
    public struct Classification: Sendable {
        public var kind: LetterKind
        public var eligible: Bool
        public var ineligibleReason: String
        public var inCompetence: Bool
        public var complexity: CaseComplexity
        public var handlerUnitID: Int?
        public var handler: String?

        public init(
            kind: LetterKind, eligible: Bool, ineligibleReason: String = "", inCompetence: Bool,
            complexity: CaseComplexity = .ordinary, handlerUnitID: Int? = nil, handler: String? = nil
        ) {
            self.kind = kind; self.eligible = eligible; self.ineligibleReason = ineligibleReason
            self.inCompetence = inCompetence; self.complexity = complexity; self.handlerUnitID = handlerUnitID
            self.handler = handler
        }
    }

    /// What a resolution decided.
    public struct Resolution: Sendable {
        public var day: CivilDate
        public var document: String
        public var outcome: LetterOutcome?
        public var note: String
        public var returnedAmount: Int64?
        public var returnedLand: Int64?

        public init(
            day: CivilDate, document: String, outcome: LetterOutcome?, note: String = "",
            returnedAmount: Int64? = nil, returnedLand: Int64? = nil
        ) {
            self.day = day; self.document = document; self.outcome = outcome; self.note = note
            self.returnedAmount = returnedAmount; self.returnedLand = returnedLand
        }
    }

    public static func classify(
        _ id: Int, _ c: Classification, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        var letter = try await current(id, version, db)
        let line = try letter.classify(c)
        try await save(letter, expecting: version, db)
        try await event(id, on: line.day, line.detail, by: user, at: Timestamp.now(), db)
    }

    /// Chooses the letter's path on `day`, with the document issued (thông báo thụ lý, phiếu chuyển, phiếu hướng
    /// dẫn, văn bản trả lời: number and date).
    public static func decide(
        _ id: Int, _ path: LetterPath, on day: CivilDate, document: String, forwardedTo: String = "",
        today: CivilDate, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        var letter = try await current(id, version, db)
        let line = try letter.decide(path, on: day, document: document, forwardedTo: forwardedTo, today: today)
        try await save(letter, expecting: version, db)
        try await event(id, on: line.day, line.detail, by: user, at: Timestamp.now(), db)
    }

    /// Extends the resolution of an accepted letter by a decision, within what the rule in force allows.
    public static func extend(
        _ id: Int, on day: CivilDate, days: Int, document: String, rules: ClockRules, today: CivilDate,
        expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        var letter = try await current(id, version, db)
        let line = try letter.extend(on: day, days: days, document: document, rules: rules, today: today)
        try await save(letter, expecting: version, db)
        try await insert(extensions: [letter.extensions.last!], of: id, by: user, db)
        try await event(id, on: line.day, line.detail, by: user, at: Timestamp.now(), db)
    }

    public static func resolve(
        _ id: Int, _ r: Resolution, today: CivilDate, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        var letter = try await current(id, version, db)
        let line = try letter.resolve(r, today: today)
        try await save(letter, expecting: version, db)
        try await event(id, on: line.day, line.detail, by: user, at: Timestamp.now(), db)
    }

    // MARK: - Reading

    public static func find(id: Int, _ db: any SQLDatabase) async throws -> StoredLetter? {
        guard let row = try await db.raw("SELECT * FROM letters WHERE id = \(bind: id)").first() else { return nil }
        return try StoredLetter.decode(row, extensions: try await extensions(of: [id], db)[id] ?? [])
    }

    public static func find(code: String, _ db: any SQLDatabase) async throws -> StoredLetter? {
        guard LetterCode.problem(code) == nil,
            let row = try await db.raw("SELECT * FROM letters WHERE code = \(bind: code)").first()
        else { return nil }
        let id = try row.decode(column: "id", as: Int.self)
        return try StoredLetter.decode(row, extensions: try await extensions(of: [id], db)[id] ?? [])
    }

    /// The locality's letters received within the dates (inclusive), the latest first.
    public static func list(
        localityID: Int, from first: CivilDate? = nil, to last: CivilDate? = nil, _ db: any SQLDatabase
    ) async throws -> [StoredLetter] {
        var query: SQLQueryString = "SELECT * FROM letters WHERE locality_id = \(bind: localityID)"
        if let first { query.appendInterpolation(" AND received_on >= \(bind: first.description)" as SQLQueryString) }
        if let last { query.appendInterpolation(" AND received_on <= \(bind: last.description)" as SQLQueryString) }
        query.appendLiteral(" ORDER BY received_on DESC, id DESC")
        let rows = try await db.raw(query).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        let ext = try await extensions(of: ids, db)
        return try rows.map { row in
            try StoredLetter.decode(row, extensions: ext[try row.decode(column: "id", as: Int.self)] ?? [])
        }
    }

    /// Complaints and denunciations whose clock runs: not yet given a path, or accepted and not resolved.
    public static func running(_ db: any SQLDatabase) async throws -> [StoredLetter] {
        let rows = try await db.raw(
            """
            SELECT * FROM letters WHERE kind <> \(bind: LetterKind.petition.rawValue) AND resolved_on IS NULL
            AND (path IS NULL OR path = \(bind: LetterPath.accepted.rawValue)) ORDER BY id
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        let ext = try await extensions(of: ids, db)
        return try rows.map { row in
            try StoredLetter.decode(row, extensions: ext[try row.decode(column: "id", as: Int.self)] ?? [])
        }
    }

    public struct Event: Hashable, Sendable {
        public var day: CivilDate?
        public var detail: String
        public var by: String
        public var at: String
    }

    public static func events(of id: Int, _ db: any SQLDatabase) async throws -> [Event] {
        try await db.raw(
            "SELECT on_day, detail, created_by, created_at FROM letter_events WHERE letter_id = \(bind: id) ORDER BY id"
        ).all().map { row in
            Event(
                day: try row.decode(column: "on_day", as: String.self).isEmpty
                    ? nil : CivilDate(iso: try row.decode(column: "on_day", as: String.self)),
                detail: try row.decode(column: "detail", as: String.self),
                by: try row.decode(column: "created_by", as: String.self),
                at: try row.decode(column: "created_at", as: String.self))
        }
    }

    // MARK: - Helpers

    static func extensions(of ids: [Int], _ db: any SQLDatabase) async throws -> [Int: [StoredLetter.Extension]] {
        guard !ids.isEmpty else { return [:] }
        var result: [Int: [StoredLetter.Extension]] = [:]
        var rows: [any SQLRow] = []
        // Only these letters' extensions, a thousand ids a statement (well within either database's bind limit).
        for start in stride(from: 0, to: ids.count, by: 1_000) {
            let chunk = Array(ids[start..<min(start + 1_000, ids.count)])
            rows += try await db.raw(
                "SELECT * FROM letter_extensions WHERE letter_id IN (\(binds: chunk)) ORDER BY id"
            ).all()
        }
        let wanted = Set(ids)
        for row in rows {
            let letter = try row.decode(column: "letter_id", as: Int.self)
            guard wanted.contains(letter) else { continue }
            result[letter, default: []].append(
                StoredLetter.Extension(
                    decidedOn: CivilDate(iso: try row.decode(column: "decided_on", as: String.self))
                        ?? CivilDate(2000, 1, 1),
                    days: try row.decode(column: "days", as: Int.self),
                    document: try row.decode(column: "document", as: String.self)))
        }
        return result
    }

    /// The letter as stored, refused as a conflict when it is no longer at the version the person saw: what they
    /// decided on has changed, whatever the step.
    static func current(_ id: Int, _ version: Int, _ db: any SQLDatabase) async throws -> StoredLetter {
        guard let letter = try await find(id: id, db) else { throw Refused(reasons: ["Không có đơn số \(id)"]) }
        guard letter.version == version else { throw Conflict() }
        return letter
    }

    /// Writes what a step changed, if the letter is still at `version`, and moves its version on.
    static func save(_ l: StoredLetter, expecting version: Int, _ db: any SQLDatabase) async throws {
        let changed = try await db.raw(
            """
            UPDATE letters SET kind = \(bind: l.kind.rawValue), eligible = \(bind: l.eligible),
            ineligible_reason = \(bind: l.ineligibleReason), in_competence = \(bind: l.inCompetence),
            complexity = \(bind: l.complexity.rawValue), handler_unit_id = \(bind: l.handlerUnitID),
            handler = \(bind: l.handler), path = \(bind: l.path?.rawValue), path_on = \(bind: l.pathOn?.description),
            path_document = \(bind: l.pathDocument), forwarded_to = \(bind: l.forwardedTo),
            accepted_on = \(bind: l.acceptedOn?.description), resolved_on = \(bind: l.resolvedOn?.description),
            decision_document = \(bind: l.decisionDocument), outcome = \(bind: l.outcome?.rawValue),
            outcome_note = \(bind: l.outcomeNote), returned_amount = \(bind: l.returnedAmount),
            returned_land = \(bind: l.returnedLand), version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: l.id) AND version = \(bind: version) RETURNING id
            """
        ).all()
        guard !changed.isEmpty else { throw Conflict() }
    }

    static func insert(
        extensions: [LetterExtension], of id: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        for e in extensions {
            try await db.raw(
                """
                INSERT INTO letter_extensions (letter_id, decided_on, days, document, created_by, created_at)
                VALUES (\(bind: id), \(bind: e.decidedOn.description), \(bind: e.days), \(bind: e.document), \(bind: user),
                \(bind: Timestamp.now()))
                """
            ).run()
        }
    }

    /// Several lines of a letter's history in one statement.
    static func events(
        _ id: Int, _ lines: [StoredLetter.HistoryLine], by user: String, at: String, _ db: any SQLDatabase
    ) async throws {
        guard !lines.isEmpty else { return }
        var query: SQLQueryString =
            "INSERT INTO letter_events (letter_id, on_day, detail, created_by, created_at) VALUES "
        for (i, line) in lines.enumerated() {
            let row: SQLQueryString =
                "\(unsafeRaw: i == 0 ? "" : ", ")(\(bind: id), \(bind: line.day?.description ?? ""), \(bind: line.detail), \(bind: user), \(bind: at))"
            query.appendInterpolation(row)
        }
        try await db.raw(query).run()
    }

    static func event(
        _ id: Int, on day: CivilDate?, _ detail: String, by user: String, at: String, _ db: any SQLDatabase
    ) async throws {
        try await db.raw(
            """
            INSERT INTO letter_events (letter_id, on_day, detail, created_by, created_at)
            VALUES (\(bind: id), \(bind: day?.description ?? ""), \(bind: detail), \(bind: user), \(bind: at))
            """
        ).run()
    }

    static func nonEmpty(_ text: String) -> String? {
        let t = text.trimmingWhitespace()
        return t.isEmpty ? nil : t
    }
}

/// The code a citizen is given for a letter: "TD-" and two groups of four characters drawn at random from letters
/// and digits that cannot be mistaken for one another (no 0/O, 1/I/L): about 10^12 codes, not guessable in a rate
/// limited lookup.
public enum LetterCode {
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")

    public static func make() -> String {
        var g = SystemRandomNumberGenerator()
        let pick = { (n: Int) in String((0..<n).map { _ in alphabet.randomElement(using: &g)! }) }
        return "TD-" + pick(4) + "-" + pick(4)
    }

    /// Why `code` is not a letter code, or nil.
    public static func problem(_ code: String) -> String? {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "TD", parts[1].count == 4, parts[2].count == 4,
            (parts[1] + parts[2]).allSatisfy({ alphabet.contains($0) })
        else { return "Mã đơn có dạng TD-XXXX-XXXX" }
        return nil
    }
}
