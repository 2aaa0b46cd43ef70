import Vapor

extension Request {
    /// The text of a query parameter (`?unit=304-P01`), nil when absent or not valid percent-encoding. The query
    /// is parsed once per request: Vapor's `req.query[String.self, at:]` decodes the whole query on every call,
    /// which cost the pages a few percent of their time under load.
    func queryText(_ name: String) -> String? { queryTexts[name] }

    /// Every value of a parameter that may repeat (`?orgUnit=304&orgUnit=305`), or list its values with commas
    /// (`?orgUnit=304,305`); empty when absent.
    func queryList(_ name: String) -> [String] {
        (url.query ?? "").split(separator: "&").flatMap { pair -> [String] in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, parts[0].removingPercentEncoding == name,
                let value = parts[1].replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            else { return [] }
            return value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    private var queryTexts: [String: String] {
        if let parsed = storage[QueryTextsKey.self] { return parsed }
        let parsed = Self.parseQuery(url.query ?? "")
        storage[QueryTextsKey.self] = parsed
        return parsed
    }

    /// `a=1&b=x+y&a=2` → ["a": "1", "b": "x y"]: the first of repeated names wins.
    static func parseQuery(_ query: String) -> [String: String] {
        var result: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String? {
                s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
            }
            guard let name = decode(parts[0]), result[name] == nil,
                let value = parts.count > 1 ? decode(parts[1]) : ""
            else { continue }
            result[name] = value
        }
        return result
    }

    private struct QueryTextsKey: StorageKey { typealias Value = [String: String] }
}
