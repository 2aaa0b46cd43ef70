import BaoCaoStorage
import Foundation

/// `baocao export --format sdmx-csv|sdmx-dsd`.
enum SDMXFiles {
    static func export(
        structure: Bool, selection: FigureSelection, output: String?, database: DatabaseOptions
    ) async throws {
        let text: String
        do {
            text = try await database.withStore { store in
                structure ? try await SDMXExport.structure(store.sql) : try await SDMXExport.data(selection, store.sql)
            }
        } catch let error as FigureSelection.UnknownUnit { throw UserFacingError(error.description) }
        guard let output else { return print(text, terminator: "") }
        try text.write(toFile: output, atomically: true, encoding: .utf8)
        print(structure ? "Đã ghi cấu trúc SDMX-ML 3.0 vào \(output)." : "Đã xuất số liệu SDMX-CSV 2.0 vào \(output).")
    }
}
