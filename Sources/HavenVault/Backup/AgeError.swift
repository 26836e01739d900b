import Foundation

/// Why an age file could not be read.
public enum AgeError: Error, Equatable, CustomStringConvertible {
    /// The header is not an age v1 header (or is not canonical).
    case malformedHeader(String)
    /// No recipient stanza opens with the given identity: the file was encrypted to other keys.
    case noMatchingRecipient
    /// The header's MAC does not match: the header was changed.
    case headerAuthenticationFailed
    /// A payload chunk failed authentication: changed, reordered, or cut at a chunk boundary.
    case chunkAuthenticationFailed(chunk: Int)
    /// The file ends before its last chunk.
    case truncated
    /// Bytes follow the last chunk.
    case trailingData
    /// A recipient or identity string that does not parse.
    case malformedKey(String)

    public var description: String {
        switch self {
        case .malformedHeader(let detail): return "not an age v1 file (\(detail))"
        case .noMatchingRecipient: return "the file is not encrypted to this key"
        case .headerAuthenticationFailed: return "the file's header was changed (its MAC does not match)"
        case .chunkAuthenticationFailed(let chunk): return "chunk \(chunk) of the file was changed or reordered (it fails authentication)"
        case .truncated: return "the file is cut short"
        case .trailingData: return "the file has data after its last chunk"
        case .malformedKey(let detail): return "not an age key (\(detail))"
        }
    }
}
