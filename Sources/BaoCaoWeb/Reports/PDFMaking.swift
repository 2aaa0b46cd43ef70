import BaoCaoDocuments
import Foundation
import Vapor

/// PDFs through LibreOffice on the PDF pool (two at a time, a short queue, "busy" beyond it). Requests for the same
/// document while it is being made wait for that one conversion instead of starting their own.
actor PDFMaking {
    private let pool: BoundedWork
    private let convert: @Sendable (Data) throws -> Data
    private var inFlight: [String: Task<Data, any Error>] = [:]

    init(pool: BoundedWork, convert: @escaping @Sendable (Data) throws -> Data = PDFConverter.pdf(fromDOCX:)) {
        self.pool = pool; self.convert = convert
    }

    /// The PDF of `docx`; conversions with the same `key` (a publication) share one run.
    func pdf(of docx: Data, key: String? = nil) async throws -> Data {
        if let key, let running = inFlight[key] { return try await running.value }
        let (pool, convert) = (self.pool, self.convert)
        // Everyone waiting on this conversion gets the same answer, LibreOffice missing included (503, not 500).
        let task = Task {
            do {
                return try await pool.run { try convert(docx) }
            } catch let error as PDFConverter.Unavailable {
                throw Abort(.serviceUnavailable, reason: error.description)
            }
        }
        if let key { inFlight[key] = task }
        defer { if let key { inFlight[key] = nil } }
        return try await task.value
    }
}
