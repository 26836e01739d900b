import Foundation
import Vapor

/// Latencies of one kind of operation, in milliseconds.
struct BenchRun {
    var latencies: [Double]
    /// Wall time of the whole run, for throughput.
    var seconds: Double = 0

    var count: Int { latencies.count }
    var perSecond: Double { seconds > 0 ? Double(count) / seconds : 0 }

    func percentile(_ p: Double) -> Double {
        let sorted = latencies.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((Double(sorted.count) * p / 100).rounded(.up)) - 1))]
    }
}
