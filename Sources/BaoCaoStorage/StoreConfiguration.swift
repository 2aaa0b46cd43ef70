/// Where the data lives: an embedded SQLite file by default, PostgreSQL when a URL is given.
public enum StoreConfiguration: Sendable, Equatable {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(url: String)

    /// `DATABASE_URL` (postgres://...) when set, else the SQLite file at `defaultFile`.
    public static func fromEnvironment(_ environment: [String: String], defaultFile: String) -> StoreConfiguration {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("sqlite:") { return .sqliteFile(String(url.dropFirst("sqlite:".count))) }
            return .postgres(url: url)
        }
        return .sqliteFile(defaultFile)
    }

    public var isPostgres: Bool { if case .postgres = self { return true } else { return false } }

    /// A description safe to print (no password).
    public var displayName: String {
        switch self {
        case .sqliteFile(let path): return "SQLite \(path)"
        case .sqliteMemory: return "SQLite (bộ nhớ)"
        case .postgres(let url):
            guard let at = url.lastIndex(of: "@") else { return "PostgreSQL" }
            return "PostgreSQL " + url[url.index(after: at)...]
        }
    }
}
