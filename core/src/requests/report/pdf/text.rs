//! Text in the standard Helvetica fonts: CP1252 (WinAnsiEncoding) bytes, their widths, and
//! wrapping to a width.

use encoding_rs::{EncoderResult, WINDOWS_1252};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Font {
    Regular,
    Bold,
}

// The widths below are Adobe's standard AFM metrics of Helvetica and Helvetica-Bold (the Core14
// AFM files), laid out by CP1252 code. They are kept here because no maintained crate provides
// them: pdf-writer writes fonts but does not measure them; pdf-core-14-font-afms 0.1.1 ships only
// the raw AFM text, under "MIT AND APAFML" (APAFML is not in deny.toml), and would need an AFM
// parser; the only AFM parser crate, afm 0.1.2, dates from 2018 (geo 0.4, pom 1).

/// Glyph widths (1/1000 em) of Helvetica for CP1252 codes 0x20..=0xFF (Adobe AFM);
/// codes CP1252 leaves undefined get the 556 default.
#[rustfmt::skip]
const HELVETICA: [u16; 224] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 556,
    556, 556, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 556, 611, 556,
    556, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 556, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
];

/// Glyph widths of Helvetica-Bold, laid out as [`HELVETICA`].
#[rustfmt::skip]
const HELVETICA_BOLD: [u16; 224] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 556,
    556, 556, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 556, 611, 556,
    556, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 556, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
];

impl Font {
    /// The standard 14 font's PostScript name.
    pub(super) fn base_font(self) -> &'static [u8] {
        match self {
            Font::Regular => b"Helvetica",
            Font::Bold => b"Helvetica-Bold",
        }
    }

    /// Its name in the pages' resources.
    pub(super) fn resource(self) -> &'static [u8] {
        match self {
            Font::Regular => b"F1",
            Font::Bold => b"F2",
        }
    }

    /// Advance width of one CP1252 byte, in 1/1000 em.
    fn units(self, byte: u8) -> u32 {
        let table = match self {
            Font::Regular => &HELVETICA,
            Font::Bold => &HELVETICA_BOLD,
        };
        u32::from(byte.checked_sub(32).map_or(556, |i| table[usize::from(i)]))
    }

    /// Width in points of CP1252 `text` at `size`.
    pub(super) fn width(self, text: &[u8], size: f32) -> f32 {
        to_points(text.iter().map(|&b| self.units(b)).sum(), size)
    }

    /// Length of the longest prefix of `text` no wider than `max` (at least one byte).
    fn fitting(self, text: &[u8], size: f32, max: f32) -> usize {
        let mut units = 0;
        for (i, &b) in text.iter().enumerate() {
            units += self.units(b);
            if i > 0 && !fits(to_points(units, size), max) {
                return i;
            }
        }
        text.len()
    }
}

fn to_points(units: u32, size: f32) -> f32 {
    units as f32 * size / 1000.0
}

/// Width comparison with a little slack for rounding.
pub(super) fn fits(width: f32, max: f32) -> bool {
    width <= max + 1e-3
}

/// Encode to CP1252 (encoding_rs's windows-1252). '\n' is kept (a line break for the wrapper),
/// '\r' dropped, a tab becomes a space, no-break spaces become 0xA0, anything else unmapped
/// becomes '?'.
pub(super) fn encode(text: &str) -> Vec<u8> {
    let text: String = text
        .chars()
        .filter(|&c| c != '\r')
        .map(|c| match c {
            '\n' => '\n',
            '\t' => ' ',
            '\u{A0}' | '\u{2007}' | '\u{202F}' => '\u{A0}',
            '\u{2010}' | '\u{2011}' | '\u{2212}' => '-',
            // Control characters (C0, DEL and C1: the encoder would pass some C1 through).
            c if c.is_control() => '?',
            c => c,
        })
        .collect();
    let mut encoder = WINDOWS_1252.new_encoder();
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text.as_str();
    loop {
        let (result, read) =
            encoder.encode_from_utf8_to_vec_without_replacement(rest, &mut out, true);
        rest = &rest[read..];
        match result {
            EncoderResult::InputEmpty => return out,
            EncoderResult::Unmappable(_) => out.push(b'?'),
            EncoderResult::OutputFull => out.reserve(rest.len().max(4)),
        }
    }
}

/// Break CP1252 `text` at spaces (and at every '\n') into lines no wider than `first_w`
/// (first line) and `rest_w` (the others); a word longer than a line is cut.
pub(super) fn wrap(text: &[u8], font: Font, size: f32, first_w: f32, rest_w: f32) -> Vec<Vec<u8>> {
    let mut lines: Vec<Vec<u8>> = Vec::new();
    let max = |lines: &Vec<Vec<u8>>| if lines.is_empty() { first_w } else { rest_w };
    for hard in text.split(|&b| b == b'\n') {
        let mut cur: Vec<u8> = Vec::new();
        for word in hard.split(|&b| b == b' ').filter(|w| !w.is_empty()) {
            if !cur.is_empty() {
                let joined = [cur.as_slice(), b" ", word].concat();
                if fits(font.width(&joined, size), max(&lines)) {
                    cur = joined;
                    continue;
                }
                lines.push(std::mem::take(&mut cur));
            }
            let mut rest = word;
            loop {
                let n = font.fitting(rest, size, max(&lines));
                if n == rest.len() {
                    break;
                }
                lines.push(rest[..n].to_vec());
                rest = &rest[n..];
            }
            cur = rest.to_vec();
        }
        lines.push(cur);
    }
    lines
}
