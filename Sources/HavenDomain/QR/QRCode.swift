/// A QR code symbol (ISO/IEC 18004), error correction level M, versions 1 to 10: enough for an `otpauth://` address.
/// Text of digits only is encoded in numeric mode, anything else as bytes (UTF-8). The mask is the one with the lowest
/// penalty, as the specification asks.
public struct QRCode: Sendable, Equatable {
    /// Why a text cannot be encoded.
    public enum Failure: Error, Equatable {
        /// More data than version 10 at level M holds.
        case tooLong
    }

    /// The version (1–10); the symbol is `17 + 4 × version` modules wide.
    public let version: Int
    /// The mask pattern chosen (0–7).
    public let mask: Int
    /// The modules row by row, `true` for dark.
    public let modules: [[Bool]]

    /// Modules per side.
    public var size: Int { modules.count }

    /// Encodes `text`; `mask` forces a mask pattern (tests), otherwise the one with the lowest penalty is chosen.
    public init(_ text: String, mask forcedMask: Int? = nil) throws {
        let numeric = !text.isEmpty && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        guard let (version, data) = Self.dataCodewords(Array(text.utf8), numeric: numeric) else { throw Failure.tooLong }
        let codewords = Self.interleaved(data, version: version)
        var symbol = Symbol(version: version)
        symbol.drawFunctionPatterns()
        symbol.drawCodewords(codewords)
        let chosen =
            forcedMask
            ?? (0..<8).min { a, b in
                Self.masked(symbol, a).penalty < Self.masked(symbol, b).penalty
            } ?? 0
        self.version = version
        self.mask = chosen
        self.modules = Self.masked(symbol, chosen).modules
    }

    /// An SVG path (`M x y h1 v1 h-1 z` per dark module, offset by a quiet zone of four modules) for a `viewBox` of
    /// `0 0 (size + 8) (size + 8)`.
    public var svgPath: String {
        var path = ""
        for (y, row) in modules.enumerated() {
            for (x, dark) in row.enumerated() where dark { path += "M\(x + 4) \(y + 4)h1v1h-1z" }
        }
        return path
    }

    // MARK: Data

    /// Per version at level M: error-correction codewords per block, and the blocks as (count, data codewords).
    static let levelM: [(ecPerBlock: Int, groups: [(count: Int, data: Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]),
        (16, [(4, 27)]), (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]), (26, [(4, 43), (1, 44)]),
    ]

    /// The centres of alignment patterns per version (rows and columns alike).
    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    /// The smallest version that holds the text, and its data codewords with terminator and padding.
    static func dataCodewords(_ bytes: [UInt8], numeric: Bool) -> (Int, [UInt8])? {
        for version in 1...10 {
            let capacity = levelM[version - 1].groups.reduce(0) { $0 + $1.count * $1.data }
            var bits = BitBuffer()
            if numeric {
                bits.append(0b0001, count: 4)
                bits.append(bytes.count, count: version < 10 ? 10 : 12)
                var index = 0
                while index < bytes.count {
                    let group = bytes[index..<min(index + 3, bytes.count)]
                    let value = group.reduce(0) { $0 * 10 + Int($1 - 0x30) }
                    bits.append(value, count: [0, 4, 7, 10][group.count])
                    index += 3
                }
            } else {
                bits.append(0b0100, count: 4)
                bits.append(bytes.count, count: version < 10 ? 8 : 16)
                for byte in bytes { bits.append(Int(byte), count: 8) }
            }
            guard bits.count <= capacity * 8 else { continue }
            bits.append(0, count: min(4, capacity * 8 - bits.count))
            bits.append(0, count: (8 - bits.count % 8) % 8)
            var codewords = bits.bytes
            var pad: UInt8 = 0xEC
            while codewords.count < capacity {
                codewords.append(pad)
                pad = pad == 0xEC ? 0x11 : 0xEC
            }
            return (version, codewords)
        }
        return nil
    }

    /// The data split into blocks, each followed by its Reed–Solomon codewords, interleaved as the symbol holds them.
    static func interleaved(_ data: [UInt8], version: Int) -> [UInt8] {
        let layout = levelM[version - 1]
        var blocks: [[UInt8]] = []
        var offset = 0
        for group in layout.groups {
            for _ in 0..<group.count {
                blocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let corrections = blocks.map { ReedSolomon.remainder(of: $0, degree: layout.ecPerBlock) }
        var result: [UInt8] = []
        for index in 0..<(blocks.map(\.count).max() ?? 0) {
            for block in blocks where index < block.count { result.append(block[index]) }
        }
        for index in 0..<layout.ecPerBlock {
            for correction in corrections { result.append(correction[index]) }
        }
        return result
    }

    static func masked(_ symbol: Symbol, _ mask: Int) -> Symbol {
        var copy = symbol
        copy.apply(mask: mask)
        copy.drawFormat(mask: mask)
        return copy
    }
}

/// Bits appended most significant first.
struct BitBuffer {
    private(set) var bits: [Bool] = []
    var count: Int { bits.count }

    mutating func append(_ value: Int, count: Int) {
        for shift in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> shift) & 1 == 1) }
    }

    var bytes: [UInt8] {
        stride(from: 0, to: bits.count, by: 8).map { start in
            bits[start..<start + 8].reduce(0) { ($0 << 1) | ($1 ? 1 : 0) }
        }
    }
}

/// Reed–Solomon error correction over GF(256) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var result: UInt8 = 0
        var a = Int(a)
        var b = b
        while b != 0 {
            if b & 1 == 1 { result ^= UInt8(a & 0xFF) }
            a <<= 1
            if a & 0x100 != 0 { a ^= 0x11D }
            b >>= 1
        }
        return result
    }

    /// The generator polynomial's coefficients (highest degree first, the leading 1 left out).
    static func generator(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for index in 0..<degree {
                coefficients[index] = multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = multiply(root, 0x02)
        }
        return coefficients
    }

    /// The error-correction codewords of one block.
    static func remainder(of data: [UInt8], degree: Int) -> [UInt8] {
        let divisor = generator(degree: degree)
        var result = [UInt8](repeating: 0, count: degree)
        for byte in data {
            let factor = byte ^ result.removeFirst()
            result.append(0)
            for index in 0..<degree { result[index] ^= multiply(divisor[index], factor) }
        }
        return result
    }
}
