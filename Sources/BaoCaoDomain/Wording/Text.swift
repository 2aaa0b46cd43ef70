extension String {
    /// Replaces every occurrence of `target` (the domain stays free of Foundation).
    public func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text without leading and trailing white space (the domain stays free of Foundation).
    public func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// The text with its first letter in capitals: a sentence taken out of its context.
    public var capitalizingFirstLetter: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }

    /// The first letter in lower case unless the first word is an abbreviation or a name in capitals ("Số hộ" →
    /// "số hộ"; "GDP", "HĐND" and "UBND phường" stay).
    public var lowercasingFirstWord: String {
        guard let first, first.isUppercase else { return self }
        let word = prefix { !$0.isWhitespace }
        if word.count > 1, word.dropFirst().contains(where: \.isUppercase) { return self }
        return first.lowercased() + dropFirst()
    }
}
