//! The télé-expertise report as a PDF 1.4 file, written with pdf-writer.
//!
//! The report is a list of [`Block`]s laid out on A4 pages ([`layout`](mod@layout)) with the
//! standard Helvetica fonts (not embedded) in WinAnsiEncoding, CP1252 ([`text`](mod@text)). The
//! layout is computed first, so that every page can carry a "page N / M" footer, then pdf-writer
//! writes the objects, the content streams and the cross-reference table. Content streams are
//! left uncompressed.

mod layout;
mod text;

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use layout::{layout, Line};
use text::Font;

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
const CATALOG: Ref = Ref::new(1);
const PAGES: Ref = Ref::new(2);
const FONTS: [(Font, Ref); 2] = [(Font::Regular, Ref::new(3)), (Font::Bold, Ref::new(4))];
const INFO: Ref = Ref::new(5);
const FIRST_PAGE: i32 = 6;

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

/// A coordinate or size rounded to 1/100 pt, so that the content stream says `749.2`, not
/// `749.19995`.
fn compact(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

fn page_content(page: &[Line], number: usize, count: usize) -> Vec<u8> {
    let mut content = Content::new();
    for line in page.iter().filter(|l| !l.runs.is_empty()) {
        content.begin_text();
        content.next_line(compact(line.x), compact(line.y));
        for (font, text) in &line.runs {
            content.set_font(Name(font.resource()), compact(line.size));
            content.show(Str(text));
        }
        content.end_text();
    }
    let footer = format!("page {number} / {count}");
    let x = (PAGE_W - Font::Regular.width(footer.as_bytes(), FOOTER_SIZE)) / 2.0;
    content.begin_text();
    content.next_line(compact(x), FOOTER_Y);
    content.set_font(Name(Font::Regular.resource()), FOOTER_SIZE);
    content.show(Str(footer.as_bytes()));
    content.end_text();
    content.finish().into_vec()
}

fn write_pdf(pages: &[Vec<Line>], title: &str) -> Vec<u8> {
    // Page i is object FIRST_PAGE + 2i, its content stream the next one.
    let page_id = |i: usize| Ref::new(FIRST_PAGE + 2 * i as i32);
    let mut pdf = Pdf::new();
    pdf.set_version(1, 4);
    pdf.catalog(CATALOG).pages(PAGES);
    pdf.pages(PAGES)
        .kids((0..pages.len()).map(page_id))
        .count(pages.len() as i32);
    for (font, id) in FONTS {
        pdf.type1_font(id)
            .base_font(Name(font.base_font()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    // Nothing else about the document: no author, no dates, no software version.
    pdf.document_info(INFO)
        .producer(TextStr("Innomed"))
        .title(TextStr(title));
    for (i, lines) in pages.iter().enumerate() {
        let (id, content_id) = (page_id(i), page_id(i).next());
        let mut page = pdf.page(id);
        page.parent(PAGES)
            .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .contents(content_id);
        page.resources()
            .fonts()
            .pairs(FONTS.map(|(font, id)| (Name(font.resource()), id)));
        page.finish();
        pdf.stream(content_id, &page_content(lines, i + 1, pages.len()));
    }
    pdf.finish()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use hayro_syntax::{
        content::ops::TypedInstruction,
        object::{dict::keys, Dict, Name as PdfName, ObjectIdentifier, Stream},
        Pdf as Reader,
    };

    use super::{
        text::{encode, fits},
        *,
    };

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    /// The document as a PDF reader opens it.
    fn read(pdf: &[u8]) -> Reader {
        Reader::new(Arc::new(pdf.to_vec())).expect("a readable PDF")
    }

    /// The strings shown on every page (`Tj`), in order, as a reader decodes them.
    fn strings(pdf: &[u8]) -> Vec<Vec<u8>> {
        let reader = read(pdf);
        let mut out = Vec::new();
        for page in reader.pages().iter() {
            let mut ops = page.typed_operations();
            while let Some(op) = ops.next() {
                if let TypedInstruction::ShowText(text) = op {
                    out.push(text.0.as_bytes().to_vec());
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

    /// What a strict reader checks first: `startxref` points at the cross-reference table, each
    /// entry at its object, every stream is as long as its `/Length`, and the trailer leads to
    /// the catalog (object 1) and the document information (object 5). Returns the number of
    /// objects.
    fn check_structure(pdf: &[u8]) -> usize {
        let tail = find(pdf, b"startxref\n").expect("startxref");
        let xref = number(&pdf[tail + 10..]);
        assert!(pdf[xref..].starts_with(b"xref\n0 "));
        let end = format!("startxref\n{xref}\n%%EOF");
        assert!(pdf[tail..].trim_ascii_end() == end.as_bytes());
        let size = number(&pdf[xref + 7..]);
        let mut entries = pdf[xref..tail]
            .split(|&b| b == b'\n')
            .skip(2)
            .map(<[u8]>::trim_ascii_end);
        assert_eq!(entries.next(), Some(&b"0000000000 65535 f"[..]));
        let reader = read(pdf);
        let mut streams = 0;
        for n in 1..size {
            let entry = entries.next().expect("an xref entry");
            assert_eq!(entry.len(), 18); // 20 bytes with the end of line
            assert!(entry.ends_with(b" 00000 n"));
            let offset = number(entry);
            assert!(
                pdf[offset..].starts_with(format!("{n} 0 obj").as_bytes()),
                "object {n}"
            );
            let id = ObjectIdentifier::new(n as u32, 0);
            if let Some(stream) = reader.xref().get::<Stream<'_>>(id) {
                let length = stream.dict().get::<usize>(keys::LENGTH);
                assert_eq!(length, Some(stream.raw_data().len()), "object {n}");
                let data = offset + find(&pdf[offset..], b"stream\n").expect("stream") + 7;
                let after = &pdf[data + stream.raw_data().len()..];
                assert!(after.trim_ascii_start().starts_with(b"endstream"));
                streams += 1;
            }
        }
        assert_eq!(streams, (size - 6) / 2, "one content stream a page");
        assert_eq!(entries.next(), Some(&b"trailer"[..]));
        assert_eq!(reader.xref().root_id(), ObjectIdentifier::new(1, 0));
        let trailer = &pdf[xref..tail];
        assert!(find(trailer, b"/Root 1 0 R").is_some());
        assert!(find(trailer, b"/Info 5 0 R").is_some());
        size - 1
    }

    fn count(pdf: &[u8]) -> usize {
        read(pdf).pages().len()
    }

    /// The base font and encoding of the font named `resource` on the first page.
    fn font(pdf: &[u8], resource: &[u8]) -> (String, String) {
        let reader = read(pdf);
        let page = &reader.pages()[0];
        let font: Dict<'_> = page
            .resources()
            .get_font(&PdfName::new_unescaped(resource))
            .expect("the font");
        let name = |key| font.get::<PdfName<'_>>(key).expect(key).as_str().to_owned();
        (name("BaseFont"), name("Encoding"))
    }

    fn para(s: &str) -> Block {
        Block::Paragraph(s.to_owned())
    }

    #[test]
    fn header_and_trailer_shape() {
        let pdf = render(&[Block::Title("Avis".into()), para("Bonjour")]);
        assert!(pdf.starts_with(b"%PDF-1.4\n%"));
        assert!(pdf[10..14].iter().all(|&b| b >= 0x80) && pdf[14] == b'\n');
        // pdf-writer ends the file on `%%EOF` without a line break.
        assert!(pdf.trim_ascii_end().ends_with(b"\n%%EOF"));
        assert_eq!(check_structure(&pdf), 5 + 2);
        let font = |r| font(&pdf, r);
        let winansi = "WinAnsiEncoding".to_owned();
        assert_eq!(font(b"F1"), ("Helvetica".to_owned(), winansi.clone()));
        assert_eq!(font(b"F2"), ("Helvetica-Bold".to_owned(), winansi));
        // The document information says the title and the producer, nothing else.
        let info = read(&pdf).metadata().clone();
        assert_eq!(info.producer.as_deref(), Some(&b"Innomed"[..]));
        assert_eq!(info.title.as_deref(), Some(&b"Avis"[..]));
        assert_eq!(
            (info.author, info.creator, info.subject, info.keywords),
            (None, None, None, None)
        );
        assert_eq!((info.creation_date, info.modification_date), (None, None));
    }

    #[test]
    fn french_text_is_cp1252() {
        let text = "Élève très ému, cœur à 80 € « ok\u{202F}» l’Œil – ça 漢";
        let pdf = render(&[para(text)]);
        let want = b"\xC9l\xE8ve tr\xE8s \xE9mu, c\x9Cur \xE0 80 \x80 \xAB ok\xA0\xBB l\x92\x8Cil \x96 \xE7a ?";
        assert_eq!(strings(&pdf)[0], want);
        assert_eq!(font(&pdf, b"F1").1, "WinAnsiEncoding");
        assert_eq!(encode("\u{A0}\t\r\u{81}ü"), b"\xA0 ?\xFC");
        let title = render(&[Block::Title("Télé-expertise".into())]);
        let utf16: Vec<u8> = "Télé-expertise"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let info = read(&title).metadata().clone();
        assert_eq!(
            info.title.as_deref(),
            Some(&[b"\xFE\xFF", &utf16[..]].concat()[..])
        );
    }

    #[test]
    fn parentheses_and_backslashes_are_escaped() {
        let pdf = render(&[para("f(x) = a\\b)")]);
        // The reader gets the bytes back, and the footer after them intact.
        assert_eq!(strings(&pdf), [&b"f(x) = a\\b)"[..], b"page 1 / 1"]);
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
        let reader = read(&pdf);
        for (p, page) in reader.pages().iter().enumerate() {
            let mut shown = Vec::new();
            let mut ops = page.typed_operations();
            while let Some(op) = ops.next() {
                if let TypedInstruction::ShowText(text) = op {
                    shown.push(text.0.as_bytes().to_vec());
                }
            }
            let footer = format!("page {} / {n}", p + 1);
            assert_eq!(shown.last().map(Vec::as_slice), Some(footer.as_bytes()));
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
        assert_eq!(strings(&pdf), [b"page 1 / 1"]);
        let info = read(&pdf).metadata().clone();
        assert_eq!(info.title.as_deref(), Some(&b"Rapport"[..]));
    }

    #[test]
    fn numbers_are_compact() {
        let mut content = Content::new();
        content.next_line(compact(56.0), compact(10.5));
        content.next_line(compact(785.25), compact(-0.5));
        content.next_line(compact(842.0 - 56.0 - 20.8 - 6.0), compact(1.0 / 3.0));
        assert_eq!(
            content.finish().as_slice(),
            b"56 10.5 Td\n785.25 -0.5 Td\n759.2 0.33 Td"
        );
        // Every number in a report's content streams has at most two decimals.
        let pdf = render(&[Block::Title("Avis".into()), para(&"mot ".repeat(400))]);
        let reader = read(&pdf);
        for page in reader.pages().iter() {
            let stream = page.page_stream().expect("a content stream");
            let numbers = stream
                .split(|b| b.is_ascii_whitespace())
                .filter(|t| t.first().is_some_and(|b| b.is_ascii_digit() || *b == b'-'));
            for token in numbers {
                let decimals = token.iter().skip_while(|&&b| b != b'.').skip(1).count();
                assert!(decimals <= 2, "{}", String::from_utf8_lossy(token));
            }
        }
    }
}
