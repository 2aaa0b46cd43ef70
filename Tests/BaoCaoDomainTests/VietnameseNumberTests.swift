import XCTest

@testable import BaoCaoDomain

final class VietnameseNumberTests: XCTestCase {
    func a(_ s: String) -> Amount { Amount(plain: s)! }

    func testFormatting() {
        XCTAssertEqual(VietnameseNumber.format(a("693843"), decimals: 0), "693.843")
        XCTAssertEqual(VietnameseNumber.format(a("12194030"), decimals: 0), "12.194.030")
        XCTAssertEqual(VietnameseNumber.format(a("50.1"), decimals: 2), "50,10")
        XCTAssertEqual(VietnameseNumber.format(a("9.7"), decimals: 1), "9,7")
        XCTAssertEqual(VietnameseNumber.format(a("999"), decimals: 0), "999")
        XCTAssertEqual(VietnameseNumber.format(a("1000"), decimals: 0), "1.000")
        XCTAssertEqual(VietnameseNumber.format(a("-1181"), decimals: 0), "-1.181")
        XCTAssertEqual(VietnameseNumber.format(a("1234.56"), decimals: 1), "1.234,6")
    }

    func testLeadingZeroForSmallCounts() {
        XCTAssertEqual(VietnameseNumber.format(a("9"), decimals: 0, leadingZero: true), "09")
        XCTAssertEqual(VietnameseNumber.format(a("0"), decimals: 0, leadingZero: true), "0", "0 is written 0, not 00")
        XCTAssertEqual(VietnameseNumber.format(a("10"), decimals: 0, leadingZero: true), "10")
        XCTAssertEqual(VietnameseNumber.format(a("9"), decimals: 0, leadingZero: false), "9")
    }

    func testBillionsAndMillions() {
        XCTAssertEqual(VietnameseNumber.billionsAndMillions(a("553100"), decimals: 0), "553 tỷ 100 triệu đồng")
        XCTAssertEqual(VietnameseNumber.billionsAndMillions(a("455191"), decimals: 0), "455 tỷ 191 triệu đồng")
        XCTAssertEqual(VietnameseNumber.billionsAndMillions(a("10473000"), decimals: 0), "10.473 tỷ đồng")
        XCTAssertEqual(VietnameseNumber.billionsAndMillions(a("950"), decimals: 0), "950 triệu đồng")
        XCTAssertEqual(VietnameseNumber.billionsAndMillions(a("1005"), decimals: 0), "1 tỷ 5 triệu đồng")
        XCTAssertEqual(VietnameseNumber.billionsAndMillions(a("2000.5"), decimals: 1), "2 tỷ 0,5 triệu đồng")
    }

    func testParsing() throws {
        XCTAssertEqual(try VietnameseNumber.parse("1.234,5"), a("1234.5"))
        XCTAssertEqual(try VietnameseNumber.parse("12.194.030"), a("12194030"))
        XCTAssertEqual(try VietnameseNumber.parse("50,10"), a("50.1"))
        XCTAssertEqual(try VietnameseNumber.parse(" 693843 "), a("693843"))
        XCTAssertEqual(try VietnameseNumber.parse("-4,5"), a("-4.5"))
        XCTAssertEqual(try VietnameseNumber.parse("1 234,5"), a("1234.5"))
    }

    func testParsingRejectsWithReasons() {
        let cases = [
            "12,5,3": "nhiều hơn một dấu phẩy", "1.23": "dấu chấm", "abc": "chỉ được chứa",
            "": "ô trống", "1,23456": "chữ số thập phân", "12,": "thiếu chữ số",
        ]
        for (text, reason) in cases {
            XCTAssertThrowsError(try VietnameseNumber.parse(text), text) { error in
                XCTAssertTrue("\(error)".contains(reason), "\(error)")
                XCTAssertTrue("\(error)".contains("\"\(text)\""))
            }
        }
    }

    func testFormatParseRoundTrip() throws {
        for s in ["0", "7", "1234.5", "12194030", "0.25", "-1181.75"] {
            let value = a(s)
            XCTAssertEqual(try VietnameseNumber.parse(VietnameseNumber.format(value, decimals: 2)), value)
        }
    }
}
