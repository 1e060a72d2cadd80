//! Text folded for search, shared by the directory and the lexicon: what
//! a person types should find what was written whatever its case, accents
//! or compatibility forms.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds text for search: lower case, compatibility forms, and no accents
/// or vowel marks, so that "etrangeres" finds "Étrangères", full-width
/// digits match, and Arabic with or without harakat is the same word.
pub fn fold(text: &str) -> String {
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn case_accents_width_and_harakat_are_ignored() {
        assert_eq!(fold("Étrangères"), "etrangeres");
        assert_eq!(fold("ＩＣＴ"), "ict");
        assert_eq!(fold("ИНЦИДЕНТ"), "инцидент");
        // "حادث" written with a fatha and a shadda-free kasra.
        assert_eq!(fold("حَادِث"), "حادث");
        assert_eq!(fold("信息通信技术"), "信息通信技术");
    }
}
