import BaoCaoDomain
import BaoCaoExchange
import Foundation
import SQLKit

/// The demo's work programme of UBND quận Ngô Quyền for 2017: two items a month, made up for the demo (the
/// reference report names the programme but not its items) and labelled so, imported through the exchange format
/// as a locality would import its own; then the year played: most items done within their month, one late, one in
/// each half-year left open.
extension DemoData {
    static func loadProgramme(_ store: Store) async throws {
        guard
            let url = Bundle.module.url(
                forResource: "ngo-quyen-2017-chuong-trinh", withExtension: "csv", subdirectory: "demo")
        else { throw DemoDataMissing() }
        let dataset = try DatasetReader.read(
            csv: try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        _ = try await DatasetImporter.run(dataset, by: taskCompiler, store: store)
        let tree = try await UnitTree.load(store.sql)
        guard let district = tree.byCode["304"] else { return }
        var filter = TaskRepository.Filter(localityIDs: [district.id])
        filter.source = .workProgramme
        filter.sourcePeriod = .year(2017)
        let items = try await TaskRepository.list(filter, store.sql)
        try await store.transaction { db in
            try await db.raw(
                "UPDATE tasks SET illustrative = \(bind: true) WHERE id IN (\(binds: items.map(\.id)))"
            ).run()
            try await db.raw(
                """
                UPDATE task_events SET created_at = \(bind: "2017-01-03T02:00:00.000Z")
                WHERE task_id IN (\(binds: items.map(\.id)))
                """
            ).run()
            for (index, item) in items.enumerated() {
                guard let month = item.draft.programmeMonth, let due = item.record.deadline.date else { continue }
                // Open: the 12th (June) and the 20th (October); late: the 8th (April), done on 10 May.
                if index == 11 || index == 19 { continue }
                let day = index == 7 ? CivilDate(2017, 5, 10) : CivilDate(2017, month, min(20, due.day))
                let lead = item.draft.leadUnitID.flatMap { tree.byID[$0] }?.code
                let reporter = lead.flatMap { $0.split(separator: "-").last }.map { "\($0.lowercased()).baocao" }
                try await play(
                    Plan(
                        deadline: nil,
                        steps: [
                            (.proposeCompletion(on: day, text: "Đã hoàn thành (minh họa)."), .lead, day),
                            (.confirmCompletion, .assigner, day.adding(days: 1)),
                        ]), task: item.id, reporter: reporter ?? "demo", db)
            }
        }
    }
}
