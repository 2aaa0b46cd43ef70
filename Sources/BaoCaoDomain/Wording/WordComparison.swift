/// How much of a reference text a generated text reproduces, word by word and in order: what the reference report
/// is checked against. Words are compared after whitespace normalisation; Swift compares strings by canonical
/// equivalence, so NFC and NFD spellings of a Vietnamese word are the same word. Footnote markers (superscript
/// digits, `[^n]`) and emphasis asterisks are removed first.
public struct WordComparison: Sendable {
    public let referenceWords: Int
    /// Reference words that appear in the generated text in the same order (longest common subsequence).
    public let matchedWords: Int
    /// Runs of differences: words of the reference left out, words the generated text has instead.
    public let differences: [(missing: [String], added: [String], context: String)]

    public var ratio: Double { referenceWords == 0 ? 1 : Double(matchedWords) / Double(referenceWords) }

    public init(reference: String, generated: String) {
        let a = Self.words(reference), b = Self.words(generated)
        let diff = b.difference(from: a)
        var removed = Set<Int>(), inserted: [Int: String] = [:]
        for change in diff {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, let element, _): inserted[offset] = element
            }
        }
        referenceWords = a.count
        matchedWords = a.count - removed.count
        // Group removals (by reference position) and insertions (by generated position) into runs, walking both.
        var runs: [(missing: [String], added: [String], context: String)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            var missing: [String] = [], added: [String] = []
            let start = i
            while i < a.count, removed.contains(i) { missing.append(a[i]); i += 1 }
            while j < b.count, inserted[j] != nil { added.append(b[j]); j += 1 }
            if !missing.isEmpty || !added.isEmpty {
                let context = a[max(0, start - 4)..<start].joined(separator: " ")
                runs.append((missing, added, context))
            } else {
                i += 1; j += 1
            }
        }
        differences = runs
    }

    /// The words of a text, without footnote markers or emphasis asterisks.
    public static func words(_ text: String) -> [String] {
        let cleaned = String(text.filter { !"⁰¹²³⁴⁵⁶⁷⁸⁹*".contains($0) })
        var result: [String] = []
        for word in cleaned.split(whereSeparator: \.isWhitespace) {
            var w = String(word)
            while let r = w.firstRange(of: "[^"), let close = w[r.upperBound...].firstIndex(of: "]") {
                w.removeSubrange(r.lowerBound...close)
            }
            if !w.isEmpty { result.append(w) }
        }
        return result
    }

    /// A readable list of the differences, for the compiler or a failing test.
    public var report: String {
        var lines = ["\(matchedWords)/\(referenceWords) từ của bản gốc (\(Self.percent(ratio)))"]
        for d in differences {
            lines.append("… \(d.context) | − \(d.missing.joined(separator: " ")) | + \(d.added.joined(separator: " "))")
        }
        return lines.joined(separator: "\n")
    }

    static func percent(_ r: Double) -> String {
        let tenths = Int((r * 1000).rounded(.down))  // 99,96% shows as 99,9%, never as 100%
        return "\(tenths / 10),\(tenths % 10)%"
    }
}
