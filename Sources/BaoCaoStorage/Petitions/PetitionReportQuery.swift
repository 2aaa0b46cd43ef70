import BaoCaoDomain
import SQLKit

/// A session's petitions as the report and the public page read them: each group of petitions saying the same as
/// one matter, with where voters said it, who resolved it (or where it went) and the answer.
public enum PetitionReportQuery {
    public struct Loaded: Sendable {
        public var stored: StoredCouncilSession
        public var locality: StoredUnit
        public var matters: [(head: StoredPetition, matter: PetitionReport.Matter)]
    }

    public static func load(sessionID: Int, _ db: any SQLDatabase) async throws -> Loaded? {
        guard let stored = try await PetitionRepository.session(id: sessionID, db) else { return nil }
        let tree = try await UnitTree.load(db)
        guard let locality = tree.byID[stored.localityID] else { return nil }
        let fields = Dictionary(
            try await IndicatorRepository.catalogue(db).fields.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let petitions = try await PetitionRepository.list(sessionID: sessionID, db)
        let members = Dictionary(grouping: petitions.filter { $0.sameAs != nil }, by: { $0.sameAs! })
        let matters = petitions.filter { $0.sameAs == nil }.map { head -> (StoredPetition, PetitionReport.Matter) in
            let all = [head] + (members[head.id] ?? [])
            let field = head.fieldCode.flatMap { fields[$0] }
            let body = head.assignedUnitID.flatMap { tree.byID[$0] }.map(ReportTasks.leadName) ?? head.forwardedTo
            return (
                head,
                PetitionReport.Matter(
                    field: field?.name, fieldPosition: field?.position ?? 0, words: head.words,
                    heardAt: all.map { p in p.heardOn.map { "\(p.heardAt), \($0.slashed)" } ?? p.heardAt },
                    body: body, forwarded: head.assignedUnitID == nil && head.forwardedTo != nil,
                    outcome: head.outcome, answer: head.answer, reason: head.reason, petitions: all.count)
            )
        }
        return Loaded(stored: stored, locality: locality, matters: matters)
    }

    /// The report to the council, signed by the locality's signer of the session's year.
    public static func document(sessionID: Int, _ db: any SQLDatabase) async throws -> ReportDocument? {
        guard let loaded = try await load(sessionID: sessionID, db) else { return nil }
        let settings = try await ReportSettingsRepository.values(
            unitID: loaded.locality.id, period: .year(loaded.stored.session.opensOn.year),
            tree: try await UnitTree.load(db),
            db)
        return PetitionReport.document(
            locality: .init(kindWords: loaded.locality.kind.vietnameseName, name: loaded.locality.name),
            session: loaded.stored.session, matters: loaded.matters.map(\.matter), signer: settings[.signer])
    }
}
