/// The passwords people try first, written for this project: the world's usual ones at ten characters or more,
/// the Vietnamese ones, and those a People's Committee office would think of (its own name, the city, the system).
/// Lower case; `PasswordPolicy` compares the typed password lowered.
enum CommonPasswords {
    static let all: Set<String> = [
        "1234567890", "0123456789", "12345678910", "123456789a", "a123456789", "1234567890a", "123456789@",
        "1234512345", "1122334455", "1111111111", "0000000000", "9876543210", "0987654321", "1234554321",
        "1q2w3e4r5t", "1qaz2wsx3edc", "qwertyuiop", "qwerty12345", "qwerty123456", "asdfghjkl1", "zaq12wsx",
        "password12", "password123", "password1234", "password@123", "passw0rd123", "p@ssw0rd123", "p@ssword123",
        "iloveyou123", "iloveyou12", "abcd123456", "abc1234567", "abc@123456", "admin12345", "admin@1234",
        "admin123456", "administrator", "welcome123", "welcome@123", "letmein123", "changeme123", "football123",
        "princess123", "sunshine123", "trustno1234", "superman123", "baseball123", "monkey1234", "dragon1234",
        "master1234", "starwars123", "computer123", "whatever123", "qazwsxedc123", "1qaz2wsx3e",
        // Vietnamese
        "matkhau123", "matkhau1234", "matkhau@123", "matkhaumoi", "matkhau2017", "matkhau2025", "matkhau2026",
        "anhyeuem123", "anhyeuem1", "emyeuanh123", "yeuemnhieu", "anhyeuemnhieu", "tinhyeu123", "tinhyeucuatoi",
        "vietnam123", "vietnam1234", "vietnam@123", "vietnamvodich", "hanoi12345", "saigon12345", "haiphong123",
        "haiphong2017", "haiphong2025", "ngoquyen123", "ngoquyen2017", "ubndquan123", "ubndphuong1", "ubnd123456",
        "quantri123", "quantri@123", "quantrivien", "baocao1234", "baocao12345", "baocao@123", "baocao@2017",
        "baocao2017", "baocao2025", "baocaovien1", "chucmungnammoi", "conmeo1234", "khongbiet123", "khongcopass",
        "hoilamgi123", "thanhpho123", "vanphong123", "vanphongubnd", "canbo12345", "congchuc123",
    ]

    /// Words that are no password with digits or symbols added ("matkhau@2025", "Haiphong123!").
    static let words: Set<String> = [
        "password", "passw", "pass", "admin", "administrator", "qwerty", "iloveyou", "welcome", "letmein", "abc",
        "abcd", "abcde", "changeme", "test", "user", "login", "root", "secret", "master", "monkey", "dragon",
        "matkhau", "matkhaumoi", "anhyeuem", "emyeuanh", "yeuem", "tinhyeu", "vietnam", "hanoi", "saigon",
        "haiphong", "ngoquyen", "ubnd", "ubndquan", "ubndphuong", "quantri", "quantrivien", "baocao", "baocaovien",
        "tonghop", "pheduyet", "lanhdao", "vanphong", "canbo", "congchuc", "thanhpho", "phuong", "quan", "xa",
    ]
}
