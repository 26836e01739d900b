import Crypto
import Foundation

/// Encrypts a stream in the age v1 format to X25519 recipients: the header (one stanza per recipient and its MAC),
/// then the payload in 64 KiB ChaCha20-Poly1305 chunks. Whatever is written, it holds at most one chunk in memory and
/// hands each sealed chunk to `sink` at once. The reference `age` tool decrypts the result.
public struct AgeEncryptor {
    private let sink: (Data) throws -> Void
    private let payloadKey: SymmetricKey
    private var counter: UInt64 = 0
    private var pending = Data()
    private var isFinished = false

    /// Writes the header to `sink`; `recipients` must not be empty.
    public init(recipients: [Curve25519.KeyAgreement.PublicKey], sink: @escaping (Data) throws -> Void) throws {
        guard !recipients.isEmpty else { throw AgeError.malformedKey("no recipient given") }
        self.sink = sink
        let fileKey = SymmetricKey(size: .bits128)
        var header = AgeFormat.versionLine + "\n"
        for recipient in recipients {
            header += try Self.stanza(wrapping: fileKey, for: recipient)
        }
        header += "---"
        let mac = HMAC<SHA256>.authenticationCode(for: Data(header.utf8), using: AgeFormat.headerMACKey(fileKey: fileKey))
        header += " " + AgeFormat.base64(Data(mac)) + "\n"
        let nonce = Data(SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) })
        payloadKey = AgeFormat.payloadKey(fileKey: fileKey, nonce: nonce)
        try sink(Data(header.utf8) + nonce)
    }

    private static func stanza(wrapping fileKey: SymmetricKey, for recipient: Curve25519.KeyAgreement.PublicKey) throws -> String {
        let ephemeral = Curve25519.KeyAgreement.PrivateKey()
        let share = ephemeral.publicKey.rawRepresentation
        let shared = try ephemeral.sharedSecretFromKeyAgreement(with: recipient)
        guard !AgeFormat.isAllZero(shared) else { throw AgeError.malformedKey("a recipient is a low-order point") }
        let wrapKey = AgeFormat.wrapKey(shared: shared, ephemeralShare: share, recipient: recipient.rawRepresentation)
        let sealed = try ChaChaPoly.seal(
            fileKey.withUnsafeBytes { Data($0) }, using: wrapKey, nonce: ChaChaPoly.Nonce(data: Data(count: 12)))
        // 32 bytes of body are 43 characters: one line, shorter than 64, as the format requires for the last line.
        return "-> X25519 \(AgeFormat.base64(share))\n\(AgeFormat.base64(sealed.ciphertext + sealed.tag))\n"
    }

    /// Adds bytes to the stream; full chunks are sealed and written, the rest waits for more or for `finish`.
    public mutating func write(_ data: some DataProtocol) throws {
        precondition(!isFinished, "written after finish")
        pending.append(contentsOf: data)
        // A full chunk is sealed only once a byte after it exists: the last chunk must be sealed as the last.
        guard pending.count > AgeFormat.chunkSize else { return }
        var start = pending.startIndex
        while pending.endIndex - start > AgeFormat.chunkSize {
            try seal(pending[start..<(start + AgeFormat.chunkSize)], isLast: false)
            start += AgeFormat.chunkSize
        }
        pending = Data(pending[start...])
    }

    /// Seals what is left as the last chunk. Nothing may be written afterwards.
    public mutating func finish() throws {
        precondition(!isFinished, "finished twice")
        isFinished = true
        try seal(pending, isLast: true)
        pending = Data()
    }

    private mutating func seal(_ chunk: Data, isLast: Bool) throws {
        let box = try ChaChaPoly.seal(chunk, using: payloadKey, nonce: AgeFormat.chunkNonce(counter, isLast: isLast))
        counter += 1
        try sink(box.ciphertext + box.tag)
    }
}
