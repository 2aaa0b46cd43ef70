import BaoCaoDomain

/// Where a record came from, for error messages.
public struct SourceLocation: Hashable, Sendable {
    public var file: String?
    public var line: Int
    public init(file: String?, line: Int) { self.file = file; self.line = line }

    public func problem(_ column: String?, _ message: String) -> ImportProblem {
        ImportProblem(file: file, line: line, column: column, message: message)
    }
}

public struct FieldRecord: Hashable, Sendable {
    public var field: Field
    public var location: SourceLocation
    public init(field: Field, location: SourceLocation) { self.field = field; self.location = location }
}

public struct UnitRecord: Hashable, Sendable {
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parent: String?
    public var validFrom: CivilDate?
    public var validTo: CivilDate?
    public var location: SourceLocation

    public init(
        code: String, name: String, kind: UnitKind, parent: String?, validFrom: CivilDate? = nil,
        validTo: CivilDate? = nil, location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.code = code; self.name = name; self.kind = kind; self.parent = parent
        self.validFrom = validFrom; self.validTo = validTo; self.location = location
    }
}

/// One line of a reorganisation as a file states it: on `effective`, by `resolution` (and its article), the unit
/// `predecessor` (the one with that code in force the day before) went whole or in part into `successor` (the one
/// with that code in force that day). Names, when given, must match the units the codes find.
public struct LineageRecord: Hashable, Sendable {
    public var effective: CivilDate
    public var resolution: String
    public var resolutionDate: CivilDate?
    public var article: String?
    public var successor: String
    public var successorName: String?
    public var predecessor: String
    public var predecessorName: String?
    public var succession: Succession
    public var location: SourceLocation

    public init(
        effective: CivilDate, resolution: String, resolutionDate: CivilDate? = nil, article: String? = nil,
        successor: String, successorName: String? = nil, predecessor: String, predecessorName: String? = nil,
        succession: Succession, location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.effective = effective; self.resolution = resolution; self.resolutionDate = resolutionDate
        self.article = article; self.successor = successor; self.successorName = successorName
        self.predecessor = predecessor; self.predecessorName = predecessorName; self.succession = succession
        self.location = location
    }
}

public struct IndicatorRecord: Hashable, Sendable {
    public var indicator: Indicator
    public var location: SourceLocation
    public init(indicator: Indicator, location: SourceLocation) { self.indicator = indicator; self.location = location }
}

public struct TargetRecord: Hashable, Sendable {
    public var indicator: String
    public var unit: String
    public var year: Int
    public var kind: TargetKind
    public var value: Amount
    /// Who set it: "HĐND quận", "UBND thành phố giao".
    public var setBy: String?
    public var note: String?
    public var location: SourceLocation

    public init(
        indicator: String, unit: String, year: Int, kind: TargetKind, value: Amount, setBy: String?,
        note: String?, location: SourceLocation
    ) {
        self.indicator = indicator; self.unit = unit; self.year = year; self.kind = kind; self.value = value
        self.setBy = setBy; self.note = note; self.location = location
    }
}

public struct ValueRecord: Hashable, Sendable {
    public var indicator: String
    public var unit: String
    public var period: Period
    public var observation: Observation
    public var note: String?
    public var location: SourceLocation

    public init(
        indicator: String, unit: String, period: Period, observation: Observation, note: String? = nil,
        location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.indicator = indicator; self.unit = unit; self.period = period; self.observation = observation
        self.note = note; self.location = location
    }
}

/// A province's report calendar: cut-off day, working days to the deadline, holidays.
public struct CalendarRecord: Hashable, Sendable {
    public var province: String
    public var calendar: ReportCalendar
    public var location: SourceLocation
    public init(province: String, calendar: ReportCalendar, location: SourceLocation) {
        self.province = province; self.calendar = calendar; self.location = location
    }
}

/// A validation rule as a file states it.
public struct RuleRecord: Hashable, Sendable {
    public var rule: ValidationRule
    public var location: SourceLocation
    public init(rule: ValidationRule, location: SourceLocation) { self.rule = rule; self.location = location }
}

