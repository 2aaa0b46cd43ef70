/// Text made safe for XML and HTML, in element content and in quoted attributes alike: the one escaper of the DOCX,
/// XLSX and HTML writers and of the web pages. Vietnamese is written precomposed (NFC), as Word and browsers expect.
public enum Markup {
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.precomposedStringWithCanonicalMapping {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
