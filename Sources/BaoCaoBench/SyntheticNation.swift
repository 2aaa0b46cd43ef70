import BaoCaoDomain
import BaoCaoExchange

/// A made-up country the size of Vietnam after the 2025 reform: provinces, communes, indicators and months.
/// Deterministic, so two runs load the same data. Nothing here pretends to be real figures.
public struct SyntheticNation: Sendable {
    public var provinces: Int
    public var communes: Int
    public var indicators: Int
    public var years: ClosedRange<Int>

    public init(
        provinces: Int = 34, communes: Int = 3_321, indicators: Int = 300, years: ClosedRange<Int> = 2016...2017
    ) {
        self.provinces = provinces; self.communes = communes; self.indicators = indicators; self.years = years
    }

    public var months: Int { years.count * 12 }
    public var valueCount: Int { communes * indicators * months }

    public static let fieldCode = "tong_hop"

    /// Province `p` (0-based) of commune `c` (0-based): communes spread evenly.
    public func province(ofCommune c: Int) -> Int { c * provinces / communes }

    public func provinceCode(_ p: Int) -> String { "T\(p + 1)" }
    public func communeCode(_ c: Int) -> String { "X\(c + 1)" }
    public func indicatorCode(_ i: Int) -> String { "CT\(i + 1)" }

    /// The catalogue: one field, the country, provinces, communes and indicators (70% flows, 20% stocks,
    /// 10% averages), plus annual targets for the country and each province.
    public func catalogue() -> Dataset {
        var d = Dataset()
        let here = SourceLocation(file: "synthetic", line: 0)
        d.fields = [
            FieldRecord(field: Field(code: Self.fieldCode, name: "Chỉ tiêu tổng hợp", position: 1), location: here)
        ]
        d.units = [UnitRecord(code: "QG", name: "Cả nước", kind: .country, parent: nil, location: here)]
        d.units += (0..<provinces).map {
            UnitRecord(code: provinceCode($0), name: "Tỉnh \($0 + 1)", kind: .province, parent: "QG", location: here)
        }
        d.units += (0..<communes).map {
            UnitRecord(
                code: communeCode($0), name: "Xã \($0 + 1)", kind: .commune,
                parent: provinceCode(province(ofCommune: $0)), location: here)
        }
        d.indicators = (0..<indicators).map { i in
            let kind = i % 10
            let indicator = Indicator(
                code: indicatorCode(i), name: "Chỉ tiêu \(i + 1)", unitOfMeasure: kind < 7 ? "triệu đồng" : "người",
                field: Self.fieldCode, unitAggregation: kind == 9 ? .average : .sum,
                timeAggregation: kind == 7 || kind == 8 ? .stock : .flow, valueDecimals: kind < 7 ? 1 : 0, position: i)
            return IndicatorRecord(indicator: indicator, location: here)
        }
        for unit in ["QG"] + (0..<provinces).map(provinceCode) {
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
