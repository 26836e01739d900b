// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Haven",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "haven", targets: ["Haven"]),
        // The pure targets as libraries, for the fuzzing package in Fuzz/ (which builds them with -sanitize=fuzzer).
        .library(name: "HavenDomain", targets: ["HavenDomain"]),
        .library(name: "HavenIngest", targets: ["HavenIngest"]),
        .library(name: "HavenVault", targets: ["HavenVault"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing.git", from: "1.19.7"),
    ],
    targets: [
        .target(name: "CHavenSystem"),
        .target(name: "HavenDomain"),
        .target(name: "HavenIngest", dependencies: ["HavenDomain"]),
        .target(
            name: "HavenVault",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "App",
            dependencies: [
                "CHavenSystem",
                "HavenDomain",
                "HavenVault",
                "HavenIngest",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Localization")]
        ),
        .executableTarget(name: "Haven", dependencies: ["App"]),
        .target(name: "HavenTestSupport", path: "Tests/HavenTestSupport", exclude: ["Photos/README.md"], resources: [.copy("Photos")]),
        .testTarget(name: "HavenDomainTests", dependencies: ["HavenDomain", "HavenTestSupport"]),
        .testTarget(name: "HavenVaultTests", dependencies: ["HavenVault", "HavenTestSupport"]),
        .testTarget(name: "HavenIngestTests", dependencies: ["HavenIngest", "HavenDomain", "HavenTestSupport"]),
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App",
                "HavenTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
