import Foundation
import HavenDomain

#if canImport(Glibc)
    import Glibc
#endif

/// An IPv4 or IPv6 address, or a range of them in CIDR notation (`10.0.0.0/8`, `fd00::/8`), as `HAVEN_TRUSTED_PROXY`
/// lists them.
struct AddressRange: Sendable, Equatable, CustomStringConvertible {
    /// The network's bytes (4 or 16).
    let bytes: [UInt8]
    let prefixLength: Int

    /// Reads `address` or `address/prefix`; nil for anything else.
    init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "/", maxSplits: 1).map(String.init)
        guard let first = parts.first, let bytes = Self.addressBytes(first) else { return nil }
        let bits = bytes.count * 8
        let prefix = parts.count == 2 ? WholeNumber.parse(parts[1], in: 0...bits) : bits
        guard let prefix else { return nil }
        self.bytes = bytes
        prefixLength = prefix
    }

    /// Whether an address lies in this range.
    func contains(_ address: String) -> Bool {
        guard let other = Self.addressBytes(address), other.count == bytes.count else { return false }
        var remaining = prefixLength
        for index in bytes.indices where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if bytes[index] & mask != other[index] & mask { return false }
            remaining -= 8
        }
        return true
    }

    var description: String {
        bytes.count == 4 ? bytes.map(String.init).joined(separator: ".") + "/\(prefixLength)" : "IPv6/\(prefixLength)"
    }

    /// An address's bytes through `inet_pton`; nil when it is not an address.
    static func addressBytes(_ text: String) -> [UInt8]? {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 { return withUnsafeBytes(of: &v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 { return withUnsafeBytes(of: &v6) { Array($0) } }
        return nil
    }

    /// Whether an address is a loopback one (every visitor of a Tor onion service arrives from one).
    static func isLoopback(_ address: String) -> Bool {
        guard let bytes = addressBytes(address) else { return false }
        if bytes.count == 4 { return bytes[0] == 127 }
        return bytes == [UInt8](repeating: 0, count: 15) + [1]
    }
}
