import BaoCaoDomain
import XCTest

/// The inspectorate's summary of letters: carried over and received, every letter in exactly one handling row, the
/// outcomes of those resolved, sums refused rather than overflowed.
final class LetterSummaryTests: XCTestCase {
    let d = { (m: Int, day: Int) in CivilDate(2017, m, day) }

    func letter(
        _ kind: LetterKind, _ received: CivilDate, path: LetterPath? = nil, on: CivilDate? = nil,
        resolved: CivilDate? = nil, outcome: LetterOutcome? = nil, money: Int64? = nil
    ) -> LetterSummary.Letter {
        .init(
            kind: kind, receivedOn: received, eligible: true, inCompetence: path != .forwarded, path: path, pathOn: on,
            resolvedOn: resolved, outcome: outcome, returnedAmount: money, returnedLand: nil)
    }

    func testEachLetterOnceByKindAndHandling() {
        let letters = [
            // Closed before the period: not in it.
            letter(.petition, d(3, 1), path: .answered, on: d(3, 5)),
            // Received before, still open at the start: carried over, resolved in the period.
            letter(
                .complaint, d(6, 20), path: .accepted, on: d(6, 21), resolved: d(7, 10), outcome: .partly, money: 5_000),
            letter(.complaint, d(7, 3), path: .accepted, on: d(7, 4)),
            letter(.denunciation, d(7, 5), path: .accepted, on: d(7, 6), resolved: d(8, 1), outcome: .rejected),
            letter(.petition, d(7, 6), path: .forwarded, on: d(7, 8)),
            letter(.petition, d(8, 2), path: .guided, on: d(8, 3)),
            letter(.petition, d(8, 9), path: .archived, on: d(8, 10)),
            letter(.petition, d(9, 29)),
            // Received after the period.
            letter(.petition, d(10, 2)),
        ]
        let s = LetterSummary(letters: letters, from: d(7, 1), to: d(9, 30))
        XCTAssertEqual(s.value(.carried, .complaint), 1)
        XCTAssertEqual(s.value(.received, nil), 6)
        XCTAssertEqual(s.value(.total, nil), 7)
        XCTAssertEqual(s.value(.resolved, nil), 2)
        XCTAssertEqual(s.value(.inProgress, nil), 2, "one accepted, one not yet handled")
        XCTAssertEqual(s.value(.partly, .complaint), 1)
        XCTAssertEqual(s.value(.rejected, .denunciation), 1)
        XCTAssertEqual(s.value(.money, nil), 5_000)
        let handled: [LetterSummary.Row] = [.resolved, .inProgress, .forwarded, .guided, .archived]
        for kind in LetterKind.allCases {
            XCTAssertEqual(handled.map { s.value($0, kind)! }.reduce(0, +), s.value(.total, kind), "\(kind)")
        }
        XCTAssertEqual(s.rows.count, LetterSummary.Row.allCases.count)
        XCTAssertEqual(s.rows[1], ["2", "Đơn tiếp nhận trong kỳ", "1", "1", "4", "6"])
        XCTAssertTrue(
            s.annex(
                localityKind: "quận", localityName: "Ngô Quyền", periodWords: "quý III năm 2017", illustrative: false
            ).isSigned == false)
    }

    func testASumBeyondWhatCanBeWrittenSaysSoInsteadOfTrapping() {
        let huge = Int64.max / 2 + 1
        let letters = (0..<3).map { i in
            letter(
                .complaint, d(7, 3 + i), path: .accepted, on: d(7, 4 + i), resolved: d(7, 20), outcome: .upheld,
                money: huge)
        }
        let s = LetterSummary(letters: letters, from: d(7, 1), to: d(9, 30))
        XCTAssertNil(s.value(.money, .complaint))
        XCTAssertNil(s.value(.money, nil))
        XCTAssertEqual(s.rows[13][2], "quá lớn")
        XCTAssertEqual(s.value(.upheld, nil), 3)
    }
}
