import Foundation
import Vapor

/// Links between the pages of a list: the same path and query, another page.
enum PageLinks {
    /// The request's path and query with `page` set to `page`.
    static func link(_ req: Request, page: Int) -> String {
        var components = URLComponents()
        let kept = (URLComponents(string: req.url.string)?.queryItems ?? []).filter { $0.name != "page" }
        components.queryItems = kept + [URLQueryItem(name: "page", value: String(page))]
        return req.url.path + "?" + (components.percentEncodedQuery ?? "")
    }
}
