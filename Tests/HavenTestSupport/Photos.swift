import Foundation

/// Real image files that carry GPS position, device and author tags (see `Photos/README.md`).
public enum Photos {
    /// The formats the fixtures exist in, by file extension.
    public static let extensions = ["jpg", "png", "webp", "heic"]

    /// The bytes of `gps.<ext>`.
    public static func withGPS(_ ext: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: "gps", withExtension: ext, subdirectory: "Photos") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return Array(try Data(contentsOf: url))
    }

    /// Marker strings the fixtures carry in their metadata, none of which may survive removal.
    public static let markers = [
        "HavenTestMake", "HavenTestModel", "HAVENSERIAL123", "HavenXMPCreator", "HavenIPTCByline", "HavenComment", "2024:05:19",
    ]
}
