import Crypto
import Fluent
import Foundation
import HavenDomain
import HavenVault
import Logging
import NIOCore

/// E-mail notices that something is waiting in Haven, through the SMTP server in `HAVEN_SMTP_URL`. A notice says only
/// that, with a link to the staff area: never content, names, codes or what kind of thing is waiting. It goes to the
/// address a staff member chose for notices (sealed under the notices key the server holds, so that it can send with
/// nobody signed in), at most once per `quietPeriod` per person. Sending never delays or fails the action that caused
/// it; a failure is logged without the address.
struct NoticeMailer: Sendable {
    let settings: SMTPSettings?
    let publicURL: URL?
    let key: SymmetricKey
    let group: any EventLoopGroup
    let logger: Logger
    let recent: RecentNotices

    /// Notices to one person at most this often.
    static let quietPeriod: TimeInterval = 15 * 60

    static func binding(_ userID: UUID) -> FieldBinding {
        FieldBinding(table: User.schema, recordID: userID.uuidString, field: "notice_address")
    }

    /// Whether notices can be sent at all (an SMTP server and the public address are configured).
    var isConfigured: Bool { settings != nil && publicURL != nil }

    /// A staff member's notice address, opened; empty for none (or one that cannot be opened).
    func address(of userID: UUID, on db: any Database) async throws -> String {
        guard let sealed = try await User.find(userID, on: db)?.noticeAddressSealed else { return "" }
        // A copy restored under another notices key cannot be opened: the person chooses the address again.
        return (try? FieldCipher.open(sealed, with: key, binding: Self.binding(userID))) ?? ""
    }

    /// Sets (or, with nil, removes) a staff member's notice address.
    func setAddress(_ address: EmailAddress?, of userID: UUID, on db: any Database) async throws {
        guard let user = try await User.find(userID, on: db) else { return }
        user.noticeAddressSealed = try address.map { try FieldCipher.seal($0.value, with: key, binding: Self.binding(userID)) }
        try await user.save(on: db)
    }

    /// Runs a notice on its own task, so the action that caused it neither waits for the mail server nor fails with it.
    func inBackground(_ body: @escaping @Sendable (NoticeMailer) async -> Void) {
        guard isConfigured else { return }
        Task { await body(self) }
    }

    /// Tells the intake recipients that a report arrived.
    func notifyIntakeRecipients(on db: any Database) async {
        let ids = (try? await User.query(on: db).filter(\.$receivesIntake == true).all().filter { $0.role.triagesIntake }.compactMap(\.id))
        await notify(ids ?? [], on: db)
    }

    /// Tells everyone with a task or hearing falling due (see `Notifications.withSomethingDue`).
    func notifyDue(notifications: Notifications, now: Date = Date(), on db: any Database) async {
        guard let due = try? await notifications.withSomethingDue(now: now, on: db) else { return }
        await notify(Array(due), now: now, on: db)
    }

    /// Sends the due notices once a day while the server runs (first a minute after start).
    func schedule(on eventLoop: any EventLoop, notifications: Notifications, db: @escaping @Sendable () -> any Database) {
        guard isConfigured else { return }
        eventLoop.scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: .hours(24)) { _ in
            eventLoop.makeFutureWithTask { await notifyDue(notifications: notifications, on: db()) }
        }
    }

    /// Whether an address can be written into a message as it is: no angle brackets, quotes or control characters.
    static func isDeliverable(_ address: EmailAddress) -> Bool {
        !address.value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || "<>\"\\".unicodeScalars.contains($0) }
    }

    /// Tells everyone whose role publishes that a publication waits for review.
    func notifyPublishers(on db: any Database) async {
        let ids = (try? await User.query(on: db).all().filter { $0.role.publishes }.compactMap(\.id))
        await notify(ids ?? [], on: db)
    }

    /// Sends a notice to each of these staff members who chose an address, is active and was not told recently.
    func notify(_ userIDs: [UUID], now: Date = Date(), on db: any Database) async {
        guard let settings, let publicURL, !userIDs.isEmpty else { return }
        guard let users = try? await User.query(on: db).filter(\.$id ~~ userIDs).filter(\.$status == .active).all() else { return }
        let client = SMTPClient(settings: settings, group: group)
        for user in users {
            guard let id = user.id, let sealed = user.noticeAddressSealed,
                let address = try? FieldCipher.open(sealed, with: key, binding: Self.binding(id)),
                await recent.take(id, now: now, quiet: Self.quietPeriod)
            else { continue }
            do {
                try await client.send(to: address, message: Self.message(to: address, from: settings.from, link: publicURL, at: now))
            } catch {
                logger.warning("A notice e-mail was not sent: \(String(describing: error))")
            }
        }
    }

    /// The whole message: the same words for every notice.
    static func message(to address: String, from sender: String, link: URL, at date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let domain = sender.split(separator: "@").last.map(String.init) ?? "haven"
        return [
            "From: Haven <\(sender)>", "To: <\(address)>", "Subject: Something new is waiting in Haven",
            "Date: \(formatter.string(from: date))", "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
            "Something new is waiting for you in Haven.", "", link.appendingPathComponent("app").absoluteString, "",
        ].joined(separator: "\r\n")
    }
}
