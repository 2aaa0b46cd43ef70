import BaoCaoDomain
import SQLKit

/// What an entry form needs: the unit it belongs to, the unit its figures are stored for, the indicators it asks
/// for, their working figures and stored values (with versions), and where the unit stands in the cycle.
public struct EntryForm: Sendable {
    public var formUnit: StoredUnit
    public var valueUnit: StoredUnit
    public var period: Period
    public var catalogue: Catalogue
    public var indicators: [Indicator]
    public var figures: [String: Figure]
    public var stored: [Int: StoredValue]
    /// Versions of keys without a value that were deleted: what an empty cell is based on.
    public var absentVersions: [Int: Int]
    public var submission: Submission
    public var events: [SubmissionEvent]
    /// The full names of the people in `events`, by login.
    public var people: [String: String]
    /// What the form's saved figures break (rules and built-in checks), and the explanations given for warnings.
    public var violations: [Violation]
    public var notes: [String: String]
    /// The rules the script checks as one types: those reading only indicators of this form.
    public var rules: [ValidationRule]

    public static func load(
        unit: StoredUnit, period: Period, tree: UnitTree, catalogue: Catalogue, _ db: any SQLDatabase
    ) async throws -> EntryForm {
        let valueUnit = tree.valueUnit(for: unit)
        let indicators = ReportingForms.indicators(for: unit, catalogue)
        let codes = Set(indicators.map(\.code))
        // The figures and what they break, from one read: the violations of this form's indicators.
        let (figures, violations, applying) = try await ValidationQuery.figuresAndViolations(
            unit: valueUnit, period: period, view: .working, tree: tree, catalogue: catalogue, db)
        let rules = applying.filter {
            $0.references.map { !$0.isEmpty && $0.isSubset(of: codes) } ?? false
        }
        let events = try await SubmissionRepository.events(unitID: unit.id, period: period, db)
        return EntryForm(
            formUnit: unit, valueUnit: valueUnit, period: period, catalogue: catalogue,
            indicators: indicators,
            figures: Dictionary(uniqueKeysWithValues: figures.map { ($0.indicator.code, $0) }),
            stored: try await FigureEntry.stored(unitID: valueUnit.id, period: period, db),
            absentVersions: try await FigureEntry.absentVersions(unitID: valueUnit.id, period: period, db),
            submission: try await SubmissionRepository.submission(unitID: unit.id, period: period, db),
            events: events, people: try await AccountRepository.displayNames(Set(events.map(\.by)), db),
            violations: violations.filter { !codes.isDisjoint(with: $0.indicators) },
            notes: try await RuleNotes.all(unitID: unit.id, period: period, db), rules: rules)
    }

    /// The explanations the person wrote for warnings, by violation key.
    public static func explanations(_ fields: [String: String]) -> [String: String] {
        var result: [String: String] = [:]
        for (name, text) in fields where name.hasPrefix("gt_") { result[String(name.dropFirst(3))] = text }
        return result
    }

    /// What the person typed in one row (or what a row showed when the form was opened).
    public struct Typed: Equatable, Sendable {
        public var value: String
        public var status: String
        public var qualifier: String
        public var note: String

        public init(value: String, status: String, qualifier: String, note: String) {
            self.value = value; self.status = status; self.qualifier = qualifier; self.note = note
        }

        /// A stored value as its row shows it; an empty row for none.
        public init(_ stored: StoredValue?) {
            value = stored.map { VietnameseNumber.shortest($0.observation.value) } ?? ""
            status = (stored?.observation.status ?? .estimate).rawValue
            qualifier = stored?.observation.qualifier?.rawValue ?? ""
            note = stored?.note ?? ""
        }

        /// The same figure: equal numbers however written, same status, qualifier and comment.
        func sameFigure(as other: Typed) -> Bool {
            let a = value.trimmingWhitespace(), b = other.value.trimmingWhitespace()
            let sameValue =
                a == b || ((try? VietnameseNumber.parse(a)).map { $0 == (try? VietnameseNumber.parse(b)) } ?? false)
            return sameValue && status == other.status && qualifier == other.qualifier
                && note.trimmingWhitespace() == other.note.trimmingWhitespace()
        }
    }

