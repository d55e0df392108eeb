//! A small, dependency-free PDF 1.4 writer for télé-expertise reports.
//!
//! The report is a list of [`Block`]s laid out on A4 pages with the standard
//! Helvetica fonts (not embedded) in WinAnsiEncoding (CP1252). The layout is
//! computed first, so that every page can carry a "page N / M" footer, then the
//! objects are written with an exact cross-reference table. Content streams are
//! left uncompressed so the text can be found with `grep`.

/// One block of a text document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A bold title line, larger (16 pt), at the top of the document.
    Title(String),
    /// A bold section heading (12 pt) with space before it.
    Heading(String),
    /// "Label : value" on one line (label bold), the value wrapped if long, continuation lines indented.
    Field { label: String, value: String },
    /// A paragraph of 10.5 pt regular text, wrapped to the page width; '\n' in it starts a new line.
    Paragraph(String),
}

const PAGE_W: f32 = 595.0;
const PAGE_H: f32 = 842.0;
const MARGIN: f32 = 56.0;
const TEXT_W: f32 = PAGE_W - 2.0 * MARGIN;
const TITLE_SIZE: f32 = 16.0;
const HEADING_SIZE: f32 = 12.0;
const BODY_SIZE: f32 = 10.5;
const FOOTER_SIZE: f32 = 8.0;
/// Baseline of the footer, inside the bottom margin.
const FOOTER_Y: f32 = 28.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.3;
/// Indentation of a field's continuation lines.
const FIELD_INDENT: f32 = 18.0;
/// Narrowest room beside a label for its value; a longer label gets lines of its own.
const MIN_VALUE_W: f32 = 120.0;
/// Object numbers: the fixed objects, then a (page, content stream) pair per page.
const CATALOG: usize = 1;
const PAGES: usize = 2;
const INFO: usize = 5;
const FIRST_PAGE: usize = 6;

