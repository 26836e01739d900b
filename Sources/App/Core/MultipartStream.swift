import Foundation
import NIOCore
import Vapor

/// A `multipart/form-data` body read as it arrives, part by part, so a handler can check the form's token and its
/// limits before it reads on, and hand file bytes to a sealed writer without holding them. Part headers are bounded,
/// and reading stops at the first malformed byte.
///
///     var form = try MultipartStream(req)
///     while let part = try await form.nextPart() {
///         if part.isFile { try await form.readBody(maximum: limit) { writer.append($0) } }
///         else { let value = try await form.readText(maximum: 64 << 10) }
///     }
struct MultipartStream {
    /// One part's name and, for a file, the name and type the browser gave.
    struct Part: Sendable {
        let name: String
        let filename: String?
        let contentType: String?

        /// A file input's part (browsers send `filename=""` for an empty file input).
        var isFile: Bool { filename != nil }
    }

    /// Why reading stopped.
    enum Failure: Error, Equatable {
        case malformed
        /// A part, or the text fields together, went beyond their limit.
        case tooLarge
        /// The body arrived more slowly than the deadline allows.
        case tooSlow
    }

    /// The largest header block of one part.
    static let maximumHeaderBytes = 8 * 1024

    private var source: Request.Body.AsyncIterator
    private let delimiter: [UInt8]
    private var buffer: [UInt8] = []
    private var position = 0
    private var isExhausted = false
    private var state = State.preamble
    /// A part whose headers were read but which was given back (`giveBack`): the next `nextPart` returns it again.
    private var unreadPart: Part?
    private let deadline: ContinuousClock.Instant
    /// Bytes taken from the request so far.
    private(set) var bytesRead = 0

    private enum State {
        case preamble, headers, body, done
    }

    /// Starts reading a streamed request; 400 when it is not multipart with a boundary.
    init(_ request: Request, deadline: Duration? = nil) throws {
        guard let type = request.headers.contentType, type.type == "multipart", type.subType == "form-data",
            let boundary = type.parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 200
        else {
            throw Abort(.badRequest, reason: "Expected a form with files.")
        }
        UnreadBodyMiddleware.markTaken(request)
        source = request.body.makeAsyncIterator()
        delimiter = Array("\r\n--\(boundary)".utf8)
        self.deadline = .now + (deadline ?? request.haven.configuration.uploadDeadline)
    }

    /// The next part's headers; nil after the last part. Skips whatever is left of the current part.
    mutating func nextPart() async throws -> Part? {
        if let part = unreadPart {
            unreadPart = nil
            return part
        }
        switch state {
        case .done: return nil
        case .body: try await readBody(maximum: .max) { _ in }
        case .preamble, .headers: break
        }
        if state == .preamble { try await skipPreamble() }
        guard state == .headers else { return nil }
        return try await readHeaders()
    }

    /// Reads the current part's bytes, handing them on as they come; throws `.tooLarge` past `maximum`.
    mutating func readBody(maximum: Int, _ body: (ArraySlice<UInt8>) throws -> Void) async throws {
        guard state == .body else { return }
        var total = 0
        while true {
            if let end = indexOfDelimiter() {
                total += end - position
                guard total <= maximum else { throw Failure.tooLarge }
                if end > position { try body(buffer[position..<end]) }
                position = end + delimiter.count
                try await finishDelimiter()
                return
            }
            // Keep enough bytes to recognise a delimiter split across chunks.
            let safe = buffer.count - (delimiter.count - 1)
            if safe > position {
                total += safe - position
                guard total <= maximum else { throw Failure.tooLarge }
                try body(buffer[position..<safe])
                position = safe
            }
            guard try await fill() else { throw Failure.malformed }
        }
    }

    /// Gives back the part just returned by `nextPart`, its body unread: the next `nextPart` returns it again.
    mutating func giveBack(_ part: Part) {
        unreadPart = part
    }

    /// After the last part: reads what follows it (a line break, at most 64 KiB) to the end of the request, so the
    /// connection can serve the next request.
    mutating func readToEnd() async throws {
        var epilogue = buffer.count - position
        while try await fill() {
            epilogue = buffer.count - position
            guard epilogue <= 64 << 10 else { throw Failure.malformed }
        }
        position = buffer.count
    }

    /// Whether the last part has been read.
    var isComplete: Bool { state == .done }

    /// The current part as UTF-8 text; throws `.tooLarge` past `maximum` bytes, 400 for bytes that are not UTF-8.
    mutating func readText(maximum: Int) async throws -> String {
        var bytes: [UInt8] = []
        try await readBody(maximum: maximum) { bytes.append(contentsOf: $0) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw Abort(.badRequest, reason: "The form's text is not valid UTF-8.")
        }
        return text
    }

    // MARK: Reading

