import Foundation

/// Reads a ustar archive from a stream of pieces (`next()` returns nil at the end): each regular file's name, then
/// its bytes in pieces. Anything but a regular file, a damaged header or a cut-off entry is refused.
public struct TarReader {
    private let next: () throws -> Data?
    private var buffer = Data()
    private var remaining: Int64 = 0
    private var padding = 0
    private var isAtEnd = false

    public init(next: @escaping () throws -> Data?) {
        self.next = next
    }

    /// Moves to the next entry, skipping what is left of the current one; nil at the end of the archive.
    public mutating func nextEntry() throws -> (name: String, size: Int64)? {
        while try readContent() != nil {}
        _ = try take(padding)
        padding = 0
        guard !isAtEnd else { return nil }
        let block = try take(512)
        guard block.count == 512 else { throw TarError.truncated }
        guard let entry = try TarHeader.decode(block) else {
            isAtEnd = true
            try readToTheEnd()
            return nil
        }
        remaining = entry.size
        padding = Int((512 - entry.size % 512) % 512)
        return entry
    }

    /// The next piece of the current entry's bytes; nil when the entry is read.
    public mutating func readContent() throws -> Data? {
        guard remaining > 0 else { return nil }
        if buffer.isEmpty {
            guard let piece = try next() else { throw TarError.truncated }
            buffer = piece
        }
        let count = Int(min(Int64(buffer.count), remaining))
        let piece = Data(buffer.prefix(count))
        buffer = Data(buffer.dropFirst(count))
        remaining -= Int64(count)
        return piece
    }

    /// After the end marker only zero padding may follow; reading it all also lets the stream below check its own end
    /// (an encrypted stream authenticates its last chunk only when that chunk is read).
    private mutating func readToTheEnd() throws {
        guard buffer.allSatisfy({ $0 == 0 }) else { throw TarError.malformedHeader }
        buffer = Data()
        while let piece = try next() {
            guard piece.allSatisfy({ $0 == 0 }) else { throw TarError.malformedHeader }
        }
    }

    private mutating func take(_ count: Int) throws -> Data {
        while buffer.count < count {
            guard let piece = try next() else { break }
            buffer.append(piece)
        }
        let taken = Data(buffer.prefix(count))
        buffer = Data(buffer.dropFirst(taken.count))
        if taken.count < count, count > 0 { throw TarError.truncated }
        return taken
    }
}
