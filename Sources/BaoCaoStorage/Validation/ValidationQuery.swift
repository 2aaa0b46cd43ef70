import BaoCaoDomain
import SQLKit

/// The violations of one unit's figures for a period, in a view: the rules that apply to it and the built-in checks
/// of every indicator, on the same figures the pages show.
public enum ValidationQuery {
    public static func violations(
        unit: StoredUnit, period: Period, view: FigureView, tree: UnitTree, catalogue: Catalogue,
        _ db: any SQLDatabase
    ) async throws -> [Violation] {
        try await figuresAndViolations(unit: unit, period: period, view: view, tree: tree, catalogue: catalogue, db)
            .violations
    }

    /// The unit's figures of every indicator and their violations, from one read of the figures, and the rules
    /// that apply to it: what an entry form shows.
    public static func figuresAndViolations(
        unit: StoredUnit, period: Period, view: FigureView, tree: UnitTree, catalogue: Catalogue,
        _ db: any SQLDatabase
    ) async throws -> (figures: [Figure], violations: [Violation], rules: [ValidationRule]) {
        let sources = try await FigureQuery.sources(
            unitID: unit.id, period: period, catalogue: catalogue, view: view, db)
        let figures = FigureAssembler.figures(for: catalogue.indicators, period: period, sources: sources)
        let rules = try await RuleRepository.applying(to: unit.id, tree: tree, db)
        // The unit's own entered figures of the period's parts, for the check of an entered cumulative figure.
        let parts = Set(period.parts)
        var entered: [String: [Period: Observation]] = [:]
        for (code, byPeriod) in sources.own {
            for (periodCode, o) in byPeriod {
                if let p = try? Period(code: periodCode), parts.contains(p) { entered[code, default: [:]][p] = o }
            }
        }
        return (figures, Validation.violations(rules: rules, figures: figures, enteredParts: entered), rules)
    }

    /// The violations that concern `indicators` (a form's): rules reading any of them, their built-in checks.
    public static func violations(
        of indicators: [Indicator], unit: StoredUnit, period: Period, view: FigureView, tree: UnitTree,
        catalogue: Catalogue, _ db: any SQLDatabase
    ) async throws -> [Violation] {
        let codes = Set(indicators.map(\.code))
        return try await violations(unit: unit, period: period, view: view, tree: tree, catalogue: catalogue, db)
            .filter { !codes.isDisjoint(with: $0.indicators) }
    }

    /// The unit and the commune-level units below it that hold any value in the view for the period or its parts:
    /// the units worth checking (a unit without values breaks no rule).
    public static func unitsToCheck(
        below unit: StoredUnit, period: Period, view: FigureView, tree: UnitTree, _ db: any SQLDatabase
    ) async throws -> [StoredUnit] {
        let ids = Set(
            try await db.raw(
                """
                SELECT DISTINCT v.unit_id FROM \(ValueLayer(view).values) v
                JOIN unit_ancestors a ON a.unit_id = v.unit_id AND a.ancestor_id = \(bind: unit.id) AND a.depth > 0
                WHERE v.period IN (\(binds: period.parts.map(\.code)))
                """
            ).all().map { try $0.decode(column: "unit_id", as: Int.self) })
        return [unit] + tree.descendants(of: unit.id).filter { $0.kind.isCommuneLevel && ids.contains($0.id) }
    }
}
