import Crypto
import Foundation

/// Writes a Haven backup: a tar archive of parts (each hashed as it is written) and a closing manifest, the whole
/// encrypted with age to the given recipients, streamed to `sink` in 64 KiB chunks.
public struct BackupArchiveWriter {
    private var age: AgeEncryptor
    private var tar: TarWriter
    private let output: OutputBox
    private var hash = SHA256()
    private var current: (path: String, bytes: Int64)?
    private let modified: Date
    /// Every part written so far, with its digest.
    public private(set) var parts: [BackupManifest.Part] = []
    /// The manifest, once `finish` wrote it.
    public private(set) var manifest: BackupManifest?

    /// Where the tar bytes go before they are encrypted (the tar writer and the encryptor are both values).
    private final class OutputBox {
        var pending: [Data] = []
    }

    public init(recipients: [Curve25519.KeyAgreement.PublicKey], modified: Date = Date(), sink: @escaping (Data) throws -> Void) throws {
        let box = OutputBox()
        output = box
        age = try AgeEncryptor(recipients: recipients, sink: sink)
        tar = TarWriter { box.pending.append($0) }
        self.modified = modified
    }

    /// Starts a part of exactly `size` bytes.
    public mutating func beginPart(_ path: String, size: Int64) throws {
        try tar.beginEntry(name: path, size: size, modified: modified)
        hash = SHA256()
        current = (path, size)
        try drain()
    }

    /// Adds bytes to the current part.
    public mutating func write(_ data: Data) throws {
        hash.update(data: data)
        try tar.write(data)
        try drain()
    }

    /// Ends the current part and records its digest.
    public mutating func endPart() throws {
        try tar.endEntry()
        if let current { parts.append(.init(path: current.path, bytes: current.bytes, sha256: hash.finalize().hexString)) }
        current = nil
        try drain()
    }

    /// A whole part from memory.
    public mutating func addPart(_ path: String, data: Data) throws {
        try beginPart(path, size: Int64(data.count))
        try write(data)
        try endPart()
    }

    /// Writes the manifest (given the parts) as the last entry and closes the archive and its encryption.
    public mutating func finish(manifest: (_ parts: [BackupManifest.Part]) -> BackupManifest) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let written = manifest(parts)
        self.manifest = written
        let data = try encoder.encode(written)
        try tar.add(name: BackupManifest.entryName, data: data, modified: modified)
        try tar.finish()
        try drain()
        try age.finish()
    }

    private mutating func drain() throws {
        for piece in output.pending { try age.write(piece) }
        output.pending.removeAll(keepingCapacity: true)
    }
}