    /// What a row was based on when the form was opened: the stored version and what it showed. A save writes only
    /// rows the person changed from this, and only if the stored version is still this one.
    public struct Basis: Equatable, Sendable {
        public var version: Int
        public var shown: Typed
        public init(version: Int, shown: Typed) { self.version = version; self.shown = shown }
    }

    public func basis(_ indicator: Indicator) -> Basis {
        let id = catalogue.idByCode[indicator.code] ?? 0
        let value = stored[id]
        return Basis(version: value?.version ?? absentVersions[id] ?? 0, shown: Typed(value))
    }

    public struct Parsed: Sendable {
        /// The rows the person changed, to save or delete.
        public var lines: [EntryLine] = []
        public var typed: [String: Typed] = [:]
        public var basis: [String: Basis] = [:]
        public var errors: [String: String] = [:]
        public init() {}
    }

    /// Parses the posted form: the rows changed from what the form showed (untouched rows are never written, so
    /// they cannot revert a colleague's value), or every problem by indicator code (then nothing is saved). A row
    /// whose conflict the person resolved by taking the newer value is left as it is.
    public func parse(_ fields: [String: String]) -> Parsed {
        var parsed = Parsed()
        for indicator in indicators {
            let code = indicator.code
            // A row the request does not carry at all is untouched (a browser sends every row it shows).
            guard let id = catalogue.idByCode[code], fields["v_\(code)"] != nil || fields["x_\(code)"] != nil else {
                continue
            }
            let t = Typed(
                value: fields["v_\(code)"] ?? "", status: fields["s_\(code)"] ?? ValueStatus.estimate.rawValue,
                qualifier: fields["q_\(code)"] ?? "", note: fields["n_\(code)"] ?? "")
            parsed.typed[code] = t
            let basis = Self.posted(fields, code) ?? self.basis(indicator)
            parsed.basis[code] = basis
            if fields["cf_\(code)"] == "1" {
                switch fields["c_\(code)"] {
                case "moi": continue
                case "minh": break
                default:
                    parsed.errors[code] = "Chọn giữ số của bạn hoặc dùng số mới nhất"
                    continue
                }
            }
            if fields["x_\(code)"] == "1" {
                if !basis.shown.value.isEmpty {
                    parsed.lines.append(EntryLine(indicatorID: id, observation: nil, note: nil, basedOn: basis.version))
                }
                continue
            }
            if t.sameFigure(as: basis.shown) { continue }
            if t.value.trimmingWhitespace().isEmpty {
                parsed.errors[code] = "Ô trống: số đã lưu không bị xóa. Muốn xóa, đánh dấu ô \"Xóa số đã lưu\"."
                continue
            }
            let amount: Amount
            do { amount = try VietnameseNumber.parse(t.value) } catch {
                parsed.errors[code] = error.description
                continue
            }
            guard let status = ValueStatus(rawValue: t.status) else {
                parsed.errors[code] = "Trạng thái \"\(t.status)\" không hợp lệ"
                continue
            }
            let qualifier = t.qualifier.isEmpty ? nil : Qualifier(rawValue: t.qualifier)
            if !t.qualifier.isEmpty && qualifier == nil {
                parsed.errors[code] = "Từ chỉ mức \"\(t.qualifier)\" không hợp lệ"
                continue
            }
            let note = t.note.trimmingWhitespace()
            if let problem = TextLimit.note.problem(note) {
                parsed.errors[code] = problem
                continue
            }
            parsed.lines.append(
                EntryLine(
                    indicatorID: id, observation: Observation(value: amount, status: status, qualifier: qualifier),
                    note: note.isEmpty ? nil : note, basedOn: basis.version))
        }
        return parsed
    }

    /// The basis a posted row carries in its hidden fields; nil when the form did not send one.
    public static func posted(_ fields: [String: String], _ code: String) -> Basis? {
        guard let version = fields["ver_\(code)"].flatMap(Int.init) else { return nil }
        return Basis(
            version: version,
            shown: Typed(
                value: fields["ov_\(code)"] ?? "", status: fields["os_\(code)"] ?? ValueStatus.estimate.rawValue,
                qualifier: fields["oq_\(code)"] ?? "", note: fields["on_\(code)"] ?? ""))
    }
}
