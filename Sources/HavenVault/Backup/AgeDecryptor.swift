import Crypto
import Foundation

/// Reads an age v1 stream encrypted to an X25519 identity, one authenticated 64 KiB chunk at a time. A changed byte
/// anywhere, a reordered or missing chunk, a cut-off end or data after the end is refused when it is reached; nothing
/// of a chunk is returned before the chunk is authenticated.
public struct AgeDecryptor {
    private var source: ByteSource
    private let payloadKey: SymmetricKey
    private var counter: UInt64 = 0
    private var isFinished = false

    /// Reads and authenticates the header; throws `AgeError.noMatchingRecipient` when no stanza is for `identity`.
    public init(identity: Curve25519.KeyAgreement.PrivateKey, read: @escaping (Int) throws -> Data) throws {
        var source = ByteSource(read)
        var header = Data()
        func nextLine() throws -> Data {
            guard header.count < AgeFormat.maximumHeaderBytes, let line = try source.line(limit: AgeFormat.maximumHeaderBytes) else {
                throw AgeError.malformedHeader("no complete header")
            }
            header.append(line)
            header.append(UInt8(ascii: "\n"))
            return line
        }
        guard try nextLine() == Data(AgeFormat.versionLine.utf8) else { throw AgeError.malformedHeader("unknown version line") }
        var fileKey: SymmetricKey?
        var line = try nextLine()
        while line.starts(with: Data("-> ".utf8)) {
            let arguments = String(decoding: line.dropFirst(3), as: UTF8.self).split(separator: " ", omittingEmptySubsequences: false)
            var body = Data()
            while true {
                let bodyLine = try nextLine()
                guard bodyLine.count <= 64, let decoded = AgeFormat.decodeBase64(Substring(String(decoding: bodyLine, as: UTF8.self)))
                else { throw AgeError.malformedHeader("a stanza body is not base64") }
                body.append(decoded)
                if bodyLine.count < 64 { break }
            }
            if fileKey == nil { fileKey = try Self.unwrap(arguments: arguments, body: body, identity: identity) }
            line = try nextLine()
        }
        guard line.starts(with: Data("--- ".utf8)),
            let mac = AgeFormat.decodeBase64(Substring(String(decoding: line.dropFirst(4), as: UTF8.self))),
            mac.count == 32
        else { throw AgeError.malformedHeader("no MAC line") }
        guard let fileKey else { throw AgeError.noMatchingRecipient }
        // The MAC covers the header up to and including "---".
        let covered = header.dropLast(line.count - 3 + 1)
        guard HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: covered, using: AgeFormat.headerMACKey(fileKey: fileKey)) else {
            throw AgeError.headerAuthenticationFailed
        }
        let nonce = try source.take(16)
        guard nonce.count == 16 else { throw AgeError.truncated }
        payloadKey = AgeFormat.payloadKey(fileKey: fileKey, nonce: nonce)
        self.source = source
    }

    /// The file key from an X25519 stanza meant for `identity`; nil for other stanzas.
    private static func unwrap(arguments: [Substring], body: Data, identity: Curve25519.KeyAgreement.PrivateKey) throws -> SymmetricKey? {
        guard arguments.first == "X25519" else { return nil }
        guard arguments.count == 2, let share = AgeFormat.decodeBase64(arguments[1]), share.count == 32, body.count == 32 else {
            throw AgeError.malformedHeader("an X25519 stanza is malformed")
        }
        guard let ephemeral = try? Curve25519.KeyAgreement.PublicKey(rawRepresentation: share),
            let shared = try? identity.sharedSecretFromKeyAgreement(with: ephemeral), !AgeFormat.isAllZero(shared)
        else { return nil }
        let wrapKey = AgeFormat.wrapKey(shared: shared, ephemeralShare: share, recipient: identity.publicKey.rawRepresentation)
        let box = try ChaChaPoly.SealedBox(
            nonce: ChaChaPoly.Nonce(data: Data(count: 12)), ciphertext: body.prefix(16), tag: body.suffix(16))
        guard let fileKey = try? ChaChaPoly.open(box, using: wrapKey) else { return nil }
        return SymmetricKey(data: fileKey)
    }

    /// The next chunk of plaintext, authenticated; nil after the last one.
    public mutating func next() throws -> Data? {
        guard !isFinished else { return nil }
        let sealed = try source.take(AgeFormat.chunkSize + AgeFormat.tagSize)
        guard sealed.count >= AgeFormat.tagSize else { throw AgeError.truncated }
        let isLast = try source.atEnd()
        let index = Int(counter)
        let box = try ChaChaPoly.SealedBox(
            nonce: AgeFormat.chunkNonce(counter, isLast: isLast), ciphertext: sealed.dropLast(AgeFormat.tagSize),
            tag: sealed.suffix(AgeFormat.tagSize))
        guard let plaintext = try? ChaChaPoly.open(box, using: payloadKey) else {
            throw try misplacedChunkError(sealed, isLast: isLast) ?? AgeError.chunkAuthenticationFailed(chunk: index)
        }
        if isLast, plaintext.isEmpty, counter > 0 { throw AgeError.malformedHeader("an empty last chunk after others") }
        counter += 1
        isFinished = isLast
        return plaintext
    }

    /// A chunk that opens with the other last-chunk flag: the stream was cut after it, or has data after its end.
    private func misplacedChunkError(_ sealed: Data, isLast: Bool) throws -> AgeError? {
        let box = try ChaChaPoly.SealedBox(
            nonce: AgeFormat.chunkNonce(counter, isLast: !isLast), ciphertext: sealed.dropLast(AgeFormat.tagSize),
            tag: sealed.suffix(AgeFormat.tagSize))
        guard (try? ChaChaPoly.open(box, using: payloadKey)) != nil else { return nil }
        return isLast ? .truncated : .trailingData
    }
}
