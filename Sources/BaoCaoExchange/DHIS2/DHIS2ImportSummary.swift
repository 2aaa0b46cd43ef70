/// What a `dataValueSets` import did, in DHIS2's shape: `status` SUCCESS, WARNING (imported, with rules of severity
/// "cảnh báo" broken) or ERROR (nothing written), the counts, and each conflict with the object it is about.
public struct DHIS2ImportSummary: Codable, Sendable, Equatable {
    public struct Count: Codable, Sendable, Equatable {
        public var imported = 0, updated = 0, ignored = 0, deleted = 0
        public init() {}
    }

    public struct Conflict: Codable, Sendable, Equatable {
        /// The data element, org unit or period the conflict is about, as the payload named it.
        public var object: String
        /// What is wrong, in Vietnamese.
        public var value: String
        /// The positions (from 0) in `dataValues`, or for CSV the line numbers, of the values concerned.
        public var indexes: [Int]?
        public init(object: String, value: String, indexes: [Int]? = nil) {
            self.object = object; self.value = value; self.indexes = indexes
        }
    }

    public enum Status: String, Codable, Sendable { case success = "SUCCESS", warning = "WARNING", error = "ERROR" }

    public var responseType = "ImportSummary"
    public var status: Status
    public var description: String
    public var importCount = Count()
    public var conflicts: [Conflict] = []
    public var dryRun = false

    public init(status: Status, description: String) { self.status = status; self.description = description }
}

/// How an import treats values already stored and values not yet stored.
public enum DHIS2ImportStrategy: String, CaseIterable, Sendable, Codable {
    /// New values created, stored ones updated (the default).
    case createAndUpdate = "CREATE_AND_UPDATE"
    /// New values only; stored ones ignored.
    case create = "CREATE"
    /// Stored values only; new ones ignored.
    case update = "UPDATE"
    /// The values named are deleted; values not stored are ignored.
    case delete = "DELETE"

    /// DHIS2 also accepts `NEW_AND_UPDATES`, `NEW`, `UPDATES` and `DELETES` from older versions.
    public init?(text: String) {
        switch text.uppercased() {
        case "CREATE_AND_UPDATE", "NEW_AND_UPDATES": self = .createAndUpdate
        case "CREATE", "NEW": self = .create
        case "UPDATE", "UPDATES": self = .update
        case "DELETE", "DELETES": self = .delete
        default: return nil
        }
    }
}
