import BaoCaoDomain
import SQLKit

/// The only way to a letter's author. A denunciation's author (Luật Tố cáo 2018, Điều 47–48) is read only by the
/// persons handling that letter (who received it, who was given it) and by the head of the body; every such read is
/// logged with who, why and when. Other letters' authors are read by whoever may read the register.
public enum LetterIdentity {
    /// Who asks, as the web layer established it.
    public struct Reader: Sendable {
        public var username: String
        /// The head of the body the letter is kept by (its chairman, the leader's role on the locality).
        public var isHead: Bool

        public init(username: String, isHead: Bool) { self.username = username; self.isHead = isHead }
    }

    public enum Answer: Hashable, Sendable {
        case visible(LetterAuthor)
        /// Protected and not for this reader: say so, show nothing of it.
        case protected
    }

    public static func mayRead(_ letter: StoredLetter, _ reader: Reader) -> Bool {
        !letter.kind.protectsAuthor || reader.isHead || letter.isHandled(by: reader.username)
    }

    /// The author of `letter` for `reader`, logging a read of a protected author with its `purpose` ("xem đơn").
    public static func read(
        _ letter: StoredLetter, by reader: Reader, purpose: String, _ db: any SQLDatabase
    ) async throws -> Answer {
        guard mayRead(letter, reader) else { return .protected }
        guard
            let row = try await db.raw(
                "SELECT author_name, author_address, author_contact FROM letters WHERE id = \(bind: letter.id)"
            ).first()
        else { return .protected }
        if letter.kind.protectsAuthor {
            try await db.raw(
                """
                INSERT INTO identity_reads (letter_id, read_by, purpose, read_at)
                VALUES (\(bind: letter.id), \(bind: reader.username), \(bind: purpose), \(bind: Timestamp.now()))
                """
            ).run()
        }
        return .visible(
            LetterAuthor(
                name: try row.decode(column: "author_name", as: String.self),
                address: try row.decode(column: "author_address", as: String?.self),
                contact: try row.decode(column: "author_contact", as: String?.self)))
    }

    public struct Read: Hashable, Sendable {
        public var by: String
        public var purpose: String
        public var at: String
    }

    /// Who read a protected author, and when.
    public static func reads(of letterID: Int, _ db: any SQLDatabase) async throws -> [Read] {
        try await db.raw(
            "SELECT read_by, purpose, read_at FROM identity_reads WHERE letter_id = \(bind: letterID) ORDER BY id"
        ).all().map {
            Read(
                by: try $0.decode(column: "read_by", as: String.self),
                purpose: try $0.decode(column: "purpose", as: String.self),
                at: try $0.decode(column: "read_at", as: String.self))
        }
    }
}
