import Crypto
import Foundation
import HavenDomain
import HavenVault

extension SealedUpload {
    /// The file sealed anew without its photo metadata (GPS position, device, author, moment) when it is a JPEG, PNG,
    /// WebP or HEIF image by its bytes; the original sealed file is then deleted. Anything else, and an image Haven
    /// cannot take apart, is kept exactly as it came. The plaintext exists only in memory while this runs.
    static func removingImageMetadata(
        _ stored: Stored, files: SealedFiles, key: SymmetricKey, binding: (UUID) -> FieldBinding
    ) throws -> Stored {
        guard ImageMetadata.format(of: stored.head) != nil else { return stored }
        let original = try files.read(stored.storedName, key: key, binding: binding(stored.recordID))
        guard let clean = ImageMetadata.stripped(Array(original)), Data(clean) != original else {
            return stored
        }
        var upload = try SealedUpload(
            files: files, key: key, recordID: stored.recordID, binding: binding, fileName: stored.fileName,
            contentType: stored.contentType)
        do {
            try upload.append(ArraySlice(clean))
            let replaced = try upload.finish()
            files.delete([stored.storedName])
            return replaced
        } catch {
            upload.abandon()
            throw error
        }
    }
}
