import Crypto
import Foundation

/// Opens a sealed file from disk one chunk at a time, so a download never holds the whole file in memory.
public struct SealedFileReader {
    private let handle: FileHandle
    private let size: Int
    private let key: SymmetricKey
    private let binding: FieldBinding
    private var offset: Int
    private var index = 0
    private var sawLast = false

    /// Opens the file and checks its header; throws `VaultError.malformed` when it is not a sealed file.
    public init(url: URL, key: SymmetricKey, binding: FieldBinding) throws {
        handle = try FileHandle(forReadingFrom: url)
        size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        guard try handle.read(upToCount: FileCipher.magic.count) == FileCipher.magic else {
            try? handle.close()
            throw VaultError.malformed("sealed file")
        }
        self.key = key
        self.binding = binding
        offset = FileCipher.magic.count
    }

    /// The next plaintext chunk; nil after the last. Throws `VaultError.wrongKey` for altered, reordered or cut chunks.
    public mutating func next() throws -> Data? {
        guard offset < size else {
            try? handle.close()
            guard sawLast else { throw VaultError.wrongKey }
            return nil
        }
        guard !sawLast, size - offset >= 4, let header = try handle.read(upToCount: 4), header.count == 4 else { throw VaultError.wrongKey }
        let length = header.reduce(0) { ($0 << 8) | Int($1) }
        guard length >= 28, size - offset - 4 >= length, let chunk = try handle.read(upToCount: length), chunk.count == length else {
            throw VaultError.wrongKey
        }
        offset += 4 + length
        let isLast = offset == size
        defer { index += 1 }
        sawLast = isLast
        do {
            return try ChaChaPoly.open(
                ChaChaPoly.SealedBox(combined: chunk), using: key,
                authenticating: FileCipher.associatedData(binding, index: index, isLast: isLast))
        } catch {
            throw VaultError.wrongKey
        }
    }
}
