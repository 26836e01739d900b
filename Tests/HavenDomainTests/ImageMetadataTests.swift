import Foundation
import HavenTestSupport
import Testing

@testable import HavenDomain

@Suite("Photo metadata removal")
struct ImageMetadataTests {
    /// The tools that read and decode the formats independently of Haven: the oracle for what is left in a file.
    static let tools = ["exiftool", "djpeg", "dwebp", "heif-convert"]
    static let toolsRequired = ProcessInfo.processInfo.environment["HAVEN_TEST_REQUIRE_IMAGE_TOOLS"] == "1"
    static let toolsPresent = tools.allSatisfy { executable($0) != nil }

    @Test("each real photo loses its GPS position, device, serial number, author, comment and moment", arguments: Photos.extensions)
    func markersGone(ext: String) throws {
        let original = try Photos.withGPS(ext)
        let stripped = try #require(ImageMetadata.stripped(original))
        let text = String(decoding: stripped, as: UTF8.self)
        for marker in Photos.markers { #expect(!text.contains(marker), "\(ext): \(marker) survived") }
        #expect(ImageMetadata.format(of: stripped) == ImageMetadata.format(of: original))
        #expect(ImageMetadata.stripped(stripped) != nil, "the result is still a well-formed \(ext)")
        for marker in Photos.markers.prefix(2) {
            #expect(String(decoding: original, as: UTF8.self).contains(marker), "the fixture carries \(marker)")
        }
    }

    @Test("the JPEG keeps its orientation and nothing else of its EXIF; a file without metadata stays the same picture")
    func orientationKept() throws {
        let stripped = try #require(ImageMetadata.stripped(try Photos.withGPS("jpg")))
        let exif = try #require(stripped.firstRange(of: Array("Exif\0\0".utf8)))
        #expect(ImageMetadata.exifOrientation(Array(stripped[exif.upperBound...])) == 6)
        #expect(ImageMetadata.stripped(stripped) == stripped, "removal is idempotent")
    }

    @Test("files that are not images, or are cut short or damaged, give nil or a file — never a trap")
    func malformed() throws {
        #expect(ImageMetadata.stripped(Array("%PDF-1.7 not an image".utf8)) == nil)
        #expect(ImageMetadata.stripped([]) == nil)
        #expect(ImageMetadata.format(of: Array("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)) == nil)
        var generator = SystemRandomNumberGenerator()
        for ext in Photos.extensions {
            let original = try Photos.withGPS(ext)
            for cut in stride(from: 0, to: original.count, by: max(1, original.count / 97)) {
                _ = ImageMetadata.stripped(Array(original.prefix(cut)))
            }
            for _ in 0..<300 {
                var damaged = original
                for _ in 0..<4 {
                    damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                }
                if let result = ImageMetadata.stripped(damaged) { #expect(!result.isEmpty) }
            }
        }
        #expect(ImageMetadata.stripped(Array(try Photos.withGPS("png").prefix(40))) == nil, "a PNG cut before IEND is refused")
    }

    @Test(
        "exiftool finds no GPS, device or author tag left, and the decoders give the same pixels as before",
        .enabled(if: toolsPresent || toolsRequired), arguments: Photos.extensions)
    func independentOracle(ext: String) throws {
        for tool in Self.tools { #expect(Self.executable(tool) != nil, "\(tool) is required (HAVEN_TEST_REQUIRE_IMAGE_TOOLS=1)") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("haven-photos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = directory.appendingPathComponent("before.\(ext)")
        let after = directory.appendingPathComponent("after.\(ext)")
        try Data(try Photos.withGPS(ext)).write(to: before)
        try Data(try #require(ImageMetadata.stripped(try Photos.withGPS(ext)))).write(to: after)

        let tagsBefore = try Self.tags(before)
        let tagsAfter = try Self.tags(after)
        #expect(tagsBefore.keys.contains { $0.hasPrefix("GPS") } && tagsBefore["Make"] != nil, "the fixture has GPS and device tags")
        let leaked = tagsAfter.keys.filter {
            $0.hasPrefix("GPS") || ["Make", "Model", "SerialNumber", "Creator", "By-line", "Comment", "DateTimeOriginal"].contains($0)
        }
        #expect(leaked.isEmpty, "\(ext): \(leaked)")
        #expect(tagsAfter["Error"] == nil && tagsAfter["Warning"] == nil, "\(ext): \(tagsAfter["Error"] ?? tagsAfter["Warning"] ?? "")")
        if ext == "jpg" { #expect(tagsAfter["Orientation"] == "6") }
        let pixelsBefore = try Self.decoded(before, ext: ext, in: directory)
        #expect(!pixelsBefore.isEmpty)
        #expect(try Self.decoded(after, ext: ext, in: directory) == pixelsBefore, "\(ext): the picture changed")
    }

    // MARK: - Tools

    static func executable(_ name: String) -> String? {
        ["/usr/bin/", "/usr/local/bin/", "/bin/"].map { $0 + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable(tool)))
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }

    /// The tags exiftool reads, by name, as text (`-n`: numbers as numbers).
    static func tags(_ file: URL) throws -> [String: String] {
        let json = try run("exiftool", ["-j", "-n", "-a", file.path])
        let objects = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: Any]])
        return (objects.first ?? [:]).mapValues { "\($0)" }
    }

    /// The decoded pixels, as the format's own reference decoder gives them (PNG: the image data chunks).
    static func decoded(_ file: URL, ext: String, in directory: URL) throws -> Data {
        switch ext {
        case "jpg":
            return try run("djpeg", ["-ppm", file.path])
        case "webp":
            let out = directory.appendingPathComponent(file.lastPathComponent + ".ppm")
            _ = try run("dwebp", [file.path, "-ppm", "-o", out.path])
            return try Data(contentsOf: out)
        case "heic":
            let out = directory.appendingPathComponent(file.lastPathComponent + ".png")
            _ = try run("heif-convert", [file.path, out.path])
            return try idat(Array(try Data(contentsOf: out)))
        default:
            return try idat(Array(try Data(contentsOf: file)))
        }
    }

    /// A PNG's image data chunks joined (what a decoder inflates), which metadata removal must leave as they were.
    static func idat(_ png: [UInt8]) throws -> Data {
        var data = Data()
        var index = 8
        while index + 12 <= png.count {
            let length = png[index..<(index + 4)].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: png[(index + 4)..<(index + 8)], as: UTF8.self) == "IDAT" {
                data.append(contentsOf: png[(index + 8)..<(index + 8 + length)])
            }
            index += 12 + length
        }
        return data
    }
}
