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

    /// Receives a letter; returns its id and the code given to the citizen.
    @discardableResult
    public static func receive(
        localityID: Int, _ input: LetterInput, case choice: CaseChoice = .new, illustrative: Bool = false,
        code: String? = nil, today: CivilDate, by user: String, _ db: any SQLDatabase
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
        let theCase: Int
        if let caseID {
            theCase = caseID
        } else {
            theCase = try await CaseRepository.create(
                localityID: localityID, title: CaseRepository.title(input.content), illustrative: illustrative,
                by: user, db)
        }
        let letterCode = code ?? LetterCode.make()
        if try await db.raw("SELECT id FROM letters WHERE code = \(bind: letterCode)").first() != nil {
            throw Refused(reasons: ["Mã đơn \(letterCode) đã có"])
        }
        guard
            let id = try await db.raw(
                """
                INSERT INTO letters (locality_id, code, case_id, same_as, received_on, channel, sent_by, author_name,
                author_address, author_contact, signers, content, kind, round, remote, complexity, illustrative,
                received_by, version, created_at, updated_at)
                VALUES (\(bind: localityID), \(bind: letterCode), \(bind: theCase), \(bind: sameAs),
                \(bind: receivedOn.description), \(bind: input.channel.rawValue), \(bind: nonEmpty(input.sentBy)),
                \(bind: input.authorName.trimmingWhitespace()), \(bind: nonEmpty(input.authorAddress)),
                \(bind: nonEmpty(input.authorContact)), \(bind: input.signers), \(bind: input.content.trimmingWhitespace()),
                \(bind: input.kind.rawValue), \(bind: input.round), \(bind: input.remote),
                \(bind: CaseComplexity.ordinary.rawValue), \(bind: illustrative), \(bind: user), \(bind: 1), \(bind: now),
                \(bind: now)) RETURNING id
                """
            ).first()?.decode(column: "id", as: Int.self)
        else { throw Conflict() }
        var detail =
            "Tiếp nhận đơn (\(input.channel.vietnameseName.lowercased())), loại "
            + input.kind.vietnameseName.lowercased()
        if let sameAs { detail += "; trùng đơn số \(sameAs)" }
        try await event(id, on: receivedOn, detail, by: user, at: now, db)
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

    public static func classify(
        _ id: Int, _ c: Classification, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        let letter = try await current(id, version, db)
        var problems: [String] = []
        if !c.eligible && c.ineligibleReason.trimmingWhitespace().isEmpty {
            problems.append("Đơn không đủ điều kiện xử lý: ghi lý do")
        }
        if let p = TextLimit.reason.problem(c.ineligibleReason) { problems.append(p) }
        if letter.kind != c.kind && letter.path != nil { problems.append("Đơn đã xử lý: không đổi loại đơn") }
        if c.kind != .complaint && letter.round != 1 { problems.append("Lần hai chỉ có với khiếu nại") }
        if letter.acceptedOn != nil && c.complexity < letter.complexity {
            problems.append("Đơn đã thụ lý: không hạ mức độ phức tạp")
        }
        if let handler = c.handler, handler.count > 64 { problems.append("Người xử lý: mã tài khoản dài quá 64 ký tự") }
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        try await update(
            id, version,
            """
            kind = \(bind: c.kind.rawValue), eligible = \(bind: c.eligible),
            ineligible_reason = \(bind: c.eligible ? nil : c.ineligibleReason.trimmingWhitespace()),
            in_competence = \(bind: c.inCompetence), complexity = \(bind: c.complexity.rawValue),
            handler_unit_id = \(bind: c.handlerUnitID), handler = \(bind: c.handler.flatMap(nonEmpty))
            """, db)
        var detail =
            "Phân loại: \(c.kind.vietnameseName.lowercased()), "
            + (c.eligible ? "đủ điều kiện xử lý" : "không đủ điều kiện (\(c.ineligibleReason.trimmingWhitespace()))")
            + ", " + (c.inCompetence ? "thuộc thẩm quyền" : "không thuộc thẩm quyền")
        if c.complexity != .ordinary { detail += ", vụ việc \(c.complexity.vietnameseName.lowercased())" }
        if let handler = c.handler.flatMap(nonEmpty) { detail += "; người xử lý: \(handler)" }
        try await event(id, on: nil, detail, by: user, at: Timestamp.now(), db)
    }

    /// Chooses the letter's path on `day`, with the document issued (thông báo thụ lý, phiếu chuyển, phiếu hướng
    /// dẫn, văn bản trả lời: number and date).
    public static func decide(
        _ id: Int, _ path: LetterPath, on day: CivilDate, document: String, forwardedTo: String = "",
        today: CivilDate, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        let letter = try await current(id, version, db)
        var problems: [String] = []
        if letter.path != nil { problems.append("Đơn đã được xử lý (\(letter.path!.vietnameseName.lowercased()))") }
        if day < letter.receivedOn { problems.append("Ngày xử lý: trước ngày nhận đơn") }
        if day > today { problems.append("Ngày xử lý: sau hôm nay") }
        if letter.eligible == nil { problems.append("Đơn chưa phân loại") }
        switch path {
        case .accepted:
            if !letter.kind.hasLegalClock { problems.append("Thụ lý chỉ với khiếu nại, tố cáo; kiến nghị thì trả lời") }
            if letter.eligible == false { problems.append("Đơn không đủ điều kiện: không thụ lý") }
            if letter.inCompetence == false { problems.append("Đơn không thuộc thẩm quyền: chuyển hoặc hướng dẫn") }
        case .forwarded:
            if forwardedTo.trimmingWhitespace().isEmpty { problems.append("Chuyển đến cơ quan nào: chưa ghi") }
        case .answered:
            if letter.kind != .petition { problems.append("Trả lời chỉ với kiến nghị, phản ánh") }
        case .guided, .archived: break
        }
        if document.trimmingWhitespace().isEmpty { problems.append("Văn bản (số, ngày): chưa ghi") }
        for (text, limit) in [(document, TextLimit.name), (forwardedTo, TextLimit.name)] {
            if let p = limit.problem(text) { problems.append(p) }
        }
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        try await update(
            id, version,
            """
            path = \(bind: path.rawValue), path_on = \(bind: day.description),
            path_document = \(bind: document.trimmingWhitespace()),
            forwarded_to = \(bind: path == .forwarded ? forwardedTo.trimmingWhitespace() : nil),
            accepted_on = \(bind: path == .accepted ? day.description : nil)
            """, db)
        var detail = "\(path.vietnameseName) (\(document.trimmingWhitespace()))"
        if path == .forwarded { detail += " đến \(forwardedTo.trimmingWhitespace())" }
        try await event(id, on: day, detail, by: user, at: Timestamp.now(), db)
    }

    /// Extends the resolution of an accepted letter by a decision, within what the rule in force allows.
    public static func extend(
        _ id: Int, on day: CivilDate, days: Int, document: String, rules: ClockRules, today: CivilDate,
        expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        let letter = try await current(id, version, db)
        var problems: [String] = []
        if letter.resolvedOn != nil { problems.append("Đơn đã giải quyết xong") }
        if let p = letter.clock.extensionProblem(days: days, rules) { problems.append(p) }
        if let accepted = letter.acceptedOn, day < accepted { problems.append("Ngày gia hạn: trước ngày thụ lý") }
        if day > today { problems.append("Ngày gia hạn: sau hôm nay") }
        if document.trimmingWhitespace().isEmpty { problems.append("Quyết định gia hạn (số, ngày): chưa ghi") }
        if let p = TextLimit.name.problem(document) { problems.append(p) }
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        try await update(id, version, "updated_at = updated_at", db)
        try await db.raw(
            """
            INSERT INTO letter_extensions (letter_id, decided_on, days, document, created_by, created_at)
            VALUES (\(bind: id), \(bind: day.description), \(bind: days), \(bind: document.trimmingWhitespace()),
            \(bind: user), \(bind: Timestamp.now()))
            """
        ).run()
        try await event(
            id, on: day, "Gia hạn giải quyết \(days) ngày (\(document.trimmingWhitespace()))", by: user,
            at: Timestamp.now(), db)
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

    public static func resolve(
        _ id: Int, _ r: Resolution, today: CivilDate, expecting version: Int, by user: String, _ db: any SQLDatabase
    ) async throws {
        let letter = try await current(id, version, db)
        var problems: [String] = []
        if letter.path != .accepted { problems.append("Chỉ giải quyết đơn đã thụ lý") }
        if letter.resolvedOn != nil { problems.append("Đơn đã giải quyết xong") }
        if let accepted = letter.acceptedOn, r.day < accepted { problems.append("Ngày giải quyết: trước ngày thụ lý") }
        if r.day > today { problems.append("Ngày giải quyết: sau hôm nay") }
        if r.outcome == nil { problems.append("Kết quả (đúng, đúng một phần, sai): chưa chọn") }
        if r.document.trimmingWhitespace().isEmpty { problems.append("Quyết định/kết luận (số, ngày): chưa ghi") }
        for value in [r.returnedAmount, r.returnedLand] {
            if let v = value, !(0...1_000_000_000_000_000).contains(v) {
                problems.append("Số tiền, diện tích trả lại: từ 0 đến 10^18")
            }
        }
        for (text, limit) in [(r.document, TextLimit.name), (r.note, TextLimit.note)] {
            if let p = limit.problem(text) { problems.append(p) }
        }
        guard problems.isEmpty else { throw Refused(reasons: problems) }
        try await update(
            id, version,
            """
            resolved_on = \(bind: r.day.description), decision_document = \(bind: r.document.trimmingWhitespace()),
            outcome = \(bind: r.outcome?.rawValue), outcome_note = \(bind: nonEmpty(r.note)),
            returned_amount = \(bind: r.returnedAmount), returned_land = \(bind: r.returnedLand)
            """, db)
        try await event(
            id, on: r.day,
            "Giải quyết xong (\(r.document.trimmingWhitespace())): \(r.outcome?.vietnameseName.lowercased() ?? "")",
            by: user, at: Timestamp.now(), db)
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
        let rows: [any SQLRow]
        if ids.count == 1 {
            rows = try await db.raw(
                "SELECT * FROM letter_extensions WHERE letter_id = \(bind: ids[0]) ORDER BY id"
            ).all()
        } else {
            rows = try await db.raw("SELECT * FROM letter_extensions ORDER BY id").all()
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

    /// Applies `set` to the letter if it is still at `version`, and moves its version on.
    static func update(_ id: Int, _ version: Int, _ set: SQLQueryString, _ db: any SQLDatabase) async throws {
        var query: SQLQueryString = "UPDATE letters SET "
        query.appendInterpolation(set)
        let tail: SQLQueryString = """
            , version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id) AND version = \(bind: version) RETURNING id
            """
        query.appendInterpolation(tail)
        guard !(try await db.raw(query).all()).isEmpty else { throw Conflict() }
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
