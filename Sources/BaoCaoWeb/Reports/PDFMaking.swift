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
        let task = Task { try await pool.run { try convert(docx) } }
        if let key { inFlight[key] = task }
        defer { if let key { inFlight[key] = nil } }
        do {
            return try await task.value
        } catch let error as PDFConverter.Unavailable {
            throw Abort(.serviceUnavailable, reason: error.description)
        }
    }
}
