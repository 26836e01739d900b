import Foundation

/// Why a tar archive could not be written or read.
public enum TarError: Error, Equatable, CustomStringConvertible {
    case nameNotSupported(String)
    case sizeMismatch
    case malformedHeader
    case truncated
    case unsupportedEntry(String)

    public var description: String {
        switch self {
        case .nameNotSupported(let name): return "the name \(name) is not a short ASCII path"
        case .sizeMismatch: return "an entry did not get exactly its size"
        case .malformedHeader: return "an entry header is damaged"
        case .truncated: return "the archive ends inside an entry"
        case .unsupportedEntry(let name): return "\(name) is not a regular file"
        }
    }
}
