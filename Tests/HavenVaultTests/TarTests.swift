import Foundation
import Testing

@testable import HavenVault

@Suite("tar archives")
struct TarTests {
    @Test("entries of any size round trip, and the system tar lists them")
    func roundTrip() throws {
        var archive = Data()
        var writer = TarWriter { archive.append($0) }
        let sizes = [0, 1, 511, 512, 513, 70_000]
        for (index, size) in sizes.enumerated() {
            try writer.add(name: "part/\(index).bin", data: Data(repeating: UInt8(index + 1), count: size), modified: Date())
        }
        try writer.finish()
        #expect(archive.count % 512 == 0)
        var offset = 0
        var reader = TarReader {
            guard offset < archive.count else { return nil }
            let end = min(archive.count, offset + 3_000)
            defer { offset = end }
            return archive[offset..<end]
        }
        var found: [(String, Data)] = []
        while let entry = try reader.nextEntry() {
            var data = Data()
            while let piece = try reader.readContent() { data.append(piece) }
            #expect(Int64(data.count) == entry.size)
            found.append((entry.name, data))
        }
        #expect(found.map(\.0) == sizes.indices.map { "part/\($0).bin" })
        #expect(found.map(\.1.count) == sizes)
        #expect(found.enumerated().allSatisfy { index, item in item.1.allSatisfy { $0 == UInt8(index + 1) } })

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("haven-tar-\(UUID().uuidString).tar")
        defer { try? FileManager.default.removeItem(at: file) }
        try archive.write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tar", "-tvf", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(listing.contains("part/5.bin") && listing.contains("70000"))
    }

    @Test("a damaged header, a cut-off entry and a size other than declared are refused")
    func damage() throws {
        var archive = Data()
        var writer = TarWriter { archive.append($0) }
        try writer.add(name: "a.txt", data: Data(repeating: 65, count: 1_000), modified: Date())
        try writer.finish()
        func read(_ bytes: Data) throws {
            var given = false
            var reader = TarReader {
                defer { given = true }
                return given ? nil : bytes
            }
            while try reader.nextEntry() != nil { while try reader.readContent() != nil {} }
        }
        var changed = archive
        changed[130] ^= 0x01
        #expect(throws: TarError.malformedHeader) { try read(changed) }
        #expect(throws: TarError.truncated) { try read(archive.prefix(700)) }
        var tooShort = TarWriter { _ in }
        try tooShort.beginEntry(name: "b", size: 10, modified: Date())
        try tooShort.write(Data(count: 4))
        #expect(throws: TarError.sizeMismatch) { try tooShort.endEntry() }
        #expect(throws: TarError.sizeMismatch) { try tooShort.write(Data(count: 7)) }
        var other = TarWriter { _ in }
        #expect(throws: TarError.nameNotSupported("with space")) { try other.add(name: "with space", data: Data(), modified: Date()) }
    }
}
