extension String {
    /// Replaces every occurrence of `target` (the domain stays free of Foundation).
    public func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    /// The text with its first letter in capitals: a sentence taken out of its context.
    public var capitalizingFirstLetter: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
