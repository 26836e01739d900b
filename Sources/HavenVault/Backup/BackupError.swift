import Foundation

/// Why a backup archive was refused.
public enum BackupError: Error, Equatable, CustomStringConvertible {
    /// The archive could not be decrypted at all (wrong key, not an age file, changed header).
    case unreadable(String)
    /// A part is damaged: it fails authentication, its digest or size differs, or the archive ends inside it.
    case damaged(part: String, reason: String)
    /// The archive's parts and its manifest disagree (a part missing, added, or listed twice).
    case inconsistent(String)

    public var description: String {
        switch self {
        case .unreadable(let reason): return "the backup cannot be read: \(reason)"
        case .damaged(let part, let reason): return "the backup is damaged in \(part): \(reason)"
        case .inconsistent(let reason): return "the backup does not match its manifest: \(reason)"
        }
    }
}
