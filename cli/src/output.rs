//! Printing results: a JSON object with `--json`, readable lines otherwise.
//!
//! Text that came from other members (message bodies, captions, the case header, advice,
//! outcomes, names, user ids, case codes, the server's error texts) can hold control
//! characters: escape sequences that clear the screen, rewrite earlier lines, make a link
//! say something else than where it goes, or bidi overrides that show text in another order.
//! Human output passes every such string through [`neutralise`] (by way of [`line`] and
//! [`text`]), and the whole text once more before printing; JSON output stays exact JSON.

use std::{fmt::Display, io::Write, process::ExitCode};

use serde_json::{json, Value};

pub struct Output {
    pub json: bool,
}

/// What a command produced: the JSON object, and its human form.
pub struct Report {
    pub value: Value,
    pub text: String,
}

impl Output {
    pub fn print(&self, report: &Report) {
        println!("{}", self.render(report));
    }

    /// What `print` writes.
    fn render(&self, report: &Report) -> String {
        if self.json {
            json_text(&report.value)
        } else {
            // Each field was made safe where it was put into the text; this pass makes sure
            // that no control character reaches the terminal even if one was missed.
            text(&report.text)
        }
    }

    /// Prints the error (typed `code` first, for scripts) and returns a failing exit code.
    pub fn fail(&self, error: &anyhow::Error) -> ExitCode {
        let code = crate::commands::error_code(error);
        if self.json {
            let value = json!({ "ok": false, "error": code, "message": error.to_string() });
            println!("{}", json_text(&value));
        } else {
            // The chain may quote the server, or the names of the directory's members.
            eprintln!("innomed: {} [{code}]", text(format!("{error:#}")));
        }
        ExitCode::FAILURE
    }
}

/// Whether a newline and a tab may stay in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lines {
    /// A name, an id, a code or a one-line summary: nothing may start a new line.
    One,
    /// A message body, an advice, an outcome: newlines and tabs are kept.
    Many,
}

/// Text from the network (or anywhere else) made harmless for a terminal: every character
/// that a terminal would act on instead of showing is replaced by a visible stand-in.
///
/// - C0 controls (U+0000–U+001F) become their Unicode control pictures (ESC → `␛`, BEL → `␇`,
///   CR → `␍`); newline and tab are kept with [`Lines::Many`]. With the ESC gone, the rest of
///   an escape sequence (`[2J`, `]8;;https://…`) is plain, visible text.
/// - DEL (U+007F) becomes `␡`.
/// - C1 controls (U+0080–U+009F, e.g. U+009B, a one-character CSI) and the bidi embeddings,
///   overrides and isolates (U+202A–U+202E, U+2066–U+2069) become `\u{…}` text.
///
/// Everything else (accents, emoji, other scripts) is unchanged, and the result passes through
/// again unchanged.
pub fn neutralise(input: &str, lines: Lines) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            c if !needs_stand_in(c, lines) => out.push(c),
            '\u{0}'..='\u{1f}' => out.push(control_picture(c)),
            '\u{7f}' => out.push('\u{2421}'),
            _ => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
        }
    }
    out
}

/// Whether a terminal could act on `c` instead of showing it.
fn needs_stand_in(c: char, lines: Lines) -> bool {
    match c {
        '\n' | '\t' => lines == Lines::One,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// A C0 control's picture: U+2400 + its code (NUL → `␀`, ESC → `␛`).
fn control_picture(c: char) -> char {
    char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}')
}

/// A name, id, code or any one-line value, safe to print.
pub fn line(value: impl Display) -> String {
    neutralise(&value.to_string(), Lines::One)
}

/// A body of text (message, advice, outcome, error), safe to print; lines kept.
pub fn text(value: impl Display) -> String {
    neutralise(&value.to_string(), Lines::Many)
}

/// The JSON text of `value`, exactly the same value, with DEL, the C1 controls and the bidi
/// controls written as `\u` escapes too (serde escapes only U+0000–U+001F), so that JSON read
/// on a terminal cannot drive it either.
pub fn json_text(value: &Value) -> String {
    let mut bytes = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, EscapingFormatter);
    if serde::Serialize::serialize(value, &mut serializer).is_err() {
        return value.to_string();
    }
    String::from_utf8(bytes).unwrap_or_else(|_| value.to_string())
}

/// serde_json's compact output, with more characters escaped inside strings.
struct EscapingFormatter;

