import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import XCTest

/// Small datasets and look-ups shared by the storage tests.
enum StoreFixtures {
    /// A country, two provinces, three communes; a flow, a stock and an average indicator.
    static let smallCountry: [String] = [
        "code,name,position\nkt,Kinh tế,1\n",
        "code,name,kind,parent\nVN,Việt Nam,quoc_gia,\nT1,Tỉnh Một,tinh,VN\nX1,Xã Một,xa,T1\nX2,Xã Hai,xa,T1\nT2,Tỉnh Hai,tinh,VN\nX3,Xã Ba,xa,T2\n",
        "code,name,unit_of_measure,field,unit_aggregation,time_aggregation\nDT,Doanh thu,triệu đồng,kt,sum,flow\nDS,Dân số,người,kt,sum,stock\nTB,Thu nhập bình quân,triệu đồng,kt,average,flow\n",
    ]

    static func load(_ store: Store, _ csvs: [String]) async throws -> DatasetImporter.Summary {
        var dataset = Dataset()
        for (i, csv) in csvs.enumerated() { dataset.append(try DatasetReader.read(csv: csv, file: "t\(i).csv")) }
        return try await DatasetImporter.run(dataset, by: "test", store: store)
    }

    static func figure(
        _ store: Store, _ unit: String, _ period: String, _ code: String, view: FigureView = .working
    ) async throws -> Figure {
        let db = store.sql
        let catalogue = try await IndicatorRepository.catalogue(db)
        let allUnits = try await UnitRepository.all(db)
        let u = try XCTUnwrap(UnitRepository.lookup(unit, among: allUnits))
        let figures = try await FigureQuery.figures(
            unitID: u.id, period: try Period(code: period), catalogue: catalogue, view: view, db)
        return try XCTUnwrap(figures.first { $0.indicator.code == code })
    }
}
