import Crypto
import Foundation

/// A random code a person writes down (invitations, setup, receipts): Crockford base32 in groups of four.
///
///     let code = HumanCode.random(bits: 128)   // "7KQ2-M9XD-…"
public struct HumanCode: Sendable, Equatable, CustomStringConvertible {
    /// The code without separators, upper case.
    public let normalized: String

    /// Reads a code as typed: case, dashes, spaces and look-alike letters do not matter.
    public init(typed: String) {
        normalized = Base32.normalizeCrockford(typed)
    }

    /// A fresh code carrying at least `bits` bits of randomness.
    public static func random(bits: Int = 128) -> HumanCode {
        let bytes = SymmetricKey(size: .init(bitCount: (bits + 7) / 8 * 8))
            .withUnsafeBytes { Array($0) }
        return HumanCode(typed: Base32.encodeCrockford(bytes))
    }

    /// The code grouped for writing down: `7KQ2-M9XD-…`.
    public var description: String { Self.group(normalized) }

    /// SHA-256 of the normalised code, hex; what the database keeps of a high-entropy code.
    public var digest: String {
        SHA256.hash(data: Data(normalized.utf8)).hexString
    }

    /// Splits text into groups of four joined by dashes.
    public static func group(_ text: String) -> String {
        var groups: [Substring] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            groups.append(rest.prefix(4))
            rest = rest.dropFirst(4)
        }
        return groups.joined(separator: "-")
    }
}
