import Crypto
import Foundation
import HavenVault

/// A file sealed as it arrives (an evidence upload, a report's attachment): written chunk by chunk to a random name
/// under `files/`, never as plaintext, moved into place when finished and deleted when abandoned.
struct SealedUpload {
    /// A finished upload: where it is stored and what it was.
    struct Stored: Sendable {
        /// The row the file belongs to (its binding names it).
        let recordID: UUID
        let storedName: String
        let size: Int
        let sha256: String
        /// The first bytes of the plaintext, to recognise images by their bytes.
        let head: Data
        let fileName: String
        let contentType: String
    }

    let storedName = SealedFiles.newName()
    /// The id of the row the file will belong to, chosen before the first byte because the file's binding names it.
    let recordID: UUID
    let fileName: String
    let contentType: String
    private let files: SealedFiles
    private var writer: SealedFileWriter?
    private var head = Data()

    /// The plaintext bytes received so far.
    var size: Int { writer?.size ?? 0 }

    /// Starts a file under `key`, bound to the row `recordID` (`binding` makes the binding from it); `fileName` is kept
    /// without any directory part.
    init(
        files: SealedFiles, key: SymmetricKey, recordID: UUID = UUID(), binding: (UUID) -> FieldBinding, fileName: String,
        contentType: String?
    ) throws {
        self.files = files
        self.recordID = recordID
        self.fileName = String(fileName.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)?.prefix(200) ?? "file")
        self.contentType = String((contentType ?? "application/octet-stream").prefix(100))
        try files.prepare()
        writer = try SealedFileWriter(url: files.partialLocation(storedName), key: key, binding: binding(recordID))
    }

    /// Seals more bytes.
    mutating func append(_ bytes: ArraySlice<UInt8>) throws {
        if head.count < 16 { head.append(contentsOf: bytes.prefix(16 - head.count)) }
        try writer?.append(bytes)
    }

    /// Seals the last chunk and moves the file into place.
    mutating func finish() throws -> Stored {
        guard var writer else { throw VaultError.malformed("upload already finished") }
        self.writer = nil
        do {
            let (size, sha256) = try writer.finish()
            try files.commit(storedName)
            return Stored(
                recordID: recordID, storedName: storedName, size: size, sha256: sha256, head: head, fileName: fileName,
                contentType: contentType)
        } catch {
            files.delete([storedName])
            throw error
        }
    }

    /// Stops and deletes whatever was written.
    mutating func abandon() {
        writer?.abandon()
        writer = nil
        files.delete([storedName])
    }
}

extension SealedUpload {
    /// Seals a file that is already in memory (tests, the demo, files carried from one record to another).
    static func seal(
        _ data: Data, files: SealedFiles, key: SymmetricKey, binding: (UUID) -> FieldBinding, fileName: String,
        contentType: String?
    ) throws -> Stored {
        var upload = try SealedUpload(files: files, key: key, binding: binding, fileName: fileName, contentType: contentType)
        do {
            try upload.append(ArraySlice(data))
            return try upload.finish()
        } catch {
            upload.abandon()
            throw error
        }
    }
}
