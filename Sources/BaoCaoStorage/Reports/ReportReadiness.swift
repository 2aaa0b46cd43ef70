import BaoCaoDomain
import SQLKit

/// Whether a report can be published as it stands, and if not, everything in the way, in Vietnamese: figures the
/// text needs that are missing or incomplete in the official view, sections not marked done, units whose figures
/// the report reads and that are not approved, and validation errors still standing.
public struct ReportReadiness: Sendable {
    public var missing: [String] = []
    public var incomplete: [String] = []
    public var unwritten: [String] = []
    public var unapproved: [String] = []
    public var errors: [String] = []

    public var isReady: Bool {
        missing.isEmpty && incomplete.isEmpty && unwritten.isEmpty && unapproved.isEmpty && errors.isEmpty
    }

    /// One line per kind of problem, for the page and for the publication's record.
    public var problems: [String] {
        var lines: [String] = []
        func add(_ title: String, _ items: [String]) {
            guard !items.isEmpty else { return }
            let shown = items.prefix(12).joined(separator: "; ")
            lines.append("\(title) (\(items.count)): \(shown)\(items.count > 12 ? "; …" : "")")
        }
        add("Thiếu số liệu", missing)
        add("Số liệu chưa đủ đơn vị báo cáo", incomplete)
        add("Mục chưa viết xong", unwritten)
        add("Đơn vị chưa được duyệt số liệu", unapproved)
        add("Lỗi kiểm tra số liệu", errors)
        return lines
    }

    public static func check(
        template code: String, locality: StoredUnit, period: Period, tree: UnitTree, _ db: any SQLDatabase
    ) async throws -> ReportReadiness {
        var r = ReportReadiness()
        let document = try await ReportQuery.document(
            template: code, unitID: locality.id, period: period, view: .official, db)
        r.missing = document.missing
        guard let stored = try await ReportTemplateRepository.find(code, db) else {
            throw ReportQuery.NoTemplate(code: code)
        }
        let key = WorkspaceRepository.ReportKey(template: code, unitID: locality.id, period: period)
        let narrative = try await ReportNarrative.load(key, db)
        r.unwritten = narrative.unconfirmed(stored.template).map {
            PhraseTemplate($0.title).render(subject: nil, figures: [:], period: period).text
        }
        // What the report reads: its template with the narratives written or carried in its place.
        let codes = ReportSections.template(stored.template, with: narrative.texts).references
        let catalogue = try await IndicatorRepository.catalogue(db)
        let figures = try await FigureQuery.figures(
            unitID: locality.id, period: period, catalogue: catalogue, view: .official, db)
        r.incomplete = figures.filter { codes.contains($0.indicator.code) }.compactMap { f in
            f.current?.coverage.flatMap { $0.isComplete ? nil : "\(f.indicator.name): \($0.fraction)" }
        }
        let reporters = ReportingForms.reporters(
            of: locality, period: period, tree: tree, catalogue: catalogue
        ).filter { unit in
            !codes.isDisjoint(with: ReportingForms.indicators(for: unit, catalogue).map(\.code))
        }
        let submissions = try await SubmissionRepository.submissions(
            unitIDs: reporters.map(\.id), period: period, db)
        r.unapproved = reporters.compactMap { unit in
            let status = submissions[unit.id]?.status ?? .notStarted
            return status == .approved ? nil : "\(unit.fullName) (\(status.vietnameseName.lowercased()))"
        }
        for unit in try await ValidationQuery.unitsToCheck(
            below: locality, period: period, view: .official, tree: tree, db)
        {
            let violations = try await ValidationQuery.violations(
                unit: unit, period: period, view: .official, tree: tree, catalogue: catalogue, db)
            r.errors += violations.filter { $0.severity == .error }.map { "\(unit.fullName): \($0.message)" }
        }
        return r
    }
}