/// Renders the blocks on A4 pages (595 x 842 pt, 56 pt margins), Helvetica and Helvetica-Bold
/// (standard 14 fonts, WinAnsiEncoding), with a small footer "page N / M" on each page.
/// The output is deterministic (same input, same bytes): no dates, no random ids.
pub fn render(blocks: &[Block]) -> Vec<u8> {
    let title = blocks
        .iter()
        .find_map(|b| match b {
            Block::Title(t) => Some(t.as_str()),
            _ => None,
        })
        .unwrap_or("Rapport");
    write_pdf(&layout(blocks), title)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Font {
    Regular,
    Bold,
}

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
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
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
    fn width(self, text: &[u8], size: f32) -> f32 {
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
fn fits(width: f32, max: f32) -> bool {
    width <= max + 1e-3
}

/// The characters of CP1252 codes 0x80..=0x9F ('\0' where CP1252 has none).
#[rustfmt::skip]
const CP1252_80: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0',
    '\0', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// Encode to CP1252. '\n' is kept (a line break for the wrapper), '\r' dropped, a tab
/// becomes a space, no-break spaces become 0xA0, anything else unmapped becomes '?'.
fn encode(text: &str) -> Vec<u8> {
    let high = |c: char| {
        CP1252_80
            .iter()
            .position(|&h| h == c)
            .map(|i| 0x80 + i as u8)
    };
    text.chars()
        .filter(|&c| c != '\r')
        .map(|c| match c {
            '\n' => b'\n',
            '\t' => b' ',
            '\u{A0}' | '\u{2007}' | '\u{202F}' => 0xA0,
            '\u{2010}' | '\u{2011}' | '\u{2212}' => b'-',
            ' '..='~' | '\u{A1}'..='\u{FF}' => u8::try_from(c).unwrap_or(b'?'),
            '\0'..='\u{1F}' => b'?',
            _ => high(c).unwrap_or(b'?'),
        })
        .collect()
}

/// Break CP1252 `text` at spaces (and at every '\n') into lines no wider than `first_w`
/// (first line) and `rest_w` (the others); a word longer than a line is cut.
fn wrap(text: &[u8], font: Font, size: f32, first_w: f32, rest_w: f32) -> Vec<Vec<u8>> {
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

/// A line of text: its baseline origin, font size and runs of text in one font each.
#[derive(Debug)]
struct Line {
    x: f32,
    y: f32,
    size: f32,
    runs: Vec<(Font, Vec<u8>)>,
}

/// The page being filled and those already full.
struct Layout {
    done: Vec<Vec<Line>>,
    page: Vec<Line>,
    /// Top of the next line.
    cursor: f32,
}

impl Layout {
    /// Vertical space before a block, dropped at the top of a page.
    fn gap(&mut self, g: f32) {
        if !self.page.is_empty() {
            self.cursor -= g;
        }
    }

    /// Start a new page unless `h` points still fit above the bottom margin.
    fn room_for(&mut self, h: f32) {
        if !self.page.is_empty() && self.cursor - h < MARGIN {
            self.done.push(std::mem::take(&mut self.page));
            self.cursor = PAGE_H - MARGIN;
        }
    }

    fn line(&mut self, indent: f32, size: f32, runs: Vec<(Font, Vec<u8>)>) {
        self.room_for(size * LEADING);
        let y = self.cursor - size;
        self.cursor -= size * LEADING;
        let runs = runs.into_iter().filter(|r| !r.1.is_empty()).collect();
        let x = MARGIN + indent;
        self.page.push(Line { x, y, size, runs });
    }

    /// One line per wrapped text line, all in one font.
    fn lines(&mut self, indent: f32, font: Font, size: f32, lines: Vec<Vec<u8>>) {
        for text in lines {
            self.line(indent, size, vec![(font, text)]);
        }
    }
}

fn layout(blocks: &[Block]) -> Vec<Vec<Line>> {
    let mut l = Layout {
        done: Vec::new(),
        page: Vec::new(),
        cursor: PAGE_H - MARGIN,
    };
    let (bold, regular) = (Font::Bold, Font::Regular);
    for block in blocks {
        match block {
            Block::Title(t) => {
                l.gap(12.0);
                let lines = wrap(&encode(t), bold, TITLE_SIZE, TEXT_W, TEXT_W);
                l.lines(0.0, bold, TITLE_SIZE, lines);
                l.gap(6.0);
            }
            Block::Heading(h) => {
                l.gap(10.0);
                // Keep the heading with the first line that follows it.
                l.room_for((HEADING_SIZE + BODY_SIZE) * LEADING);
                let lines = wrap(&encode(h), bold, HEADING_SIZE, TEXT_W, TEXT_W);
                l.lines(0.0, bold, HEADING_SIZE, lines);
            }
            Block::Field { label, value } => {
                l.gap(3.0);
                let label = encode(label.trim())
                    .into_iter()
                    .map(|b| if b == b'\n' { b' ' } else { b });
                let label: Vec<u8> = label.chain(*b" : ").collect();
                let label_w = bold.width(&label, BODY_SIZE);
                let rest_w = TEXT_W - FIELD_INDENT;
                // A label too long to leave room for its value gets lines of its own.
                let short = label_w + MIN_VALUE_W <= TEXT_W;
                let first_w = if short { TEXT_W - label_w } else { rest_w };
                let mut value = wrap(&encode(value), regular, BODY_SIZE, first_w, rest_w);
                if short {
                    let first = if value.is_empty() {
                        Vec::new()
                    } else {
                        value.remove(0)
                    };
                    l.line(0.0, BODY_SIZE, vec![(bold, label), (regular, first)]);
                } else {
                    let mut label = wrap(&label, bold, BODY_SIZE, TEXT_W, rest_w).into_iter();
                    l.line(
                        0.0,
                        BODY_SIZE,
                        vec![(bold, label.next().unwrap_or_default())],
                    );
                    l.lines(FIELD_INDENT, bold, BODY_SIZE, label.collect());
                }
                l.lines(FIELD_INDENT, regular, BODY_SIZE, value);
            }
            Block::Paragraph(p) => {
                l.gap(6.0);
                let lines = wrap(&encode(p), regular, BODY_SIZE, TEXT_W, TEXT_W);
                l.lines(0.0, regular, BODY_SIZE, lines);
            }
        }
    }
    l.done.push(l.page);
    l.done
}

/// A number for a content stream: at most two decimals, no trailing zeros.
fn num(v: f32) -> String {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    let sign = if hundredths < 0 { "-" } else { "" };
    let (int, frac) = (hundredths.abs() / 100, hundredths.abs() % 100);
    match frac {
        0 => format!("{sign}{int}"),
        f if f % 10 == 0 => format!("{sign}{int}.{}", f / 10),
        f => format!("{sign}{int}.{f:02}"),
    }
}

/// A PDF literal string, with `(`, `)` and `\` escaped.
fn literal(text: &[u8]) -> Vec<u8> {
    let mut out = vec![b'('];
    for &b in text {
        if matches!(b, b'(' | b')' | b'\\') {
            out.push(b'\\');
        }
        out.push(b);
    }
    out.push(b')');
    out
}

/// A PDF text string (document information): literal if printable ASCII, else UTF-16BE.
fn text_string(text: &str) -> Vec<u8> {
    if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return literal(text.as_bytes());
    }
    let hex: String = text.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{hex}>").into_bytes()
}

fn page_content(page: &[Line], number: usize, count: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for line in page.iter().filter(|l| !l.runs.is_empty()) {
        out.extend_from_slice(format!("BT {} {} Td", num(line.x), num(line.y)).as_bytes());
        for (font, text) in &line.runs {
            let font = font.resource();
            out.extend_from_slice(format!(" /{font} {} Tf ", num(line.size)).as_bytes());
            out.extend_from_slice(&literal(text));
            out.extend_from_slice(b" Tj");
        }
        out.extend_from_slice(b" ET\n");
    }
    let footer = format!("page {number} / {count}");
    let x = (PAGE_W - Font::Regular.width(footer.as_bytes(), FOOTER_SIZE)) / 2.0;
    let (x, y, size) = (num(x), num(FOOTER_Y), num(FOOTER_SIZE));
    out.extend_from_slice(format!("BT {x} {y} Td /F1 {size} Tf ({footer}) Tj ET\n").as_bytes());
    out
}

fn write_pdf(pages: &[Vec<Line>], title: &str) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets: Vec<usize> = Vec::new();
    // Objects are numbered in the order they are added.
    let mut add = |out: &mut Vec<u8>, body: &[u8]| {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", offsets.len()).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    };
    let kids: Vec<String> = (0..pages.len())
        .map(|i| format!("{} 0 R", FIRST_PAGE + 2 * i))
        .collect();
    add(
        &mut out,
        format!("<< /Type /Catalog /Pages {PAGES} 0 R >>").as_bytes(),
    );
    let tree = format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        kids.join(" "),
        pages.len()
    );
    add(&mut out, tree.as_bytes());
    for name in ["Helvetica", "Helvetica-Bold"] {
        let font = format!(
            "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
        );
        add(&mut out, font.as_bytes());
    }
    let mut info = b"<< /Producer (Innomed) /Title ".to_vec();
    info.extend_from_slice(&text_string(title));
    info.extend_from_slice(b" >>");
    add(&mut out, &info);
    for (i, page) in pages.iter().enumerate() {
        let page_dict = format!(
            "<< /Type /Page /Parent {PAGES} 0 R /MediaBox [0 0 {} {}] \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            num(PAGE_W),
            num(PAGE_H),
            FIRST_PAGE + 2 * i + 1
        );
        add(&mut out, page_dict.as_bytes());
        let content = page_content(page, i + 1, pages.len());
        let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
        stream.extend_from_slice(&content);
        stream.extend_from_slice(b"\nendstream");
        add(&mut out, &stream);
    }
    let xref = out.len();
    let size = offsets.len() + 1;
    out.extend_from_slice(format!("xref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for offset in &offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let trailer = format!(
        "trailer\n<< /Size {size} /Root {CATALOG} 0 R /Info {INFO} 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    );
    out.extend_from_slice(trailer.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    fn contains(hay: &[u8], needle: &[u8]) -> bool {
        find(hay, needle).is_some()
    }

    /// The unescaped string operands of every `Tj`, in order.
    fn strings(pdf: &[u8]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        for line in pdf.split(|&b| b == b'\n').filter(|l| l.starts_with(b"BT ")) {
            let (mut cur, mut inside, mut escaped) = (Vec::new(), false, false);
            for &b in line {
                if !inside {
                    inside = b == b'(';
                } else if escaped {
                    cur.push(b);
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b')' {
                    out.push(std::mem::take(&mut cur));
                    inside = false;
                } else {
                    cur.push(b);
                }
            }
        }
        out
    }

    fn number(bytes: &[u8]) -> usize {
        let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
        let text = std::str::from_utf8(&bytes[..digits]).expect("ascii");
        text.parse().expect("a number")
    }

    /// Check xref offsets, `startxref` and stream lengths; returns the number of objects.
    fn check_structure(pdf: &[u8]) -> usize {
        let tail = find(pdf, b"startxref\n").expect("startxref");
        let xref = number(&pdf[tail + 10..]);
        assert!(pdf[xref..].starts_with(b"xref\n0 "));
        assert!(pdf[tail..].ends_with(format!("startxref\n{xref}\n%%EOF\n").as_bytes()));
        let size = number(&pdf[xref + 7..]);
        let mut entries = pdf[xref..tail].split(|&b| b == b'\n').skip(2);
        assert_eq!(entries.next(), Some(&b"0000000000 65535 f "[..]));
        for n in 1..size {
            let entry = entries.next().expect("an xref entry");
            assert_eq!(entry.len(), 19); // 20 bytes with the '\n'
            assert!(entry.ends_with(b" 00000 n "));
            let offset = number(entry);
            assert!(
                pdf[offset..].starts_with(format!("{n} 0 obj\n").as_bytes()),
                "object {n}"
            );
        }
        let trailer = format!("trailer\n<< /Size {size} /Root 1 0 R /Info 5 0 R >>\nstartxref");
        assert_eq!(
            entries.next(),
            Some(trailer.split('\n').next().expect("line").as_bytes())
        );
        assert!(contains(pdf, trailer.as_bytes()));
        let mut at = 0;
        while let Some(i) = find(&pdf[at..], b"<< /Length ") {
            let start = at + i + 11;
            let len = number(&pdf[start..]);
            let data = start + len.to_string().len() + b" >>\nstream\n".len();
            assert!(pdf[data + len..].starts_with(b"\nendstream\nendobj\n"));
            at = data + len;
        }
        size - 1
    }

    fn count(pdf: &[u8]) -> usize {
        number(&pdf[find(pdf, b"/Count ").expect("/Count") + 7..])
    }

    fn para(s: &str) -> Block {
        Block::Paragraph(s.to_owned())
    }

    #[test]
    fn header_and_trailer_shape() {
        let pdf = render(&[Block::Title("Avis".into()), para("Bonjour")]);
        assert!(pdf.starts_with(b"%PDF-1.4\n%"));
        assert!(pdf[10..14].iter().all(|&b| b >= 0x80) && pdf[14] == b'\n');
        assert!(pdf.ends_with(b"%%EOF\n"));
        assert_eq!(check_structure(&pdf), 5 + 2);
        assert!(contains(
            &pdf,
            b"/BaseFont /Helvetica /Encoding /WinAnsiEncoding"
        ));
        assert!(contains(
            &pdf,
            b"/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"
        ));
        assert!(contains(&pdf, b"<< /Producer (Innomed) /Title (Avis) >>"));
    }

    #[test]
    fn french_text_is_cp1252() {
        let text = "Élève très ému, cœur à 80 € « ok\u{202F}» l’Œil – ça 漢";
        let pdf = render(&[para(text)]);
        let want = b"(\xC9l\xE8ve tr\xE8s \xE9mu, c\x9Cur \xE0 80 \x80 \xAB ok\xA0\xBB l\x92\x8Cil \x96 \xE7a ?) Tj";
        assert!(contains(&pdf, want));
        assert_eq!(encode("\u{A0}\t\r\u{81}ü"), b"\xA0 ?\xFC");
        let title = render(&[Block::Title("Télé-expertise".into())]);
        assert!(contains(
            &title,
            b"/Title <FEFF005400E9006C00E9002D006500780070006500720074006900730065>"
        ));
    }

    #[test]
    fn parentheses_and_backslashes_are_escaped() {
        let pdf = render(&[para("f(x) = a\\b)")]);
        assert!(contains(&pdf, b"(f\\(x\\) = a\\\\b\\)) Tj"));
        assert_eq!(strings(&pdf)[0], b"f(x) = a\\b)");
    }

    #[test]
    fn long_paragraph_wraps_within_text_width() {
        let text = "Patiente de 67 ans, suivie pour une insuffisance cardiaque à fraction d’éjection \
                    préservée, adressée pour avis dermatologique devant une lésion pigmentée du dos \
                    apparue il y a six mois, asymétrique, aux bords irréguliers. "
            .repeat(4)
            + "x".repeat(300).as_str();
        let pdf = render(&[para(&text)]);
        let lines = strings(&pdf);
        let body = &lines[..lines.len() - 1]; // the last string is the footer
        assert!(body.len() > 6, "{} lines", body.len());
        for line in body {
            assert!(fits(Font::Regular.width(line, BODY_SIZE), TEXT_W));
            assert!(!line.starts_with(b" ") && !line.ends_with(b" "));
        }
        // Nothing lost but spaces; the 300-letter word is cut into full-width pieces.
        let squeeze = |t: &[u8]| {
            t.iter()
                .copied()
                .filter(|&b| b != b' ')
                .collect::<Vec<u8>>()
        };
        assert_eq!(squeeze(&body.concat()), squeeze(&encode(&text)));
        let cut: Vec<usize> = body
            .iter()
            .filter(|l| l.iter().all(|&b| b == b'x'))
            .map(Vec::len)
            .collect();
        assert_eq!(cut, [92, 92, 92, 24]); // 92 x 5.25 pt = 483 pt
    }

    #[test]
    fn fields_put_label_and_value_on_one_line() {
        let field = |label: &str, value: &str| {
            let (label, value) = (label.to_owned(), value.to_owned());
            layout(&[Block::Field { label, value }]).remove(0)
        };
        let lines = field("Motif", &"douleur thoracique atypique ".repeat(10));
        assert!(lines.len() > 1);
        assert_eq!(lines[0].runs[0], (Font::Bold, b"Motif : ".to_vec()));
        assert_eq!(lines[0].runs[1].0, Font::Regular);
        let first_w: f32 = lines[0]
            .runs
            .iter()
            .map(|(f, t)| f.width(t, BODY_SIZE))
            .sum();
        assert!(fits(first_w, TEXT_W));
        assert!(lines[1..].iter().all(|l| l.x == MARGIN + FIELD_INDENT));
        // A very long label goes on its own line(s), the value below it.
        let lines = field(&"Antécédents ".repeat(8), "aucun");
        assert!(lines.iter().all(|l| l.runs.len() == 1));
        let last = lines.last().map(|l| l.runs[0].clone());
        assert_eq!(last, Some((Font::Regular, b"aucun".to_vec())));
        let empty = field("Pièces jointes", "");
        assert_eq!(
            empty[0].runs,
            [(Font::Bold, b"Pi\xE8ces jointes : ".to_vec())]
        );
    }

    #[test]
    fn many_paragraphs_paginate() {
        let blocks: Vec<Block> = (0..200)
            .map(|i| para(&format!("Paragraphe numéro {i}.")))
            .collect();
        let pdf = render(&blocks);
        let n = count(&pdf);
        assert!(n >= 3, "{n} pages");
        assert_eq!(check_structure(&pdf), 5 + 2 * n);
        for p in 1..=n {
            assert!(contains(&pdf, format!("(page {p} / {n}) Tj").as_bytes()));
        }
        let pages = layout(&blocks);
        for line in pages.iter().flatten() {
            assert!(line.y - 0.25 * BODY_SIZE >= MARGIN && line.y + BODY_SIZE <= PAGE_H - MARGIN);
        }
        let last = |p: &Vec<Line>| p.last().map(|l| l.y).expect("a line");
        assert!(
            last(&pages[0]) - BODY_SIZE * LEADING < MARGIN + 10.0,
            "page filled"
        );
    }

    #[test]
    fn output_is_deterministic() {
        let blocks = vec![
            Block::Title("Rapport de télé-expertise".into()),
            Block::Heading("Conclusion".into()),
            Block::Field {
                label: "Requérant".into(),
                value: "Dr Martin".into(),
            },
            para("Ligne 1\nLigne 2"),
        ];
        assert_eq!(render(&blocks), render(&blocks.clone()));
    }

    #[test]
    fn empty_document_is_one_valid_page() {
        let pdf = render(&[]);
        assert_eq!(count(&pdf), 1);
        assert_eq!(check_structure(&pdf), 7);
        assert!(contains(&pdf, b"(page 1 / 1) Tj"));
        assert!(contains(&pdf, b"/Title (Rapport)"));
    }

    #[test]
    fn numbers_are_compact() {
        assert_eq!(
            [num(56.0), num(10.5), num(785.25), num(-0.5)],
            ["56", "10.5", "785.25", "-0.5"]
        );
    }
}