/// An item of a locality's work programme (chương trình công tác) for a year: in which month, what, which office
/// leads it, what it leads to (a meeting, a document), its field and the offices that help.
public struct ProgrammeRecord: Hashable, Sendable {
    public var locality: String
    public var year: Int
    public var month: Int
    public var content: String
    public var lead: String
    public var product: String?
    public var field: String?
    public var coUnits: [String]
    public var assignedBy: String?
    public var location: SourceLocation

    public init(
        locality: String, year: Int, month: Int, content: String, lead: String, product: String? = nil,
        field: String? = nil, coUnits: [String] = [], assignedBy: String? = nil,
        location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.locality = locality; self.year = year; self.month = month; self.content = content; self.lead = lead
        self.product = product; self.field = field; self.coUnits = coUnits; self.assignedBy = assignedBy
        self.location = location
    }
}

/// A task as a file gives it: assigned by the locality's UBND to its lead unit. `status` and `completed_on` are
/// written by an export for people to read, and ignored on import.
public struct TaskRow: Hashable, Sendable {
    public var locality: String
    public var title: String
    public var content: String
    public var source: TaskSource
    public var sourceRef: String?
    public var field: String?
    public var priority: TaskPriority
    public var assignedBy: String?
    public var lead: String
    public var coUnits: [String]
    public var deadline: TaskDeadline
    public var status: String?
    public var completedOn: CivilDate?
    public var location: SourceLocation

    public init(
        locality: String, title: String, content: String = "", source: TaskSource = .other, sourceRef: String? = nil,
        field: String? = nil, priority: TaskPriority = .normal, assignedBy: String? = nil, lead: String,
        coUnits: [String] = [], deadline: TaskDeadline, status: String? = nil, completedOn: CivilDate? = nil,
        location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.locality = locality; self.title = title; self.content = content; self.source = source
        self.sourceRef = sourceRef; self.field = field; self.priority = priority; self.assignedBy = assignedBy
        self.lead = lead; self.coUnits = coUnits; self.deadline = deadline; self.status = status
        self.completedOn = completedOn; self.location = location
    }
}

/// A session of a locality's People's Council.
public struct SessionRow: Hashable, Sendable {
    public var locality: String
    public var session: CouncilSession
    public var location: SourceLocation

    public init(locality: String, session: CouncilSession, location: SourceLocation = .init(file: nil, line: 0)) {
        self.locality = locality; self.session = session; self.location = location
    }
}

/// A voters' petition of a session (locality, term, number), with its code in the session, the code of the one it
/// says the same as, the office it was given to (or where it was forwarded) and its answer.
public struct PetitionRow: Hashable, Sendable {
    public var locality: String
    public var term: String
    public var session: Int
    public var code: String?
    public var heardAt: String
    public var heardOn: CivilDate?
    public var deputies: String?
    public var words: String
    public var field: String?
    public var sameAs: String?
    public var assignedTo: String?
    public var forwardedTo: String?
    public var outcome: PetitionOutcome?
    public var answer: String?
    public var reason: String?
    public var location: SourceLocation

    public init(
        locality: String, term: String, session: Int, code: String?, heardAt: String, heardOn: CivilDate?,
        deputies: String?, words: String, field: String?, sameAs: String?, assignedTo: String?, forwardedTo: String?,
        outcome: PetitionOutcome?, answer: String?, reason: String?,
        location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.locality = locality; self.term = term; self.session = session; self.code = code
        self.heardAt = heardAt; self.heardOn = heardOn; self.deputies = deputies; self.words = words
        self.field = field; self.sameAs = sameAs; self.assignedTo = assignedTo; self.forwardedTo = forwardedTo
        self.outcome = outcome; self.answer = answer; self.reason = reason; self.location = location
    }
}

/// One visit at a reception session: the session (locality, day, host; rows with the same `session` key are one
/// session) and who came about what. Visits and letters with the same `case` key are one case (vụ việc).
public struct ReceptionRow: Hashable, Sendable {
    public var locality: String
    public var heldOn: CivilDate?
    public var host: ReceptionHost
    public var hostName: String
    public var regular: Bool
    public var place: String?
    public var session: String?
    public var visit: ReceptionInput.Visit
    public var caseKey: String?
    public var location: SourceLocation

