import Crypto
import Foundation
import _CryptoExtras

/// scrypt cost parameters; stored with each user so they can be raised later.
public struct KDFParameters: Sendable, Equatable, Codable {
    /// log2 of scrypt's N.
    public let logN: Int
    /// Block size.
    public let r: Int
    /// Parallelism.
    public let p: Int

    public init(logN: Int, r: Int, p: Int) {
        self.logN = logN
        self.r = r
        self.p = p
    }

    /// What DESIGN.md requires in production: N=2^17, r=8, p=1 (128 MiB, about 0.3 s in a release build).
    public static let production = KDFParameters(logN: 17, r: 8, p: 1)

    /// Text form kept in the database, e.g. `scrypt:17:8:1`.
    public var encoded: String { "scrypt:\(logN):\(r):\(p)" }

    /// Parses the text form; nil for anything else.
    public init?(encoded: String) {
        let parts = encoded.split(separator: ":")
        guard parts.count == 4, parts[0] == "scrypt",
            let logN = Int(parts[1]), let r = Int(parts[2]), let p = Int(parts[3]),
            (1...24).contains(logN), (1...32).contains(r), (1...16).contains(p)
        else { return nil }
        self.init(logN: logN, r: r, p: p)
    }
}
