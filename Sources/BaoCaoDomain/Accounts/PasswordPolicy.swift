/// What a new password must be: long enough, not one of the passwords everybody tries first, not a common word with
/// digits stuck on, not a run of one key or of neighbouring keys, not the account's own name. Applied wherever a
/// password is set: the password page, an administrator's reset, a new account, `baocao account add`.
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// bcrypt reads 72 bytes; a longer password would be checked on its first 72 bytes only.
    public static let maximumBytes = 72
    /// Fewer different characters than this is a pattern, not a password ("aaaaaaaaaa", "abababababab").
    public static let minimumDistinct = 5

    /// Why `password` is refused for `username`, in Vietnamese; nil when it is acceptable.
    public static func problem(_ password: String, username: String) -> String? {
        if password.count < minimumLength { return "Mật khẩu cần ít nhất \(minimumLength) ký tự" }
        if password.utf8.count > maximumBytes { return "Mật khẩu dài quá \(maximumBytes) byte" }
        let lower = password.lowercased()
        if Set(lower).count < minimumDistinct {
            return "Mật khẩu quá đơn giản: cần ít nhất \(minimumDistinct) ký tự khác nhau"
        }
        let name = username.lowercased()
        if name.count >= 3 && lower.contains(name) { return "Mật khẩu không được chứa tên đăng nhập" }
        if isRun(lower) { return "Mật khẩu là một dãy ký tự liền nhau (như 1234567890, qwertyuiop), dễ bị đoán" }
        if CommonPasswords.all.contains(lower) {
            return "Mật khẩu này nằm trong danh sách mật khẩu phổ biến, dễ bị đoán"
        }
        // A common word with digits or symbols around it ("matkhau@2025", "Haiphong123!").
        let letters = String(lower.filter { $0.isLetter })
        if CommonPasswords.words.contains(letters) && letters.count < lower.count {
            return "Mật khẩu chỉ là một từ phổ biến (\"\(letters)\") thêm số hoặc ký hiệu, dễ bị đoán"
        }
        return nil
    }

    /// Whether every character follows the one before on a digit row, the alphabet or a keyboard row (either way).
    static func isRun(_ text: String) -> Bool {
        let rows = ["1234567890", "abcdefghijklmnopqrstuvwxyz", "qwertyuiop", "asdfghjkl", "zxcvbnm"]
        let chars = Array(text)
        guard chars.count >= 2 else { return true }
        return rows.contains { row in
            for sequence in [Array(row), Array(row.reversed())] {
                let next = Dictionary(zip(sequence, sequence.dropFirst()), uniquingKeysWith: { a, _ in a })
                if zip(chars, chars.dropFirst()).allSatisfy({ next[$0.0] == $0.1 || $0.0 == $0.1 }) { return true }
            }
            return false
        }
    }
}
