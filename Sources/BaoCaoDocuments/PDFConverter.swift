import Foundation

/// PDF through LibreOffice headless, when it is installed: the DOCX is converted as Word would print it.
public enum PDFConverter {
    public struct Unavailable: Error, CustomStringConvertible {
        public init() {}
        public var description: String {
            "Cần LibreOffice để xuất PDF (Debian: apt-get install libreoffice-writer-nogui); chưa tìm thấy lệnh soffice."
        }
    }

    public struct Failed: Error, CustomStringConvertible {
        public let output: String
        public var description: String { "LibreOffice không chuyển được sang PDF: \(output)" }
    }

    /// The `soffice` executable on the PATH, if any.
    public static var soffice: String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["soffice", "libreoffice"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    public static func pdf(fromDOCX docx: Data) throws -> Data {
        guard let soffice else { throw Unavailable() }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("baocao-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("bao-cao.docx")
        try docx.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: soffice)
        // A profile of its own, so a running LibreOffice of the user does not swallow the conversion.
        process.arguments = [
            "-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--convert-to", "pdf",
            "--outdir", directory.path, input.path,
        ]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let pdf = directory.appendingPathComponent("bao-cao.pdf")
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: pdf) else {
            throw Failed(output: output)
        }
        return data
    }
}
