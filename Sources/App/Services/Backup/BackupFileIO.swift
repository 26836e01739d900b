import Foundation

/// Reading and writing backup files in pieces, so a backup's memory stays flat whatever its size.
enum BackupFileIO {
    /// A new file readable by Haven's user only, written through the returned handle.
    static func create(_ url: URL) throws -> FileHandle {
        guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: url.path)
        else { throw BackupFailure("cannot write \(url.path)") }
        return handle
    }

    /// Opens a file for reading in pieces: the closure returns up to the asked number of bytes, none at the end.
    static func reader(_ url: URL) throws -> (handle: FileHandle, read: (Int) throws -> Data) {
        guard let handle = FileHandle(forReadingAtPath: url.path) else { throw BackupFailure("cannot read \(url.path)") }
        return (handle, { maximum in try handle.read(upToCount: min(maximum, 1 << 20)) ?? Data() })
    }

    /// The files directly in `directory` (none when it does not exist), by name.
    static func files(in directory: URL) throws -> [URL] {
        guard FileManager.default.fileExists(atPath: directory.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: [.isRegularFileKey, .fileSizeKey])
            .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
