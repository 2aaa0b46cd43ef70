import BaoCaoDomain
import SQLKit

/// For units formed by a reorganisation after the start of the same period last year: that period's figures rebuilt
/// from their predecessors' (`Baseline`), read from the lineage and the predecessors' own figures. A unit formed
/// within that period (on 1 July 2025, for 2025-9M) gets its predecessors' months before it was formed, to be joined
/// to its own months after. A unit that continued and took others in before the period began (thành phố Hải Phòng
/// taking tỉnh Hải Dương on 1 July 2025, for 2026-H1) gets what it took in, to be added to its own figure.
enum BaselineQuery {
    static func lastYear(
        unitIDs: [Int], period: Period, catalogue: Catalogue, view: FigureView, _ db: any SQLDatabase
    ) async throws -> [Int: Baseline.Rebuilt] {
        let lastYear = period.sameTimeLastYear
        let (start, _) = CoverageQuery.bounds(lastYear)
        let (currentStart, _) = CoverageQuery.bounds(period)
        struct Line { var predecessorID: Int; var source: Baseline.Source }
        struct Successor {
            var span: Period
            var joined: Baseline.Joined?
            var continuing: Baseline.Joined?
            var effective: String
            var lines: [Line] = []
        }
        var successors: [Int: Successor] = [:]
        for row in try await db.raw(
            """
            SELECT l.successor_id, l.predecessor_id, l.part, l.share, l.share_basis, l.share_source, p.name, p.kind,
            s.valid_from, s.name AS successor_name, s.kind AS successor_kind, r.effective
            FROM unit_lineage l JOIN units p ON p.id = l.predecessor_id JOIN units s ON s.id = l.successor_id
            JOIN reorganisations r ON r.id = l.reorganisation_id
            WHERE l.successor_id IN (\(binds: unitIDs)) AND (s.valid_from > \(bind: start)
            OR (r.effective > \(bind: start) AND r.effective <= \(bind: currentStart)))
            ORDER BY r.effective, l.id
            """
        ).all() {
            let id = try row.decode(column: "successor_id", as: Int.self)
            let effective = try row.decode(column: "effective", as: String.self)
            if successors[id] == nil {
                let formed = try row.decode(column: "valid_from", as: String.self)
                let continues = formed <= start
                guard let span = span(of: lastYear, before: continues ? effective : formed) else { continue }
                // For a continuing unit, 12 when what it took in covers the whole period (nothing to say "until").
                let unit = Baseline.Joined(
                    lastMonth: continues && span == lastYear ? 12 : span.lastMonth,
                    name: try row.decode(column: "successor_name", as: String.self),
                    kind: UnitKind(rawValue: try row.decode(column: "successor_kind", as: String.self)) ?? .commune)
                successors[id] = Successor(
                    span: span, joined: continues || span == lastYear ? nil : unit,
                    continuing: continues ? unit : nil, effective: effective)
            }
            // One reorganisation a period: the first that counts.
            guard successors[id]?.effective == effective else { continue }
            let succession = Succession(
                part: SuccessionPart(rawValue: try row.decode(column: "part", as: String.self)) ?? .part,
                share: try row.decode(column: "share", as: Int64?.self).map(Amount.init(scaled:)),
                basis: try row.decode(column: "share_basis", as: String?.self).flatMap(ShareBasis.init(rawValue:)),
                shareSource: try row.decode(column: "share_source", as: String?.self))
            successors[id]?.lines.append(
                Line(
                    predecessorID: try row.decode(column: "predecessor_id", as: Int.self),
                    source: Baseline.Source(
                        name: try row.decode(column: "name", as: String.self),
                        kind: UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .commune,
                        succession: succession)))
        }
        guard !successors.isEmpty else { return [:] }
        // The predecessors' own figures, once for each span asked.
        var figures: [Period: [Int: [String: Observation]]] = [:]
        for span in Set(successors.values.map(\.span)) {
            let predecessors = Set(
                successors.values.filter { $0.span == span }.flatMap { $0.lines.map(\.predecessorID) })
            figures[span] = try await FigureQuery.sources(
                unitIDs: predecessors.sorted(), period: span, catalogue: catalogue, view: view, rebuilding: false, db
            ).mapValues { sources in
                Dictionary(
                    FigureAssembler.figures(for: catalogue.indicators, period: span, sources: sources).compactMap {
                        f in f.current.map { (f.indicator.code, $0) }
                    }, uniquingKeysWith: { a, _ in a })
            }
        }
        return successors.mapValues { s in
            Baseline.rebuild(
                catalogue.indicators, sources: s.lines.map(\.source),
                figures: s.lines.map { figures[s.span]?[$0.predecessorID] ?? [:] }, span: s.span, joined: s.joined,
                continuing: s.continuing)
        }
    }

