import FluentKit

/// Every schema change, in order. Additive changes only once released: add a new migration, never edit one.
enum StoreMigrations {
    static let all: [any Migration] = [
        CreateFields(), CreateUnits(), CreateUnitAncestors(), CreateIndicators(), CreateTargets(),
        CreateDataValues(), CreateValueHistory(), CreateRollups(), CreateReportCalendars(), CreateReportTemplates(),
        AddIndicatorReportedBy(), CreateAccounts(), CreateSubmissions(), CreateAuditLog(), CreateReportWorkspace(),
        AddIndicatorBetterWhen(), AddValueVersions(), CreateOfficialValues(), CreateValidationRules(),
        AddPublicationVersions(), AddHardening(), AddChangeCounters(), CreateLineage(), AddSectionDeadlines(),
        CreateNotifications(), AddIndicatorHelp(), CreateTasks(), AddTaskProgramme(), CreatePetitions(),
        CreateCitizenRegister(), CreateAPITokens(),
    ]
}

/// Table names, shared by migrations and queries.
enum Table {
    static let fields = "fields"
    static let units = "units"
    static let unitAncestors = "unit_ancestors"
    static let indicators = "indicators"
    static let targets = "targets"
    static let values = "data_values"
    static let history = "value_history"
    static let rollups = "rollups"
    static let officialValues = "official_values"
    static let rules = "validation_rules"
    static let ruleNotes = "validation_notes"
    static let calendars = "report_calendars"
    static let templates = "report_templates"
    static let accounts = "accounts"
    static let grants = "role_grants"
    static let sessions = "sessions"
    static let submissions = "submissions"
    static let submissionEvents = "submission_events"
    static let audit = "audit_log"
    static let sections = "report_sections"
    static let publications = "publications"
    static let localitySettings = "locality_settings"
    static let secrets = "server_secrets"
    static let changeCounters = "change_counters"
    static let reorganisations = "reorganisations"
    static let lineage = "unit_lineage"
    static let notifications = "notifications"
    static let tasks = "tasks"
    static let apiTokens = "api_tokens"
    static let apiTokenUses = "api_token_uses"
    static let taskProgress = "task_progress"
    static let taskEvents = "task_events"
    static let councilSessions = "council_sessions"
    static let petitions = "petitions"
    static let petitionEvents = "petition_events"
    static let citizenCases = "citizen_cases"
    static let receptionSessions = "reception_sessions"
    static let receptionVisits = "reception_visits"
    static let receptionPlan = "reception_plan"
    static let letters = "letters"
    static let letterExtensions = "letter_extensions"
    static let letterEvents = "letter_events"
    static let identityReads = "identity_reads"
    static let legalRules = "legal_rules"
}
