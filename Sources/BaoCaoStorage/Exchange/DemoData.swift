import BaoCaoExchange
import Foundation
import SQLKit

/// The reference locality, quận Ngô Quyền (Hải Phòng), first half of 2017: loaded into an empty database on first
/// start. Figures are the report's own; targets and 2016 values that only a percentage implies are reconstructed
/// and say so in their note. No ward-level figure is made up.
public enum DemoData {
    /// Code of the demo report template: the reference report of Ngô Quyền, first half of 2017.
    public static let templateCode = "ngo-quyen-6-thang"

    public static var url: URL? {
        Bundle.module.url(forResource: "ngo-quyen-2017", withExtension: "json", subdirectory: "demo")
    }

    public static func dataset() throws -> Dataset {
        guard let url else { throw DemoDataMissing() }
        return try DatasetReader.read(json: try Data(contentsOf: url), file: "ngo-quyen-2017.json")
    }

    /// Loads the demo data when the database holds no unit yet. Returns whether it did.
    @discardableResult
    public static func loadIfEmpty(_ store: Store) async throws -> Bool {
        let count =
            try await store.sql.raw("SELECT COUNT(*) AS n FROM units").first()?.decode(column: "n", as: Int.self) ?? 0
        guard count == 0 else { return false }
        _ = try await DatasetImporter.run(try dataset(), by: "demo", store: store)
        guard
            let templateURL = Bundle.module.url(
                forResource: "ngo-quyen-2017-h1", withExtension: "template",
                subdirectory: "demo")
        else { throw DemoDataMissing() }
        try await ReportTemplateRepository.save(
            code: templateCode, name: "Báo cáo tình hình kinh tế - xã hội 6 tháng (quận Ngô Quyền)",
            body: try String(contentsOf: templateURL, encoding: .utf8), by: "demo", store: store)
        return true
    }

    struct DemoDataMissing: Error, CustomStringConvertible {
        var description: String { "Không tìm thấy tệp dữ liệu mẫu ngo-quyen-2017.json trong gói cài đặt" }
    }
}
