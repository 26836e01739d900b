import Foundation
import HavenTestSupport
import Testing

@testable import HavenVault

@Suite("ZIP archives")
struct ZipWriterTests {
    @Test("CRC-32 agrees with the check value, and unzip tests and lists the archive")
    func archive() throws {
        #expect(CRC32.checksum(Data("123456789".utf8)) == 0xCBF4_3926)
        var zip = ZipWriter()
        try zip.add("incidents.csv", data: Data("\u{FEFF}code,title\r\nI-1,Кишинёв\r\n".utf8))
        try zip.add("пустой.csv", data: Data())
        try zip.add("big.bin", data: Data(repeating: 9, count: 100_000))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("haven-zip-\(UUID().uuidString).zip")
        defer { try? FileManager.default.removeItem(at: file) }
        try zip.data.write(to: file)
        let entries = StoredZip.entries(zip.data)
        #expect(entries.allSatisfy { CRC32.checksum($0.data) == $0.crc })
        #expect(entries.map(\.name) == ["incidents.csv", "пустой.csv", "big.bin"])
        #expect(entries[2].data == Data(repeating: 9, count: 100_000))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-t", file.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
