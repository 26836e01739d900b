import Foundation
import HavenDomain
import Vapor

/// How staff see a publication's status: a published text whose moment is still to come is "Scheduled for …", not
/// "Published".
enum PublicationStatusText {
    static func name(_ record: Publication, req: Request, now: Date = Date()) -> String {
        if record.status == .published, let moment = record.publishedAt, moment > now {
            return req.t("publication_status_scheduled_for") + " " + req.moment(moment)
        }
        return req.t(record.status.labelKey)
    }
}
