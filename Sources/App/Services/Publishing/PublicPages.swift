import Crypto
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Rendered public pages (home, lists, publications, feeds), kept in memory until anything public changes, served with
/// ETag and Last-Modified so repeat readers and proxies get 304s and the server does not render the same page twice.
final class PublicPages: Sendable {
    /// One rendered page.
    struct Entry: Sendable {
        let body: ByteBuffer
        let contentType: HTTPMediaType
        let etag: String
    }

    private struct State {
        var entries: [String: Entry] = [:]
        var changedAt = Date()
        /// The next moment a scheduled publication appears; the pages are forgotten then.
        var nextScheduled: Date?
    }

    private let state = NIOLockedValueBox(State())
    /// At most this many pages are kept; beyond, the cache starts again (pages are cheap to render once).
    let capacity: Int

    init(capacity: Int = 2_000) {
        self.capacity = capacity
    }

    /// How many pages are kept now.
    var count: Int { state.withLockedValue { $0.entries.count } }

    /// When something public last changed (the pages' Last-Modified), to the second.
    var changedAt: Date { state.withLockedValue { $0.changedAt } }

    /// Forgets every page: call after anything public changes.
    func invalidate() {
        state.withLockedValue {
            $0.entries.removeAll(keepingCapacity: true)
            $0.changedAt = Date()
        }
    }

    /// Forgets every page when a publication scheduled for `moment` appears (the earliest such moment is kept).
    func expire(at moment: Date) {
        state.withLockedValue { $0.nextScheduled = min($0.nextScheduled ?? moment, moment) }
    }

    /// The page for a request: from memory, or rendered now and kept. Answers 304 when the reader's copy is current.
    /// The page is cached under its path, its interface language and `variant`: the normalised values of the query
    /// parameters the page reads (`page=2&q=…`). Other parameters never make another page, so `?x=1`, `?x=2` … cannot
    /// force a render each.
    func respond(
        to req: Request, language: String, variant: String = "",
        render: () async throws -> (ByteBuffer, HTTPMediaType)
    ) async throws -> Response {
        let key = req.url.path + "?" + variant + "|" + language
        let now = Date()
        let cachedEntry: Entry? = state.withLockedValue {
            if let scheduled = $0.nextScheduled, scheduled <= now {
                $0.entries.removeAll(keepingCapacity: true)
                $0.changedAt = scheduled
                $0.nextScheduled = nil
            }
            return $0.entries[key]
        }
        let entry: Entry
        if let cached = cachedEntry {
            entry = cached
        } else {
            let (body, type) = try await render()
            let digest = SHA256.hash(data: Data(buffer: body)).prefix(12).map { String(format: "%02x", $0) }.joined()
            entry = Entry(body: body, contentType: type, etag: "\"\(digest)\"")
            state.withLockedValue {
                if $0.entries.count >= capacity { $0.entries.removeAll(keepingCapacity: true) }
                $0.entries[key] = entry
            }
        }
        let response = Response(status: .ok)
        response.headers.replaceOrAdd(name: .eTag, value: entry.etag)
        response.headers.replaceOrAdd(name: .lastModified, value: HTTPHeaders.lastModifiedFormat(changedAt))
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        response.headers.replaceOrAdd(name: .vary, value: "Accept-Language, Cookie")
        if req.headers.first(name: .ifNoneMatch).map({
            $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.contains(entry.etag)
        }) == true {
            response.status = .notModified
            return response
        }
        response.headers.contentType = entry.contentType
        response.body = .init(buffer: entry.body)
        return response
    }
}

extension HTTPHeaders {
    /// An HTTP date (RFC 9110 IMF-fixdate).
    static func lastModifiedFormat(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}
