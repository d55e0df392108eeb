//! French words as the index and the query see them: case, accents, ligatures, elisions and
//! plurals folded away, the commonest words left out. The index and the query go through the same
//! steps, so "lésion" finds "LESIONS" and "l'érythème" finds "érythèmes".

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// Longer words are cut to this many characters (a pasted identifier, a URL).
const MAX_WORD_CHARS: usize = 48;

/// Words that say nothing about a case (articles, pronouns, prepositions, auxiliaries), as they
/// read once folded.
const STOP_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "est", "et",
    "eu", "il", "je", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "mes", "meme", "moi",
    "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "que", "qui", "sa",
    "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre",
    "vous", "y", "the", "of", "and", "to", "in", "is",
];

/// One word of a text: where it is (bytes of the original) and the term it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    pub start: usize,
    pub end: usize,
    pub term: String,
}

/// The French stemmer, made once per call site (it holds no state between words).
pub(crate) struct Folder {
    stemmer: Stemmer,
}

impl Default for Folder {
    fn default() -> Self {
        Self {
            stemmer: Stemmer::create(Algorithm::French),
        }
    }
}

impl Folder {
    /// The searchable words of a text, in order; stop words are left out.
    pub fn words(&self, text: &str) -> Vec<Word> {
        text.split_word_bound_indices()
            .filter_map(|(start, word)| {
                let (offset, word) = without_elision(word);
                let term = self.term(word)?;
                Some(Word {
                    start: start + offset,
                    end: start + offset + word.len(),
                    term,
                })
            })
            .collect()
    }

    /// The term a single word stands for, or `None` for punctuation and stop words.
    pub fn term(&self, word: &str) -> Option<String> {
        let folded = fold(word);
        if folded.is_empty() || STOP_WORDS.contains(&folded.as_str()) {
            return None;
        }
        if folded.chars().all(|c| c.is_ascii_digit()) {
            return Some(folded);
        }
        Some(self.stemmer.stem(&folded).into_owned())
    }
}

/// Lower case, accents and ligatures folded, anything but letters and digits dropped.
fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.nfd().flat_map(char::to_lowercase) {
        match c {
            'œ' => out.push_str("oe"),
            'æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c if is_combining_mark(c) => {}
            c if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
        if out.chars().count() >= MAX_WORD_CHARS {
            break;
        }
    }
    out
}

/// "l'érythème" is "érythème": a French elided article or pronoun before an apostrophe is
/// dropped (the straight and the typographic apostrophe). Returns the offset of what is kept.
fn without_elision(word: &str) -> (usize, &str) {
    for apostrophe in ['\'', '’'] {
        if let Some(at) = word.find(apostrophe) {
            let prefix = &word[..at];
            let elided = [
                "l", "d", "j", "qu", "n", "s", "c", "m", "t", "jusqu", "lorsqu",
            ]
            .iter()
            .any(|p| prefix.eq_ignore_ascii_case(p));
            if elided {
                let offset = at + apostrophe.len_utf8();
                return (offset, &word[offset..]);
            }
        }
    }
    (0, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        Folder::default()
            .words(text)
            .into_iter()
            .map(|w| w.term)
            .collect()
    }

    #[test]
    fn accents_case_and_plurals_fold_to_one_term() {
        assert_eq!(terms("lésion"), terms("LESIONS"));
        assert_eq!(terms("Érythème"), terms("érythèmes"));
        assert_eq!(terms("cœur"), terms("COEUR"));
        assert_eq!(terms("l'érythème"), terms("érythème"));
        assert_eq!(terms("d’une plaque"), terms("plaques"));
    }

    #[test]
    fn stop_words_and_punctuation_are_not_terms() {
        assert!(terms("le la les de du et, !? …").is_empty());
        assert_eq!(terms("38,5 °C"), terms("38,5 c"));
    }

    #[test]
    fn word_positions_point_into_the_original_text() {
        let text = "Mme D., l'érythème du bras";
        let words = Folder::default().words(text);
        let shown: Vec<&str> = words.iter().map(|w| &text[w.start..w.end]).collect();
        assert_eq!(shown, ["Mme", "D", "érythème", "bras"]);
    }

    #[test]
    fn long_words_are_cut() {
        let long = "a".repeat(10_000);
        assert!(Folder::default().words(&long)[0].term.len() <= MAX_WORD_CHARS);
    }
}
