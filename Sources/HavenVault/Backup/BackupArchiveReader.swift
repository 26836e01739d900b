import Crypto
import Foundation

/// Reads a Haven backup part by part, decrypting and hashing as it goes. Every part is checked against the manifest
/// at the end (`finish`): a part whose bytes fail authentication is named as soon as it is reached, a part whose
/// digest differs, or that the manifest does not list, when the manifest is read.
public struct BackupArchiveReader {
    private var tar: TarReader
    private let decryptor: DecryptorBox
    private var hash = SHA256()
    private var current: (path: String, bytes: Int64, read: Int64)?
    private var seen: [BackupManifest.Part] = []
    private var seenPaths: Set<String> = []
    /// The manifest, once the last entry was read.
    public private(set) var manifest: BackupManifest?

    private final class DecryptorBox {
        var decryptor: AgeDecryptor?
    }

    /// Opens the archive with `identity` (the recovery key, or another recipient's key).
    public init(identity: Curve25519.KeyAgreement.PrivateKey, read: @escaping (Int) throws -> Data) throws {
        let box = DecryptorBox()
        do {
            box.decryptor = try AgeDecryptor(identity: identity, read: read)
        } catch let error as AgeError {
            throw BackupError.unreadable(error.description)
        }
        decryptor = box
        tar = TarReader { try box.decryptor?.next() }
    }

    /// The next part's path and size; nil after the manifest.
    public mutating func nextPart() throws -> (path: String, size: Int64)? {
        try closeCurrent()
        let entry = try guarded { try $0.tar.nextEntry() }
        guard let entry else {
            guard manifest != nil else { throw BackupError.inconsistent("the archive has no manifest") }
            return nil
        }
        guard manifest == nil else { throw BackupError.inconsistent("\(entry.name) comes after the manifest") }
        guard !seenPaths.contains(entry.name) else { throw BackupError.inconsistent("\(entry.name) is in the archive twice") }
        seenPaths.insert(entry.name)
        if entry.name == BackupManifest.entryName {
            manifest = try readManifest(size: entry.size)
            try checkAgainstManifest()
            return try nextPart()
        }
        current = (entry.name, entry.size, 0)
        hash = SHA256()
        return (entry.name, entry.size)
    }

    /// The next piece of the current part; nil when it is read whole.
    public mutating func readContent() throws -> Data? {
        guard let piece = try guarded({ try $0.tar.readContent() }) else { return nil }
        hash.update(data: piece)
        current?.read += Int64(piece.count)
        return piece
    }

    /// Reads to the end, checking every part; returns the manifest.
    public mutating func verifyAll() throws -> BackupManifest {
        while try nextPart() != nil {
            while try readContent() != nil {}
        }
        guard let manifest else { throw BackupError.inconsistent("the archive has no manifest") }
        return manifest
    }

    private mutating func closeCurrent() throws {
        guard current != nil else { return }
        while try readContent() != nil {}
        if let current {
            seen.append(.init(path: current.path, bytes: current.read, sha256: hash.finalize().hexString))
        }
        current = nil
    }

    private mutating func readManifest(size: Int64) throws -> BackupManifest {
        guard size < 256 << 20 else { throw BackupError.damaged(part: BackupManifest.entryName, reason: "too large") }
        var data = Data()
        current = (BackupManifest.entryName, size, 0)
        while let piece = try readContent() { data.append(piece) }
        current = nil
        guard let manifest = try? JSONDecoder().decode(BackupManifest.self, from: data),
            manifest.format == BackupManifest.formatName
        else { throw BackupError.damaged(part: BackupManifest.entryName, reason: "not a Haven backup manifest") }
        guard manifest.version <= BackupManifest.currentVersion else {
            throw BackupError.inconsistent("format version \(manifest.version) is newer than this Haven reads")
        }
        return manifest
    }

    private func checkAgainstManifest() throws {
        guard let manifest else { return }
        let listed = Dictionary(manifest.parts.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        guard listed.count == manifest.parts.count else { throw BackupError.inconsistent("a part is listed twice") }
        for part in seen {
            guard let expected = listed[part.path] else { throw BackupError.inconsistent("\(part.path) is not in the manifest") }
            guard expected.bytes == part.bytes, expected.sha256 == part.sha256 else {
                throw BackupError.damaged(part: part.path, reason: "its SHA-256 differs from the manifest")
            }
        }
        guard seen.count == manifest.parts.count else {
            let missing = Set(listed.keys).subtracting(seen.map(\.path)).sorted().first ?? "?"
            throw BackupError.inconsistent("\(missing) is missing")
        }
    }

    /// Runs a read, naming the part being read when the decryption or the archive fails.
    private mutating func guarded<T>(_ body: (inout Self) throws -> T) throws -> T {
        do {
            return try body(&self)
        } catch let error as AgeError {
            throw BackupError.damaged(part: current?.path ?? "the part after \(seen.last?.path ?? "the header")", reason: error.description)
        } catch let error as TarError {
            throw BackupError.damaged(part: current?.path ?? "the part after \(seen.last?.path ?? "the header")", reason: error.description)
        }
    }
}
