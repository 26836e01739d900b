import Crypto
import Foundation

/// Seals a file as it arrives, in the `FileCipher` layout, writing each 64 KiB chunk to disk as soon as it is known not
/// to be the last: memory holds at most one chunk, whatever the file's size, and no plaintext byte reaches the disk.
/// It also counts the bytes and hashes the plaintext (SHA-256) on the way.
///
///     var writer = try SealedFileWriter(url: partial, key: fileKey, binding: binding)
///     for chunk in incoming { try writer.append(chunk) }
///     let (size, sha256) = try writer.finish()
public struct SealedFileWriter {
    private let handle: FileHandle
    private let key: SymmetricKey
    private let binding: FieldBinding
    private var pending = Data()
    private var index = 0
    private var hasher = SHA256()
    private var isFinished = false

    /// The plaintext bytes appended so far.
    public private(set) var size = 0

    /// Creates the file, readable by its owner only, and writes the header; throws when the file exists already.
    public init(url: URL, key: SymmetricKey, binding: FieldBinding) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw VaultError.malformed("cannot create sealed file (errno \(errno))") }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        try handle.write(contentsOf: FileCipher.magic)
        self.key = key
        self.binding = binding
        pending.reserveCapacity(FileCipher.chunkSize)
    }

    /// Adds plaintext bytes; full chunks that more bytes follow are sealed and written at once.
    public mutating func append(_ bytes: some Collection<UInt8>) throws {
        precondition(!isFinished, "a finished sealed file takes no more bytes")
        if bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
            hasher.update(data: Data(bytes))
        }
        size += bytes.count
        var rest = bytes[...]
        while !rest.isEmpty {
            if pending.count == FileCipher.chunkSize {
                try write(pending, isLast: false)
                pending.removeAll(keepingCapacity: true)
            }
            let take = min(FileCipher.chunkSize - pending.count, rest.count)
            pending.append(contentsOf: rest.prefix(take))
            rest = rest.dropFirst(take)
        }
    }

    /// Seals the last chunk, closes the file and returns the plaintext's size and SHA-256 (hex).
    public mutating func finish() throws -> (size: Int, sha256: String) {
        precondition(!isFinished, "a sealed file is finished once")
        try write(pending, isLast: true)
        pending = Data()
        isFinished = true
        try handle.synchronize()
        try handle.close()
        return (size, hasher.finalize().map { String(format: "%02x", $0) }.joined())
    }

    /// Closes the file without finishing it (the caller deletes it).
    public mutating func abandon() {
        guard !isFinished else { return }
        isFinished = true
        try? handle.close()
    }

    private mutating func write(_ chunk: Data, isLast: Bool) throws {
        let sealed = try ChaChaPoly.seal(
            chunk, using: key,
            authenticating: FileCipher.associatedData(binding, index: index, isLast: isLast)
        ).combined
        var length = UInt32(sealed.count).bigEndian
        var record = Data(bytes: &length, count: 4)
        record.append(sealed)
        try handle.write(contentsOf: record)
        index += 1
    }
}
