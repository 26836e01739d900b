import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Testing
import Vapor

/// Chromium without a window, driven over the DevTools protocol: lays a page out at a phone's size with scripts off
/// and reads `document.documentElement.scrollWidth`, the width the page really takes.
final class HeadlessChromium: @unchecked Sendable {
    /// What a page measured.
    struct Measurement: CustomStringConvertible {
        let path: String
        let scrollWidth: Int
        /// The elements that reach past the viewport's right edge, for the failure message.
        let widest: String

        var description: String { "\(path): \(scrollWidth) px wide (\(widest))" }
    }

    static let executable = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let required = ProcessInfo.processInfo.environment["HAVEN_TEST_REQUIRE_CHROMIUM"] == "1"

    private let process: Process
    private let profile: URL
    private let socket: WebSocket
    private let replies: Replies
    private let nextID = NIOLockedValueBox(0)

    private init(process: Process, profile: URL, socket: WebSocket, replies: Replies) {
        self.process = process
        self.profile = profile
        self.socket = socket
        self.replies = replies
    }

    /// The commands waiting for their results, by id; results arrive on the socket's event loop.
    private final class Replies: Sendable {
        let pending = NIOLockedValueBox([Int: CheckedContinuation<Data, any Error>]())

        func received(_ text: String) {
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                let id = object["id"] as? Int, let continuation = pending.withLockedValue({ $0.removeValue(forKey: id) })
            else { return }
            if let error = object["error"] as? [String: Any] {
                continuation.resume(throwing: Abort(.internalServerError, reason: "DevTools: \(error["message"] ?? "error")"))
            } else {
                let result = (try? JSONSerialization.data(withJSONObject: object["result"] ?? [:])) ?? Data("{}".utf8)
                continuation.resume(returning: result)
            }
        }
    }

