import Foundation

/// The 512-byte ustar header of a regular file.
enum TarHeader {
    static func encode(name: String, size: Int64, modified: Date) throws -> Data {
        let nameBytes = Array(name.utf8)
        guard !nameBytes.isEmpty, nameBytes.count <= 100, nameBytes.allSatisfy({ (0x21...0x7e).contains($0) }) else {
            throw TarError.nameNotSupported(name)
        }
        guard size >= 0, size < 0o77777777777 else { throw TarError.sizeMismatch }
        var header = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int) { header.replaceSubrange(offset..<(offset + bytes.count), with: bytes) }
        func octal(_ value: Int64, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(0, width - 1 - digits.count)) + digits).utf8) + [0]
        }
        put(nameBytes, at: 0)
        put(octal(0o600, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(max(0, Int64(modified.timeIntervalSince1970)), width: 12), at: 136)
        put(Array(repeating: UInt8(ascii: " "), count: 8), at: 148)
        header[156] = UInt8(ascii: "0")
        put(Array("ustar\u{0}00".utf8), at: 257)
        put(Array("haven".utf8), at: 265)
        put(Array("haven".utf8), at: 297)
        let checksum = header.reduce(0) { $0 + Int64($1) }
        put(
            Array((String(repeating: "0", count: 6 - String(checksum, radix: 8).count) + String(checksum, radix: 8)).utf8) + [0, 32],
            at: 148)
        return Data(header)
    }

    /// The name and size of a regular-file header; nil for the zero block that ends an archive.
    static func decode(_ block: Data) throws -> (name: String, size: Int64)? {
        let bytes = Array(block)
        guard bytes.count == 512 else { throw TarError.truncated }
        if bytes.allSatisfy({ $0 == 0 }) { return nil }
        func field(_ offset: Int, _ width: Int) -> [UInt8] {
            Array(bytes[offset..<(offset + width)].prefix { $0 != 0 })
        }
        func octal(_ offset: Int, _ width: Int) throws -> Int64 {
            let text = String(decoding: field(offset, width), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, let value = Int64(text, radix: 8), value >= 0 else { throw TarError.malformedHeader }
            return value
        }
        var unsigned = bytes
        unsigned.replaceSubrange(148..<156, with: Array(repeating: UInt8(ascii: " "), count: 8))
        guard try octal(148, 8) == unsigned.reduce(0, { $0 + Int64($1) }) else { throw TarError.malformedHeader }
        let prefix = field(345, 155)
        let name = String(decoding: (prefix.isEmpty ? [] : prefix + [UInt8(ascii: "/")]) + field(0, 100), as: UTF8.self)
        guard bytes[156] == UInt8(ascii: "0") || bytes[156] == 0 else { throw TarError.unsupportedEntry(name) }
        return (name, try octal(124, 12))
    }
}
