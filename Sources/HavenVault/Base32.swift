import Foundation

/// Base32 encodings: RFC 4648 (for TOTP secrets) and Crockford's alphabet (for codes people write down).
public enum Base32 {
    static let rfc4648 = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)
    static let crockford = Array("0123456789ABCDEFGHJKMNPQRSTVWXYZ".utf8)

    /// Encodes bytes with the RFC 4648 alphabet, without padding (what authenticator apps expect).
    public static func encodeRFC4648(_ bytes: some Collection<UInt8>) -> String {
        encode(bytes, alphabet: rfc4648)
    }

    /// Encodes bytes with Crockford's alphabet (no I, L, O, U), most significant bits first.
    public static func encodeCrockford(_ bytes: some Collection<UInt8>) -> String {
        encode(bytes, alphabet: crockford)
    }

    /// Decodes Crockford base32, reading O as 0 and I or L as 1; nil for any other character.
    /// Trailing bits that do not fill a byte are dropped.
    public static func decodeCrockford(_ text: String) -> [UInt8]? {
        var buffer: UInt32 = 0
        var bits = 0
        var output: [UInt8] = []
        for character in text.uppercased().utf8 {
            guard let value = crockfordValue(character) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                bits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return output
    }

    /// Upper-cases a code and drops separators, reading look-alike letters as digits.
    public static func normalizeCrockford(_ text: String) -> String {
        var result = ""
        for scalar in text.uppercased().unicodeScalars {
            switch scalar {
            case "O": result.append("0")
            case "I", "L": result.append("1")
            case "-", " ", "\t": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func crockfordValue(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "O"): return 0
        case UInt8(ascii: "I"), UInt8(ascii: "L"): return 1
        default: return crockford.firstIndex(of: character).map { UInt8($0) }
        }
    }

    private static func encode(_ bytes: some Collection<UInt8>, alphabet: [UInt8]) -> String {
        var output: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                bits -= 5
                output.append(alphabet[Int((buffer >> UInt32(bits)) & 31)])
            }
        }
        if bits > 0 {
            output.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