    public init(
        locality: String, heldOn: CivilDate?, host: ReceptionHost, hostName: String, regular: Bool, place: String?,
        session: String?, visit: ReceptionInput.Visit, caseKey: String?,
        location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.locality = locality; self.heldOn = heldOn; self.host = host; self.hostName = hostName
        self.regular = regular; self.place = place; self.session = session; self.visit = visit
        self.caseKey = caseKey; self.location = location
    }
}

/// A letter of the register with its handling so far: as received, classified, its path, its extensions
/// ("2019-03-20|30|QĐ số 12", separated by ";") and its resolution. A denunciation's author is never exported.
public struct LetterRow: Hashable, Sendable {
    public typealias Extension = LetterExtension

    public var locality: String
    public var code: String?
    public var input: LetterInput
    public var caseKey: String?
    public var sameAs: String?
    public var eligible: Bool?
    public var ineligibleReason: String?
    public var inCompetence: Bool?
    public var complexity: CaseComplexity
    public var handlerUnit: String?
    public var handler: String?
    public var path: LetterPath?
    public var pathOn: CivilDate?
    public var pathDocument: String?
    public var forwardedTo: String?
    public var extensions: [Extension]
    public var resolvedOn: CivilDate?
    public var decisionDocument: String?
    public var outcome: LetterOutcome?
    public var outcomeNote: String?
    public var returnedAmount: Int64?
    public var returnedLand: Int64?
    public var location: SourceLocation

    public init(
        locality: String, code: String?, input: LetterInput, caseKey: String? = nil, sameAs: String? = nil,
        eligible: Bool? = nil, ineligibleReason: String? = nil, inCompetence: Bool? = nil,
        complexity: CaseComplexity = .ordinary, handlerUnit: String? = nil, handler: String? = nil,
        path: LetterPath? = nil, pathOn: CivilDate? = nil, pathDocument: String? = nil, forwardedTo: String? = nil,
        extensions: [Extension] = [], resolvedOn: CivilDate? = nil, decisionDocument: String? = nil,
        outcome: LetterOutcome? = nil, outcomeNote: String? = nil, returnedAmount: Int64? = nil,
        returnedLand: Int64? = nil, location: SourceLocation = .init(file: nil, line: 0)
    ) {
        self.locality = locality; self.code = code; self.input = input; self.caseKey = caseKey; self.sameAs = sameAs
        self.eligible = eligible; self.ineligibleReason = ineligibleReason; self.inCompetence = inCompetence
        self.complexity = complexity; self.handlerUnit = handlerUnit; self.handler = handler; self.path = path
        self.pathOn = pathOn; self.pathDocument = pathDocument; self.forwardedTo = forwardedTo
        self.extensions = extensions; self.resolvedOn = resolvedOn; self.decisionDocument = decisionDocument
        self.outcome = outcome; self.outcomeNote = outcomeNote; self.returnedAmount = returnedAmount
        self.returnedLand = returnedLand; self.location = location
    }
}

/// Everything one import brings, in the order it is written.
public struct Dataset: Sendable {
    public var fields: [FieldRecord] = []
    public var units: [UnitRecord] = []
    public var lineage: [LineageRecord] = []
    public var indicators: [IndicatorRecord] = []
    public var targets: [TargetRecord] = []
    public var values: [ValueRecord] = []
    public var calendars: [CalendarRecord] = []
    public var rules: [RuleRecord] = []
    public var programme: [ProgrammeRecord] = []
    public var tasks: [TaskRow] = []
    public var sessions: [SessionRow] = []
    public var petitions: [PetitionRow] = []
    public var receptions: [ReceptionRow] = []
    public var letters: [LetterRow] = []

    public init() {}

    public mutating func append(_ other: Dataset) {
        fields += other.fields; units += other.units; lineage += other.lineage; indicators += other.indicators
        targets += other.targets; values += other.values; calendars += other.calendars
        rules += other.rules; programme += other.programme; tasks += other.tasks; sessions += other.sessions
        petitions += other.petitions; receptions += other.receptions; letters += other.letters
    }

    public var isEmpty: Bool {
        fields.isEmpty && units.isEmpty && lineage.isEmpty && indicators.isEmpty && targets.isEmpty && values.isEmpty
            && calendars.isEmpty
            && rules.isEmpty && programme.isEmpty && tasks.isEmpty && sessions.isEmpty && petitions.isEmpty
            && receptions.isEmpty && letters.isEmpty
    }
}
