import BaoCaoDocuments
import BaoCaoDomain
import BaoCaoStorage
import Foundation

/// Times the reference report: figures and template rendering from the database, then each output format.
public struct ReportBenchmark {
    public let store: Store
    public let repetitions: Int

    public init(store: Store, repetitions: Int) { self.store = store; self.repetitions = repetitions }

    public func run() async throws -> [(measure: String, result: String, goal: String)] {
        try await DemoData.loadIfEmpty(store)
        let units = try await UnitRepository.all(store.sql)
        guard let unit = UnitRepository.lookup("304", among: units) else {
            throw BenchFailure(description: "no demo unit")
        }
        let period = Period.firstMonths(2017, 6)
        var document: ReportDocument?
        let render = try await time {
            document = try await ReportQuery.document(
                template: DemoData.templateCode, unitID: unit.id, period: period, view: .official,
                store.sql)
        }
        guard let document else { throw BenchFailure(description: "no document") }
        var size = 0
        let docx = try await time { size = try DocxWriter.write(document).count }
        let html = try await time { _ = HTMLWriter.write(document, title: "Báo cáo") }
        let xlsx = try await time { _ = try XlsxWriter.write(document.annex, title: "Phụ lục") }
        let total = try await time {
            let d = try await ReportQuery.document(
                template: DemoData.templateCode, unitID: unit.id, period: period, view: .official, store.sql)
            _ = try DocxWriter.write(d)
        }
        return [
            ("reference report: figures + template rendered (\(document.footnotes.count) footnotes)", render, ""),
            ("DOCX written (\(size / 1024) KB)", docx, ""),
            ("HTML written", html, ""),
            ("annex XLSX written", xlsx, ""),
            ("full reference report as DOCX, from the database", total, "well under 1 s"),
        ]
    }

    func time(_ work: () async throws -> Void) async throws -> String {
        try await Clock.timings(repetitions: repetitions, work).summary
    }
}
