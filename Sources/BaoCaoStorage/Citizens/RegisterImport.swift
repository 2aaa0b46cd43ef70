import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Reception sessions and letters from the exchange format, written through the register's own steps (so a file is
/// held to what a page is: a path needs a classification, a resolution an acceptance, an extension what the rule in
/// force allows). A letter whose code is there already is left as it is when received the same day with the same
/// content, else a problem; a session already there (locality, day, host's name, place) is left as it is. Visits and
/// letters sharing a `case` key are one case; `V12` names stored case 12. Then the register's figures of the periods
/// touched are rewritten.
enum RegisterImport {
    struct Counts {
        var receptions = 0
        var letters = 0
        var unchanged = 0
    }

    static func write(
        receptions: [ReceptionRow], letters: [LetterRow], _ references: References, by user: String,
        problems: inout [ImportProblem], _ db: any SQLDatabase
    ) async throws -> Counts {
        var counts = Counts()
        guard !receptions.isEmpty || !letters.isEmpty else { return counts }
        let today = ReportTasks.today()
        let rules = try await LegalRules.load(db)
        var touched: [Int: Set<Period>] = [:]
        var cases: [String: Int] = [:]
        func locality(_ code: String, _ location: SourceLocation) -> StoredUnit? {
            guard let unit = references.units[code], !unit.kind.isOffice else {
                problems.append(location.problem("locality", "\"\(code)\" không phải một địa phương có trong danh mục"))
                return nil
            }
            return unit
        }
        func caseID(_ key: String?, _ unit: StoredUnit) async throws -> Int? {
            guard let key else { return nil }
            if let id = cases["\(unit.id)|\(key)"] { return id }
            if key.first == "V", let id = Int(key.dropFirst()),
                try await CaseRepository.exists(id, localityID: unit.id, db)
            {
                return id
            }
            return nil
        }
        func refused(_ error: LetterRepository.Refused, _ location: SourceLocation) {
            problems += error.reasons.map { location.problem(nil, $0) }
        }

        // Sessions: rows grouped by their session key (or one row, one session).
        var groups: [(key: String, rows: [ReceptionRow])] = []
        for row in receptions {
            let key = row.session.map { "\(row.locality)|\($0)" } ?? "line \(row.location.line)"
            if let i = groups.firstIndex(where: { $0.key == key }) {
                groups[i].rows.append(row)
            } else {
                groups.append((key, [row]))
            }
        }
        for (_, rows) in groups {
            let first = rows[0]
            guard let unit = locality(first.locality, first.location), let day = first.heldOn else { continue }
            let stored = try await ReceptionRepository.list(localityID: unit.id, from: day, to: day, db)
            if stored.contains(where: { $0.hostName == first.hostName && $0.place == first.place }) {
                counts.unchanged += 1
                continue
            }
            var visits: [ReceptionInput.Visit] = []
            for row in rows {
                var visit = row.visit
                visit.caseID = try await caseID(row.caseKey, unit)
                visits.append(visit)
            }
            guard problems.isEmpty else { continue }
            do {
                let (_, visitCases) = try await ReceptionRepository.add(
                    localityID: unit.id,
                    ReceptionInput(
                        heldOn: day, host: first.host, hostName: first.hostName, regular: first.regular,
                        place: first.place ?? "", visits: visits), today: today, by: user, db)
                for (row, caseID) in zip(rows, visitCases) {
                    if let key = row.caseKey { cases["\(unit.id)|\(key)"] = caseID }
                }
                counts.receptions += 1
                touched[unit.id, default: []].formUnion(RegisterFigures.periods(containing: day))
            } catch let error as LetterRepository.Refused { refused(error, first.location) }
        }

        // Letters, in file order: a repeat names a letter before it (or stored) by code.
        for row in letters {
            guard let unit = locality(row.locality, row.location) else { continue }
            if let code = row.code, let existing = try await LetterRepository.find(code: code, db) {
                if existing.localityID == unit.id && existing.receivedOn == row.input.receivedOn
                    && existing.content == row.input.content.trimmingWhitespace()
                {
                    counts.unchanged += 1
                } else {
                    problems.append(
                        row.location.problem("code", "đơn \"\(code)\" đã có với ngày nhận hoặc nội dung khác"))
                }
                continue
            }
            var choice = LetterRepository.CaseChoice.new
            if let same = row.sameAs {
                guard let head = try await LetterRepository.find(code: same, db), head.localityID == unit.id else {
                    problems.append(
                        row.location.problem("same_as", "không có đơn mã \"\(same)\" ở dòng trước hoặc đã lưu"))
                    continue
                }
                choice = .sameAs(head.id)
            } else if let id = try await caseID(row.caseKey, unit) {
                choice = .existing(id)
            }
            let office = row.handlerUnit.flatMap {
                references.member($0, of: unit, column: "handler_unit", at: row.location, &problems)
            }
            guard problems.isEmpty else { continue }
            do {
                if row.path != nil && row.pathOn == nil {
                    throw LetterRepository.Refused(reasons: ["path_on: thiếu ngày xử lý"])
                }
                let handling = LetterRepository.Handling(
                    classification: row.eligible.map { eligible in
                        .init(
                            kind: row.input.kind, eligible: eligible, ineligibleReason: row.ineligibleReason ?? "",
                            inCompetence: row.inCompetence ?? true, complexity: row.complexity,
                            handlerUnitID: office?.id, handler: row.handler)
                    },
                    path: row.path.flatMap { path in
                        row.pathOn.map {
                            .init(path, on: $0, document: row.pathDocument ?? "", forwardedTo: row.forwardedTo ?? "")
                        }
                    },
                    extensions: row.extensions,
                    resolution: row.resolvedOn.map {
                        .init(
                            day: $0, document: row.decisionDocument ?? "", outcome: row.outcome,
                            note: row.outcomeNote ?? "", returnedAmount: row.returnedAmount,
                            returnedLand: row.returnedLand)
                    })
                let (id, _) = try await LetterRepository.receive(
                    localityID: unit.id, row.input, case: choice, handling: handling, rules: rules.clocks,
                    code: row.code, today: today, by: user, db)
                if let key = row.caseKey, let stored = try await LetterRepository.find(id: id, db) {
                    cases["\(unit.id)|\(key)"] = stored.caseID
                }
                counts.letters += 1
                if let day = row.input.receivedOn {
                    touched[unit.id, default: []].formUnion(RegisterFigures.periods(containing: day))
                }
            } catch let error as LetterRepository.Refused { refused(error, row.location) }
        }
        guard problems.isEmpty else { return counts }
        for (localityID, periods) in touched {
            try await RegisterFigures.refresh(localityID: localityID, periods: periods, rules: rules.figures, db)
        }
        return counts
    }

