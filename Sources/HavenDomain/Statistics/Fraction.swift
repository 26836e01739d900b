/// An exact rational number for the linear algebra of disclosure control. Arithmetic traps on overflow instead of
/// wrapping, so a result is exact or the process stops; tables of counts keep numbers tiny (their model matrices are
/// made of zeros and ones).
struct Fraction: Sendable, Equatable {
    let numerator: Int
    let denominator: Int

    static let zero = Fraction(0)
    static let one = Fraction(1)

    init(_ value: Int) {
        numerator = value
        denominator = 1
    }

    init(_ numerator: Int, over denominator: Int) {
        precondition(denominator != 0, "a fraction over zero")
        let divisor = Self.gcd(numerator, denominator)
        let sign = denominator < 0 ? -1 : 1
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    var isZero: Bool { numerator == 0 }

    static func + (left: Fraction, right: Fraction) -> Fraction {
        if left.denominator == 1 && right.denominator == 1 { return Fraction(left.numerator + right.numerator) }
        if left.denominator == right.denominator { return Fraction(left.numerator + right.numerator, over: left.denominator) }
        return Fraction(left.numerator * right.denominator + right.numerator * left.denominator, over: left.denominator * right.denominator)
    }

    static func - (left: Fraction, right: Fraction) -> Fraction { left + Fraction(-right.numerator, over: right.denominator) }

    static func * (left: Fraction, right: Fraction) -> Fraction {
        if left.denominator == 1 && right.denominator == 1 { return Fraction(left.numerator * right.numerator) }
        return Fraction(left.numerator * right.numerator, over: left.denominator * right.denominator)
    }

    static func / (left: Fraction, right: Fraction) -> Fraction {
        if right.denominator == 1 && abs(right.numerator) == 1 { return Fraction(left.numerator * right.numerator, over: left.denominator) }
        return Fraction(left.numerator * right.denominator, over: left.denominator * right.numerator)
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }
}
