/// The longest text each kind of field keeps. Longer input is refused with a message naming the field and the
/// limit, so no form, file or command can store a megabyte in a comment.
public struct TextLimit: Sendable, Hashable {
    /// The field as a person reads it, in Vietnamese ("Ghi chú").
    public let field: String
    /// Characters (what a person counts), not bytes.
    public let maximum: Int

    public init(field: String, maximum: Int) { self.field = field; self.maximum = maximum }

    public static let note = TextLimit(field: "Ghi chú", maximum: 2_000)
    public static let explanation = TextLimit(field: "Giải trình", maximum: 2_000)
    public static let reason = TextLimit(field: "Lý do", maximum: 2_000)
    public static let displayName = TextLimit(field: "Họ tên, chức vụ", maximum: 200)
    public static let name = TextLimit(field: "Tên", maximum: 500)
    public static let definition = TextLimit(field: "Định nghĩa, nguồn số liệu", maximum: 2_000)
    public static let narrative = TextLimit(field: "Nội dung", maximum: 200_000)
    public static let template = TextLimit(field: "Mẫu báo cáo", maximum: 1_000_000)

    /// Why `text` cannot be kept here, or nil when it can.
    public func problem(_ text: String) -> String? {
        let count = text.count
        guard count > maximum else { return nil }
        return "\(field) dài \(VietnameseNumber.grouped(UInt64(count))) ký tự; "
            + "tối đa \(VietnameseNumber.grouped(UInt64(maximum))) ký tự"
    }
}

/// Codes of things people name (templates, rules, accounts, units, indicators): letters without diacritics, digits,
/// `.`, `-` and `_`, at most 64 characters. A code may become part of a file name or an address, so nothing else is
/// allowed: no `/`, no `..` alone, no spaces.
public enum Code {
    public static let maximum = 64

    /// Why `code` is not a valid code (naming it as `what`), or nil.
    public static func problem(_ code: String, what: String = "Mã") -> String? {
        if code.isEmpty { return "\(what) không được để trống" }
        if code.count > maximum { return "\(what) \"\(code.prefix(20))…\" dài quá \(maximum) ký tự" }
        let allowed = code.unicodeScalars.allSatisfy { s in
            s.isASCII
                && (("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
                    || ".-_".unicodeScalars.contains(s))
        }
        if !allowed || code.allSatisfy({ $0 == "." }) {
            return "\(what) \"\(code)\" chỉ được gồm chữ không dấu, số và . - _"
        }
        return nil
    }
}
