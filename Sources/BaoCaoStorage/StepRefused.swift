/// A step a person asked for that the record's rules do not allow (a task, a petition, a letter): every reason, in
/// Vietnamese, field by field. Nothing was written.
public struct StepRefused: Error, CustomStringConvertible {
    public var reasons: [String]
    public init(reasons: [String]) { self.reasons = reasons }
    public var description: String { reasons.joined(separator: "; ") }
}