    /// The register as exchange rows; a denunciation's author is written "(được bảo vệ)", its address and contacts
    /// left out.
    static func export(_ tree: UnitTree, _ db: any SQLDatabase) async throws -> ([ReceptionRow], [LetterRow]) {
        var receptions: [ReceptionRow] = []
        var letters: [LetterRow] = []
        let localities = try await db.raw(
            "SELECT DISTINCT locality_id FROM letters UNION SELECT DISTINCT locality_id FROM reception_sessions"
        ).all().map { try $0.decode(column: "locality_id", as: Int.self) }.sorted()
        for localityID in localities {
            guard let locality = tree.byID[localityID] else { continue }
            for s in try await ReceptionRepository.list(localityID: localityID, db).reversed() {
                receptions += s.visits.map {
                    ReceptionRow(
                        locality: locality.code, heldOn: s.heldOn, host: s.host, hostName: s.hostName,
                        regular: s.regular, place: s.place, session: "B\(s.id)",
                        visit: ReceptionInput.Visit(
                            persons: $0.persons, crowd: $0.crowd, kind: $0.kind, content: $0.content, action: $0.action),
                        caseKey: "V\($0.caseID)")
                }
            }
            let stored = try await LetterRepository.list(localityID: localityID, db).reversed()
            let codes = Dictionary(stored.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
            for l in stored {
                let author = try await db.raw(
                    "SELECT author_name, author_address, author_contact FROM letters WHERE id = \(bind: l.id)"
                ).first()
                let protected = l.kind.protectsAuthor
                letters.append(
                    LetterRow(
                        locality: locality.code, code: l.code,
                        input: LetterInput(
                            receivedOn: l.receivedOn, channel: l.channel, sentBy: l.sentBy ?? "",
                            authorName: protected
                                ? "(được bảo vệ)" : try author?.decode(column: "author_name", as: String.self) ?? "",
                            authorAddress: protected
                                ? "" : try author?.decode(column: "author_address", as: String?.self) ?? "",
                            authorContact: protected
                                ? "" : try author?.decode(column: "author_contact", as: String?.self) ?? "",
                            signers: l.signers, content: l.content, kind: l.kind, round: l.round, remote: l.remote),
                        caseKey: "V\(l.caseID)", sameAs: l.sameAs.flatMap { codes[$0] }, eligible: l.eligible,
                        ineligibleReason: l.ineligibleReason, inCompetence: l.inCompetence, complexity: l.complexity,
                        handlerUnit: l.handlerUnitID.flatMap { tree.byID[$0]?.code }, handler: l.handler, path: l.path,
                        pathOn: l.pathOn, pathDocument: l.pathDocument, forwardedTo: l.forwardedTo,
                        extensions: l.extensions.map {
                            .init(decidedOn: $0.decidedOn, days: $0.days, document: $0.document)
                        },
                        resolvedOn: l.resolvedOn, decisionDocument: l.decisionDocument, outcome: l.outcome,
                        outcomeNote: l.outcomeNote, returnedAmount: l.returnedAmount, returnedLand: l.returnedLand))
            }
        }
        return (receptions, letters)
    }
}
