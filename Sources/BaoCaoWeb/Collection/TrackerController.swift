import BaoCaoDomain
import BaoCaoStorage
import Vapor

/// The collection tracker: every unit that must report for the period, where it stands, its deadline and who is
/// late. The compiler's home page.
enum TrackerController {
    static func register(_ routes: any RoutesBuilder, _ web: Web) {
        routes.get("theo-doi") { try await show($0, web) }
    }

    struct Line {
        var unit: StoredUnit
        var submission: Submission
        /// Sent by the deadline or not, and by how many days.
        var timing: SubmissionTiming
        /// Who last moved the figures, by their full name.
        var updatedBy: String?

        /// Not sent and past the deadline.
        var late: Bool { if case .overdue = timing { return true } else { return false } }
    }

    static func lines(
        locality: StoredUnit, period: Period, tree: UnitTree, web: Web
    ) async throws -> (lines: [Line], deadline: CivilDate) {
        let catalogue = try await web.catalogue()
        let units = ReportingForms.reporters(of: locality, period: period, tree: tree, catalogue: catalogue)
        let calendar = try await CalendarRepository.calendar(for: locality, units: tree.units, web.db)
        let deadline = calendar.window(for: period).deadline
        let today = web.settings.today()
        let submissions = try await SubmissionRepository.submissions(unitIDs: units.map(\.id), period: period, web.db)
        let sent = try await SubmissionRepository.sentAt(unitIDs: units.map(\.id), period: period, web.db)
        let names = try await AccountRepository.displayNames(
            Set(submissions.values.compactMap(\.updatedBy)), web.db)
        let lines = units.map { unit in
            let s = submissions[unit.id] ?? Submission(unitID: unit.id, period: period.code, status: .notStarted)
            let sentOn = sent[unit.id].flatMap(Timestamp.date).map { Timestamp.vietnam($0).date }
            return Line(
                unit: unit, submission: s,
                timing: SubmissionTiming.of(s.status, sentOn: sentOn, deadline: deadline, today: today),
                updatedBy: s.updatedBy.map { names[$0] ?? $0 })
        }
        return (lines, deadline)
    }

    /// For each indicator every commune reports: how many of the communes expected in the period entered it, how many
    /// of those are approved, and which have not entered it (working view).
    struct Completeness {
        var indicator: Indicator
        var expected: Int
        var entered: Int
        var approved: Int
        var missing: [StoredUnit]
    }

    static func completeness(
        locality: StoredUnit, period: Period, tree: UnitTree, catalogue: Catalogue, web: Web
    ) async throws -> [Completeness] {
        let indicators = catalogue.indicators.filter { $0.reportedBy == .commune && !$0.isDerived }
        guard !indicators.isEmpty, tree.descendants(of: locality.id).contains(where: \.kind.isCommuneLevel) else {
            return []
        }
        let rules = catalogue.timeAggregations(of: indicators)
        let working = try await CoverageQuery.detail(
            below: locality, period: period, view: .working, tree: tree, indicators: rules, web.db)
        let official = try await CoverageQuery.detail(
            below: locality, period: period, view: .official, tree: tree, indicators: rules, web.db)
        let submissions = try await SubmissionRepository.submissions(
            unitIDs: working.expected.map(\.id), period: period, web.db)
        return indicators.compactMap { i in
            guard let id = catalogue.idByCode[i.code] else { return nil }
            let entered = working.reported[id] ?? []
            let approved = entered.filter {
                submissions[$0]?.status == .approved && (official.reported[id] ?? []).contains($0)
            }
            return Completeness(
                indicator: i, expected: working.expected.count, entered: entered.count, approved: approved.count,
                missing: working.missing(id))
        }
    }

    static func show(_ req: Request, _ web: Web) async throws -> Response {
        let tree = try await web.tree()
        let locality = try Access.unit(req, tree: tree)
        try await Access.require(req, .readDraft, on: locality, tree: tree, store: web.store)
        let period = try Access.period(req, default: web.settings.period(for: locality, tree))
        let (all, deadline) = try await lines(locality: locality, period: period, tree: tree, web: web)
        let catalogue = try await web.catalogue()
        let model = TrackerPage.Model(
            locality: locality, period: period, lines: all, deadline: deadline,
            statusFilter: req.queryText("status").flatMap(SubmissionStatus.init(rawValue:)),
            kindFilter: req.queryText("kind") ?? "", lateOnly: req.queryText("late") == "1",
            completeness: try await completeness(
                locality: locality, period: period, tree: tree, catalogue: catalogue, web: web),
            mayRemind: Access.allows(req, .assembleReport, on: locality, tree: tree))
        return TrackerPage.render(req, model)
    }
}
