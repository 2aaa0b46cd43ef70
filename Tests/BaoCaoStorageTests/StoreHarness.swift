import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import XCTest

/// A freshly migrated database for each test: in-memory SQLite, or PostgreSQL when `TEST_DATABASE_URL` is set
/// (CI sets it). Refuses any PostgreSQL that is not on this machine, so a test can never wipe a real database.
enum StoreHarness {
    static func fresh(demo: Bool = false, for test: XCTestCase) async throws -> Store {
        let store: Store
        if let url = ProcessInfo.processInfo.environment["TEST_DATABASE_URL"], !url.isEmpty {
            guard url.contains("@localhost") || url.contains("@127.0.0.1") else {
                throw XCTSkip("TEST_DATABASE_URL must point at localhost")
            }
            store = try Store(.postgres(url: url))
            try await store.revertAll()
        } else {
            store = try Store(.sqliteMemory)
        }
        test.addTeardownBlock { await store.shutdown() }
        try await store.migrate()
        if demo { try await DemoData.loadIfEmpty(store) }
        return store
    }
}

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

    static func figure(_ store: Store, _ unit: String, _ period: String, _ code: String) async throws -> Figure {
        let db = store.sql
        let catalogue = try await IndicatorRepository.catalogue(db)
        let allUnits = try await UnitRepository.all(db)
        let u = try XCTUnwrap(UnitRepository.lookup(unit, among: allUnits))
        let figures = try await FigureQuery.figures(unitID: u.id, period: try Period(code: period), catalogue: catalogue, db)
        return try XCTUnwrap(figures.first { $0.indicator.code == code })
    }
}
