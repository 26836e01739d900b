import Crypto
import Foundation

/// Time-based one-time passwords (RFC 6238: HMAC-SHA-1, 30-second steps, 6 digits).
///
///     let step = TOTP.verify("287082", secret: secret, at: now, after: lastUsedStep)  // nil when refused
public enum TOTP {
    /// Seconds per step.
    public static let period: Int64 = 30
    /// Digits per code.
    public static let digits = 6

    /// A fresh 160-bit secret.
    public static func newSecret() -> Data {
        var bytes = Data(count: 20)
        let key = SymmetricKey(size: .init(bitCount: 256))
        key.withUnsafeBytes { bytes = Data($0.prefix(20)) }
        return bytes
    }

    /// The step number for a moment.
    public static func step(at date: Date) -> Int64 {
        Int64(floor(date.timeIntervalSince1970)) / period
    }

    /// The code for one step, zero-padded.
    public static func code(secret: Data, step: Int64, digits: Int = TOTP.digits) -> String {
        var counter = UInt64(step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Data($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: SymmetricKey(data: secret)))
        let offset = Int(mac[mac.count - 1] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// Accepts a code for the current step or one step either side, and only for a step later than `lastStep`
    /// (so a code works once). Returns the step it matched.
    public static func verify(_ typed: String, secret: Data, at date: Date, after lastStep: Int64?) -> Int64? {
        let code = typed.filter { !$0.isWhitespace }
        guard code.count == digits, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else { return nil }
        let now = step(at: date)
        var matched: Int64?
        for candidate in (now - 1)...(now + 1) where candidate > (lastStep ?? Int64.min) {
            if ConstantTime.equals(code, self.code(secret: secret, step: candidate)), matched == nil {
                matched = candidate
            }
        }
        return matched
    }

    /// The `otpauth://` URI authenticator apps read (typed in or pasted: Haven shows no QR script).
    public static func provisioningURI(secret: Data, account: String, issuer: String) -> String {
        var components = URLComponents()
        components.scheme = "otpauth"
        components.host = "totp"
        components.path = "/" + issuer + ":" + account
        components.queryItems = [
            .init(name: "secret", value: Base32.encodeRFC4648(secret)),
            .init(name: "issuer", value: issuer),
            .init(name: "algorithm", value: "SHA1"),
            .init(name: "digits", value: String(digits)),
            .init(name: "period", value: String(period)),
        ]
        return components.string ?? ""
    }
}