    /// The part of `period` before a unit formed on `formed` (an ISO date): the whole period when it ended before;
    /// its first months when it runs from January and the unit was formed on the first of a later month in it (the
    /// months before are the predecessors', the rest the unit's own); otherwise nil (not rebuilt).
    static func span(of period: Period, before formed: String) -> Period? {
        let (start, end) = CoverageQuery.bounds(period)
        if formed > end { return period }
        guard formed > start, period.firstMonth == 1, formed.hasSuffix("-01"), formed.count == 10,
            let month = Int(formed.dropFirst(5).prefix(2)), month > 1
        else { return nil }
        return Period.firstMonths(period.year, month - 1)
    }
}

extension BaselineQuery {
    /// For an incomplete sum below `unitID` compared with the same period last year: the communes formed since that
    /// period began which reported `period` (and so not last year), each with its value and its last year rebuilt
    /// from its predecessors, by indicator code. They join the communes that reported both, like with like.
    static func formedSince(
        below unitID: Int, period: Period, indicatorIDs: [Int], catalogue: Catalogue, view: FigureView,
        _ db: any SQLDatabase
    ) async throws -> [String: MatchedSums] {
        let lastYear = period.sameTimeLastYear
        let (start, _) = CoverageQuery.bounds(lastYear)
        let layer = ValueLayer(view)
        var amounts: [Int: [(code: String, amount: Amount)]] = [:]
        for row in try await db.raw(
            """
            SELECT c.unit_id, c.indicator_id, c.amount FROM \(layer.values) c
            JOIN unit_ancestors a ON a.unit_id = c.unit_id AND a.ancestor_id = \(bind: unitID) AND a.depth > 0
            JOIN units u ON u.id = c.unit_id AND u.kind IN (\(binds: CoverageQuery.communeKinds))
            AND u.valid_from > \(bind: start)
            WHERE c.period = \(bind: period.code) AND c.indicator_id IN (\(binds: indicatorIDs.sorted()))
            """
        ).all() {
            guard let code = catalogue.codeByID[try row.decode(column: "indicator_id", as: Int.self)] else { continue }
            amounts[try row.decode(column: "unit_id", as: Int.self), default: []].append(
                (code, Amount(scaled: try row.decode(column: "amount", as: Int64.self))))
        }
        guard !amounts.isEmpty else { return [:] }
        let rebuilt = try await Self.lastYear(
            unitIDs: amounts.keys.sorted(), period: period, catalogue: catalogue, view: view, db)
        var result: [String: MatchedSums] = [:]
        for (unit, values) in amounts {
            // Only a unit formed after the whole period: one formed within it has months of its own to join.
            guard let r = rebuilt[unit], !r.continuing, r.span == lastYear else { continue }
            for (code, amount) in values {
                guard let before = r.observations[code] else { continue }
                var m = result[code] ?? MatchedSums(current: .zero, earlier: .zero, units: 0)
                guard let current = m.current.adding(amount), let earlier = m.earlier.adding(before.value) else {
                    continue
                }
                m.current = current; m.earlier = earlier; m.units += 1; m.rebuilt += 1
                result[code] = m
            }
        }
        return result
    }
}
