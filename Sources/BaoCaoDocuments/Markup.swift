import Foundation

/// Text made safe for XML and HTML, in element content and in quoted attributes alike: the one escaper of the DOCX,
/// XLSX and HTML writers and of the web pages. Vietnamese is written precomposed (NFC), as Word and browsers expect.
public enum Markup {
    /// `text` for HTML and XML: the five special characters as entities, in Unicode NFC (precomposed: "ệ" one
    /// character, as Vietnamese documents are written). Text that is already NFC and has nothing to escape, nearly
    /// all of it, is returned as it is.
    public static func escape(_ text: String) -> String {
        let source = isSurelyPrecomposed(text) ? text : text.precomposedStringWithCanonicalMapping
        var special = 0
        for byte in source.utf8 where byte < 0x3F && Self.entity(byte) != nil { special += 1 }
        if special == 0 { return source }
        var out: [UInt8] = []
        out.reserveCapacity(source.utf8.count + special * 5)
        for byte in source.utf8 {
            if byte < 0x3F, let entity = Self.entity(byte) { out += entity.utf8 } else { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func entity(_ byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        case UInt8(ascii: "'"): "&#39;"
        default: nil
        }
    }

    /// True when every scalar is one that NFC leaves alone whatever surrounds it, unless a combining mark follows
    /// (a mark is itself outside these ranges): below U+0300 (Latin, Latin-1, Latin Extended), the precomposed
    /// Vietnamese letters U+1EA0–U+1EF9, and general punctuation U+2002–U+206F. Anything else takes the full
    /// normalisation; this only skips it where it cannot change a thing. Read from the UTF-8 bytes in one pass.
    static func isSurelyPrecomposed(_ text: String) -> Bool {
        var utf8 = text.utf8.makeIterator()
        while let lead = utf8.next() {
            switch lead {
            case 0..<0x80: continue
            case 0xC2...0xCB:  // U+0080–U+02FF
                _ = utf8.next()
            case 0xE1:  // U+1EA0–U+1EF9: E1 BA A0 … E1 BB B9
                guard let b1 = utf8.next(), let b2 = utf8.next(),
                    (b1 == 0xBA && b2 >= 0xA0) || (b1 == 0xBB && b2 <= 0xB9)
                else { return false }
            case 0xE2:  // U+2002–U+206F: E2 80 82 … E2 81 AF
                guard let b1 = utf8.next(), let b2 = utf8.next(),
                    (b1 == 0x80 && b2 >= 0x82) || (b1 == 0x81 && b2 <= 0xAF)
                else { return false }
            default: return false
            }
        }
        return true
    }
}
