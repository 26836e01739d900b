import Crypto
import Foundation

/// Seals files in 64 KiB chunks with ChaCha20-Poly1305, so large files can be opened a chunk at a time.
///
/// Layout: `HVF1` ‖ for each chunk: 4-byte big-endian length of the sealed chunk ‖ nonce ‖ ciphertext ‖ tag.
/// Each chunk's associated data binds the file, the chunk's index and whether it is the last, so chunks cannot be
/// reordered, dropped, truncated away or moved to another file.
public enum FileCipher {
    public static let chunkSize = 64 * 1024
    static let magic = Data("HVF1".utf8)

    static func associatedData(_ binding: FieldBinding, index: Int, isLast: Bool) -> Data {
        binding.associatedData + Data("|chunk|\(index)|\(isLast ? "last" : "more")".utf8)
    }

    /// Seals a whole file.
    public static func seal(_ plaintext: Data, with key: SymmetricKey, binding: FieldBinding) throws -> Data {
        var output = magic
        var index = 0
        var offset = plaintext.startIndex
        repeat {
            let end = min(offset + chunkSize, plaintext.endIndex)
            let isLast = end == plaintext.endIndex
            let sealed = try ChaChaPoly.seal(
                plaintext[offset..<end], using: key,
                authenticating: associatedData(binding, index: index, isLast: isLast)
            ).combined
            var length = UInt32(sealed.count).bigEndian
            output.append(Data(bytes: &length, count: 4))
            output.append(sealed)
            offset = end
            index += 1
        } while offset < plaintext.endIndex
        return output
    }

    /// Opens a sealed file; throws `VaultError.wrongKey` for a wrong key, another binding, or altered, reordered or cut chunks.
    public static func open(_ sealed: Data, with key: SymmetricKey, binding: FieldBinding) throws -> Data {
        var output = Data()
        try forEachChunk(of: sealed, with: key, binding: binding) { output.append($0) }
        return output
    }

    /// Opens a sealed file chunk by chunk, handing each plaintext chunk to `body` (for streaming downloads).
    public static func forEachChunk(of sealed: Data, with key: SymmetricKey, binding: FieldBinding, _ body: (Data) throws -> Void) throws {
        guard sealed.starts(with: magic) else { throw VaultError.malformed("sealed file") }
        var offset = sealed.startIndex + magic.count
        var index = 0
        var sawLast = false
        while offset < sealed.endIndex {
            guard !sawLast, sealed.endIndex - offset >= 4 else { throw VaultError.wrongKey }
            let length = sealed[offset..<offset + 4].reduce(0) { ($0 << 8) | Int($1) }
            offset += 4
            guard length >= 28, sealed.endIndex - offset >= length else { throw VaultError.wrongKey }
            let chunk = sealed[offset..<offset + length]
            offset += length
            let isLast = offset == sealed.endIndex
            do {
                let box = try ChaChaPoly.SealedBox(combined: chunk)
                try body(try ChaChaPoly.open(box, using: key, authenticating: associatedData(binding, index: index, isLast: isLast)))
            } catch let error as VaultError {
                throw error
            } catch {
                throw VaultError.wrongKey
            }
            sawLast = isLast
            index += 1
        }
        guard sawLast else { throw VaultError.wrongKey }
    }
}
