/// The tables of the exchange format, each with its columns. A CSV file holds one table, recognised by its
/// header; a JSON file holds any of them as lists under these names.
public enum TableKind: String, CaseIterable, Sendable {
    case fields, units, lineage, indicators, targets, values, calendars, rules, programme, tasks, sessions, petitions
    case receptions, letters

    public var columns: [String] {
        switch self {
        case .fields: return ["code", "name", "position"]
        case .units: return ["code", "name", "kind", "parent", "valid_from", "valid_to"]
        case .lineage:
            return [
                "effective", "resolution", "resolution_date", "article", "successor", "successor_name", "predecessor",
                "predecessor_name", "part", "share", "share_basis", "share_source",
            ]
        case .indicators:
            return [
                "code", "name", "unit_of_measure", "field", "owner_office", "unit_aggregation", "time_aggregation",
                "value_decimals", "target_decimals", "change_decimals", "change_style", "formula", "estimate_verb",
                "final_verb", "money_style", "leading_zero", "target_verb", "target_words", "connector",
                "names_comparison_year", "template", "standalone", "position", "reported_by", "better_when",
                "allow_negative", "warn_change_percent", "warn_target_percent", "trim_zeros", "definition", "source",
            ]
        case .targets: return ["indicator", "unit", "year", "target_kind", "value", "set_by", "note"]
        case .values: return ["indicator", "unit", "period", "value", "status", "qualifier", "note"]
        case .calendars: return ["province", "cutoff_day", "deadline_working_days", "holidays"]
        case .rules: return ["code", "left", "operator", "right", "severity", "missing", "message", "unit"]
        case .programme:
            return ["locality", "year", "month", "content", "lead", "product", "field", "co_units", "assigned_by"]
        case .tasks:
            return [
                "locality", "title", "content", "source", "source_ref", "field", "priority", "assigned_by", "lead",
                "co_units", "deadline", "status", "completed_on",
            ]
        case .sessions: return ["locality", "number", "term", "opens_on", "answer_deadline"]
        case .petitions:
            return [
                "locality", "term", "session", "code", "heard_at", "heard_on", "deputies", "words", "field", "same_as",
                "assigned_to", "forwarded_to", "outcome", "answer", "reason",
            ]
        case .receptions:
            return [
                "locality", "held_on", "host", "host_name", "regular", "place", "session", "persons", "crowd", "kind",
                "content", "action", "case",
            ]
        case .letters:
            return [
                "locality", "code", "received_on", "channel", "sent_by", "author_name", "author_address",
                "author_contact", "signers", "content", "kind", "round", "remote", "case", "same_as", "eligible",
                "ineligible_reason", "in_competence", "complexity", "handler_unit", "handler", "path", "path_on",
                "path_document", "forwarded_to", "extensions", "resolved_on", "decision_document", "outcome",
                "outcome_note", "returned_amount", "returned_land",
            ]
        }
    }

    public var requiredColumns: [String] {
        switch self {
        case .fields: return ["code", "name"]
        case .units: return ["code", "name", "kind"]
        case .lineage: return ["effective", "resolution", "successor", "predecessor", "part"]
        case .indicators: return ["code", "name", "unit_of_measure", "field"]
        case .targets: return ["indicator", "unit", "year", "target_kind", "value"]
        case .values: return ["indicator", "unit", "period", "value"]
        case .calendars: return ["province", "cutoff_day", "deadline_working_days"]
        case .rules: return ["code", "left", "operator", "right", "message"]
        case .programme: return ["locality", "year", "month", "content", "lead"]
        case .tasks: return ["locality", "title", "lead"]
        case .sessions: return ["locality", "number", "term", "opens_on"]
        case .petitions: return ["locality", "term", "session", "heard_at", "words"]
        case .receptions: return ["locality", "held_on", "host", "host_name", "persons", "kind", "content", "action"]
        case .letters: return ["locality", "received_on", "author_name", "content", "kind"]
        }
    }

    /// The table a CSV header describes.
    public static func recognise(header: [String]) -> TableKind? {
        let set = Set(header)
        if set.isSuperset(of: ["held_on", "host"]) { return .receptions }
        if set.isSuperset(of: ["received_on", "author_name"]) { return .letters }
        if set.isSuperset(of: ["month", "content"]) { return .programme }
        if set.isSuperset(of: ["title", "lead"]) { return .tasks }
        if set.isSuperset(of: ["words", "heard_at"]) { return .petitions }
        if set.isSuperset(of: ["term", "opens_on"]) { return .sessions }
        if set.contains("operator") { return .rules }
        if set.contains("predecessor") { return .lineage }
        if set.contains("cutoff_day") { return .calendars }
        if set.contains("period") { return .values }
        if set.contains("target_kind") { return .targets }
        if set.contains("unit_of_measure") { return .indicators }
        if set.contains("kind") { return .units }
        if set.isSuperset(of: ["code", "name"]) { return .fields }
        return nil
    }
}
