import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One HTTP/1.1 connection driven by hand over a plain socket, for what a browser library will not do: announce a body
/// and send only the start of it, stall halfway, and see whether and when the server answers (benchmarks and tests).
final class RawHTTP {
    private let socket: Int32

    init(port: Int) throws {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
        let flags = fcntl(socket, F_GETFL)
        _ = fcntl(socket, F_SETFL, flags | O_NONBLOCK)
    }

    deinit { close(socket) }

    /// Sends bytes until they are all out, the peer stops taking them for `patience`, or the connection fails; returns
    /// how many were sent.
    @discardableResult
    func send(_ bytes: [UInt8], patience: TimeInterval = 2) -> Int {
        var sent = 0
        var lastProgress = Date()
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count > 0 {
                sent += count
                lastProgress = Date()
            } else if errno == EAGAIN || errno == EWOULDBLOCK {
                if Date().timeIntervalSince(lastProgress) > patience { break }
                usleep(5_000)
            } else {
                break
            }
        }
        return sent
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// The server's answer (head and, by its Content-Length, body) as far as it came within `timeout`; empty when
    /// nothing came.
    func response(within timeout: TimeInterval) -> String {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        while Date() < deadline {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count > 0 {
                received += buffer[0..<count]
                if Self.isComplete(received) { break }
            } else if count == 0 {
                break
            } else {
                usleep(5_000)
            }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// Whether a head and as much body as it announces have arrived.
    private static func isComplete(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let end = text.range(of: "\r\n\r\n") else { return false }
        let head = text[..<end.lowerBound].lowercased()
        guard let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
            let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces))
        else { return true }
        return text[end.upperBound...].utf8.count >= length
    }

    /// The status line's code, or 0.
    static func status(_ response: String) -> Int {
        let parts = response.split(separator: " ", maxSplits: 2)
        return parts.count > 1 ? Int(parts[1]) ?? 0 : 0
    }
}
