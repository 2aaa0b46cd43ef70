import BaoCaoExchange
import BaoCaoStorage
import Foundation

/// Files uploaded on the import page, kept in memory between the dry run and the confirmation, for the person who
/// uploaded them only, for half an hour. A server restart forgets them (the person uploads again).
actor UploadStash {
    struct Entry: Sendable {
        var username: String
        var files: [(name: String, data: Data)]
        var created: Date
        /// The dry run's answer, once computed; then the import's.
        var checked: Outcome?
        var imported: Outcome?
        /// Set by the first confirmation, so two clicks at once import once.
        var claimed = false
    }

    enum Outcome: Sendable {
        case summary(DatasetImporter.Summary)
        case problems([String])
    }

    static let lifetime: TimeInterval = 30 * 60
    /// At most this many uploads are kept at once, and this many bytes in all; the oldest go first.
    static let maxEntries = 40
    static let maxBytes = 200 << 20

    private var entries: [String: Entry] = [:]

    func put(_ files: [(name: String, data: Data)], for username: String, now: Date = Date()) -> String {
        expire(now)
        var token = ""
        for _ in 0..<16 { token += String(format: "%02x", UInt8.random(in: 0...255)) }
        entries[token] = Entry(username: username, files: files, created: now)
        while entries.count > Self.maxEntries || total > Self.maxBytes,
            let oldest = entries.min(by: { $0.value.created < $1.value.created })
        {
            entries[oldest.key] = nil
        }
        return token
    }

    /// The entry of `token`, if it is this person's and not expired.
    func get(_ token: String, for username: String, now: Date = Date()) -> Entry? {
        expire(now)
        guard let entry = entries[token], entry.username == username else { return nil }
        return entry
    }

    /// The entry, for its import, if this person's dry run passed and nobody confirmed it yet; claimed at once.
    func claim(_ token: String, for username: String, now: Date = Date()) -> Entry? {
        guard let entry = get(token, for: username, now: now), !entry.claimed, entry.imported == nil,
            case .summary = entry.checked
        else { return nil }
        entries[token]?.claimed = true
        return entry
    }

    func update(_ token: String, _ change: (inout Entry) -> Void) {
        guard var entry = entries[token] else { return }
        change(&entry)
        entries[token] = entry
    }

    private var total: Int { entries.values.reduce(0) { $0 + $1.files.reduce(0) { $0 + $1.data.count } } }

    private func expire(_ now: Date) {
        entries = entries.filter { now.timeIntervalSince($0.value.created) < Self.lifetime }
    }
}
