import XCTest

@testable import BaoCaoDomain

/// Issue 12, part 4 (domain): how voters' petitions are counted (a group saying the same is one matter; forwarded
/// ones apart), what an answer needs, and the report to the council drawn from them.
final class PetitionReportTests: XCTestCase {
    let session = CouncilSession(number: 5, term: "XVIII", opensOn: CivilDate(2017, 7, 13))

    func testMattersAreCountedByOutcomeWithForwardedAndUnansweredApart() {
        let count = PetitionCount(matters: [
            .init(petitions: 2, outcome: .resolved, forwarded: false),
            .init(petitions: 1, outcome: .unresolved, forwarded: false),
            .init(petitions: 1, outcome: nil, forwarded: false),
            .init(petitions: 3, outcome: nil, forwarded: true),
        ])
        XCTAssertEqual(
            count.sentence(ownBody: "UBND quận"),
            "Cử tri có 7 lượt kiến nghị, tổng hợp thành 4 nội dung; 3 nội dung thuộc thẩm quyền của UBND quận: "
                + "đã giải quyết 1, chưa giải quyết 1, chưa trả lời 1; 1 nội dung đã chuyển cấp trên.")
        XCTAssertEqual(PetitionCount(matters: []).sentence(ownBody: "UBND quận"), "Không có kiến nghị nào của cử tri.")
    }

    func testAnAnswerNeedsAnOutcomeTextAndForOneNotResolvedAReason() {
        XCTAssertEqual(
            PetitionAnswer.problems(outcome: nil, answer: " ", reason: ""),
            ["Kết quả giải quyết: chưa chọn", "Nội dung trả lời: chưa ghi"])
        XCTAssertEqual(
            PetitionAnswer.problems(outcome: .unresolved, answer: "Đã rà soát", reason: ""),
            ["Lý do chưa giải quyết: chưa ghi"])
        XCTAssertEqual(PetitionAnswer.problems(outcome: .explained, answer: "Theo quy định", reason: ""), [])
    }

    func testTheReportHasTheCountsATableByFieldAndTheForwarded() {
        let matters = [
            PetitionReport.Matter(
                field: "Nhiệm vụ văn hóa - xã hội", fieldPosition: 3, words: "Đề nghị kiểm tra an toàn thực phẩm.",
                heardAt: ["Cử tri phường Cầu Đất, 23/06/2017"], body: "Phòng Y tế", outcome: .resolved,
                answer: "Đã kiểm tra 36 cơ sở."),
            PetitionReport.Matter(
                field: "Nhiệm vụ quản lý đô thị - tài nguyên môi trường", fieldPosition: 2, words: "Đề nghị cấp sổ đỏ",
                heardAt: ["Cử tri phường Gia Viên"], body: "Phòng Tài nguyên và Môi trường", outcome: .unresolved,
                answer: "Đã rà soát.", reason: "Chưa có quy hoạch.", petitions: 2),
            PetitionReport.Matter(
                field: nil, words: "Đề nghị làm đường", heardAt: [], body: "UBND thành phố", forwarded: true,
                outcome: nil, answer: nil),
        ]
        let d = PetitionReport.document(
            locality: .init(kindWords: "quận", name: "Ngô Quyền"), session: session, matters: matters,
            signer: "Nguyễn Văn A")
        XCTAssertEqual(
            d.headerLines(.subject), ["Kết quả giải quyết kiến nghị cử tri", "trước kỳ họp thứ 5 HĐND quận khóa XVIII"])
        XCTAssertEqual(d.headerLines(.issuer), ["ỦY BAN NHÂN DÂN", "QUẬN NGÔ QUYỀN"])
        XCTAssertEqual(d.headerLines(.signer), ["Nguyễn Văn A"])
        let tables = d.blocks.compactMap { block -> ReportDocument.Table? in
            if case .table(let t) = block { return t } else { return nil }
        }
        XCTAssertEqual(tables.count, 3, "two fields, then the forwarded")
        XCTAssertEqual(
            tables[0].rows,
            [
                [
                    "1", "Đề nghị cấp sổ đỏ (Cử tri phường Gia Viên; 2 lượt kiến nghị)",
                    "Phòng Tài nguyên và Môi trường",
                    "Chưa giải quyết. Đã rà soát. Lý do: Chưa có quy hoạch.",
                ]
            ], "the city's field first by its position; the reason of one not resolved")
        XCTAssertEqual(tables[1].rows[0][3], "Đã giải quyết. Đã kiểm tra 36 cơ sở.")
        XCTAssertEqual(tables[2].headings, ["STT", "Nội dung kiến nghị", "Chuyển đến"])
        XCTAssertTrue(
            d.blocks.contains(.heading(level: 3, lines: ["1. Lĩnh vực quản lý đô thị - tài nguyên môi trường"])))
        XCTAssertTrue(d.blocks.contains(.heading(level: 2, lines: ["III. KIẾN NGHỊ ĐÃ CHUYỂN CẤP TRÊN"])))
    }
}
