//! Placing the blocks' lines on A4 pages, before anything is written: every page's footer can
//! then say how many pages there are.

use super::{
    text::{encode, wrap, Font},
    Block, BODY_SIZE, FIELD_INDENT, HEADING_SIZE, LEADING, MARGIN, MIN_VALUE_W, PAGE_H, TEXT_W,
    TITLE_SIZE,
};

/// A line of text: its baseline origin, font size and runs of text in one font each.
#[derive(Debug)]
pub(super) struct Line {
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) size: f32,
    pub(super) runs: Vec<(Font, Vec<u8>)>,
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

/// The lines of each page (at least one page, maybe empty).
pub(super) fn layout(blocks: &[Block]) -> Vec<Vec<Line>> {
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
