import BaoCaoDomain
import SQLKit

/// A letter as stored, without its author: the name, address and contacts are read only through
/// `LetterIdentity.read`, which decides who may and logs every read of a protected one.
public struct StoredLetter: Hashable, Sendable {
    public typealias Extension = LetterExtension

    public var id: Int
    public var localityID: Int
    /// The code the citizen is given to look it up.
    public var code: String
    public var caseID: Int
    public var sameAs: Int?
    public var receivedOn: CivilDate
    public var channel: LetterChannel
    public var sentBy: String?
    public var signers: Int
    public var content: String
    public var kind: LetterKind
    public var eligible: Bool?
    public var ineligibleReason: String?
    public var inCompetence: Bool?
    public var round: Int
    public var remote: Bool
    public var complexity: CaseComplexity
    public var handlerUnitID: Int?
    public var handler: String?
    public var path: LetterPath?
    public var pathOn: CivilDate?
    public var pathDocument: String?
    public var forwardedTo: String?
    public var acceptedOn: CivilDate?
    public var resolvedOn: CivilDate?
    public var decisionDocument: String?
    public var outcome: LetterOutcome?
    public var outcomeNote: String?
    /// Money returned to the State or to citizens, in đồng (whole).
    public var returnedAmount: Int64?
    /// Land returned, in m².
    public var returnedLand: Int64?
    public var illustrative: Bool
    public var receivedBy: String
    public var version: Int
    public var updatedAt: String
    public var extensions: [Extension]

    public var clock: LetterClock {
        LetterClock(
            kind: kind, round: round, remote: remote, complexity: complexity, receivedOn: receivedOn,
            acceptedOn: acceptedOn, extensions: extensions.map(\.days))
    }

    public var stage: LetterStage { LetterStage(path: path, resolved: resolvedOn != nil) }

    /// The day it was handled to the end at this body: resolved when accepted, otherwise the day of its path.
    public var closedOn: CivilDate? {
        guard let path else { return nil }
        return path == .accepted ? resolvedOn : pathOn
    }

    public func timing(today: CivilDate, rules: ClockRules, counter: LegalDayCounter) -> LetterTiming {
        LetterTiming.of(clock, path: path, closedOn: closedOn, today: today, rules: rules, counter: counter)
    }

    /// Whether `user` handles it: received it or was given it to handle.
    public func isHandled(by user: String) -> Bool { user == receivedBy || user == handler }

    static func decode(_ row: any SQLRow, extensions: [Extension]) throws -> StoredLetter {
        func day(_ column: String) throws -> CivilDate? {
            try row.decode(column: column, as: String?.self).flatMap(CivilDate.init(iso:))
        }
        return StoredLetter(
            id: try row.decode(column: "id", as: Int.self),
            localityID: try row.decode(column: "locality_id", as: Int.self),
            code: try row.decode(column: "code", as: String.self),
            caseID: try row.decode(column: "case_id", as: Int.self),
            sameAs: try row.decode(column: "same_as", as: Int?.self),
            receivedOn: try day("received_on") ?? CivilDate(2000, 1, 1),
            channel: LetterChannel(rawValue: try row.decode(column: "channel", as: String.self)) ?? .inPerson,
            sentBy: try row.decode(column: "sent_by", as: String?.self),
            signers: try row.decode(column: "signers", as: Int.self),
            content: try row.decode(column: "content", as: String.self),
            kind: LetterKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .petition,
            eligible: try row.decode(column: "eligible", as: Bool?.self),
            ineligibleReason: try row.decode(column: "ineligible_reason", as: String?.self),
            inCompetence: try row.decode(column: "in_competence", as: Bool?.self),
            round: try row.decode(column: "round", as: Int.self),
            remote: try row.decode(column: "remote", as: Bool.self),
            complexity: CaseComplexity(rawValue: try row.decode(column: "complexity", as: String.self)) ?? .ordinary,
            handlerUnitID: try row.decode(column: "handler_unit_id", as: Int?.self),
            handler: try row.decode(column: "handler", as: String?.self),
            path: try row.decode(column: "path", as: String?.self).flatMap(LetterPath.init(rawValue:)),
            pathOn: try day("path_on"),
            pathDocument: try row.decode(column: "path_document", as: String?.self),
            forwardedTo: try row.decode(column: "forwarded_to", as: String?.self),
            acceptedOn: try day("accepted_on"),
            resolvedOn: try day("resolved_on"),
            decisionDocument: try row.decode(column: "decision_document", as: String?.self),
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(LetterOutcome.init(rawValue:)),
            outcomeNote: try row.decode(column: "outcome_note", as: String?.self),
            returnedAmount: try row.decode(column: "returned_amount", as: Int64?.self),
            returnedLand: try row.decode(column: "returned_land", as: Int64?.self),
            illustrative: try row.decode(column: "illustrative", as: Bool.self),
            receivedBy: try row.decode(column: "received_by", as: String.self),
            version: try row.decode(column: "version", as: Int.self),
            updatedAt: try row.decode(column: "updated_at", as: String.self),
            extensions: extensions)
    }
}

/// A letter's author as written on it.
public struct LetterAuthor: Hashable, Sendable {
    public var name: String
    public var address: String?
    public var contact: String?
}
