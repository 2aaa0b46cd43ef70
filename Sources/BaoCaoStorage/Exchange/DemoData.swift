import BaoCaoDomain
import BaoCaoExchange
import Foundation
import SQLKit

/// The reference locality, quận Ngô Quyền (Hải Phòng), first half of 2017: loaded into an empty database on first
/// start. Figures are the report's own; targets and 2016 values that only a percentage implies are reconstructed
/// and say so in their note. No ward-level figure is made up.
public enum DemoData {
    /// Code of the demo report template: the reference report of Ngô Quyền, first half of 2017.
    public static let templateCode = "ngo-quyen-6-thang"
    /// Code of the second demo's report template: phường Ngô Quyền's six-month report after the 2025 reform.
    public static let reformTemplateCode = "phuong-ngo-quyen-6-thang"

    public static var url: URL? {
        Bundle.module.url(forResource: "ngo-quyen-2017", withExtension: "json", subdirectory: "demo")
    }

    public static func dataset() throws -> Dataset {
        guard let url else { throw DemoDataMissing() }
        return try DatasetReader.read(json: try Data(contentsOf: url), file: "ngo-quyen-2017.json")
    }

    /// The second demo, after the 2025 reform: the wards of the former quận Ngô Quyền that became phường Ngô Quyền
    /// (11329), Gia Viên (11359), Hồng Bàng and Lê Chân of Hải Phòng on 1 July 2025 (Nghị quyết 1669/NQ-UBTVQH15;
    /// units, codes and lineage real), with their predecessors' 2025-H1 figures, the new wards' 2026-H1 figures and
    /// the shares of the parts, all illustrative and labelled so in their notes.
    public static func reformDataset() throws -> Dataset {
        guard let url = Bundle.module.url(forResource: "hai-phong-2025", withExtension: "json", subdirectory: "demo")
        else { throw DemoDataMissing() }
        return try DatasetReader.read(json: try Data(contentsOf: url), file: "hai-phong-2025.json")
    }

    /// Loads the demo data when the database holds no unit yet (with `reform`, the 2025 reform's demo after it).
    /// Returns whether it did.
    @discardableResult
    public static func loadIfEmpty(_ store: Store, reform: Bool = false) async throws -> Bool {
        let count =
            try await store.sql.raw("SELECT COUNT(*) AS n FROM units").first()?.decode(column: "n", as: Int.self) ?? 0
        guard count == 0 else { return false }
        _ = try await DatasetImporter.run(try dataset(), by: "demo", store: store)
        try await saveTemplate(
            templateCode, as: templateCode,
            name: "Báo cáo tình hình kinh tế - xã hội 6 tháng, 9 tháng, năm (quận Ngô Quyền)", store)
        try await loadReferenceNarrative(store)
        try await loadProgramme(store)
        try await loadPetitions(store)
        try await loadRegister(store, today: ReportTasks.today())
        if reform { try await loadReform(store) }
        return true
    }

    /// Loads the 2025 reform's demo (its units, lineage, figures and phường Ngô Quyền's template) over the 2017 one.
    public static func loadReform(_ store: Store) async throws {
        _ = try await DatasetImporter.run(try reformDataset(), by: "demo", store: store)
        try await saveTemplate(
            reformTemplateCode, as: reformTemplateCode,
            name: "Báo cáo tình hình kinh tế - xã hội 6 tháng (phường Ngô Quyền, sau sắp xếp)", store)
    }

    /// The reference report's own text (2017-H1, quận Ngô Quyền), section by section, confirmed as it was in real
    /// life; and what its header says that the period does not (the HĐND session and term, the city's theme).
    static func loadReferenceNarrative(_ store: Store) async throws {
        guard
            let url = Bundle.module.url(
                forResource: "ngo-quyen-2017-h1", withExtension: "narrative", subdirectory: "demo"),
            let template = try await ReportTemplateRepository.find(templateCode, store.sql)
        else { throw DemoDataMissing() }
        let document = try ReportTemplateFormat.parse(
            try String(contentsOf: url, encoding: .utf8), file: url.lastPathComponent)
        let narratives = ReportSections.narratives(of: document)
        guard narratives.count == ReportSections.sections(of: template.template).count else { throw DemoDataMissing() }
        let period = Period.firstMonths(2017, 6)
        try await store.transaction { db in
            let tree = try await UnitTree.load(db)
            guard let district = tree.byCode["304"], let city = tree.byCode["31"] else { throw DemoDataMissing() }
            let key = WorkspaceRepository.ReportKey(template: templateCode, unitID: district.id, period: period)
            for (section, text) in narratives {
                try await WorkspaceRepository.write(key, section: section, body: text, done: true, by: "demo", db)
            }
            try await ReportSettingsRepository.set(
                .session, .period, for: period, to: "V", unitID: district.id, by: "demo", db)
            try await ReportSettingsRepository.set(
                .term, .always, for: period, to: "XVIII", unitID: district.id, by: "demo", db)
            // The reference does not print its signer's name: the demo signs with the form's placeholder name.
            try await ReportSettingsRepository.set(
                .signer, .always, for: period, to: "Nguyễn Văn A", unitID: district.id, by: "demo", db)
            try await ReportSettingsRepository.set(
                .theme, .year, for: period,
                to: "\"Tăng cường kỹ cương thu, chi ngân sách – Cải thiện môi trường đầu tư kinh doanh\"",
                unitID: city.id, by: "demo", db)
        }
    }

    /// The demo's steps of `period` dated as they happened (on `day`, 09:00 in Việt Nam) rather than when the demo
    /// was loaded, so that the tracker can say they were on time.
    public static func dateSteps(of period: Period, on day: CivilDate, _ db: any SQLDatabase) async throws {
        let at = "\(day)T02:00:00.000Z"
        try await db.raw("UPDATE submission_events SET at = \(bind: at) WHERE period = \(bind: period.code)").run()
        try await db.raw("UPDATE submissions SET updated_at = \(bind: at) WHERE period = \(bind: period.code)").run()
    }

    static func saveTemplate(_ file: String, as code: String, name: String, _ store: Store) async throws {
        guard let url = Bundle.module.url(forResource: file, withExtension: "template", subdirectory: "demo") else {
            throw DemoDataMissing()
        }
        try await ReportTemplateRepository.save(
            code: code, name: name, body: try String(contentsOf: url, encoding: .utf8), by: "demo", store: store)
    }

    struct DemoDataMissing: Error, CustomStringConvertible {
        var description: String { "Không tìm thấy tệp dữ liệu mẫu ngo-quyen-2017.json trong gói cài đặt" }
    }
}
