//! Punctuation the decree prescribes: each căn cứ ends in ";" and the last in "." (Phụ lục I, mục
//! II.6); each recipient line in ";" and the last in "." (mục IV.9b); the closing sentence of a
//! plan in "./." (the sample forms).

/// A basis with its ending: ";" or, for the last, ".".
pub fn basis(text: &str, last: bool) -> String {
    let t = text.trim().trim_end_matches([';', '.', ',']).trim_end();
    format!("{t}{}", if last { "." } else { ";" })
}

/// A recipient line (without its "- ") with its ending: ";" or, for the last, ".".
pub fn recipient(text: &str, last: bool) -> String {
    let t = text
        .trim()
        .trim_start_matches("- ")
        .trim_end_matches([';', '.', ','])
        .trim_end();
    format!("{t}{}", if last { "." } else { ";" })
}

/// The closing sentence, ending in "./.".
pub fn closing(text: &str) -> String {
    let t = text.trim();
    if t.ends_with("./.") {
        t.to_string()
    } else {
        format!("{}./.", t.trim_end_matches(['.', ';', ',']))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endings() {
        assert_eq!(basis("Căn cứ A,", false), "Căn cứ A;");
        assert_eq!(basis("Căn cứ A;", true), "Căn cứ A.");
        assert_eq!(recipient("- Lưu: VT", true), "Lưu: VT.");
        assert_eq!(closing("… thực hiện."), "… thực hiện./.");
        assert_eq!(closing("… thực hiện./."), "… thực hiện./.");
    }
}
