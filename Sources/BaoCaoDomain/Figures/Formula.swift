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

    public init(_ source: String) throws(FormulaError) {
        self.source = source
        var parser = Parser(Array(source))
        self.root = try parser.parseAll()
    }

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

    /// The value, or nil when an input is missing or a division by zero occurs: "no figure".
    public func evaluate(_ value: (String) -> Amount?) -> Amount? {
        func eval(_ n: Node) -> Rational? {
            switch n {
            case .number(let r): return r
            case .reference(let code): return value(code).map { Rational($0.scaled, Int128(Amount.unit)) }
            case .negate(let a): return eval(a).map { Rational(-$0.numerator, $0.denominator) }
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
        return Amount(scaled: Int64(Rounding.divide(r.numerator * Int128(Amount.unit), by: r.denominator)))
    }
}

public struct FormulaError: Error, Equatable, CustomStringConvertible {
    public let formula: String
    public let position: Int
    public var description: String { "Công thức \"\(formula)\" không hợp lệ tại ký tự thứ \(position + 1)" }
}

/// An exact fraction for formula evaluation.
struct Rational: Hashable, Sendable {
    let numerator: Int128
    let denominator: Int128

    init(_ n: Int128, _ d: Int128) {
        let g = Rational.gcd(n.magnitude, d.magnitude)
        let sign: Int128 = d < 0 ? -1 : 1
        numerator = sign * n / Int128(g == 0 ? 1 : g)
        denominator = sign * d / Int128(g == 0 ? 1 : g)
    }

    init(_ n: Int64, _ d: Int128) { self.init(Int128(n), d) }

    static func gcd(_ a: UInt128, _ b: UInt128) -> UInt128 { b == 0 ? a : gcd(b, a % b) }

    static func + (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func - (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.denominator - b.numerator * a.denominator, a.denominator * b.denominator)
    }
    static func * (a: Rational, b: Rational) -> Rational {
        Rational(a.numerator * b.numerator, a.denominator * b.denominator)
    }
    static func / (a: Rational, b: Rational) -> Rational? {
        b.numerator == 0 ? nil : Rational(a.numerator * b.denominator, a.denominator * b.numerator)
    }
}

/// Recursive-descent parser for `Formula`.
private struct Parser {
    let chars: [Character]
    var index = 0

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
        if c == "(" {
            index += 1
            let node = try expression()
            skipSpaces()
            guard index < chars.count, chars[index] == ")" else { throw error }
            index += 1
            return node
        }
        if c == "-" { index += 1; return .negate(try factor()) }
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
