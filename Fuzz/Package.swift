// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The main package's identity: the name of the directory it is in, as SwiftPM names path dependencies.
let main = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

/// Coverage-guided fuzzing of Haven's parsers and vault decoders with libFuzzer. Built by `Fuzz/run.sh` with
/// `-sanitize=fuzzer,address` into `.build-fuzz/`; never part of the main build.
let package = Package(
    name: "HavenFuzz",
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
    ],
    targets: [
        .target(name: "FuzzSupport"),
        .executableTarget(name: "FuzzMarkup", dependencies: ["FuzzSupport", .product(name: "HavenDomain", package: main)]),
        .executableTarget(name: "FuzzIngest", dependencies: ["FuzzSupport", .product(name: "HavenIngest", package: main)]),
        .executableTarget(name: "FuzzDrafts", dependencies: ["FuzzSupport", .product(name: "HavenDomain", package: main)]),
        .executableTarget(
            name: "FuzzVault",
            dependencies: [
                "FuzzSupport", .product(name: "HavenVault", package: main), .product(name: "Crypto", package: "swift-crypto"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
