import BaoCaoDomain

/// Who reports what: the one rule behind the entry forms, the tracker and the approval lock.
/// An office reports the indicators it owns (`reported_by = phong`) as its locality's figures; a commune-level unit
/// reports the indicators every commune reports (`reported_by = xa`) as its own.
public enum ReportingForms {
    /// The indicators on `unit`'s entry form.
    public static func indicators(for unit: StoredUnit, _ catalogue: Catalogue) -> [Indicator] {
        catalogue.indicators.filter { i in
            guard !i.isDerived else { return false }
            if unit.kind.isOffice { return i.reportedBy == .office && i.ownerOffice == unit.code }
            if unit.kind.isCommuneLevel { return i.reportedBy == .commune }
            return false
        }
    }

    /// The figures a unit's own listing holds: what can reach it. For a commune, what a commune reports (not the
    /// district's whole catalogue, which it has no figures for); for a locality, what its own offices of the period
    /// report and what its communes report, and what a formula makes of those. A figure that has a value is always
    /// listed. (A city after the 2025 reform is not listed the former district offices' indicators as missing.)
    public static func listed(
        _ figures: [Figure], for unit: StoredUnit, period: Period, tree: UnitTree, _ catalogue: Catalogue
    ) -> [Figure] {
        var reached: Set<String>
        if unit.kind.isCommuneLevel {
            reached = Set(indicators(for: unit, catalogue).map(\.code))
        } else {
            let offices = Set(tree.children(of: unit.id, during: period).filter(\.kind.isOffice).map(\.code))
            reached = Set(
                catalogue.indicators.filter { i in
                    guard !i.isDerived else { return false }
                    if i.reportedBy == .commune { return true }
                    return i.reportedBy == .office && i.ownerOffice.map(offices.contains) == true
                }.map(\.code))
            for i in catalogue.indicators where i.isDerived {
                guard let formula = i.formula, let parsed = try? Formula.parsed(formula) else { continue }
                if parsed.references.isSubset(of: reached) { reached.insert(i.code) }
            }
        }
        return figures.filter { reached.contains($0.indicator.code) || $0.current != nil }
    }

    /// The unit whose form (and so whose submission) a value of `indicator` stored for `valueUnit` belongs to, if any.
    public static func formUnit(of valueUnit: StoredUnit, _ indicator: Indicator, in tree: UnitTree) -> StoredUnit? {
        if valueUnit.kind.isCommuneLevel { return indicator.reportedBy == .commune ? valueUnit : nil }
        guard indicator.reportedBy == .office, let code = indicator.ownerOffice, let office = tree.byCode[code],
            office.parentID == valueUnit.id
        else { return nil }
        return office
    }

    /// The units below `locality` that report figures of their own in `period` (its offices and its communes then
    /// in force: a city's wards of 2025 for 2025-H1, its new wards for 2026-H1); for a unit with none below it (a
    /// ward, an office), the unit itself.
    public static func reporters(
        of locality: StoredUnit, period: Period, tree: UnitTree, catalogue: Catalogue
    ) -> [StoredUnit] {
        let below = tree.children(of: locality.id, during: period).filter { !indicators(for: $0, catalogue).isEmpty }
        if below.isEmpty && !indicators(for: locality, catalogue).isEmpty { return [locality] }
        return below
    }
}
