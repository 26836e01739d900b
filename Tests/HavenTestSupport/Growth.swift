/// How a function's time grows with its input, for tests that prove a parser linear: compare the time on an input
/// ten times larger with the time on the base input (ratios, not absolute times, so a slow machine does not matter).
public enum Growth {
    /// One comparison: the two times and their ratio.
    public struct Measurement: Sendable, CustomStringConvertible {
        public let small: Duration
        public let large: Duration
        public let factor: Int

        /// How many times longer the large input took.
        public var ratio: Double { large.seconds / max(small.seconds, 1e-9) }

        public var description: String {
            "×\(factor) input took ×\(Double(Int(ratio * 10)) / 10) (\(small.milliseconds) ms → \(large.milliseconds) ms)"
        }
    }

    /// The largest ratio a linear function may show for a ten times larger input, with room for noise, allocation
    /// effects and a loaded machine (a busy CI host has shown 33 for linear code); a quadratic one shows about 100.
    public static let linearLimit = 50.0

    /// Times `work` on `make(base)` and `make(base * factor)`, the best of `tries` runs each.
    public static func measure<Input>(
        base: Int, factor: Int = 10, tries: Int = 3, make: (Int) -> Input,
        work: (Input) -> Void
    ) -> Measurement {
        let small = make(base)
        let large = make(base * factor)
        work(small)
        return Measurement(small: best(tries) { work(small) }, large: best(tries) { work(large) }, factor: factor)
    }

    private static func best(_ tries: Int, _ body: () -> Void) -> Duration {
        let clock = ContinuousClock()
        return (0..<max(1, tries)).map { _ in clock.measure(body) }.min()!
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }

    /// Milliseconds with one decimal, for messages.
    var milliseconds: Double { (seconds * 10_000).rounded() / 10 }
}
