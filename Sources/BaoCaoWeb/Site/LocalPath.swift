/// Where the site may send a browser after logging in (`?tiep=`): only a path of this site. Refused: another host
/// (`//host`, `/\host`, a scheme), and any control character or space, which would break the `Location` header
/// or be dropped by the browser to reach another host (`/%09/host`).
enum LocalPath {
    static func safe(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), next.count <= 2_000 else { return nil }
        let forbidden = next.unicodeScalars.contains { s in
            s.value < 0x21 || s.value == 0x7F || s == "\\" || (0x80...0x9F).contains(s.value)
                || s.properties.isWhitespace
        }
        return forbidden ? nil : next
    }
}
