import Foundation
import XCTest

@testable import BaoCaoDocuments

final class MarkupTests: XCTestCase {
    /// What `escape` must equal: the whole text normalised to NFC, then the five characters replaced, scalar by
    /// scalar (a mark after them does not hide them).
    func reference(_ text: String) -> String {
        var out = ""
        for c in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    func testEscapesTheFiveCharacters() {
        XCTAssertEqual(
            Markup.escape(#"<a href="x">Tom & 'Jerry'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        XCTAssertEqual(Markup.escape("Phường Máy Chai"), "Phường Máy Chai")
    }

    /// A combining mark after a quote made one character of the two, and the escaper compared characters: the
    /// quote stayed raw and closed the attribute it was written into.
    func testAMarkAfterASpecialCharacterDoesNotHideIt() {
        XCTAssertEqual(
            Markup.escape("x\"\u{0300} onfocus=alert(1) \"\u{0301}"), "x&quot;\u{0300} onfocus=alert(1) &quot;\u{0301}")
        XCTAssertEqual(Markup.escape("<\u{0323}script>"), "&lt;\u{0323}script&gt;")
    }

    func testDecomposedVietnameseIsWrittenPrecomposed() {
        let decomposed = "Nghe\u{0302}\u{0323} An & Ha\u{0300} No\u{0302}\u{0323}i"
        XCTAssertEqual(Markup.escape(decomposed), "Nghệ An &amp; Hà Nội")
        XCTAssertEqual(Markup.escape(decomposed).unicodeScalars.count, "Nghệ An &amp; Hà Nội".unicodeScalars.count)
        // Singletons that NFC replaces even without a mark: Ångström sign, Ohm sign, the en quad.
        XCTAssertEqual(Markup.escape("1\u{212B} 2\u{2126}\u{2000}"), "1\u{00C5} 2\u{03A9}\u{2002}")
    }

    /// Random text from ASCII, the five characters, precomposed and decomposed Vietnamese, combining marks on their
    /// own, punctuation and singletons: the fast path and the full normalisation agree on every one.
    func testAgreesWithFullNormalisation() {
        let pieces: [String] = [
            "a", "Z", " ", "&", "<", ">", "\"", "'", "ệ", "Ư", "đ", "ỹ", "e\u{0302}\u{0301}", "\u{0323}", "\u{0300}",
            "–", "…", "“", "\u{2000}", "\u{212B}", "€", "₫", "中", "\u{0340}", "A\u{030A}", "\u{1EA0}", "\u{1EF9}",
            "\u{1EFA}", "\u{1E9F}", "\u{02FF}", "\u{2001}",
            "\u{2002}", "\u{206F}", "\u{2070}", "\u{1F4A9}", "\u{FB01}", "\u{F900}",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement()! }.joined()
            XCTAssertEqual(
                Markup.escape(text), reference(text), "text: \(text.unicodeScalars.map { String($0.value, radix: 16) })"
            )
        }
    }
}
