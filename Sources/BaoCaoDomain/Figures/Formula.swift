import Synchronization

/// A derived indicator's formula over other indicators: `DON_GQ / DON_TN * 100`.
///
/// Grammar: expression of indicator codes (letters, digits, `_`, `.`), plain numbers (`100`, `0.5`), `+ - * /` and
/// parentheses. It is evaluated exactly in rationals and rounded once, at the end, to four decimals.
public struct Formula: Hashable, Sendable {
    indirect enum Node: Hashable, Sendable {
        case number(Rational)
        case reference(String)
        case binary(Character, Node, Node)
        case negate(Node)
    }

    public let source: String
    let root: Node

    /// Longest formula accepted, and deepest nesting of parentheses and signs: evaluation walks the tree recursively,
    /// so no formula may be deep enough to exhaust the stack.
    public static let maximumLength = 1_000
    public static let maximumNesting = 64

    public init(_ source: String) throws(FormulaError) {
        self.source = source
        let chars = Array(source)
        guard chars.count <= Formula.maximumLength else {
            throw FormulaError(
                formula: String(source.prefix(40)) + "…", position: Formula.maximumLength,
                reason: "quá dài (tối đa \(Formula.maximumLength) ký tự)")
        }
        var parser = Parser(chars)
        self.root = try parser.parseAll()
    }

    /// The formula of `source`, parsed once per process: the catalogue's formulas and the rules are evaluated on
    /// every page. Only formulas that parse are kept, at most `keptLimit` of them (then the store starts again).
    public static func parsed(_ source: String) throws(FormulaError) -> Formula {
        if let kept = kept.withLock({ $0[source] }) { return kept }
        let formula = try Formula(source)
        kept.withLock {
            if $0.count >= keptLimit { $0.removeAll() }
            $0[source] = formula
        }
        return formula
    }

    static let keptLimit = 10_000
    private static let kept = Mutex<[String: Formula]>([:])

    /// Codes of the indicators the formula reads.
    public var references: Set<String> {
        var found = Set<String>()
        func walk(_ n: Node) {
            switch n {
            case .number: break
            case .reference(let code): found.insert(code)
            case .binary(_, let a, let b): walk(a); walk(b)
            case .negate(let a): walk(a)
            }
        }
        walk(root)
        return found
    }

    /// The value, or nil when an input is missing, a division by zero occurs or an intermediate or the result is
    /// too large to represent: "no figure", never a trap.
    public func evaluate(_ value: (String) -> Amount?) -> Amount? {
        func eval(_ n: Node) -> Rational? {
            switch n {
            case .number(let r): return r
            case .reference(let code): return value(code).map { Rational($0.scaled, Int128(Amount.unit)) }
            case .negate(let a): return eval(a).flatMap { Rational.make(-$0.numerator, $0.denominator) }
            case .binary(let op, let a, let b):
                guard let x = eval(a), let y = eval(b) else { return nil }
                switch op {
                case "+": return x + y
                case "-": return x - y
                case "*": return x * y
                default: return x / y
                }
            }
        }
        guard let r = eval(root) else { return nil }
        let (scaled, overflow) = r.numerator.multipliedReportingOverflow(by: Int128(Amount.unit))
        return overflow ? nil : Amount(exactly: Rounding.divide(scaled, by: r.denominator))
    }
}

public struct FormulaError: Error, Equatable, CustomStringConvertible {
    public let formula: String
    public let position: Int
    public var reason: String? = nil
    public var description: String {
        "Công thức \"\(formula)\" không hợp lệ " + (reason ?? "tại ký tự thứ \(position + 1)")
    }
}

/// An exact fraction for formula evaluation. Every operation checks for overflow and gives nil instead of trapping.
struct Rational: Hashable, Sendable {
    let numerator: Int128
    let denominator: Int128

    /// Reduced, with a positive denominator; nil when the sign cannot be moved (an operand at -2^127).
    static func make(_ n: Int128, _ d: Int128) -> Rational? {
        let g = Int128(exactly: gcd(n.magnitude, d.magnitude)) ?? 1
        let divisor = g == 0 ? 1 : g
        var (n, d) = (n / divisor, d / divisor)
        if d < 0 {
            guard n != Int128.min, d != Int128.min else { return nil }
            (n, d) = (-n, -d)
        }
        return Rational(numerator: n, denominator: d)
    }

