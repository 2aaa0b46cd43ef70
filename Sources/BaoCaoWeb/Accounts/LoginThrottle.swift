import Foundation

/// Slows repeated failed logins without locking out the innocent.
///
/// Three counters, each doubling the wait after its free attempts, up to five minutes, forgotten after fifteen
/// minutes without a failure:
/// - the account from one address: 3 free attempts (someone guessing one account);
/// - the account from anywhere: 10 free (the same, spread over addresses);
/// - the address: 30 free (one machine trying many accounts). An office behind one NAT shares it, so it does not
///   apply to an account that has logged in from that address before: a colleague with the right password is not
///   punished for others' mistakes.
/// An attempt counts as a failure when it starts, before the password is checked, so parallel attempts all count;
/// a success takes its own count back.
actor LoginThrottle {
    struct Entry {
        var failures: Int
        var last: Double
    }

    static let window: Double = 15 * 60
    static let longestWait: Double = 300
    static let freePerPair = 3
    static let freePerAccount = 10
    static let freePerAddress = 30
    /// Beyond this many remembered entries, the forgotten ones are swept (names typed at random cost no memory).
    static let sweepAbove = 10_000
    /// How long a successful login keeps its address known for that account.
    static let remembered: Double = 30 * 24 * 3600

    private var entries: [String: Entry] = [:]
    /// Account and address pairs that logged in, with when.
    private var known: [String: Double] = [:]
    let now: @Sendable () -> Double

    init(now: @escaping @Sendable () -> Double = { Date().timeIntervalSince1970 }) { self.now = now }

    struct Attempt: Sendable {
        fileprivate let keys: [(key: String, free: Int)]
        fileprivate let pair: String
    }

    /// Starts an attempt: the seconds to wait (nothing counted) or 0 and the attempt, counted as a failure until
    /// `succeeded` says otherwise.
    func begin(name: String, address: String) -> (wait: Int, attempt: Attempt) {
        let t = now()
        sweep(t)
        let pair = "\(name)@\(address)"
        var keys: [(key: String, free: Int)] = [("p:" + pair, Self.freePerPair), ("n:" + name, Self.freePerAccount)]
        if known[pair].map({ t - $0 >= Self.remembered }) ?? true {
            keys.append(("a:" + address, Self.freePerAddress))
        }
        let attempt = Attempt(keys: keys, pair: pair)
        let wait = keys.map { self.wait($0.key, free: $0.free, t) }.max() ?? 0
        guard wait == 0 else { return (wait, attempt) }
        for (key, _) in keys {
            var e = entries[key] ?? Entry(failures: 0, last: t)
            if t - e.last >= Self.window { e.failures = 0 }
            e.failures += 1
            e.last = t
            entries[key] = e
        }
        return (0, attempt)
    }

    /// The attempt logged in: its account's counts are cleared, the address's loses this attempt, and the pair is
    /// remembered as known.
    func succeeded(_ attempt: Attempt) {
        for (key, _) in attempt.keys {
            if key.hasPrefix("a:") {
                entries[key]?.failures -= 1
            } else {
                entries[key] = nil
            }
        }
        known[attempt.pair] = now()
    }

    private func wait(_ key: String, free: Int, _ t: Double) -> Int {
        guard let e = entries[key], t - e.last < Self.window, e.failures >= free else { return 0 }
        let delay = min(Self.longestWait, Double(1 << min(e.failures - free, 9)))
        let left = delay - (t - e.last)
        return left > 0 ? Int(left.rounded(.up)) : 0
    }

    private func sweep(_ t: Double) {
        if entries.count > Self.sweepAbove { entries = entries.filter { t - $0.value.last < Self.window } }
        if known.count > Self.sweepAbove { known = known.filter { t - $0.value < Self.remembered } }
    }
}
