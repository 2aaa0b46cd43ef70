import BaoCaoDomain

/// BaoCao's values as DHIS2 data values and back, with `idScheme=code`: the data element is the indicator's code, the
/// org unit the unit's code, the category and attribute option combos the default one.
///
/// DHIS2 has no estimate status and no qualifier: they travel at the head of the comment, in brackets, before the
/// note (`[ước tính, gần] theo báo cáo nhanh`), and come back from it; a comment without such a head is the note.
public enum DHIS2Values {
    /// The default category option combo, by code and by DHIS2's UID of it.
    public static let defaultCombos: Set<String> = ["default", "HllvX50cXC0"]
    static let estimateTag = "ước tính"

    public static func dataValue(
        _ record: ValueRecord, storedBy: String? = nil, lastUpdated: String? = nil
    ) -> DHIS2DataValue? {
        guard let period = DHIS2Period.code(record.period) else { return nil }
        var tags: [String] = []
        if record.observation.status == .estimate { tags.append(estimateTag) }
        if let qualifier = record.observation.qualifier { tags.append(qualifier.word) }
        let head = tags.isEmpty ? nil : "[" + tags.joined(separator: ", ") + "]"
        let comment = [head, record.note].compactMap { $0 }.joined(separator: " ")
        var value = DHIS2DataValue(
            dataElement: record.indicator, period: period, orgUnit: record.unit,
            value: record.observation.value.description, comment: comment.isEmpty ? nil : comment,
            storedBy: storedBy, lastUpdated: lastUpdated)
        value.categoryOptionCombo = "default"
        value.attributeOptionCombo = "default"
        value.followup = false
        return value
    }

    /// The values as BaoCao records; every one that cannot be read is a problem at its line, in the DHIS2 field's
    /// name, and none is returned for it. `needsValue` is false for deletions, which name a value but need not carry it.
    public static func records(
        _ values: [DHIS2DataValue], file: String? = nil, needsValue: Bool = true
    ) -> (records: [ValueRecord], problems: [ImportProblem]) {
        var records: [ValueRecord] = []
        var problems: [ImportProblem] = []
        for v in values {
            let location = SourceLocation(file: file, line: v.line)
            var found: [ImportProblem] = []
            if v.dataElement.isEmpty {
                found.append(location.problem("dataElement", "thiếu mã chỉ tiêu (dataElement)"))
            }
            if v.orgUnit.isEmpty { found.append(location.problem("orgUnit", "thiếu mã đơn vị (orgUnit)")) }
            let period = DHIS2Period.period(v.period)
            if period == nil {
                found.append(
                    location.problem(
                        "period",
                        v.period.isEmpty
                            ? "thiếu kỳ (period)"
                            : "kỳ \"\(v.period)\" không dùng được: BaoCao nhận tháng (201706), quý (2017Q2), "
                                + "6 tháng đầu năm (2017S1) và năm (2017)"))
            }
            for (name, combo) in [
                ("categoryOptionCombo", v.categoryOptionCombo), ("attributeOptionCombo", v.attributeOptionCombo),
            ]
            where combo.map({ !$0.isEmpty && !defaultCombos.contains($0) }) ?? false {
                found.append(
                    location.problem(
                        name,
                        "tổ hợp \"\(combo ?? "")\" không dùng được: chỉ tiêu của BaoCao không chia theo nhóm (category), "
                            + "chỉ nhận tổ hợp mặc định \"default\""))
            }
            let text = v.value?.trimmingWhitespace() ?? ""
            var amount = Amount.zero
            if let parsed = Amount(plain: text) {
                if parsed.isWithinInputLimit {
                    amount = parsed
                } else {
                    found.append(location.problem("value", "giá trị \(text) vượt giới hạn ±999.999.999.999,9999"))
                }
            } else if needsValue || !text.isEmpty {
                found.append(
                    location.problem(
                        "value",
                        text.isEmpty
                            ? "thiếu giá trị (value)"
                            : "giá trị \"\(text)\" không phải số (dấu chấm trước phần thập phân, tối đa 4 chữ số thập phân)"
                    ))
            }
            guard found.isEmpty, let period else { problems += found; continue }
            let (status, qualifier, note) = readComment(v.comment)
            records.append(
                ValueRecord(
                    indicator: v.dataElement, unit: v.orgUnit, period: period,
                    observation: Observation(value: amount, status: status, qualifier: qualifier), note: note,
                    location: location))
        }
        return (records, problems)
    }

    /// The status, qualifier and note a comment carries.
    static func readComment(_ comment: String?) -> (ValueStatus, Qualifier?, String?) {
        guard let comment = comment?.trimmingWhitespace(), !comment.isEmpty else { return (.final, nil, nil) }
        guard comment.first == "[", let close = comment.firstIndex(of: "]") else { return (.final, nil, comment) }
        var status = ValueStatus.final
        var qualifier: Qualifier?
        for tag in comment[comment.index(after: comment.startIndex)..<close].split(separator: ",") {
            let t = String(tag).trimmingWhitespace().lowercased()
            if t == estimateTag || t == "uoc" {
                status = .estimate
            } else if let q = Qualifier(text: t) {
                qualifier = q
            } else {
                return (.final, nil, comment)
            }
        }
        let rest = String(comment[comment.index(after: close)...]).trimmingWhitespace()
        return (status, qualifier, rest.isEmpty ? nil : rest)
    }
}
