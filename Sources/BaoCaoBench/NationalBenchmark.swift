import BaoCaoDomain
import BaoCaoExchange
import BaoCaoStorage
import Foundation

/// Loads a `SyntheticNation` and times what the issue asks: import throughput, the figures of one province and of
/// the whole country for a half year, and that a saved value is in those figures at once.
public struct NationalBenchmark {
    public struct Result: Sendable {
        public var rows: [(String, String, String)] = []
    }

    public let nation: SyntheticNation
    public let store: Store
    public let repetitions: Int
    public let progress: @Sendable (String) -> Void

    public init(
        nation: SyntheticNation, store: Store, repetitions: Int = 20, progress: @escaping @Sendable (String) -> Void
    ) {
        self.nation = nation; self.store = store; self.repetitions = repetitions; self.progress = progress
    }

    public func run() async throws -> [(measure: String, result: String, goal: String)] {
        var table: [(String, String, String)] = []
        let catalogueStart = Clock.now
        _ = try await DatasetImporter.run(nation.catalogue(), by: "bench", store: store)
        table.append(
            (
                "catalogue: \(nation.communes + nation.provinces + 1) units, \(nation.indicators) indicators, targets",
                Clock.seconds(since: catalogueStart), ""
            ))

        let units = try await UnitRepository.all(store.sql)
        let unitID = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0.id) })
        let catalogue = try await IndicatorRepository.catalogue(store.sql)
        let indicatorIDs = (0..<nation.indicators).map { catalogue.idByCode[nation.indicatorCode($0)]! }

        let periodCodes = (0..<nation.months).map(nation.periodCode(month:))
        // Load communes in batches of consecutive ids, each one transaction: 64 communes (460,800 values) a batch
        // spreads the cost of moving the live sums over many values.
        let loadStart = Clock.now
        var loaded = 0
        let batch = 64
        for first in stride(from: 0, to: nation.communes, by: batch) {
            let communes = first..<min(first + batch, nation.communes)
            var rows: [BulkValueLoader.Row] = []
            rows.reserveCapacity(communes.count * nation.indicators * nation.months)
            for c in communes {
                let id = unitID[nation.communeCode(c)]!
                for (i, indicatorID) in indicatorIDs.enumerated() {
                    for m in 0..<nation.months {
                        rows.append(
                            .init(
                                indicatorID: indicatorID, unitID: id, period: periodCodes[m],
                                amount: nation.amount(commune: c, indicator: i, month: m),
                                estimate: m == nation.months - 1))
                    }
                }
            }
            try await BulkValueLoader.load(rows, by: "bench", store: store)
            loaded += rows.count
            if (first / batch) % 4 == 0 || communes.upperBound == nation.communes {
                let elapsed = Clock.elapsed(since: loadStart)
                progress(
                    "  \(loaded.formatted()) / \(nation.valueCount.formatted()) giá trị, \(Int(Double(loaded) / max(elapsed, 0.001)).formatted())/s"
                )
            }
        }
        let loadSeconds = Clock.elapsed(since: loadStart)
        let analyzeStart = Clock.now
        try await store.analyze()
        let analyzeTime = Clock.seconds(since: analyzeStart)
        table.append(
            (
                "import \(loaded.formatted()) new values (bulk path of `baocao import`, with live sums)",
                "\(Int(Double(loaded) / loadSeconds).formatted()) values/s (\(String(format: "%.1f", loadSeconds)) s)",
                "≥ 200,000 values/s"
            ))

        table.append(("ANALYZE after the load (planner statistics)", analyzeTime, ""))
        let period = Period.firstMonths(nation.years.upperBound, 6)
        let province = unitID[nation.provinceCode(0)]!
        let country = unitID[SyntheticNation.countryCode]!
        for view in [FigureView.official, .working] {
            let provinceTimes = try await time {
                _ = try await FigureQuery.figures(
                    unitID: province, period: period, catalogue: catalogue, view: view, store.sql)
            }
            table.append(
                (
                    "one province, \(period.code), every indicator with % of target and year-on-year (\(view.rawValue))",
                    provinceTimes, "≤ 50 ms"
                ))
            let countryTimes = try await time {
                _ = try await FigureQuery.figures(
                    unitID: country, period: period, catalogue: catalogue, view: view, store.sql)
            }
            table.append(
                (
                    "whole country, \(period.code), every indicator with % of target and year-on-year (\(view.rawValue))",
                    countryTimes, "≤ 250 ms"
                ))
        }
        // A correction at one commune, then the province's figure again: no rebuild step in between.
        let before = try await FigureQuery.figures(
            unitID: province, period: period, catalogue: catalogue, view: .working, store.sql)[0]
        let key = ValueWriter.Key(
            indicatorID: indicatorIDs[0], unitID: unitID[nation.communeCode(0)]!,
            period: .month(nation.years.upperBound, 3))
        let saveStart = Clock.now
        try await store.transaction { db in
            _ = try await ValueWriter.save(
                key, Observation(value: Amount(123_456), status: .final), note: "bench",
                by: "bench", communeLevel: true, db)
        }
        let saveTime = Clock.milliseconds(since: saveStart)
        let after = try await FigureQuery.figures(
            unitID: province, period: period, catalogue: catalogue, view: .working, store.sql)[0]
        let expected = before.current?.value.adding(Amount(123_456))?.subtracting(
            Amount(scaled: nation.amount(commune: 0, indicator: 0, month: 12 * (nation.years.count - 1) + 2)))
        guard after.current?.value == expected else {
            throw BenchFailure(description: "Số liệu tỉnh không cập nhật ngay sau khi lưu giá trị của xã")
        }
        table.append(
            (
                "save one commune value, then the province figure", "\(saveTime) save; province figure updated at once",
                "no batch rebuild"
            ))

        let scanStart = Clock.now
        _ = try await FigureQuery.sumsByScanning(
            below: country, periods: (1...6).map { Period.month(nation.years.upperBound, $0) }, store.sql)
        table.append(
            (
                "for comparison: plain GROUP BY over the values, whole country, one half year",
                Clock.milliseconds(since: scanStart), ""
            ))
        return table
    }

    func time(_ work: () async throws -> Void) async throws -> String {
        try await Clock.timings(repetitions: repetitions, work).summary
    }
}

public struct BenchFailure: Error, CustomStringConvertible {
    public let description: String
}

/// Wall-clock helpers for the benchmark (never used in tests).
enum Clock {
    struct Timings {
        /// Milliseconds, sorted.
        var samples: [Double]
        var median: Double { samples[samples.count / 2] }
        var p95: Double { samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))] }
        var summary: String { String(format: "median %.1f ms, p95 %.1f ms (%d runs)", median, p95, samples.count) }
    }

    /// Runs `work` once to warm up, then `repetitions` times, timing each run.
    static func timings(repetitions: Int, _ work: () async throws -> Void) async throws -> Timings {
        try await work()
        var samples: [Double] = []
        for _ in 0..<max(1, repetitions) {
            let start = now
            try await work()
            samples.append(elapsed(since: start) * 1000)
        }
        return Timings(samples: samples.sorted())
    }

    static var now: UInt64 { DispatchTime.now().uptimeNanoseconds }
    static func elapsed(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
    static func seconds(since start: UInt64) -> String { String(format: "%.1f s", elapsed(since: start)) }
    static func milliseconds(since start: UInt64) -> String { String(format: "%.1f ms", elapsed(since: start) * 1000) }
}
