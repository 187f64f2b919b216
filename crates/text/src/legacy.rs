//! Vietnamese text typed before Unicode: the TCVN3 (ABC) fonts (.VnTime, .VnArial; their capital
//! forms .VnTimeH …) and the VNI fonts (VNI-Times …), whose letters are Latin-1 characters that
//! only the font draws as Vietnamese ("Kõ ho¹ch" is "Kế hoạch" in .VnTime, "Keá hoaïch" in
//! VNI-Times), and Windows-1258 text with separate tone marks. Office files keep such text as the
//! Latin-1 characters; a file opened without the font shows them as they are.
use unicode_normalization::UnicodeNormalization;

/// A legacy encoding of Vietnamese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN 5712:1993 VN3 (ABC), the .Vn… fonts; `caps` for the capital fonts (.VnTimeH), which
    /// draw the small letters' codes as capitals.
    Tcvn3 { caps: bool },
    /// VNI for Windows: a vowel followed by a mark character.
    Vni,
}

impl Legacy {
    /// The encoding a font stands for, by its name.
    pub fn of_font(font: &str) -> Option<Legacy> {
        // "…,Bold" (a PDF's synthesised bold) and "-Bold"/"-Italic" (PostScript names) are not
        // part of the face.
        let mut face = font.trim().split(',').next().unwrap_or("").trim();
        for style in ["-BoldItalic", "-Bold", "-Italic", " Bold", " Italic"] {
            face = face.strip_suffix(style).unwrap_or(face);
        }
        let tcvn3 = face
            .strip_prefix(".Vn")
            .or_else(|| face.strip_prefix(".vn"))
            .or_else(|| {
                // A PDF may drop the leading dot: "VnTime", "VnArialH".
                face.strip_prefix("Vn")
                    .filter(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
            });
        if let Some(rest) = tcvn3 {
            return Some(Legacy::Tcvn3 {
                caps: rest.ends_with(['H', 'h']),
            });
        }
        let lower = face.to_ascii_lowercase();
        if lower.starts_with("vni-") || lower.starts_with("vni ") {
            return Some(Legacy::Vni);
        }
        None
    }

    /// Its name as a clerk knows it.
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 { .. } => "TCVN3 (phông .VnTime)",
            Legacy::Vni => "VNI (phông VNI-Times)",
        }
    }

    /// One glyph's text in this encoding, on its own (a PDF shows text glyph by glyph): a VNI
    /// mark is a combining mark even without its vowel beside it (the text is composed once the
    /// line is put together).
    pub fn decode_glyph(self, s: &str) -> String {
        match self {
            Legacy::Vni => vni_marks(s, true),
            _ => self.decode(s),
        }
    }

    /// Text in this encoding (as the Latin-1 characters a file keeps) in Unicode, NFC.
    pub fn decode(self, s: &str) -> String {
        match self {
            Legacy::Tcvn3 { caps } => {
                let out: String = s.chars().map(tcvn3).collect();
                if caps {
                    super::caps(&out)
                } else {
                    out
                }
            }
            Legacy::Vni => vni_marks(s, false).nfc().collect(),
        }
    }
}

/// TCVN3 (VN3) codes 0xA1–0xFF: the letters with their marks (0xA0 and the gaps are unchanged).
const TCVN3_HIGH: [char; 95] = [
    'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', '\u{AF}', // A1–AF
    '\u{B0}', '\u{B1}', '\u{B2}', '\u{B3}', '\u{B4}', 'à', 'ả', 'ã', 'á', 'ạ', '\u{BA}', 'ằ', 'ẳ',
    'ẵ', 'ắ', '\u{BF}', // B0–BF
    '\u{C0}', '\u{C1}', '\u{C2}', '\u{C3}', '\u{C4}', '\u{C5}', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è',
    '\u{CD}', 'ẻ', 'ẽ', // C0–CF
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', '\u{D9}', '\u{DA}', '\u{DB}', 'ĩ', 'í', 'ị', 'ò',
    // D0–DF
    '\u{E0}', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ',
    'ù', // E0–EF
    '\u{F0}', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ',
    '\u{FF}', // F0–FF
];

fn tcvn3(c: char) -> char {
    match c as u32 {
        0xA1..=0xFF => TCVN3_HIGH[(c as u32 - 0xA1) as usize],
        _ => c,
    }
}

