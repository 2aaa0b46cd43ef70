import BaoCaoDomain
import SQLKit

/// For units formed by a reorganisation after the start of the same period last year: that period's figures rebuilt
/// from their predecessors' (`Baseline`), read from the lineage and the predecessors' own figures.
enum BaselineQuery {
    static func lastYear(
        unitIDs: [Int], period: Period, catalogue: Catalogue, view: FigureView, _ db: any SQLDatabase
    ) async throws -> [Int: Baseline.Rebuilt] {
        let lastYear = period.sameTimeLastYear
        let (start, _) = CoverageQuery.bounds(lastYear)
        struct Line { var predecessorID: Int; var source: Baseline.Source }
        var lines: [Int: [Line]] = [:]
        for row in try await db.raw(
            """
            SELECT l.successor_id, l.predecessor_id, l.part, l.share, l.share_basis, l.share_source, p.name, p.kind
            FROM unit_lineage l JOIN units p ON p.id = l.predecessor_id JOIN units s ON s.id = l.successor_id
            WHERE l.successor_id IN (\(binds: unitIDs)) AND s.valid_from > \(bind: start) ORDER BY l.id
            """
        ).all() {
            let succession = Succession(
                part: SuccessionPart(rawValue: try row.decode(column: "part", as: String.self)) ?? .part,
                share: try row.decode(column: "share", as: Int64?.self).map(Amount.init(scaled:)),
                basis: try row.decode(column: "share_basis", as: String?.self).flatMap(ShareBasis.init(rawValue:)),
                shareSource: try row.decode(column: "share_source", as: String?.self))
            lines[try row.decode(column: "successor_id", as: Int.self), default: []].append(
                Line(
                    predecessorID: try row.decode(column: "predecessor_id", as: Int.self),
                    source: Baseline.Source(
                        name: try row.decode(column: "name", as: String.self),
                        kind: UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .commune,
                        succession: succession)))
        }
        guard !lines.isEmpty else { return [:] }
        let predecessors = Array(Set(lines.values.flatMap { $0.map(\.predecessorID) })).sorted()
        let figures = try await FigureQuery.sources(
            unitIDs: predecessors, period: lastYear, catalogue: catalogue, view: view, rebuilding: false, db
        ).mapValues { sources in
            Dictionary(
                FigureAssembler.figures(for: catalogue.indicators, period: lastYear, sources: sources).compactMap {
                    f in f.current.map { (f.indicator.code, $0) }
                }, uniquingKeysWith: { a, _ in a })
        }
        return lines.mapValues { lines in
            Baseline.rebuild(
                catalogue.indicators, sources: lines.map(\.source),
                figures: lines.map { figures[$0.predecessorID] ?? [:] })
        }
    }
}
