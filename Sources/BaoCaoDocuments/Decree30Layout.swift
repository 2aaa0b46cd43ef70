/// The Decree 30/2020/NĐ-CP page and type settings, in Word's units (twentieths of a point; half-points for sizes).
enum Decree30Layout {
    /// A4 portrait, 210 × 297 mm.
    static let pageWidth = 11_906, pageHeight = 16_838
    /// Margins: top 20, bottom 20, left 30, right 15 mm.
    static let marginTop = 1_134, marginBottom = 1_134, marginLeft = 1_701, marginRight = 850
    static var textWidth: Int { pageWidth - marginLeft - marginRight }
    /// Header distance from the page edge (the page number sits in the top margin).
    static let headerDistance = 567
    static let font = "Times New Roman"
    /// Sizes in half-points.
    static let body = 28, footnote = 24, recipients = 22, nationalTitle = 26, issuer = 26
    /// First-line indent of body paragraphs: 1,27 cm.
    static let firstLineIndent = 720
    /// Width of the header's left column.
    static let headerLeftColumn = 3_686
}
