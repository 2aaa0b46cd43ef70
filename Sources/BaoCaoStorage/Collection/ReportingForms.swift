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

    /// The figures a unit's own listing holds: for a commune, what a commune reports (not the district's whole
    /// catalogue, which it has no figures for); for any other unit, all of them.
    public static func listed(_ figures: [Figure], for unit: StoredUnit, _ catalogue: Catalogue) -> [Figure] {
        guard unit.kind.isCommuneLevel else { return figures }
        let reported = Set(indicators(for: unit, catalogue).map(\.code))
        return figures.filter { reported.contains($0.indicator.code) }
    }

    /// The unit whose form (and so whose submission) a value of `indicator` stored for `valueUnit` belongs to, if any.
    public static func formUnit(of valueUnit: StoredUnit, _ indicator: Indicator, in tree: UnitTree) -> StoredUnit? {
        if valueUnit.kind.isCommuneLevel { return indicator.reportedBy == .commune ? valueUnit : nil }
        guard indicator.reportedBy == .office, let code = indicator.ownerOffice, let office = tree.byCode[code],
            office.parentID == valueUnit.id
        else { return nil }
        return office
    }

    /// The units below `locality` that report figures of their own (its offices and its communes); for a unit with
    /// none below it (a ward, an office), the unit itself.
    public static func reporters(of locality: StoredUnit, tree: UnitTree, catalogue: Catalogue) -> [StoredUnit] {
        let below = tree.children(of: locality.id).filter { !indicators(for: $0, catalogue).isEmpty }
        if below.isEmpty && !indicators(for: locality, catalogue).isEmpty { return [locality] }
        return below
    }
}
