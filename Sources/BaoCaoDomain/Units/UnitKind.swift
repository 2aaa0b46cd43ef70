/// What an administrative unit or agency is. Stored as the raw string.
public enum UnitKind: String, CaseIterable, Sendable, Codable {
    case country = "quoc_gia"
    case province = "tinh"
    case centralCity = "thanh_pho_tw"
    case district = "quan"
    case ruralDistrict = "huyen"
    case town = "thi_xa"
    case provincialCity = "thanh_pho_thuoc_tinh"
    case ward = "phuong"
    case commune = "xa"
    case townlet = "thi_tran"
    case specialZone = "dac_khu"
    case office = "phong"

    /// Commune-level units: the lowest tier, whose values add up into every unit above them.
    public var isCommuneLevel: Bool { [.ward, .commune, .townlet, .specialZone].contains(self) }

    public var isOffice: Bool { self == .office }

    /// The Vietnamese word used before the unit's proper name.
    public var vietnameseName: String {
        switch self {
        case .country: return "quốc gia"
        case .province: return "tỉnh"
        case .centralCity: return "thành phố"
        case .district: return "quận"
        case .ruralDistrict: return "huyện"
        case .town: return "thị xã"
        case .provincialCity: return "thành phố"
        case .ward: return "phường"
        case .commune: return "xã"
        case .townlet: return "thị trấn"
        case .specialZone: return "đặc khu"
        case .office: return "phòng"
        }
    }
}
