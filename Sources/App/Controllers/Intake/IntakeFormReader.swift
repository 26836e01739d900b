import Crypto
import Foundation
import HavenDomain
import HavenVault
import Vapor

/// Reads an intake form (a report, a reporter's reply) as it streams in. The token is the first part and is checked
/// before anything else is read; text fields are kept (at most `maximumTextBytes` together) so a refused form comes
/// back as typed; files are sealed as they arrive, and only when the form may be accepted: with a valid token, within
/// the intake limits, and with a key to seal them under. Otherwise reading stops at the first file part.
struct IntakeFormReader {
    /// What was read.
    struct Received {
        var fields: [String: [String]] = [:]
        var attachments: [SealedUpload.Stored] = []
        /// A localisation key for the file field's problem.
        var fileProblem: String?
        /// Whether files were sent that were not kept (refused form, a problem).
        var filesLeftOut = false

        func text(_ name: String) -> String { fields[name]?.last ?? "" }
        func all(_ name: String) -> [String] { fields[name] ?? [] }
    }

    /// The check box with which a reporter keeps files exactly as they are (evidence sometimes needs the metadata);
    /// without it, photos lose their metadata before they are stored.
    static let keepFilesField = "keepFiles"

    /// Text fields together may not exceed this.
    static let maximumTextBytes = 1 << 20

    let request: Request
    let configuration: HavenConfiguration

    init(_ request: Request) {
        self.request = request
        configuration = request.haven.configuration
    }

    /// Reads the rest of the form. `keyForFiles` is asked once, at the first file part, with the fields read so far;
    /// it answers the key to seal files under, or nil to accept none (reading then stops there).
    func read(
        _ form: inout MultipartStream, acceptsFiles: Bool, binding: @escaping (UUID) -> FieldBinding,
        keyForFiles: ([String: [String]]) async throws -> SymmetricKey?
    ) async throws -> Received {
        var holdsSlot = false
        let outcome: Result<Received, any Error>
        do {
            outcome = .success(
                try await readParts(
                    &form, acceptsFiles: acceptsFiles, binding: binding, keyForFiles: keyForFiles,
                    holdsSlot: &holdsSlot))
        } catch {
            outcome = .failure(error)
        }
        if holdsSlot { await request.haven.intakeUploads.leave() }
        return try outcome.get()
    }

    private func readParts(
        _ form: inout MultipartStream, acceptsFiles: Bool, binding: @escaping (UUID) -> FieldBinding,
        keyForFiles: ([String: [String]]) async throws -> SymmetricKey?, holdsSlot: inout Bool
    ) async throws -> Received {
        var received = Received()
        var textBytes = 0
        var key: SymmetricKey?
        var askedForKey = false
        let files = SealedFiles(dataDirectory: configuration.dataDirectory)
        do {
            while let part = try await form.nextPart() {
                guard part.isFile else {
                    let value = try await form.readText(maximum: Self.maximumTextBytes - textBytes)
                    textBytes += value.utf8.count
                    received.fields[part.name, default: []].append(value)
                    continue
                }
                guard let name = part.filename, !name.isEmpty else { continue }
                if !askedForKey {
                    askedForKey = true
                    key = acceptsFiles ? try await keyForFiles(received.fields) : nil
                }
                guard let key else {
                    received.filesLeftOut = true
                    return received
                }
                guard received.attachments.count < configuration.maximumAttachments else {
                    return refuse(&received, "report_files_too_many", files: files)
                }
                if !holdsSlot {
                    guard await request.haven.intakeUploads.tryEnter() else { return refuse(&received, "error_busy", files: files) }
                    holdsSlot = true
                }
                var upload = try SealedUpload(files: files, key: key, binding: binding, fileName: name, contentType: part.contentType)
                do {
                    try await form.readBody(maximum: configuration.maximumAttachmentBytes) { try upload.append($0) }
                } catch MultipartStream.Failure.tooLarge {
                    upload.abandon()
                    return refuse(&received, "report_files_too_large", files: files)
                }
                guard upload.size > 0 else {
                    upload.abandon()
                    return refuse(&received, "report_files_unreadable", files: files)
                }
                received.attachments.append(try upload.finish())
            }
            try await form.readToEnd()
            if let key, received.text(Self.keepFilesField) != "on" {
                received.attachments = try received.attachments.map {
                    try SealedUpload.removingImageMetadata($0, files: files, key: key, binding: binding)
                }
            }
        } catch {
            files.delete(received.attachments.map(\.storedName))
            throw error
        }
        return received
    }

    /// Stops reading: drops the files received so far and names the problem.
    private func refuse(_ received: inout Received, _ problem: String, files: SealedFiles) -> Received {
        files.delete(received.attachments.map(\.storedName))
        received.attachments = []
        received.fileProblem = problem
        received.filesLeftOut = true
        return received
    }
}
