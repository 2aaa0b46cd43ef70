import BaoCaoDomain
import BaoCaoExchange
import Foundation

/// A country the size of Vietnam after the 2025 reform, with made-up indicators and figures: by default the real
/// 34 provinces and 3,321 communes (their codes and names; the benchmark's years are 2016–2017, so their dates of
/// 1 July 2025 are left out), or generated ones at any scale. Deterministic, so two runs load the same data. No
/// figure here pretends to be real.
public struct SyntheticNation: Sendable {
    /// A unit of the nation: code, name and kind; a commune also its province's index.
    public struct Place: Sendable {
        public var code: String
        public var name: String
        public var kind: UnitKind
        public var province: Int
    }

    public var provinceList: [Place]
    public var communeList: [Place]
    public var indicators: Int
    public var years: ClosedRange<Int>
    /// Whether the units are the real ones.
    public var isReal: Bool

    /// Generated provinces and communes, spread evenly ("T1", "X1").
    public init(
        provinces: Int = 34, communes: Int = 3_321, indicators: Int = 300, years: ClosedRange<Int> = 2016...2017
    ) {
        provinceList = (0..<provinces).map {
            Place(code: "T\($0 + 1)", name: "Tỉnh \($0 + 1)", kind: .province, province: $0)
        }
        communeList = (0..<communes).map {
            Place(code: "X\($0 + 1)", name: "Xã \($0 + 1)", kind: .commune, province: $0 * provinces / communes)
        }
        self.indicators = indicators; self.years = years; isReal = false
    }

    /// The real provinces and communes since 1 July 2025 (`Resources/units-2025`), in the order of their codes.
    public static func real(indicators: Int = 300, years: ClosedRange<Int> = 2016...2017) throws -> SyntheticNation {
        func table(_ name: String) throws -> [UnitRecord] {
            guard let url = unitList(name) else {
                throw BenchFailure(description: "không tìm thấy danh sách đơn vị \(name).csv trong gói cài đặt")
            }
            return try DatasetReader.read(csv: String(contentsOf: url, encoding: .utf8), file: name + ".csv").units
        }
        let provinces = try table("provinces").sorted { $0.code < $1.code }
        let index = Dictionary(uniqueKeysWithValues: provinces.enumerated().map { ($1.code, $0) })
        var nation = SyntheticNation(provinces: 0, communes: 0, indicators: indicators, years: years)
        nation.provinceList = provinces.enumerated().map {
            Place(code: $1.code, name: $1.name, kind: $1.kind, province: $0)
        }
        nation.communeList = try table("communes").sorted { $0.code < $1.code }.compactMap { c in
            c.parent.flatMap { index[$0] }.map { Place(code: c.code, name: c.name, kind: c.kind, province: $0) }
        }
        nation.isReal = true
        return nation
    }

    /// The file of the real list: `provinces` or `communes` (`units` table of the exchange format).
    public static func unitList(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "units-2025")
    }

    public var provinces: Int { provinceList.count }
    public var communes: Int { communeList.count }
    public var months: Int { years.count * 12 }
    public var valueCount: Int { communes * indicators * months }

    public static let fieldCode = "tong_hop"
    public static let countryCode = "QG"

    /// Province `p` (0-based) of commune `c` (0-based).
    public func province(ofCommune c: Int) -> Int { communeList[c].province }

    public func provinceCode(_ p: Int) -> String { provinceList[p].code }
    public func communeCode(_ c: Int) -> String { communeList[c].code }
    public func indicatorCode(_ i: Int) -> String { "CT\(i + 1)" }

    /// The catalogue: one field, the country, provinces, communes and indicators (70% flows, 20% stocks,
    /// 10% averages), plus annual targets for the country and each province.
    public func catalogue() -> Dataset {
        var d = Dataset()
        let here = SourceLocation(file: "synthetic", line: 0)
        d.fields = [
            FieldRecord(field: Field(code: Self.fieldCode, name: "Chỉ tiêu tổng hợp", position: 1), location: here)
        ]
        d.units = [UnitRecord(code: Self.countryCode, name: "Cả nước", kind: .country, parent: nil, location: here)]
        d.units += provinceList.map {
            UnitRecord(code: $0.code, name: $0.name, kind: $0.kind, parent: Self.countryCode, location: here)
        }
        d.units += communeList.map {
            UnitRecord(
                code: $0.code, name: $0.name, kind: $0.kind, parent: provinceList[$0.province].code, location: here)
        }
        d.indicators = (0..<indicators).map { i in
            let kind = i % 10
            let indicator = Indicator(
                code: indicatorCode(i), name: "Chỉ tiêu \(i + 1)", unitOfMeasure: kind < 7 ? "triệu đồng" : "người",
                field: Self.fieldCode, unitAggregation: kind == 9 ? .average : .sum,
                timeAggregation: kind == 7 || kind == 8 ? .stock : .flow, valueDecimals: kind < 7 ? 1 : 0, position: i)
            return IndicatorRecord(indicator: indicator, location: here)
        }
        for unit in [Self.countryCode] + provinceList.map(\.code) {
            for i in 0..<indicators {
                for year in years {
                    d.targets.append(
                        TargetRecord(
                            indicator: indicatorCode(i), unit: unit, year: year, kind: .plan,
                            value: Amount(1_000_000 + i), setBy: nil, note: nil, location: here))
                }
            }
        }
        return d
    }

    /// The value of indicator `i` at commune `c` in month `m` (0-based over `years`), in ten-thousandths.
    public func amount(commune c: Int, indicator i: Int, month m: Int) -> Int64 {
        var x = UInt64(truncatingIfNeeded: c &* 1_000_003 &+ i &* 7_919 &+ m &* 104_729)
        x ^= x >> 33; x = x &* 0xff51afd7ed558ccd; x ^= x >> 33
        return Int64(x % 10_000_000) * 10  // 0.000 to 999.999, to three decimals
    }

    public func periodCode(month m: Int) -> String {
        Period.month(years.lowerBound + m / 12, m % 12 + 1).code
    }
}
