import Vapor

/// The routes that take a whole file as their body, and how large it may be: the default limit of a form (1 MB)
/// would refuse a province's month of figures.
enum Uploads {
    static let maxBytes = 32 << 20
    static let maxSize: ByteCount = "32mb"

    static func isUpload(_ request: Request) -> Bool {
        ["/nhap-lieu/tai-len", "/quan-tri/nhap-du-lieu"].contains(request.url.path)
            || request.url.path.hasPrefix("/api/v1/dhis2/")
    }
}
