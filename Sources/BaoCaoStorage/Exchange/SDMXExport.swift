import BaoCaoDomain
import BaoCaoExchange
import SQLKit

/// Figures as SDMX-CSV 2.0, and the SDMX-ML 3.0 structure they follow, from the catalogue and the units stored.
public enum SDMXExport {
    public static func data(_ selection: FigureSelection, _ db: any SQLDatabase) async throws -> String {
        let catalogue = try await IndicatorRepository.catalogue(db)
        let units = Dictionary(
            catalogue.indicators.map { ($0.code, $0.unitOfMeasure) }, uniquingKeysWith: { a, _ in a })
        let records = try await selection.read(db).map(\.record)
        return SDMXCSV.write(records, unitOfMeasure: { units[$0] })
    }

    /// The structure message; a unit code used by two units (one before a reorganisation, one after) is one code,
    /// named after the unit in force now.
    public static func structure(_ db: any SQLDatabase, prepared: String = Timestamp.now()) async throws -> String {
        let catalogue = try await IndicatorRepository.catalogue(db)
        let units = try await UnitRepository.all(db).sorted { $0.validFrom > $1.validFrom }
        return SDMXStructure.xml(
            indicators: catalogue.indicators.map { .init(code: $0.code, name: "\($0.name) (\($0.unitOfMeasure))") },
            areas: units.map { .init(code: $0.code, name: $0.fullName) }, prepared: String(prepared.prefix(19)))
    }
}
