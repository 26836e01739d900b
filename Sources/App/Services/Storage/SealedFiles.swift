import Crypto
import Foundation
import HavenVault

/// Sealed files under `HAVEN_DATA_DIR/files/`, each under a random name that says nothing about its content.
struct SealedFiles: Sendable {
    let directory: URL

    init(dataDirectory: URL) {
        directory = dataDirectory.appendingPathComponent("files", isDirectory: true)
    }

    /// Seals and writes a file (to a temporary name first, then renamed); returns its stored name.
    func write(_ plaintext: Data, key: SymmetricKey, binding: FieldBinding) throws -> String {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let name = Self.newName()
        let sealed = try FileCipher.seal(plaintext, with: key, binding: binding)
        let temporary = directory.appendingPathComponent(name + ".partial")
        try sealed.write(to: temporary, options: .withoutOverwriting)
        try FileManager.default.moveItem(at: temporary, to: url(name))
        return name
    }

    /// A new random stored name.
    static func newName() -> String {
        SymmetricKey(size: .bits128).withUnsafeBytes { Array($0) }.hexString
    }

    /// Where a file being written lives until it is finished (`name.partial`).
    func partialLocation(_ name: String) -> URL { url(name).appendingPathExtension("partial") }

    /// Makes sure the directory exists (readable by Haven's user only).
    func prepare() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Moves a finished file into place under its stored name.
    func commit(_ name: String) throws {
        try FileManager.default.moveItem(at: partialLocation(name), to: url(name))
    }

    /// Reads and opens a stored file.
    func read(_ name: String, key: SymmetricKey, binding: FieldBinding) throws -> Data {
        try FileCipher.open(try Data(contentsOf: url(name)), with: key, binding: binding)
    }

    /// Deletes stored files (and any unfinished copy of them); a missing file is not an error.
    func delete(_ names: [String]) {
        for name in names {
            try? FileManager.default.removeItem(at: url(name))
            try? FileManager.default.removeItem(at: partialLocation(name))
        }
    }

    /// Where a stored file lives (for reading it in chunks).
    func location(_ name: String) -> URL { url(name) }

    private func url(_ name: String) -> URL {
        precondition(name.allSatisfy(\.isHexDigit), "stored names are random hex, never user input")
        return directory.appendingPathComponent(name)
    }
}
