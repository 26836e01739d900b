import Foundation
import HavenVault
import Vapor

extension Response {
    /// A response that opens a sealed file chunk by chunk as it sends it, never holding the file; the caller has already
    /// checked the file is intact and written the custody and audit lines.
    static func streaming(_ download: SealedDownload, logger: Logger) -> Response {
        let response = Response(
            status: .ok,
            body: .init(
                asyncStream: { writer in
                    do {
                        var reader = try SealedFileReader(url: download.location, key: download.key, binding: download.binding)
                        while let chunk = try reader.next() { try await writer.writeBuffer(ByteBuffer(data: chunk)) }
                        try await writer.write(.end)
                    } catch {
                        logger.warning("a sealed file stopped opening while it was sent")
                        try await writer.write(.error(error))
                    }
                }, count: download.size))
        let subtype = download.contentType.flatMap { $0.split(separator: "/").last.map(String.init) }
        response.headers.contentType = subtype.flatMap(HTTPMediaType.fileExtension) ?? .binary
        let safe = String(
            String.UnicodeScalarView(
                download.fileName.unicodeScalars.filter {
                    $0.isASCII && ($0.properties.isAlphabetic || "0123456789.-_".unicodeScalars.contains($0))
                }))
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: (download.contentType == nil ? "attachment" : "inline") + "; filename=\"\(safe.isEmpty ? "file" : safe)\"")
        return response
    }
}
