import Foundation

/// Reads a stream in pieces through `read(maximum)` (which returns no bytes at the end), keeping what was read ahead.
struct ByteSource {
    private let read: (Int) throws -> Data
    private var buffer = Data()
    private var isAtEnd = false

    init(_ read: @escaping (Int) throws -> Data) {
        self.read = read
    }

    /// Up to `count` bytes; fewer only at the end of the stream.
    mutating func take(_ count: Int) throws -> Data {
        try fill(count)
        let taken = Data(buffer.prefix(count))
        buffer = Data(buffer.dropFirst(taken.count))
        return taken
    }

    /// Whether the stream has no further byte.
    mutating func atEnd() throws -> Bool {
        try fill(1)
        return buffer.isEmpty
    }

    /// One line without its newline; nil at the end of the stream, or when no newline comes within `limit` bytes.
    mutating func line(limit: Int) throws -> Data? {
        var searched = 0
        while true {
            if let newline = buffer[(buffer.startIndex + searched)...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = Data(buffer[buffer.startIndex..<newline])
                buffer = Data(buffer[(newline + 1)...])
                return line
            }
            searched = buffer.count
            guard searched <= limit, !isAtEnd else { return nil }
            try fill(buffer.count + 4096)
            if buffer.count == searched { return nil }
        }
    }

    private mutating func fill(_ count: Int) throws {
        while buffer.count < count, !isAtEnd {
            let piece = try read(max(count - buffer.count, 64 * 1024))
            if piece.isEmpty { isAtEnd = true } else { buffer.append(piece) }
        }
    }
}
