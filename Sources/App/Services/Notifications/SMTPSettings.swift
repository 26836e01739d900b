import Foundation
import HavenDomain

/// Where notice e-mails go out: an SMTP server that must offer STARTTLS (nothing is sent in clear), the sender, and
/// optionally a PEM file of further certificate authorities to trust (a server with its own authority).
public struct SMTPSettings: Sendable, Equatable {
    public var host: String
    public var port: Int
    public var username: String?
    public var password: String?
    public var from: String
    public var extraTrustRoots: String?

    public init(host: String, port: Int, username: String?, password: String?, from: String, extraTrustRoots: String?) {
        self.host = host
        self.port = port
        self.username = username
        self.password = password
        self.from = from
        self.extraTrustRoots = extraTrustRoots
    }

    /// Reads `smtp://[user:password@]host[:port]` (port 587 unless given).
    public static func parse(url text: String, from: String, extraTrustRoots: String?) -> SMTPSettings? {
        guard let url = URLComponents(string: text), url.scheme == "smtp", let host = url.host, !host.isEmpty,
            let sender = EmailAddress(from), NoticeMailer.isDeliverable(sender), sender.value == from.lowercased()
        else { return nil }
        return SMTPSettings(
            host: host, port: url.port ?? 587, username: url.user?.removingPercentEncoding,
            password: url.password?.removingPercentEncoding, from: from, extraTrustRoots: extraTrustRoots)
    }
}
