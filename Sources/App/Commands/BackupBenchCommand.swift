import Crypto
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// `haven bench backup`: backup, verification and restore of an instance with many incidents and large evidence
/// files: the time, the archive's size and the peak memory of each.
struct BackupBenchCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "incidents", help: "Synthetic incidents (default 100000)")
        var incidents: Int?
        @Option(name: "megabytes", help: "Evidence files in all, in files of 10 MB (default 1000)")
        var megabytes: Int?
        @Option(name: "postgres", help: "An empty PostgreSQL database to restore into as well (postgres://…)")
        var postgres: String?
    }

    var help: String { "Measures backup, verify and restore (SQLite, and PostgreSQL with --postgres) with N incidents and M MB of files." }

    /// One measured step.
    private struct Step {
        let name: String
        let seconds: Double
        let peakMegabytes: Double
        let startMegabytes: Double
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let incidents = max(1_000, signature.incidents ?? 100_000)
        let megabytes = max(10, signature.megabytes ?? 1_000)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("haven-bench-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let archive = scratch.appendingPathComponent("backup.age")
        var steps: [Step] = []
        let recovery = try await ThrowawayInstance.run(in: nil, named: "bench-backup") { app, directory in
            let recovery = try await seed(app, directory: directory, incidents: incidents, megabytes: megabytes, console: context.console)
            steps.append(
                try await measure("backup") {
                    _ = try await app.haven.backups.write(to: archive, eventLoop: app.eventLoopGroup.any())
                })
            return recovery
        }
        steps.append(try await measure("verify") { _ = try Backups.verify(archive, identity: recovery) })
        let sqliteTarget = scratch.appendingPathComponent("restored")
        let sqlite = HavenConfiguration(
            dataDirectory: sqliteTarget, storage: .sqlite(path: sqliteTarget.appendingPathComponent("haven.sqlite").path), logLevel: .error)
        steps.append(try await measure("restore into SQLite") { _ = try await restore(archive, recovery, into: sqlite) })
        if let url = signature.postgres, !url.isEmpty {
            let target = scratch.appendingPathComponent("restored-pg")
            let postgres = HavenConfiguration(dataDirectory: target, storage: .postgres(url: url, searchPath: nil), logLevel: .error)
            steps.append(try await measure("restore into PostgreSQL") { _ = try await restore(archive, recovery, into: postgres) })
        }
        let archiveBytes = (try FileManager.default.attributesOfItem(atPath: archive.path)[.size] as? Int) ?? 0
        report(steps, incidents: incidents, megabytes: megabytes, archiveBytes: archiveBytes, console: context.console)
    }

    private func restore(_ archive: URL, _ recovery: Curve25519.KeyAgreement.PrivateKey, into configuration: HavenConfiguration)
        async throws
        -> BackupRestore.Summary
    {
        var logger = Logger(label: "bench-restore")
        logger.logLevel = .error
        return try await BackupRestore(configuration: configuration, logger: logger).run(from: archive, identity: recovery)
    }

    /// An organisation, `incidents` synthetic incidents and `megabytes` of sealed-looking files.
    private func seed(_ app: Application, directory: URL, incidents: Int, megabytes: Int, console: any Console) async throws
        -> Curve25519.KeyAgreement.PrivateKey
    {
        let pending = try await app.haven.setup.prepare(
            organisationName: "Bench", email: EmailAddress("admin@bench.invalid")!, password: "bench password not used")
        _ = try await app.haven.setup.commit(pending, actor: "bench", on: app.db)
        var filler = BenchFiller(app: app, corpus: BenchCorpus())
        try await filler.fill(from: 0, to: incidents) { done in console.print("  \(done) incidents…") }
        let files = directory.appendingPathComponent("files")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        // Sealed files look random; the archive does not compress, so one random megabyte written over and over will do.
        let block = Data((0..<(1 << 15)).flatMap { _ in SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) } })
        for _ in 0..<(megabytes / 10) {
            let handle = try BackupFileIO.create(files.appendingPathComponent(SealedFiles.newName()))
            for _ in 0..<10 { try handle.write(contentsOf: block) }
            try handle.close()
        }
        return try RecoveryKey.parse(pending.recoveryKeyText)
    }

    private func measure(_ name: String, _ body: () async throws -> Void) async throws -> Step {
        let sampler = MemorySampler()
        let sampling = Task { await sampler.run() }
        let start = BenchFigures.residentMegabytes()
        let clock = ContinuousClock()
        let started = clock.now
        try await body()
        let seconds = (clock.now - started).seconds
        sampling.cancel()
        return Step(name: name, seconds: seconds, peakMegabytes: await sampler.peak, startMegabytes: start)
    }

    private func report(_ steps: [Step], incidents: Int, megabytes: Int, archiveBytes: Int, console: any Console) {
        var lines = [
            "haven bench backup — \(incidents) incidents, \(megabytes) MB of files; archive \(archiveBytes >> 20) MB",
            "step                      seconds   MB/s of files   peak RSS MB (at start)",
        ]
        for step in steps {
            let rate = Double(megabytes) / max(step.seconds, 0.001)
            lines.append(
                step.name.padding(toLength: 26, withPad: " ", startingAt: 0)
                    + String(format: "%7.1f   %13.0f   %6.0f (%.0f)", step.seconds, rate, step.peakMegabytes, step.startMegabytes))
        }
        console.print(lines.joined(separator: "\n"))
        var json: [String: Any] = ["bench": "backup", "n": incidents, "file_mb": megabytes, "archive_mb": archiveBytes >> 20]
        for step in steps {
            let key = step.name.lowercased().replacingOccurrences(of: " ", with: "_")
            json[key + "_s"] = BenchFigures.rounded(step.seconds)
            json[key + "_peak_rss_mb"] = BenchFigures.rounded(step.peakMegabytes)
        }
        if let line = try? BenchFigures.jsonLine(json) { console.print(line) }
    }
}
