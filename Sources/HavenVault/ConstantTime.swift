import Crypto
import Foundation

/// Comparison whose running time does not depend on where two byte strings differ.
public enum ConstantTime {
    /// True when both byte strings are equal; examines every byte of equal-length inputs.
    public static func equals(_ lhs: some Collection<UInt8>, _ rhs: some Collection<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(lhs, rhs) { difference |= left ^ right }
        return difference == 0
    }

    /// True when both strings are equal byte for byte.
    public static func equals(_ lhs: String, _ rhs: String) -> Bool {
        equals(Array(lhs.utf8), Array(rhs.utf8))
    }
}
