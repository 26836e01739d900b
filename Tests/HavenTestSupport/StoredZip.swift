import Foundation

/// Reads the entries of a ZIP of stored (uncompressed) files from their local headers, for tests of exports.
public enum StoredZip {
    /// Each entry's name, bytes and the CRC-32 its header gives.
    public static func entries(_ data: Data) -> [(name: String, data: Data, crc: UInt32)] {
        let bytes = [UInt8](data)
        func le16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func le32(_ at: Int) -> Int { le16(at) | le16(at + 2) << 16 }
        var entries: [(String, Data, UInt32)] = []
        var offset = 0
        while offset + 30 <= bytes.count, le32(offset) == 0x0403_4b50 {
            let size = le32(offset + 18)
            let nameLength = le16(offset + 26)
            let extra = le16(offset + 28)
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let start = offset + 30 + nameLength + extra
            guard start + size <= bytes.count else { break }
            entries.append((name, Data(bytes[start..<(start + size)]), UInt32(le32(offset + 14))))
            offset = start + size
        }
        return entries
    }
}
