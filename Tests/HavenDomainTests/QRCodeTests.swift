import Foundation
import Testing

@testable import HavenDomain

@Suite("QR codes")
struct QRCodeTests {
    static let zbar = ["/usr/bin/zbarimg", "/usr/local/bin/zbarimg"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let zbarRequired = ProcessInfo.processInfo.environment["HAVEN_TEST_REQUIRE_ZBAR"] == "1"

    @Test("the specification's example: 01234567 as 1-M gives its data and error-correction codewords")
    func specificationExample() throws {
        let (version, data) = try #require(QRCode.dataCodewords(Array("01234567".utf8), numeric: true))
        #expect(version == 1)
        #expect(data == [0x10, 0x20, 0x0C, 0x56, 0x61, 0x80, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11, 0xEC, 0x11])
        #expect(
            ReedSolomon.remainder(of: data, degree: 10) == [0xA5, 0x24, 0xD4, 0xC1, 0xED, 0x36, 0xC7, 0x87, 0x2C, 0x55])
        let symbol = try QRCode("01234567")
        #expect(symbol.size == 21 && symbol.version == 1)
    }

    @Test("function patterns: finders, timing, the dark module and format bits where the specification puts them")
    func functionPatterns() throws {
        let symbol = try QRCode("otpauth://totp/Haven:a%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Haven")
        let size = symbol.size
        #expect(size == 17 + 4 * symbol.version)
        for (x, y) in [(0, 0), (size - 7, 0), (0, size - 7)] {
            #expect((0..<7).allSatisfy { symbol.modules[y][x + $0] && symbol.modules[y + 6][x + $0] })
            #expect(!symbol.modules[y + 1][x + 1] && symbol.modules[y + 3][x + 3])
        }
        #expect((8..<(size - 8)).allSatisfy { symbol.modules[6][$0] == ($0 % 2 == 0) })
        #expect(symbol.modules[size - 8][8])
        let copyOne = (0..<15).map { index -> Bool in
            switch index {
            case 0...5: return symbol.modules[index][8]
            case 6: return symbol.modules[7][8]
            case 7: return symbol.modules[8][8]
            case 8: return symbol.modules[8][7]
            default: return symbol.modules[8][14 - index]
            }
        }
        let copyTwo = (0..<15).map { index in
            index < 8 ? symbol.modules[8][size - 1 - index] : symbol.modules[size - 15 + index][8]
        }
        #expect(copyOne == copyTwo)
        let bits = copyOne.enumerated().reduce(0) { $0 | (($1.element ? 1 : 0) << $1.offset) } ^ 0x5412
        #expect(bits >> 13 == 0b00, "level M")
        #expect((bits >> 10) & 0b111 == symbol.mask)
    }

    @Test("more than version 10 holds is refused")
    func tooLong() {
        #expect(throws: QRCode.Failure.tooLong) { try QRCode(String(repeating: "x", count: 300)) }
        #expect(throws: Never.self) { try QRCode(String(repeating: "x", count: 213)) }
    }

    @Test(
        "a real reader (zbar) reads back every version, both modes, every mask and non-Latin text",
        .enabled(if: zbar != nil || zbarRequired))
    func readBack() throws {
        let zbar = try #require(Self.zbar, "zbarimg is required (HAVEN_TEST_REQUIRE_ZBAR=1) but not installed")
        var texts = [
            "1", "01234567", String(repeating: "9", count: 300), "Кишинёв — Chișinău", "otpauth://totp/Haven:x?secret=A&issuer=Haven",
        ]
        texts += stride(from: 5, through: 213, by: 13).map { length in String((0..<length).map { "abcdefghij:/?&=%"[$0 % 16] }) }
        var versions = Set<Int>()
        for text in texts {
            let symbol = try QRCode(text)
            versions.insert(symbol.version)
            #expect(try Self.read(symbol, zbar: zbar) == text, "version \(symbol.version)")
        }
        #expect(versions == Set(1...10))
        for mask in 0..<8 {
            let symbol = try QRCode("mask test \(mask)", mask: mask)
            #expect(symbol.mask == mask)
            #expect(try Self.read(symbol, zbar: zbar) == "mask test \(mask)")
        }
    }

    /// Draws the symbol as a greyscale image (four pixels a module, a quiet zone of four) and reads it with zbar.
    static func read(_ symbol: QRCode, zbar: String) throws -> String {
        let scale = 4
        let side = (symbol.size + 8) * scale
        var pixels = [UInt8](repeating: 255, count: side * side)
        for (y, row) in symbol.modules.enumerated() {
            for (x, dark) in row.enumerated() where dark {
                for dy in 0..<scale {
                    for dx in 0..<scale { pixels[((y + 4) * scale + dy) * side + (x + 4) * scale + dx] = 0 }
                }
            }
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString).pgm")
        defer { try? FileManager.default.removeItem(at: file) }
        try (Data("P5\n\(side) \(side)\n255\n".utf8) + Data(pixels)).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: zbar)
        process.arguments = ["--raw", "-q", "-Sbinary", file.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}

extension String {
    fileprivate subscript(_ index: Int) -> Character { self[self.index(startIndex, offsetBy: index)] }
}
