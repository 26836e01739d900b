import Crypto
import Foundation
import Testing

@testable import HavenVault

@Suite("age encryption")
struct AgeTests {
    /// Made with the reference tools: `age-keygen`, then `age -r age13w0q… -o v.age` over the plaintext below.
    static let referenceIdentity = "AGE-SECRET-KEY-1AF3W4838HMT5U52GDHMLF0TGK6RGKHLEDWMYSGK7AJJMLJ08DGJSPUTTXX"
    static let referenceRecipient = "age13w0q2xmxkq72n9eplsxz4y2m5wdue2t7g0mectgjz9j0l8ps7dss0al7ru"
    static let referencePlaintext = "Haven backup test vector: Кишинёв, Chișinău.\n"
    static let referenceFile =
        "YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IFgyNTUxOSBDejY5YzVsc0N1QkV1V1R6ZmsvTkdiTkFodmlmUncyRk94dTAyTCtab2dFCkVpZWlnVlJIQ1VLSmpVUDFwYTVXSHRab1I2VXA1MWllek5uaDMxTWF4RWsKLS0tIEdGRlNSbXJGdXJMWStDRTlsVUgxeGo1VWFLVTZyYW01UWViMkdrK1VvYTQKaMX0+cPCzHfOV+JwMVMbl2XcnXXX2Y1eQrH/S8lSaRSCPJq86U/cT9BGwtSRSzGjPz5HZnieys5LpZicY84irBWyNW28/+FzVgALNcWPgm/0u0CJi5s="

    static func encrypt(_ plaintext: Data, to recipients: [Curve25519.KeyAgreement.PublicKey], pieces: Int = 7_000) throws -> Data {
        var output = Data()
        var encryptor = try AgeEncryptor(recipients: recipients) { output.append($0) }
        var offset = 0
        while offset < plaintext.count {
            let end = min(plaintext.count, offset + pieces)
            try encryptor.write(plaintext[offset..<end])
            offset = end
        }
        try encryptor.finish()
        return output
    }

    static func decrypt(_ file: Data, with identity: Curve25519.KeyAgreement.PrivateKey) throws -> Data {
        var offset = 0
        var decryptor = try AgeDecryptor(identity: identity) { maximum in
            let end = min(file.count, offset + min(maximum, 5_000))
            defer { offset = end }
            return file[offset..<end]
        }
        var plaintext = Data()
        while let chunk = try decryptor.next() { plaintext.append(chunk) }
        return plaintext
    }

    @Test("keys read and write as the reference age-keygen writes them")
    func keyText() throws {
        let identity = try AgeKeys.parseIdentity(Self.referenceIdentity)
        #expect(AgeKeys.identity(identity) == Self.referenceIdentity)
        #expect(AgeKeys.recipient(identity.publicKey) == Self.referenceRecipient)
        #expect(try AgeKeys.parseRecipient(Self.referenceRecipient).rawRepresentation == identity.publicKey.rawRepresentation)
        // One changed character breaks the checksum; the wrong kind of key or mixed case is refused.
        var changed = Array(Self.referenceRecipient)
        changed[10] = changed[10] == "q" ? "p" : "q"
        #expect(throws: AgeError.self) { try AgeKeys.parseRecipient(String(changed)) }
        #expect(throws: AgeError.self) { try AgeKeys.parseRecipient(Self.referenceIdentity) }
        #expect(throws: AgeError.self) { try AgeKeys.parseIdentity(Self.referenceIdentity.lowercased()) }
        #expect(throws: AgeError.self) { try AgeKeys.parseRecipient("age1" + String(Self.referenceRecipient.dropFirst(4)).uppercased()) }
    }

    @Test("Bech32 agrees with the BIP 173 test vectors")
    func bech32Vectors() throws {
        for valid in [
            "A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
            "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
        ] {
            #expect(Bech32.decode(valid) != nil, "\(valid)")
        }
        for invalid in ["A1G7SGD8", "10a06t8", "1qzzfhee", "a12UEL5L", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxx", "x1b4n0q5v"] {
            #expect(Bech32.decode(invalid) == nil, "\(invalid)")
        }
    }

    @Test("a file written by the reference age decrypts")
    func referenceFileDecrypts() throws {
        let identity = try AgeKeys.parseIdentity(Self.referenceIdentity)
        let plaintext = try Self.decrypt(Data(base64Encoded: Self.referenceFile)!, with: identity)
        #expect(String(decoding: plaintext, as: UTF8.self) == Self.referencePlaintext)
    }

    @Test(
        "round trips at every size around the chunk boundary, to each of several recipients",
        arguments: [0, 1, 65_535, 65_536, 65_537, 131_072, 200_001])
    func roundTrip(size: Int) throws {
        let plaintext = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let first = Curve25519.KeyAgreement.PrivateKey()
        let second = Curve25519.KeyAgreement.PrivateKey()
        let file = try Self.encrypt(plaintext, to: [first.publicKey, second.publicKey])
        let chunks = max(1, (size + 65_535) / 65_536)
        #expect(file.count - Self.headerLength(file) == 16 + size + chunks * 16, "nonce, payload and one tag per chunk")
        #expect(try Self.decrypt(file, with: first) == plaintext)
        #expect(try Self.decrypt(file, with: second) == plaintext)
        #expect(throws: AgeError.noMatchingRecipient) { try Self.decrypt(file, with: Curve25519.KeyAgreement.PrivateKey()) }
    }

    static func headerLength(_ file: Data) -> Int {
        let marker = Data("\n--- ".utf8)
        let start = file.range(of: marker)!.upperBound
        return file[start...].firstIndex(of: UInt8(ascii: "\n"))! + 1 - file.startIndex
    }

    @Test("a changed byte anywhere, a cut at a chunk boundary, a missing or an appended chunk is refused")
    func tampering() throws {
        let identity = Curve25519.KeyAgreement.PrivateKey()
        let plaintext = Data((0..<150_000).map { UInt8(truncatingIfNeeded: $0) })
        let file = try Self.encrypt(plaintext, to: [identity.publicKey])
        let header = Self.headerLength(file)
        let chunk = 65_536 + 16
        for position in [10, 40, header - 5, header + 3, header + 16 + 100, header + 16 + chunk + 5, file.count - 1] {
            var changed = file
            changed[position] ^= 0x01
            #expect(throws: AgeError.self, "byte \(position)") { try Self.decrypt(changed, with: identity) }
        }
        let payload = header + 16
        #expect(throws: AgeError.truncated) { try Self.decrypt(file.prefix(payload + chunk), with: identity) }
        #expect(throws: AgeError.truncated) { try Self.decrypt(file.prefix(payload), with: identity) }
        #expect(throws: AgeError.self) { try Self.decrypt(file.prefix(file.count - 10), with: identity) }
        var withoutMiddle = file.prefix(payload + chunk)
        withoutMiddle.append(file[(payload + 2 * chunk)...])
        #expect(throws: AgeError.chunkAuthenticationFailed(chunk: 1)) { try Self.decrypt(withoutMiddle, with: identity) }
        #expect(throws: AgeError.self) { try Self.decrypt(file + Data(repeating: 7, count: 40), with: identity) }
        let whole = try Self.encrypt(Data(count: 2 * 65_536), to: [identity.publicKey])
        #expect(throws: AgeError.trailingData) { try Self.decrypt(whole + Data(repeating: 7, count: 40), with: identity) }
        #expect(throws: AgeError.self) { try Self.decrypt(Data("age-encryption.org/v2\n".utf8) + file.dropFirst(22), with: identity) }
    }
}
