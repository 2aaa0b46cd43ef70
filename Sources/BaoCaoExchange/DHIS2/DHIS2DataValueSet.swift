import BaoCaoDomain
import Foundation

/// One value of a DHIS2 `dataValueSets` payload, as DHIS2 writes it (JSON keys and CSV columns). With
/// `idScheme=code`, the data element is the indicator's code and the org unit the unit's.
public struct DHIS2DataValue: Hashable, Sendable, Codable {
    public var dataElement: String
    public var period: String
    public var orgUnit: String
    public var categoryOptionCombo: String?
    public var attributeOptionCombo: String?
    public var value: String?
    public var comment: String?
    public var storedBy: String?
    public var lastUpdated: String?
    public var followup: Bool?
    /// Where it was in the payload: the CSV line, or the value's position in `dataValues` (from 1).
    public var line = 0

    enum CodingKeys: String, CodingKey {
        case dataElement, period, orgUnit, categoryOptionCombo, attributeOptionCombo, value, comment, storedBy,
            lastUpdated, followup
    }

    public init(
        dataElement: String, period: String, orgUnit: String, value: String?, comment: String? = nil,
        storedBy: String? = nil, lastUpdated: String? = nil, line: Int = 0
    ) {
        self.dataElement = dataElement; self.period = period; self.orgUnit = orgUnit; self.value = value
        self.comment = comment; self.storedBy = storedBy; self.lastUpdated = lastUpdated; self.line = line
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        dataElement = try c.decodeIfPresent(String.self, forKey: .dataElement) ?? ""
        period = try c.decodeIfPresent(String.self, forKey: .period) ?? ""
        orgUnit = try c.decodeIfPresent(String.self, forKey: .orgUnit) ?? ""
        categoryOptionCombo = try c.decodeIfPresent(String.self, forKey: .categoryOptionCombo)
        attributeOptionCombo = try c.decodeIfPresent(String.self, forKey: .attributeOptionCombo)
        // DHIS2 writes values as strings; clients also send JSON numbers, read here without going through binary
        // floating point.
        if let text = try? c.decodeIfPresent(String.self, forKey: .value) {
            value = text
        } else if let number = try? c.decodeIfPresent(Decimal.self, forKey: .value) {
            value = "\(number)"
        } else {
            value = nil
        }
        comment = try c.decodeIfPresent(String.self, forKey: .comment)
        storedBy = try c.decodeIfPresent(String.self, forKey: .storedBy)
        lastUpdated = try c.decodeIfPresent(String.self, forKey: .lastUpdated)
        followup = (try? c.decodeIfPresent(Bool.self, forKey: .followup)) ?? nil
    }
}

/// DHIS2's `dataValueSets` in its two shapes. JSON: a set with `dataSet`, `period`, `orgUnit`,
/// `attributeOptionCombo` that its values inherit, or the bulk form with them on every value. CSV: the columns
/// `dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup`, with or without
/// that header.
public enum DHIS2DataValueSet {
    public static let csvHeader = [
        "dataelement", "period", "orgunit", "catoptcombo", "attroptcombo", "value", "storedby", "lastupdated",
        "comment", "followup",
    ]

    struct Envelope: Codable {
        var dataSet: String?
        var completeDate: String?
        var period: String?
        var orgUnit: String?
        var attributeOptionCombo: String?
        var dataValues: [DHIS2DataValue]?
    }

    public static func read(json data: Data, file: String? = nil) throws(ImportProblems) -> [DHIS2DataValue] {
        let envelope: Envelope
        do { envelope = try JSONDecoder().decode(Envelope.self, from: data) } catch {
            throw ImportProblems([
                ImportProblem(
                    file: file, line: 1, column: nil,
                    message: "không đọc được JSON của DHIS2 (cần một đối tượng có danh sách \"dataValues\")")
            ])
        }
        guard let values = envelope.dataValues else {
            throw ImportProblems([
                ImportProblem(file: file, line: 1, column: nil, message: "thiếu danh sách \"dataValues\"")
            ])
        }
        return values.enumerated().map { index, value in
            var v = value
            if v.period.isEmpty { v.period = envelope.period ?? "" }
            if v.orgUnit.isEmpty { v.orgUnit = envelope.orgUnit ?? "" }
            if v.attributeOptionCombo == nil { v.attributeOptionCombo = envelope.attributeOptionCombo }
            v.line = index + 1
            return v
        }
    }

    public static func read(csv text: String, file: String? = nil) throws(ImportProblems) -> [DHIS2DataValue] {
        let rows: [CSVReader.Row]
        do { rows = try CSVReader.rows(text) } catch {
            var problem = error
            problem.file = file
            throw ImportProblems([problem])
        }
        var values: [DHIS2DataValue] = []
        var problems: [ImportProblem] = []
        for row in rows {
            let cells = row.fields.map { $0.trimmingWhitespace() }
            if cells.allSatisfy(\.isEmpty) { continue }
            if row.line == rows.first?.line, cells.first?.lowercased() == "dataelement" { continue }
            guard cells.count >= 6 else {
                problems.append(
                    ImportProblem(
                        file: file, line: row.line, column: nil,
                        message: "cần ít nhất 6 cột: dataelement, period, orgunit, catoptcombo, attroptcombo, value"))
                continue
            }
            let cell = { (i: Int) -> String? in i < cells.count && !cells[i].isEmpty ? cells[i] : nil }
            var value = DHIS2DataValue(
                dataElement: cells[0], period: cells[1], orgUnit: cells[2], value: cell(5), comment: cell(8),
                storedBy: cell(6), lastUpdated: cell(7), line: row.line)
            value.categoryOptionCombo = cell(3)
            value.attributeOptionCombo = cell(4)
            value.followup = cell(9).map { $0.lowercased() == "true" }
            values.append(value)
        }
        guard problems.isEmpty else { throw ImportProblems(problems) }
        return values
    }

    /// The values as one DHIS2 JSON set (the bulk form: period and org unit on every value).
    public static func json(_ values: [DHIS2DataValue], dataSet: String? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Envelope(dataSet: dataSet, dataValues: values))
    }

    public static func csv(_ values: [DHIS2DataValue]) -> String {
        var lines = [CSVReader.line(csvHeader)]
        for v in values {
            lines.append(
                CSVReader.line([
                    v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo ?? "", v.attributeOptionCombo ?? "",
                    v.value ?? "", v.storedBy ?? "", v.lastUpdated ?? "", v.comment ?? "",
                    v.followup.map { $0 ? "true" : "false" } ?? "",
                ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
