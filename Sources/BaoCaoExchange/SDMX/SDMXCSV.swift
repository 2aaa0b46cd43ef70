import BaoCaoDomain

/// Figures as SDMX-CSV 2.0 rows of BaoCao's dataflow (`BAOCAO:DF_KTXH(1.0)`, its structure in `SDMXStructure`): one
/// observation a row; an estimate has `OBS_STATUS` `E`, a final figure `A`.
public enum SDMXCSV {
    public static let agency = "BAOCAO"
    public static let dataflow = "DF_KTXH"
    public static let version = "1.0"
    public static var dataflowID: String { "\(agency):\(dataflow)(\(version))" }
    public static let mediaType = "application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8"

    public static let header = [
        "STRUCTURE", "STRUCTURE_ID", "ACTION", "FREQ", "INDICATOR", "REF_AREA", "TIME_PERIOD", "OBS_VALUE",
        "UNIT_MEASURE", "OBS_STATUS", "COMMENT",
    ]

    /// The observation status codes (SDMX's CL_OBS_STATUS): `A` normal, `E` estimated.
    public static func status(_ status: ValueStatus) -> String { status == .estimate ? "E" : "A" }

    /// The rows of `records`; `unitOfMeasure` gives each indicator's unit of measure.
    public static func write(_ records: [ValueRecord], unitOfMeasure: (String) -> String?) -> String {
        var lines = [CSVReader.line(header)]
        for r in records {
            let comment = [r.observation.qualifier?.word, r.note].compactMap { $0 }.joined(separator: "; ")
            lines.append(
                CSVReader.line([
                    "dataflow", dataflowID, "I", SDMXTime.frequency(r.period), r.indicator, r.unit,
                    SDMXTime.timePeriod(r.period), r.observation.value.description, unitOfMeasure(r.indicator) ?? "",
                    status(r.observation.status), comment,
                ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