    /// Starts Chromium and connects to its DevTools endpoint.
    static func launch(on group: any EventLoopGroup) async throws -> HeadlessChromium {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("haven-chromium-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(executable, "Chromium is not installed"))
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--mute-audio",
            "--disable-background-networking", "--remote-debugging-port=0", "--user-data-dir=\(profile.path)", "about:blank",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let endpoint = try await Self.endpoint(from: errors.fileHandleForReading)
        let replies = Replies()
        let socket: WebSocket = try await withCheckedThrowingContinuation { continuation in
            WebSocket.connect(
                to: endpoint, configuration: .init(maxFrameSize: 1 << 24), on: group,
                onUpgrade: { socket in
                    socket.onText { _, text in replies.received(text) }
                    continuation.resume(returning: socket)
                }
            ).whenFailure { continuation.resume(throwing: $0) }
        }
        return HeadlessChromium(process: process, profile: profile, socket: socket, replies: replies)
    }

    /// Reads Chromium's standard error until it names its DevTools address.
    private static func endpoint(from handle: FileHandle) async throws -> String {
        try await withThrowingTaskGroup(of: String?.self) { group in
            group.addTask {
                var text = ""
                while let chunk = try handle.read(upToCount: 1024), !chunk.isEmpty {
                    text += String(decoding: chunk, as: UTF8.self)
                    if let line = text.split(separator: "\n").first(where: { $0.contains("DevTools listening on ws://") }),
                        let start = line.range(of: "ws://")
                    {
                        return String(line[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
                    }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: .seconds(30))
                return nil
            }
            let found = try await group.next() ?? nil
            group.cancelAll()
            return try #require(found, "Chromium did not open its DevTools endpoint")
        }
    }

    /// Sends one DevTools command (to a page when `session` is given) and waits for its result.
    @discardableResult
    private func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil) async throws -> [String: Any] {
        let id = nextID.withLockedValue {
            $0 += 1
            return $0
        }
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if let session { message["sessionId"] = session }
        let text = String(decoding: try JSONSerialization.data(withJSONObject: message), as: UTF8.self)
        let data = try await withCheckedThrowingContinuation { continuation in
            replies.pending.withLockedValue { $0[id] = continuation }
            socket.send(text)
        }
        return (try JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:]
    }

    /// A JavaScript expression evaluated by DevTools in the page (the page's own scripts stay off).
    private func evaluate(_ expression: String, session: String) async throws -> Any? {
        let result = try await send("Runtime.evaluate", ["expression": expression, "returnByValue": true], session: session)
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Opens `url` in a new tab `width` × `height` CSS pixels wide with scripts off, with the given cookies, and
    /// measures the page once it has loaded.
    func measure(_ url: String, path: String, cookies: [String: String], width: Int = 360, height: Int = 800) async throws
        -> Measurement
    {
        let target = try await send("Target.createTarget", ["url": "about:blank"])
        let targetID = try #require(target["targetId"] as? String)
        let attached = try await send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        let session = try #require(attached["sessionId"] as? String)
        do {
            let measured = try await measure(url, path: path, session: session, cookies: cookies, width: width, height: height)
            try await send("Target.closeTarget", ["targetId": targetID])
            return measured
        } catch {
            _ = try? await send("Target.closeTarget", ["targetId": targetID])
            throw error
        }
    }

    /// Measures a page whose HTML came from elsewhere (the answer to a form's POST, which a tab cannot navigate to):
    /// the tab opens `url` on the same server first, so the page's style sheet loads from there, then shows `html`.
    func measure(html: String, at url: String, path: String, width: Int = 360, height: Int = 800) async throws -> Measurement {
        let target = try await send("Target.createTarget", ["url": "about:blank"])
        let targetID = try #require(target["targetId"] as? String)
        let attached = try await send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        let session = try #require(attached["sessionId"] as? String)
        do {
            _ = try await measure(url, path: path, session: session, cookies: [:], width: width, height: height)
            let tree = try await send("Page.getFrameTree", session: session)
            let frame = try #require(((tree["frameTree"] as? [String: Any])?["frame"] as? [String: Any])?["id"] as? String)
            try await send("Page.setDocumentContent", ["frameId": frame, "html": html], session: session)
            let measured = try await layout(path: path, session: session, width: width)
            try await send("Target.closeTarget", ["targetId": targetID])
            return measured
        } catch {
            _ = try? await send("Target.closeTarget", ["targetId": targetID])
            throw error
        }
    }

    private func measure(_ url: String, path: String, session: String, cookies: [String: String], width: Int, height: Int)
        async throws -> Measurement
    {
        for (name, value) in cookies {
            try await send("Network.setCookie", ["name": name, "value": value, "url": url], session: session)
        }
        try await send(
            "Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": true],
            session: session)
        try await send("Emulation.setScriptExecutionDisabled", ["value": true], session: session)
        try await send("Page.navigate", ["url": url], session: session)
        for _ in 0..<200 {
            if try await evaluate("document.readyState", session: session) as? String == "complete",
                try await evaluate("location.href", session: session) as? String == url
            {
                break
            }
            try await Task.sleep(for: .milliseconds(25))
        }
        return try await layout(path: path, session: session, width: width)
    }

    /// The width the document takes once its style sheets have loaded.
    private func layout(path: String, session: String, width: Int) async throws -> Measurement {
        for _ in 0..<200 {
            let styled = "Array.from(document.styleSheets).every(s => { try { return s.cssRules.length > 0 } catch (e) { return false } })"
            if try await evaluate(styled, session: session) as? Bool == true { break }
            try await Task.sleep(for: .milliseconds(25))
        }
        let scrollWidth = try await evaluate("document.documentElement.scrollWidth", session: session) as? Int ?? -1
        let widest =
            try await evaluate(
                """
                Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > \(width) + 0.5)
                  .slice(-4).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' +
                  Math.round(e.getBoundingClientRect().right)).join(', ')
                """, session: session) as? String ?? ""
        return Measurement(path: path, scrollWidth: scrollWidth, widest: widest)
    }

    /// Stops Chromium and removes its profile.
    func close() async {
        try? await socket.close()
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: profile)
    }
}