impl serde_json::ser::Formatter for EscapingFormatter {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut start = 0;
        for (i, c) in fragment.char_indices() {
            // serde_json already escaped U+0000–U+001F before handing over a fragment.
            if needs_stand_in(c, Lines::Many) {
                writer.write_all(&fragment.as_bytes()[start..i])?;
                write!(writer, "\\u{:04x}", u32::from(c))?;
                start = i + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[start..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_screen_escape_is_shown_not_run() {
        let shown = line("avis\u{1b}[2J\u{1b}[Hfaux");
        assert_eq!(shown, "avis␛[2J␛[Hfaux");
        assert!(!shown.contains('\u{1b}'));
    }

    #[test]
    fn osc_8_hyperlink_shows_where_it_goes() {
        let link = "\u{1b}]8;;https://evil.example/\u{1b}\\résultats\u{1b}]8;;\u{1b}\\";
        let shown = text(link);
        assert_eq!(shown, "␛]8;;https://evil.example/␛\\résultats␛]8;;␛\\");
        assert!(!shown.contains('\u{1b}'));
        // Its BEL-terminated form too.
        assert_eq!(line("\u{1b}]8;;https://x\u{7}y"), "␛]8;;https://x␇y");
    }

    #[test]
    fn bell_and_other_c0_controls_are_pictured() {
        assert_eq!(line("ding\u{7}"), "ding␇");
        assert_eq!(line("a\u{0}b\rc\u{8}d"), "a␀b␍c␈d");
        assert_eq!(line("del\u{7f}"), "del␡");
    }

    #[test]
    fn bidi_overrides_and_isolates_are_shown_as_escapes() {
        // "photo\u{202e}gpj.exe" would read as "photoexe.jpg" on screen.
        assert_eq!(line("photo\u{202e}gpj.exe"), "photo\\u{202e}gpj.exe");
        assert_eq!(
            line("\u{202a}\u{202b}\u{202c}\u{202d}\u{2066}\u{2067}\u{2068}\u{2069}"),
            "\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{2066}\\u{2067}\\u{2068}\\u{2069}"
        );
    }

    #[test]
    fn c1_controls_including_the_one_character_csi_are_shown_as_escapes() {
        assert_eq!(line("x\u{9b}2Jy"), "x\\u{9b}2Jy");
        assert_eq!(
            line("\u{80}\u{85}\u{9d}\u{9f}"),
            "\\u{80}\\u{85}\\u{9d}\\u{9f}"
        );
    }

    #[test]
    fn french_text_is_unchanged() {
        let s =
            "Lésion pigmentée du dos, évolution depuis 3 mois — « exérèse » ? Œdème, ça va. 🩺 ✅";
        assert_eq!(line(s), s);
        assert_eq!(text(s), s);
        // And non-Latin scripts (an Arabic name keeps its own direction without overrides).
        assert_eq!(line("د. ليلى"), "د. ليلى");
    }

    #[test]
    fn newlines_and_tabs_stay_in_bodies_only() {
        let body = "Bonjour,\n\tlésion à revoir.\nMerci";
        assert_eq!(text(body), body);
        assert_eq!(line(body), "Bonjour,␊␉lésion à revoir.␊Merci");
        // A display name cannot forge a line of the output.
        assert_eq!(
            line("Dr A\ncase IM-000000 closed"),
            "Dr A␊case IM-000000 closed"
        );
    }

    #[test]
    fn neutralising_twice_changes_nothing_more() {
        let hostile = "\u{1b}[31mrouge\u{9b}\u{202e}\u{7}\n\u{7f}";
        let once = text(hostile);
        assert_eq!(text(&once), once);
        assert_eq!(line(line(hostile)), line(hostile));
    }

    #[test]
    fn a_report_is_neutralised_in_human_mode_and_exact_in_json() {
        let body = "Bonjour\u{1b}]52;c;Y2F0IC9ldGMvcGFzc3dk\u{7}\nà demain";
        let report = Report {
            value: json!({ "ok": true, "body": body }),
            text: format!("  @a:hs: {body}"),
        };
        let human = Output { json: false }.render(&report);
        assert_eq!(
            human,
            "  @a:hs: Bonjour␛]52;c;Y2F0IC9ldGMvcGFzc3dk␇\nà demain"
        );
        let json = Output { json: true }.render(&report);
        let back: Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(back["body"], body);
    }

    #[test]
    fn json_stays_exact_and_carries_no_raw_controls() {
        let hostile = "é\u{1b}[2J\u{9b}31m\u{202e}\u{7f}\n✅";
        let value = json!({ "body": hostile, "n": 1, "list": ["\u{2066}x"] });
        let printed = json_text(&value);
        let back: Value = serde_json::from_str(&printed).expect("valid JSON");
        assert_eq!(back, value, "the same value");
        for c in ['\u{1b}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{7f}', '\n'] {
            assert!(!printed.contains(c), "{c:?} must be escaped in {printed}");
        }
        assert!(printed.contains('é') && printed.contains('✅'), "{printed}");
        assert!(printed.contains("\\u009b") && printed.contains("\\u202e"));
        // Plain values print as serde_json prints them.
        let plain = json!({ "ok": true, "case": "!abc:localhost", "body": "Bonjour" });
        assert_eq!(json_text(&plain), plain.to_string());
    }
}
