/// Order statistics for durations (days to close a case): the nearest-rank percentile, which is always one of the
/// observed values.
public enum Percentile {
    /// The smallest value with at least `percent` % of the values at or below it; nil for no values.
    public static func nearestRank(_ values: [Int], percent: Int) -> Int? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let rank = max(1, (percent * sorted.count + 99) / 100)
        return sorted[min(rank, sorted.count) - 1]
    }
}