/// VNI: the mark characters become combining marks (after the vowel they follow, or always),
/// the letters of their own become theirs; not composed.
fn vni_marks(s: &str, always_marks: bool) -> String {
    const ACUTE: char = '\u{301}';
    const GRAVE: char = '\u{300}';
    const HOOK: char = '\u{309}';
    const TILDE: char = '\u{303}';
    const DOT: char = '\u{323}';
    const HAT: char = '\u{302}';
    const BREVE: char = '\u{306}';
    let mut out = String::with_capacity(s.len() + 8);
    let mut after_vowel = false;
    for c in s.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let marks: &[char] = match lower {
            'ù' => &[ACUTE],
            'ø' => &[GRAVE],
            'û' => &[HOOK],
            'õ' => &[TILDE],
            'ï' => &[DOT],
            'â' => &[HAT],
            'á' => &[HAT, ACUTE],
            'à' => &[HAT, GRAVE],
            'å' => &[HAT, HOOK],
            'ã' => &[HAT, TILDE],
            'ä' => &[HAT, DOT],
            'ê' => &[BREVE],
            'é' => &[BREVE, ACUTE],
            'è' => &[BREVE, GRAVE],
            'ú' => &[BREVE, HOOK],
            'ü' => &[BREVE, TILDE],
            'ë' => &[BREVE, DOT],
            _ => &[],
        };
        if (after_vowel || always_marks) && !marks.is_empty() {
            out.extend(marks);
            continue;
        }
        let upper = c.is_uppercase();
        let letter = match lower {
            'ô' => Some('ơ'),
            'ö' => Some('ư'),
            'í' => Some('í'),
            'ì' => Some('ì'),
            'æ' => Some('ỉ'),
            'ó' => Some('ĩ'),
            'ò' => Some('ị'),
            'î' => Some('ỵ'),
            'ñ' => Some('đ'),
            _ => None,
        };
        match letter {
            Some(l) if upper => out.extend(l.to_uppercase()),
            Some(l) => out.push(l),
            None => out.push(c),
        }
        after_vowel = matches!(lower, 'a' | 'e' | 'o' | 'u' | 'y' | 'i' | 'ô' | 'ö');
    }
    out
}

/// How much text reads as Vietnamese: each word with letters beyond ASCII counts +1 when it is a
/// Vietnamese syllable (initial consonants, a vowel group, a final consonant, one tone at most)
/// and -1 when not; each symbol a wrong decoding leaves (¸ µ ¶ × …) or control character -2.
pub fn vietnamese_score(s: &str) -> i64 {
    let mut score = 0i64;
    for word in s.split(|c: char| !c.is_alphabetic() && !is_mark(c)) {
        if word.is_ascii() {
            continue;
        }
        score += if is_syllable(word) { 1 } else { -1 };
    }
    let junk = s
        .chars()
        .filter(|&c| {
            let u = c as u32;
            (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
                || ((0x80..=0xBF).contains(&u) && c != '\u{A0}')
                || matches!(
                    c,
                    '×' | '÷' | 'Ð' | 'ð' | 'Þ' | 'þ' | 'ß' | 'Æ' | 'æ' | 'Ø' | 'ø'
                )
        })
        .count() as i64;
    score - 2 * junk
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F)
}

/// A Vietnamese syllable: (initial)(vowel group)(final), one tone mark at most.
fn is_syllable(word: &str) -> bool {
    const INITIALS: [&str; 28] = [
        "", "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "b", "c", "d", "đ",
        "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ];
    const FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];
    const NUCLEI: [&str; 53] = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
        "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê",
        "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oay", "oeo", "uây",
        "uôi", "ươi", "ươu", "uyê", "yêu", "uya", "uyu",
    ];
    let mut tones = 0;
    let mut bare = String::new();
    for c in word.nfd() {
        if matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}') {
            tones += 1;
        } else {
            bare.push(c);
        }
    }
    if tones > 1 {
        return false;
    }
    let bare: String = bare.nfc().collect::<String>().to_lowercase();
    INITIALS
        .iter()
        .filter_map(|i| bare.strip_prefix(i))
        .any(|rest| {
            FINALS
                .iter()
                .any(|f| rest.strip_suffix(f).is_some_and(|n| NUCLEI.contains(&n)))
        })
}

/// UTF-16 text, little- or big-endian (`None` when it is not valid UTF-16).
pub fn utf16(bytes: &[u8], big_endian: bool) -> Option<String> {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|c| {
            if big_endian {
                u16::from_be_bytes([c[0], c[1]])
            } else {
                u16::from_le_bytes([c[0], c[1]])
            }
        })
        .collect();
    String::from_utf16(&units).ok()
}

