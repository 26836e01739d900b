import Foundation

/// The publication workflow: which changes are allowed, and which need a role that publishes.
public enum PublicationWorkflow {
    /// The statuses a publication may move to from `status`.
    public static func next(after status: PublicationStatus) -> [PublicationStatus] {
        switch status {
        case .draft: [.inReview, .published]
        case .inReview: [.draft, .published]
        case .published: [.unpublished]
        case .unpublished: [.draft, .published]
        }
    }

    /// True when the change is allowed for someone who may (or may not) publish.
    public static func allows(from: PublicationStatus, to: PublicationStatus, canPublish: Bool) -> Bool {
        guard next(after: from).contains(to) else { return false }
        return canPublish || (to != .published && from != .published)
    }

    /// True when an edit by someone who may not publish waits for a publisher instead of changing the text: the
    /// publication is published (or scheduled to be), so a saved edit would reach the site and the feeds at once.
    public static func editNeedsReview(status: PublicationStatus, canPublish: Bool) -> Bool {
        !canPublish && status == .published
    }
}
