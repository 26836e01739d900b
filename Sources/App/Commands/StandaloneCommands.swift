import Crypto
import Foundation
import HavenVault
import Logging

/// Commands that must run before Haven opens its database or makes its key files: `haven restore` (into an empty
/// target), `haven backup --verify` (needs only the archive and a key) and `haven recovery-key` (needs only the key).
public enum StandaloneCommands {
    /// Runs `arguments` (the whole command line) if it is one of these commands and returns its exit status; nil
    /// when it is another command.
    public static func run(_ arguments: [String], configuration: HavenConfiguration) async -> Int32? {
        let words = Array(arguments.dropFirst())
        guard let command = words.first else { return nil }
        do {
            switch command {
            case "restore":
                try await restore(options(words.dropFirst()), configuration: configuration)
            case "backup" where words.contains("--verify"):
                try verify(options(words.dropFirst()))
            case "recovery-key":
                try recoveryKey(Array(words.dropFirst()))
            default:
                return nil
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("haven: \(error)\n".utf8))
            return 1
        }
    }

    private static func options(_ words: ArraySlice<String>) throws -> [String: String] {
        var options: [String: String] = [:]
        var iterator = words.makeIterator()
        while let word = iterator.next() {
            guard word.hasPrefix("--"), let value = iterator.next() else { throw CommandFailure("unexpected \(word)") }
            options[String(word.dropFirst(2))] = value
        }
        return options
    }

    /// The recovery key (or an age identity) from the first line of standard input.
    static func identityFromStandardInput() throws -> Curve25519.KeyAgreement.PrivateKey {
        guard let line = readLine(strippingNewline: true), !line.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw CommandFailure("standard input: give the recovery key")
        }
        return try identity(from: line)
    }

    /// Reads the recovery key as Haven prints it, or an `AGE-SECRET-KEY-1…` identity.
    static func identity(from line: String) throws -> Curve25519.KeyAgreement.PrivateKey {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.uppercased().hasPrefix("AGE-SECRET-KEY-1") { return try AgeKeys.parseIdentity(trimmed) }
        do {
            return try RecoveryKey.parse(trimmed)
        } catch {
            throw CommandFailure("recovery key: \(error)")
        }
    }

    private static func verify(_ options: [String: String]) throws {
        guard let path = options["verify"], !path.isEmpty else { throw CommandFailure("--verify: give the archive to check") }
        let manifest = try Backups.verify(URL(fileURLWithPath: path), identity: try identityFromStandardInput())
        let rows = manifest.tables.reduce(0) { $0 + $1.rows }
        print(
            """
            OK: every part of \(path) matches its manifest.
            format \(manifest.format) \(manifest.version), taken \(manifest.createdAt) on \(manifest.engine), organisation \(manifest.organisation ?? "?")
            last migration \(manifest.migrations.last ?? "none"); \(rows) rows in \(manifest.tables.count) tables; \(manifest.parts.count) parts
            """)
        for table in manifest.tables where table.rows > 0 { print("  \(table.name): \(table.rows)") }
    }

    private static func restore(_ options: [String: String], configuration: HavenConfiguration) async throws {
        guard let path = options["input"], !path.isEmpty else { throw CommandFailure("--input: give the archive to restore") }
        let identity = try identityFromStandardInput()
        var logger = Logger(label: "haven.restore")
        logger.logLevel = configuration.logLevel
        let summary = try await BackupRestore(configuration: configuration, logger: logger).run(
            from: URL(fileURLWithPath: path), identity: identity)
        print(
            """
            Restored \(summary.rows) rows and \(summary.files) files from \(path) (taken \(summary.manifest.createdAt) on \(summary.manifest.engine)).
            The search indexes were rebuilt and the audit log verifies. Staff sign in with their passwords as before.
            """)
    }

    private static func recoveryKey(_ words: [String]) throws {
        let identity = try identityFromStandardInput()
        switch words.first {
        case "age-identity": print(AgeKeys.identity(identity))
        case "age-recipient": print(AgeKeys.recipient(identity.publicKey))
        default: throw CommandFailure("recovery-key: say age-identity (to decrypt a backup with the age tool) or age-recipient")
        }
    }
}
