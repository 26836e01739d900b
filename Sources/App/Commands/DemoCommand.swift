import Foundation
import Vapor

/// `haven demo`: a throwaway instance in a temporary directory, filled with sample records, with printed logins.
struct DemoCommand: AsyncCommand {
    /// The command line options.
    struct Signature: CommandSignature {
        @Option(name: "port", short: "p", help: "The port to listen on (default 8080)")
        var port: Int?
        @Option(name: "hostname", short: "H", help: "The address to listen on (default 127.0.0.1)")
        var hostname: String?
        @Flag(name: "exit", help: "Fill the instance and print the logins, then stop instead of serving")
        var exitAfterFilling: Bool
    }

    var help: String { "Starts a throwaway Haven with sample records and demo logins; everything is deleted when it stops." }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await ThrowawayInstance.run(in: nil, named: "demo", logLevel: .warning) { app, directory in
            let logins = try await DemoData.fill(app: app)
            let hostname = signature.hostname ?? "127.0.0.1"
            var address = "(not serving)"
            if !signature.exitAfterFilling {
                try await app.server.start(address: .hostname(hostname, port: signature.port ?? 8080))
                address = "http://\(hostname):\(app.http.server.shared.localAddress?.port ?? signature.port ?? 8080)"
            }
            context.console.print(
                """
                Logins, one per role (password for all: \(DemoData.password)):
                \(logins.map { "  \($0.role.rawValue.padding(toLength: 14, withPad: " ", startingAt: 0)) \($0.email)" }.joined(separator: "\n"))
                Haven demo at \(address) — a throwaway instance in \(directory.path), deleted when it stops.
                Sample incidents: \(DemoData.incidents().count) (public ones at /incidents).
                """)
            if !signature.exitAfterFilling {
                context.console.print("Press Ctrl-C to stop.")
                await Self.waitForStopSignal()
            }
        }
    }

    /// Waits for SIGINT or SIGTERM.
    private static func waitForStopSignal() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
                signal(number, SIG_IGN)
                return DispatchSource.makeSignalSource(signal: number, queue: .global())
            }
            let once = OnceFlag()
            for source in sources {
                source.setEventHandler {
                    guard once.take() else { return }
                    for source in sources { source.cancel() }
                    continuation.resume()
                }
                source.resume()
            }
        }
    }
}

/// A flag that can be taken once, from any thread.
private final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var taken = false

    func take() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if taken { return false }
        taken = true
        return true
    }
}
