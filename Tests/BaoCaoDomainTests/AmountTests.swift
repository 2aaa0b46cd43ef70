import XCTest

@testable import BaoCaoDomain

final class AmountTests: XCTestCase {
    func testPlainRoundTrip() throws {
        for text in ["0", "1234.5", "-3", "0.25", "12194030", "0.0001"] {
            XCTAssertEqual(Amount(plain: text)?.description, text)
        }
        XCTAssertNil(Amount(plain: "1.23456"))
        XCTAssertNil(Amount(plain: "1,5"))
        XCTAssertNil(Amount(plain: ""))
        XCTAssertNil(Amount(plain: "1."))
    }

    func testSumsAreExact() {
        // 0.1 + 0.2 in binary floating point is 0.30000000000000004; never here.
        let sum = Amount(plain: "0.1")!.adding(Amount(plain: "0.2")!)
        XCTAssertEqual(sum, Amount(plain: "0.3"))
    }

    func testRoundingHalfAwayFromZero() {
        XCTAssertEqual(Amount(plain: "2.5")!.rounded(toDecimals: 0), Amount(3))
        XCTAssertEqual(Amount(plain: "-2.5")!.rounded(toDecimals: 0), Amount(-3))
        XCTAssertEqual(Amount(plain: "50.0975")!.rounded(toDecimals: 2), Amount(plain: "50.1"))
        XCTAssertEqual(Amount(plain: "1.2344")!.rounded(toDecimals: 3), Amount(plain: "1.234"))
    }

    func testRatioByZeroIsNoFigure() {
        XCTAssertNil(Amount.ratio(Amount(5), times: 1, over: .zero))
        XCTAssertEqual(Amount.ratio(Amount(1), times: 1, over: Amount(3)), Amount(plain: "0.3333"))
    }
}
