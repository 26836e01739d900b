import Foundation

/// Writes a POSIX ustar archive as a stream: each entry's header, its bytes as they come, and padding to 512 bytes.
/// Only regular files, with names of at most 100 ASCII bytes; any `tar` reads the result.
public struct TarWriter {
    private let sink: (Data) throws -> Void
    private var remaining: Int64 = 0
    private var entrySize: Int64 = 0
    private var isInEntry = false

    public init(sink: @escaping (Data) throws -> Void) {
        self.sink = sink
    }

    /// Starts an entry of exactly `size` bytes.
    public mutating func beginEntry(name: String, size: Int64, modified: Date) throws {
        precondition(!isInEntry, "the previous entry is not finished")
        try sink(try TarHeader.encode(name: name, size: size, modified: modified))
        remaining = size
        entrySize = size
        isInEntry = true
    }

    /// Adds bytes to the current entry; more than its size is an error.
    public mutating func write(_ data: some DataProtocol) throws {
        guard Int64(data.count) <= remaining else { throw TarError.sizeMismatch }
        remaining -= Int64(data.count)
        try sink(Data(data))
    }

    /// Ends the current entry, which must have received exactly its size.
    public mutating func endEntry() throws {
        guard isInEntry, remaining == 0 else { throw TarError.sizeMismatch }
        isInEntry = false
        let padding = Int((512 - entrySize % 512) % 512)
        if padding > 0 { try sink(Data(count: padding)) }
    }

    /// A whole entry from bytes in memory.
    public mutating func add(name: String, data: Data, modified: Date) throws {
        try beginEntry(name: name, size: Int64(data.count), modified: modified)
        try write(data)
        try endEntry()
    }

    /// Ends the archive with its two zero blocks.
    public func finish() throws {
        precondition(!isInEntry, "the last entry is not finished")
        try sink(Data(count: 1024))
    }
}
