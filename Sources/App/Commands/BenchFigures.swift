import Foundation
import Vapor

/// Benchmark figures as printed.
enum BenchFigures {
    /// Two decimals, for the JSON line.
    static func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// This process's resident set size from /proc, in MiB.
    static func residentMegabytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
        else { return 0 }
        return kilobytes / 1024
    }

    /// The one JSON line every benchmark ends with.
    static func jsonLine(_ fields: [String: Any]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }
}
