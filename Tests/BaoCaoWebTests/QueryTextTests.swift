import Vapor
import XCTest

@testable import BaoCaoWeb

final class QueryTextTests: XCTestCase {
    func testParsesOnceTheWayFormsAreEncoded() {
        let parsed = Request.parseQuery(
            "unit=304-P01&period=2017-H1&ten=Ph%C6%B0%E1%BB%9Dng+M%C3%A1y%20Chai&unit=khac&x&bad=%ZZ&=1")
        XCTAssertEqual(parsed["unit"], "304-P01", "the first of repeated names wins")
        XCTAssertEqual(parsed["period"], "2017-H1")
        XCTAssertEqual(parsed["ten"], "Phường Máy Chai")
        XCTAssertEqual(parsed["x"], "")
        XCTAssertNil(parsed["bad"], "invalid percent-encoding is no value")
        XCTAssertEqual(Request.parseQuery("tiep=%2F%0ASet-Cookie:%20a=1")["tiep"], "/\nSet-Cookie: a=1")
        XCTAssertTrue(Request.parseQuery("").isEmpty)
    }
}
