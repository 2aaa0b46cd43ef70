import BaoCaoTestSupport
import XCTest

@testable import BaoCaoDomain

/// Random and extreme values through every pure computation: comparisons, formulas, sums over months and units,
/// progress, the words of every sentence part, the annex and the report renderer. A trap would end the test run;
/// each output must also be well formed (no figure is written as 0, no "[thiếu" when a figure exists).
final class ArithmeticFuzzTests: XCTestCase {
    /// Values a person could not type but an old database or a sum could hold, and every edge in between.
    static let edges: [Int64] = [
        0, 1, -1, 2, 9_999, 10_000, 5_000, -5_000, Amount.inputLimit.scaled, -Amount.inputLimit.scaled,
        Int64.max, Int64.min, Int64.max - 1, Int64.min + 1, Int64.max / 100, 1 << 40, -(1 << 40),
    ]

    func amount(_ rng: inout SeededRandom) -> Amount {
        switch rng.next() % 4 {
        case 0: return Amount(scaled: Self.edges[Int(rng.next() % UInt64(Self.edges.count))])
        case 1: return Amount(scaled: Int64(bitPattern: rng.next()))
        case 2: return Amount(scaled: Int64(bitPattern: rng.next()) % Amount.inputLimit.scaled)
        default: return Amount(scaled: Int64(bitPattern: rng.next()) % 100_000_000)
        }
    }

    func indicator(_ rng: inout SeededRandom, code: String) -> Indicator {
        var phrasing = Phrasing()
        phrasing.moneyStyle = rng.next() % 2 == 0 ? .millions : .billionsAndMillions
        phrasing.leadingZero = rng.next() % 2 == 0
        return Indicator(
            code: code, name: "Chỉ tiêu \(code)", unitOfMeasure: rng.next() % 2 == 0 ? "triệu đồng" : "hộ",
            field: "kinh_te", timeAggregation: rng.next() % 2 == 0 ? .flow : .stock,
            valueDecimals: Int(rng.next() % 5), targetDecimals: Int(rng.next() % 5),
            changeDecimals: Int(rng.next() % 5), changeStyle: ChangeStyle.allCases[Int(rng.next() % 4)],
            phrasing: phrasing, betterWhen: rng.next() % 2 == 0 ? .higher : .lower)
    }

    func testRandomAndExtremeValuesThroughEveryComputation() throws {
        var rng = SeededRandom(seed: 20_170_630)
        let period = Period.firstMonths(2019, 6)
        for round in 0..<3_000 {
            let a = indicator(&rng, code: "A"), b = indicator(&rng, code: "B")
            var derived = indicator(&rng, code: "C")
            derived.formula = ["A / B * 100", "A * B", "A - B + A", "(A + B) / (A - B)"][round % 4]
            var months: [Int: Observation] = [:]
            for m in 1...6 where rng.next() % 5 != 0 { months[m] = Observation(value: amount(&rng)) }
            let rolled = RolledUp(total: amount(&rng), contributors: Int(rng.next() % 5), estimates: 0)
            let sources = FigureSources(
                own: [
                    "A": [
                        period.code: Observation(value: amount(&rng), status: .estimate),
                        period.sameTimeLastYear.code: Observation(value: amount(&rng)),
                    ],
                    "B": Dictionary(uniqueKeysWithValues: months.map { (Period.month(2019, $0.key).code, $0.value) }),
                ],
                rolledUp: ["B": [period.sameTimeLastYear.code: rolled]],
                targets: [
                    "A": [2019: TargetValue(value: amount(&rng), kind: .plan)],
                    "C": [2019: TargetValue(value: amount(&rng), kind: .budget)],
                ])
            let figures = FigureAssembler.figures(for: [a, b, derived], period: period, sources: sources)
            let byCode = Dictionary(uniqueKeysWithValues: figures.map { ($0.indicator.code, $0) })
            for figure in figures {
                _ = TargetProgress.of(figure)
                _ = figure.periodOnPeriod
                let sentence = ResultSentence.sentence(figure, figures: byCode)
                if figure.current != nil {
                    XCTAssertFalse(sentence.text.contains("[thiếu"), sentence.text)
                } else {
                    XCTAssertEqual(sentence.missing, ["\(figure.indicator.code).value"])
                }
                for part in PhraseTemplate.parts {
                    _ = PhraseTemplate("{\(part)}").render(subject: figure, figures: byCode)
                }
            }
            let template = ReportTemplate(
                blocks: [.heading(level: 1, text: "I. {period|upper}"), .paragraph("{A.sentence}; {C.text}."), .annex])
            let document = ReportRenderer.render(template, period: period, figures: figures)
            XCTAssertEqual(document.annex.rows.allSatisfy { $0.cells.count == AnnexTable.headings.count }, true)
            for row in document.annex.rows { XCTAssertFalse(row.cells[4].isEmpty, "a value is never written empty") }
        }
    }

    func testFormattingAndParsingRoundTripWithinTheLimit() throws {
        var rng = SeededRandom(seed: 42)
        for _ in 0..<5_000 {
            let value = Amount(scaled: Int64(bitPattern: rng.next()) % (Amount.inputLimit.scaled + 1))
            let text = VietnameseNumber.format(value, decimals: 4)
            XCTAssertEqual(try VietnameseNumber.parse(text), value, text)
            _ = VietnameseNumber.billionsAndMillions(value, decimals: Int(rng.next() % 5))
        }
    }
}
