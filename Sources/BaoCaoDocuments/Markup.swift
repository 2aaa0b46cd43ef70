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
    /// Vietnamese letters U+1EA0–U+1EF9, and general punctuation from U+2002. Anything else takes the full
    /// normalisation; this only skips it where it cannot change a thing.
    static func isSurelyPrecomposed(_ text: String) -> Bool {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return true }
        return text.unicodeScalars.allSatisfy {
            $0.value < 0x300 || (0x1EA0...0x1EF9).contains($0.value) || (0x2002...0x206F).contains($0.value)
        }
    }
}
