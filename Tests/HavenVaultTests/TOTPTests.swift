import Foundation
import HavenVault
import Testing

@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    /// RFC 6238 appendix B's SHA-1 secret.
    let secret = Data("12345678901234567890".utf8)

    @Test(
        "matches the RFC 6238 test vectors",
        arguments: [
            (Int64(59), "94287082"), (Int64(1_111_111_109), "07081804"), (Int64(1_111_111_111), "14050471"),
            (Int64(1_234_567_890), "89005924"), (Int64(2_000_000_000), "69279037"), (Int64(20_000_000_000), "65353130"),
        ])
    func vectors(time: Int64, expected: String) {
        let step = TOTP.step(at: Date(timeIntervalSince1970: TimeInterval(time)))
        #expect(TOTP.code(secret: secret, step: step, digits: 8) == expected)
        #expect(TOTP.code(secret: secret, step: step) == String(expected.suffix(6)))
    }

    @Test("accepts the current step and one either side, nothing further")
    func window() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let step = TOTP.step(at: now)
        for offset in [-1, 0, 1] as [Int64] {
            #expect(TOTP.verify(TOTP.code(secret: secret, step: step + offset), secret: secret, at: now, after: nil) == step + offset)
        }
        for offset in [-3, -2, 2, 3] as [Int64] {
            #expect(TOTP.verify(TOTP.code(secret: secret, step: step + offset), secret: secret, at: now, after: nil) == nil)
        }
    }

    @Test("a code works once: steps at or before the last accepted one are refused")
    func replay() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let step = TOTP.step(at: now)
        let code = TOTP.code(secret: secret, step: step)
        #expect(TOTP.verify(code, secret: secret, at: now, after: step - 1) == step)
        #expect(TOTP.verify(code, secret: secret, at: now, after: step) == nil)
        #expect(TOTP.verify(TOTP.code(secret: secret, step: step - 1), secret: secret, at: now, after: step) == nil)
    }

    @Test("refuses malformed codes and another secret's code")
    func malformed() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let code = TOTP.code(secret: secret, step: TOTP.step(at: now))
        #expect(TOTP.verify("", secret: secret, at: now, after: nil) == nil)
        #expect(TOTP.verify("12345", secret: secret, at: now, after: nil) == nil)
        #expect(TOTP.verify("abcdef", secret: secret, at: now, after: nil) == nil)
        #expect(TOTP.verify("١٢٣٤٥٦", secret: secret, at: now, after: nil) == nil)
        #expect(TOTP.verify(code, secret: Data("another secret 0123456".utf8), at: now, after: nil) == nil)
        #expect(TOTP.verify(String(code.prefix(3)) + " " + String(code.suffix(3)), secret: secret, at: now, after: nil) != nil)
    }

    @Test("the otpauth URI carries the base32 secret and the issuer")
    func uri() {
        let uri = TOTP.provisioningURI(secret: secret, account: "staff", issuer: "GENDERDOC-M")
        #expect(uri.hasPrefix("otpauth://totp/GENDERDOC-M:staff?"))
        #expect(uri.contains("secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"))
        #expect(uri.contains("period=30") && uri.contains("digits=6"))
    }
}
