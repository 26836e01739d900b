import Crypto
import Foundation

/// The pieces of the age v1 format (C2SP age) shared by the encryptor and the decryptor.
enum AgeFormat {
    static let versionLine = "age-encryption.org/v1"
    static let chunkSize = 64 * 1024
    static let tagSize = 16
    static let x25519Label = "age-encryption.org/v1/X25519"
    /// A header longer than this is refused before it is parsed (a real one is about 100 bytes per recipient).
    static let maximumHeaderBytes = 1 << 20

    /// Standard base64 without padding, as every age header field is written.
    static func base64(_ data: some DataProtocol) -> String {
        var text = Data(data).base64EncodedString()
        while text.hasSuffix("=") { text.removeLast() }
        return text
    }

    /// Reads unpadded base64, refusing non-canonical encodings (padding, stray bits).
    static func decodeBase64(_ text: Substring) -> Data? {
        guard text.utf8.allSatisfy({ $0 != UInt8(ascii: "=") }) else { return nil }
        let padded = String(text) + String(repeating: "=", count: (4 - text.utf8.count % 4) % 4)
        guard let data = Data(base64Encoded: padded), base64(data) == text else { return nil }
        return data
    }

    /// The key that wraps the file key for one X25519 recipient.
    static func wrapKey(shared: SharedSecret, ephemeralShare: Data, recipient: Data) -> SymmetricKey {
        shared.hkdfDerivedSymmetricKey(
            using: SHA256.self, salt: ephemeralShare + recipient, sharedInfo: Data(x25519Label.utf8), outputByteCount: 32)
    }

    static func headerMACKey(fileKey: SymmetricKey) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: Data(), info: Data("header".utf8), outputByteCount: 32)
    }

    static func payloadKey(fileKey: SymmetricKey, nonce: Data) -> SymmetricKey {
        HKDF<SHA256>.deriveKey(inputKeyMaterial: fileKey, salt: nonce, info: Data("payload".utf8), outputByteCount: 32)
    }

    /// The STREAM nonce of a chunk: an 11-byte big-endian counter and a last-chunk flag.
    static func chunkNonce(_ counter: UInt64, isLast: Bool) throws -> ChaChaPoly.Nonce {
        var bytes = [UInt8](repeating: 0, count: 12)
        for index in 0..<8 { bytes[10 - index] = UInt8((counter >> (8 * UInt64(index))) & 0xff) }
        bytes[11] = isLast ? 1 : 0
        return try ChaChaPoly.Nonce(data: bytes)
    }

    /// Whether an X25519 shared secret is all zeros (a low-order point), which age refuses.
    static func isAllZero(_ shared: SharedSecret) -> Bool {
        shared.withUnsafeBytes { bytes in bytes.allSatisfy { $0 == 0 } }
    }
}
