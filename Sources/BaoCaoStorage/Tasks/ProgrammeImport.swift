import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// A locality's work programme (chương trình công tác) from the exchange format: each item a task assigned to its
/// lead office, due at the end of its month. Importing the same programme again changes nothing; an item whose lead,
/// product, field or helpers changed in the file is updated, with a line in its history.
enum ProgrammeImport {
    struct Counts {
        var created = 0
        var updated = 0
        var unchanged = 0
    }

    static func write(
        _ records: [ProgrammeRecord], _ references: References, by user: String, problems: inout [ImportProblem],
        _ db: any SQLDatabase
    ) async throws -> Counts {
        var counts = Counts()
        let fieldCodes = Set(references.catalogue.fields.map(\.code))
        for record in records {
            let day = CivilDate(record.year, record.month, 1)
            guard
                let locality = references.tree.unit(code: record.locality, inForceOn: day)
                    ?? references.units[record.locality]
            else {
                problems.append(record.location.problem("locality", "đơn vị \"\(record.locality)\" không tồn tại"))
                continue
            }
            if locality.kind.isOffice {
                problems.append(
                    record.location.problem(
                        "locality", "\"\(record.locality)\" là phòng, ban; chương trình công tác là của UBND"))
                continue
            }
            func member(_ code: String, _ column: String) -> Int? {
                references.member(code, of: locality, on: day, column: column, at: record.location, &problems)?.id
            }
            let lead = member(record.lead, "lead")
            let helpers = record.coUnits.compactMap { member($0, "co_units") }
            if let field = record.field, !fieldCodes.contains(field) {
                problems.append(record.location.problem("field", "lĩnh vực \"\(field)\" không có trong danh mục"))
            }
            guard let lead, problems.isEmpty else { continue }
            let draft = TaskDraft(
                localityID: locality.id, title: TaskProposals.title(of: record.content), content: record.content,
                source: .workProgramme, sourceRef: "Chương trình công tác năm \(record.year)",
                sourcePeriod: .year(record.year), fieldCode: record.field, assignerName: record.assignedBy,
                leadUnitID: lead, coUnitIDs: helpers, deadline: .on(Period.month(record.year, record.month).lastDay),
                programmeMonth: record.month, product: record.product)
            var filter = TaskRepository.Filter(localityIDs: [locality.id], states: TaskState.allCases)
            filter.source = .workProgramme
            filter.sourcePeriod = .year(record.year)
            let existing = try await TaskRepository.list(filter, db).first {
                $0.draft.programmeMonth == record.month && $0.draft.content == record.content
            }
            guard let existing else {
                try await TaskRepository.create(draft, state: .assigned, by: user, db)
                counts.created += 1
                continue
            }
            let old = existing.draft
            if old.leadUnitID == lead && old.product == draft.product && old.fieldCode == draft.fieldCode
                && old.coUnitIDs == helpers && old.assignerName == draft.assignerName
            {
                counts.unchanged += 1
            } else {
                try await TaskRepository.update(programmeItem: existing.id, to: draft, by: user, db)
                counts.updated += 1
            }
        }
        return counts
    }
}

extension TaskRepository {
    /// A programme item's lead, product, field, helpers and assigner as a new version of the programme gives them.
    static func update(programmeItem id: Int, to draft: TaskDraft, by user: String, _ db: any SQLDatabase) async throws
    {
        let now = Timestamp.now()
        try await db.raw(
            """
            UPDATE tasks SET lead_unit_id = \(bind: draft.leadUnitID), product = \(bind: draft.product),
            field_code = \(bind: draft.fieldCode), co_unit_ids = \(bind: ids(draft.coUnitIDs)),
            assigner_name = \(bind: draft.assignerName), version = version + 1, updated_by = \(bind: user),
            updated_at = \(bind: now) WHERE id = \(bind: id)
            """
        ).run()
        try await event(id, "cap_nhat", "Cập nhật theo tệp chương trình công tác", by: user, at: now, db)
    }
}