    private init(numerator: Int128, denominator: Int128) {
        self.numerator = numerator; self.denominator = denominator
    }

    /// A value in ten-thousandths over a positive power of ten: always representable.
    init(_ n: Int64, _ d: Int128) { self = Rational.make(Int128(n), d)! }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 { b == 0 ? a : gcd(b, a % b) }

    static func product(_ a: Int128, _ b: Int128) -> Int128? {
        let (value, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? nil : value
    }

    static func + (a: Rational, b: Rational) -> Rational? {
        guard let x = product(a.numerator, b.denominator), let y = product(b.numerator, a.denominator),
            let d = product(a.denominator, b.denominator)
        else { return nil }
        let (n, overflow) = x.addingReportingOverflow(y)
        return overflow ? nil : make(n, d)
    }
    static func - (a: Rational, b: Rational) -> Rational? {
        guard let x = product(a.numerator, b.denominator), let y = product(b.numerator, a.denominator),
            let d = product(a.denominator, b.denominator)
        else { return nil }
        let (n, overflow) = x.subtractingReportingOverflow(y)
        return overflow ? nil : make(n, d)
    }
    static func * (a: Rational, b: Rational) -> Rational? {
        guard let n = product(a.numerator, b.numerator), let d = product(a.denominator, b.denominator) else {
            return nil
        }
        return make(n, d)
    }
    static func / (a: Rational, b: Rational) -> Rational? {
        guard b.numerator != 0, let n = product(a.numerator, b.denominator),
            let d = product(a.denominator, b.numerator)
        else { return nil }
        return make(n, d)
    }
}

/// Recursive-descent parser for `Formula`.
private struct Parser {
    let chars: [Character]
    var index = 0
    /// Parentheses and signs open around the current position.
    var depth = 0

    init(_ chars: [Character]) { self.chars = chars }

    var error: FormulaError { FormulaError(formula: String(chars), position: index) }

    mutating func skipSpaces() { while index < chars.count, chars[index] == " " { index += 1 } }

    mutating func parseAll() throws(FormulaError) -> Formula.Node {
        let node = try expression()
        skipSpaces()
        guard index == chars.count else { throw error }
        return node
    }

    mutating func expression() throws(FormulaError) -> Formula.Node {
        var node = try term()
        while true {
            skipSpaces()
            guard index < chars.count, chars[index] == "+" || chars[index] == "-" else { return node }
            let op = chars[index]; index += 1
            node = .binary(op, node, try term())
        }
    }

    mutating func term() throws(FormulaError) -> Formula.Node {
        var node = try factor()
        while true {
            skipSpaces()
            guard index < chars.count, chars[index] == "*" || chars[index] == "/" else { return node }
            let op = chars[index]; index += 1
            node = .binary(op, node, try factor())
        }
    }

    mutating func factor() throws(FormulaError) -> Formula.Node {
        skipSpaces()
        guard index < chars.count else { throw error }
        let c = chars[index]
        if c == "(" || c == "-" {
            guard depth < Formula.maximumNesting else {
                throw FormulaError(
                    formula: String(chars), position: index,
                    reason: "vì lồng ngoặc hoặc dấu quá sâu (tối đa \(Formula.maximumNesting) mức)")
            }
            depth += 1
            defer { depth -= 1 }
            index += 1
            if c == "-" { return .negate(try factor()) }
            let node = try expression()
            skipSpaces()
            guard index < chars.count, chars[index] == ")" else { throw error }
            index += 1
            return node
        }
        if c.isASCIIDigit {
            let start = index
            while index < chars.count, chars[index].isASCIIDigit || chars[index] == "." { index += 1 }
            guard let a = Amount(plain: String(chars[start..<index])) else { index = start; throw error }
            return .number(Rational(a.scaled, Int128(Amount.unit)))
        }
        if c.isLetter || c == "_" {
            let start = index
            while index < chars.count,
                chars[index].isLetter || chars[index].isASCIIDigit
                    || chars[index] == "_" || chars[index] == "."
            { index += 1 }
            return .reference(String(chars[start..<index]))
        }
        throw error
    }
}
