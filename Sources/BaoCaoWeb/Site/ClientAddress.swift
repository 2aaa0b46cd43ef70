import Vapor

/// The addresses of reverse proxies this server trusts (nginx on the same machine, say). Only a request arriving
/// from one of them may say who the client is (`X-Forwarded-For`) and whether the browser used HTTPS
/// (`X-Forwarded-Proto`); from anyone else these headers are ignored, so nobody can pose as another address.
struct TrustedProxies: Sendable {
    var addresses: Set<String>

    struct Key: StorageKey { typealias Value = TrustedProxies }
}

extension Request {
    /// The peer's address, without port; "?" when unknown (an in-process test).
    var peerIP: String { remoteAddress?.ipAddress ?? "?" }

    /// Whether the peer is a trusted proxy.
    var viaTrustedProxy: Bool {
        application.storage[TrustedProxies.Key.self]?.addresses.contains(peerIP) ?? false
    }

    /// The client: the peer, or through a trusted proxy the last address of `X-Forwarded-For` that is not itself a
    /// trusted proxy.
    var clientAddress: String {
        guard viaTrustedProxy, let forwarded = headers.first(name: .xForwardedFor) else { return peerIP }
        let trusted = application.storage[TrustedProxies.Key.self]?.addresses ?? []
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return hops.last { !trusted.contains($0) && !$0.isEmpty } ?? peerIP
    }
}