    /// Pulls one more chunk from the request; false at its end.
    private mutating func fill() async throws -> Bool {
        guard !isExhausted else { return false }
        guard ContinuousClock.now < deadline else { throw Failure.tooSlow }
        let next: ByteBuffer?
        do {
            next = try await source.next()
        } catch {
            // The connection broke off or sent bytes that are not HTTP: a bad request, not a server error.
            throw Failure.malformed
        }
        guard let chunk = next else {
            isExhausted = true
            return false
        }
        if position > 0, position >= buffer.count / 2 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: chunk.readableBytesView)
        bytesRead += chunk.readableBytes
        return true
    }

    /// Ensures `count` unread bytes are buffered; false when the body ends first.
    private mutating func ensure(_ count: Int) async throws -> Bool {
        while buffer.count - position < count {
            guard try await fill() else { return false }
        }
        return true
    }

    /// The index where the delimiter starts in the unread bytes, if it is there (memchr for its first byte, then memcmp).
    private func indexOfDelimiter(from start: Int? = nil) -> Int? {
        firstIndex(of: delimiter, from: start ?? position)
    }

    /// The body starts with `--boundary` (the delimiter without its leading line break), possibly after a preamble.
    private mutating func skipPreamble() async throws {
        let opening = delimiter.dropFirst(2)
        guard try await ensure(opening.count) else { throw Failure.malformed }
        if buffer[position..<(position + opening.count)].elementsEqual(opening) {
            position += opening.count
        } else {
            while indexOfDelimiter() == nil {
                guard buffer.count - position <= Self.maximumHeaderBytes, try await fill() else { throw Failure.malformed }
            }
            position = indexOfDelimiter()! + delimiter.count
        }
        try await finishDelimiter()
    }

    /// After a delimiter: `--` ends the body, a line break starts the next part's headers.
    private mutating func finishDelimiter() async throws {
        guard try await ensure(2) else { throw Failure.malformed }
        let next = (buffer[position], buffer[position + 1])
        position += 2
        if next == (UInt8(ascii: "-"), UInt8(ascii: "-")) {
            state = .done
        } else if next == (UInt8(ascii: "\r"), UInt8(ascii: "\n")) {
            state = .headers
        } else {
            throw Failure.malformed
        }
    }

    /// Reads header lines up to the blank line; at most `maximumHeaderBytes`.
    private mutating func readHeaders() async throws -> Part {
        let terminator: [UInt8] = Array("\r\n\r\n".utf8)
        var searchFrom = position
        while true {
            if let end = firstIndex(of: terminator, from: searchFrom) {
                guard end - position <= Self.maximumHeaderBytes else { throw Failure.malformed }
                let block = String(decoding: buffer[position..<end], as: UTF8.self)
                position = end + terminator.count
                state = .body
                return try Self.part(fromHeaders: block)
            }
            searchFrom = max(position, buffer.count - terminator.count + 1)
            guard buffer.count - position <= Self.maximumHeaderBytes, try await fill() else { throw Failure.malformed }
        }
    }

    private func firstIndex(of pattern: [UInt8], from start: Int) -> Int? {
        guard start + pattern.count <= buffer.count else { return nil }
        return buffer.withUnsafeBufferPointer { bytes -> Int? in
            pattern.withUnsafeBufferPointer { wanted -> Int? in
                guard let base = bytes.baseAddress, let first = wanted.first, let wantedBase = wanted.baseAddress else { return nil }
                var index = start
                let last = bytes.count - wanted.count
                while index <= last {
                    guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                    let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + candidate, wantedBase, wanted.count) == 0 { return candidate }
                    index = candidate + 1
                }
                return nil
            }
        }
    }

    /// The part's name, file name and type from its `Content-Disposition` and `Content-Type` headers.
    static func part(fromHeaders block: String) throws -> Part {
        var name: String?
        var filename: String?
        var contentType: String?
        for line in block.split(separator: "\r\n", omittingEmptySubsequences: true) {
            guard let colon = line.firstIndex(of: ":") else { throw Failure.malformed }
            let header = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if header == "content-disposition" {
                let parameters = Self.parameters(value)
                name = parameters["name"]
                filename = parameters["filename"]
            } else if header == "content-type" {
                contentType = String(value.prefix(200))
            }
        }
        guard let name else { throw Failure.malformed }
        return Part(name: name, filename: filename, contentType: contentType)
    }

    /// `form-data; name="a"; filename="b \"c\".jpg"` → `["name": "a", "filename": "b \"c\".jpg"]`.
    static func parameters(_ value: String) -> [String: String] {
        var parameters: [String: String] = [:]
        var rest = Substring(value)
        while let semicolon = rest.firstIndex(of: ";") {
            rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let key = rest[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: equals)...]
            var parsed = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                while let character = rest.first, character != "\"" {
                    if character == "\\", let escaped = rest.dropFirst().first {
                        parsed.append(escaped)
                        rest = rest.dropFirst(2)
                    } else {
                        parsed.append(character)
                        rest = rest.dropFirst()
                    }
                }
                rest = rest.dropFirst()
            } else {
                let end = rest.firstIndex(of: ";") ?? rest.endIndex
                parsed = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            parameters[key] = parsed
        }
        return parameters
    }
}
