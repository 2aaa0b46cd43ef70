/// What a letter (đơn) or a visit is about, by its content: a complaint (khiếu nại) against a decision or an act of
/// an administrative body, a denunciation (tố cáo) of a breach of the law, or a petition or feedback (kiến nghị,
/// phản ánh). Classified on receipt (Luật Tiếp công dân 2013; Thông tư 05/2021/TT-TTCP).
public enum LetterKind: String, CaseIterable, Hashable, Sendable, Codable {
    case complaint = "khieu_nai"
    case denunciation = "to_cao"
    case petition = "kien_nghi_phan_anh"

    public var vietnameseName: String {
        switch self {
        case .complaint: return "Khiếu nại"
        case .denunciation: return "Tố cáo"
        case .petition: return "Kiến nghị, phản ánh"
        }
    }

    /// Only a denunciation's author has the protection of Luật Tố cáo 2018 (Điều 47–48): name, address and contacts
    /// kept from everyone but the persons handling it and the head of the body.
    public var protectsAuthor: Bool { self == .denunciation }

    /// Complaints and denunciations are resolved on legal clocks; a petition is answered.
    public var hasLegalClock: Bool { self != .petition }
}

/// How a letter came: handed in at a reception, by post, forwarded by another body, or sent online.
public enum LetterChannel: String, CaseIterable, Hashable, Sendable, Codable {
    case inPerson = "truc_tiep"
    case post = "buu_chinh"
    case forwarded = "chuyen_den"
    case online = "truc_tuyen"

    public var vietnameseName: String {
        switch self {
        case .inPerson: return "Trực tiếp"
        case .post: return "Qua bưu chính"
        case .forwarded: return "Cơ quan khác chuyển đến"
        case .online: return "Trực tuyến"
        }
    }
}

/// How complex the case is said to be in the acceptance or extension decision: it chooses the rule's time limit.
public enum CaseComplexity: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case ordinary = "thuong"
    case complex = "phuc_tap"
    case veryComplex = "dac_biet_phuc_tap"

    public var vietnameseName: String {
        switch self {
        case .ordinary: return "Thông thường"
        case .complex: return "Phức tạp"
        case .veryComplex: return "Đặc biệt phức tạp"
        }
    }

    public static func < (a: CaseComplexity, b: CaseComplexity) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What was done with a letter once classified: accepted for resolution (thụ lý) by this body, forwarded to the
/// competent body, the citizen guided to the competent body, answered (a petition), or archived (anonymous, a
/// duplicate, not eligible). Each but acceptance closes the letter at this body.
public enum LetterPath: String, CaseIterable, Hashable, Sendable, Codable {
    case accepted = "thu_ly"
    case forwarded = "chuyen_don"
    case guided = "huong_dan"
    case answered = "tra_loi"
    case archived = "luu_don"

    public var vietnameseName: String {
        switch self {
        case .accepted: return "Thụ lý giải quyết"
        case .forwarded: return "Chuyển cơ quan có thẩm quyền"
        case .guided: return "Hướng dẫn công dân"
        case .answered: return "Trả lời, giải quyết kiến nghị"
        case .archived: return "Lưu đơn"
        }
    }
}

/// The outcome of a resolved complaint or denunciation: right (đúng), partly right (đúng một phần), wrong (sai).
/// For a complaint the inspectorate's forms say "khiếu nại đúng / đúng một phần / sai"; for a denunciation
/// "tố cáo đúng / đúng một phần / sai".
public enum LetterOutcome: String, CaseIterable, Hashable, Sendable, Codable {
    case upheld = "dung"
    case partly = "dung_mot_phan"
    case rejected = "sai"

    public var vietnameseName: String {
        switch self {
        case .upheld: return "Đúng"
        case .partly: return "Đúng một phần"
        case .rejected: return "Sai"
        }
    }
}

/// Who received citizens at a reception session.
public enum ReceptionHost: String, CaseIterable, Hashable, Sendable, Codable {
    case chairman = "chu_tich"
    case deputy = "pho_chu_tich"
    case office = "ban_tiep_cong_dan"

    public var vietnameseName: String {
        switch self {
        case .chairman: return "Chủ tịch UBND"
        case .deputy: return "Phó Chủ tịch UBND (được ủy quyền)"
        case .office: return "Ban/bộ phận tiếp công dân"
        }
    }
}

/// What was done for the people received: guided, their letter received for handling, answered on the spot.
public enum ReceptionAction: String, CaseIterable, Hashable, Sendable, Codable {
    case guided = "huong_dan"
    case letterReceived = "nhan_don"
    case answered = "tra_loi_truc_tiep"

    public var vietnameseName: String {
        switch self {
        case .guided: return "Hướng dẫn, giải thích"
        case .letterReceived: return "Tiếp nhận đơn"
        case .answered: return "Trả lời trực tiếp"
        }
    }
}