/// The text of a file that is not UTF-8: UTF-16 without its byte-order mark, Windows-1258,
/// TCVN3 or VNI, whichever reads as Vietnamese; `None` when none does. Gives the text (NFC) and
/// the encoding's name.
pub fn decode_bytes(bytes: &[u8]) -> Option<(String, &'static str)> {
    // UTF-16: every other byte zero in Latin text.
    let sample = &bytes[..bytes.len().min(4096) & !1];
    let zeros = |odd: bool| {
        sample
            .iter()
            .skip(usize::from(odd))
            .step_by(2)
            .filter(|b| **b == 0)
            .count()
    };
    let half = sample.len() / 2;
    if half >= 4 {
        for (odd, name) in [(true, "UTF-16"), (false, "UTF-16 (big-endian)")] {
            if zeros(odd) * 10 >= half * 3 && zeros(!odd) * 10 < half {
                return utf16(bytes, !odd).map(|s| (s.nfc().collect(), name));
            }
        }
    }
    if bytes.contains(&0) {
        return None;
    }
    let (cp1258, _, _) = encoding_rs::WINDOWS_1258.decode(bytes);
    let cp1258: String = cp1258.nfc().collect();
    let (latin, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    let candidates = [
        (cp1258, "Windows-1258"),
        (Legacy::Tcvn3 { caps: false }.decode(&latin), "TCVN3 (ABC)"),
        (Legacy::Vni.decode(&latin), "VNI"),
    ];
    candidates
        .into_iter()
        .map(|(text, name)| (vietnamese_score(&text), text, name))
        .filter(|(score, _, _)| *score > 0)
        .max_by_key(|(score, _, _)| *score)
        .map(|(_, text, name)| (text, name))
}

/// Text as Windows-1258 spells it: the letter with its hat, breve or horn, then the tone as
/// a separate mark (the code page has "ê" and a combining acute, not "ế").
pub fn windows_1258_spelling(text: &str) -> String {
    let tone = |c: char| matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}');
    let mut out = String::new();
    for c in text.chars() {
        let d: String = c.to_string().nfd().collect();
        let base: String = d
            .chars()
            .filter(|m| !tone(*m))
            .collect::<String>()
            .nfc()
            .collect();
        let marks: String = d.chars().filter(|m| tone(*m)).collect();
        // A tone on a letter that the code page has with its tone (á, à …) stays composed.
        let whole: String = format!("{base}{marks}").nfc().collect();
        let (_, _, bad) = encoding_rs::WINDOWS_1258.encode(&whole);
        if bad {
            out.push_str(&base);
            out.push_str(&marks);
        } else {
            out.push_str(&whole);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tcvn3_letters() {
        let t = Legacy::Tcvn3 { caps: false };
        assert_eq!(
            t.decode("KÕ ho¹ch c¶i c¸ch hµnh chÝnh"),
            "Kế hoạch cải cách hành chính"
        );
        assert_eq!(
            t.decode("Ninh B×nh, M\u{AD}êng Kh\u{AD}\u{AC}ng"),
            "Ninh Bình, Mường Khương"
        );
        assert_eq!(t.decode("§¶ng ñy, ®Èy m¹nh"), "Đảng ủy, đẩy mạnh");
        let h = Legacy::Tcvn3 { caps: true };
        assert_eq!(h.decode("ñy ban nh©n d©n"), "ỦY BAN NHÂN DÂN");
    }

    #[test]
    fn vni_letters() {
        assert_eq!(
            Legacy::Vni.decode("Keá hoaïch caûi caùch haønh chính"),
            "Kế hoạch cải cách hành chính"
        );
        assert_eq!(
            Legacy::Vni.decode("Vieät Nam, Ñoäc laäp"),
            "Việt Nam, Độc lập"
        );
        assert_eq!(
            Legacy::Vni.decode("ÖÙng, Ñaêk Laêk, möôøi"),
            "Ứng, Đăk Lăk, mười"
        );
    }

    #[test]
    fn fonts() {
        assert_eq!(
            Legacy::of_font(".VnTime"),
            Some(Legacy::Tcvn3 { caps: false })
        );
        assert_eq!(
            Legacy::of_font(".VnTimeH"),
            Some(Legacy::Tcvn3 { caps: true })
        );
        assert_eq!(Legacy::of_font("VNI-Times"), Some(Legacy::Vni));
        assert_eq!(
            Legacy::of_font(".VnTimeH,Bold"),
            Some(Legacy::Tcvn3 { caps: true })
        );
        assert_eq!(
            Legacy::of_font("VnTime-Italic"),
            Some(Legacy::Tcvn3 { caps: false })
        );
        assert_eq!(Legacy::of_font("Vni-Helve-Bold"), Some(Legacy::Vni));
        assert_eq!(Legacy::of_font("Verdana"), None);
        assert_eq!(Legacy::of_font("Times New Roman"), None);
    }

    #[test]
    fn files_in_other_encodings_are_told_apart() {
        let text = "Kế hoạch cải cách hành chính năm 2027 của Ủy ban nhân dân phường";
        let utf16: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode_bytes(&utf16), Some((text.to_string(), "UTF-16")));
        let spelled = windows_1258_spelling(text);
        let (cp, _, unmappable) = encoding_rs::WINDOWS_1258.encode(&spelled);
        assert!(!unmappable);
        assert_eq!(decode_bytes(&cp), Some((text.to_string(), "Windows-1258")));
        let tcvn = "KÕ ho¹ch c¶i c¸ch hµnh chÝnh n¨m 2027 cña ñy ban nh©n d©n ph\u{AD}êng";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(tcvn);
        let got = decode_bytes(&bytes).unwrap();
        assert_eq!(got.1, "TCVN3 (ABC)");
        assert!(got
            .0
            .starts_with("Kế hoạch cải cách hành chính năm 2027 của ủy ban nhân dân phường"));
        let vni = "Keá hoaïch caûi caùch haønh chính naêm 2027 cuûa UÛy ban nhaân daân phöôøng";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(vni);
        assert_eq!(
            decode_bytes(&bytes),
            Some((
                "Kế hoạch cải cách hành chính năm 2027 của Ủy ban nhân dân phường".to_string(),
                "VNI"
            ))
        );
    }
}
