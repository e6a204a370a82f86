//! Turning a subtree into plain text: whitespace collapsed, one paragraph per
//! block element, paragraphs separated by a blank line.

/// Collects text with block structure, collapsing whitespace as a browser does.
#[derive(Default)]
pub struct TextBuilder {
    paragraphs: Vec<String>,
    cur: String,
    pending_space: bool,
}

impl TextBuilder {
    /// Appends inline text (whitespace collapses to single spaces).
    pub fn push_text(&mut self, s: &str) {
        for (i, part) in s
            .split(|c: char| c.is_whitespace() || c == '\u{200b}')
            .enumerate()
        {
            if i > 0 {
                self.pending_space = true;
            }
            if part.is_empty() {
                continue;
            }
            if self.pending_space && !self.cur.is_empty() {
                self.cur.push(' ');
            }
            self.pending_space = false;
            self.cur.push_str(part);
        }
    }

    /// A line break inside a paragraph (`<br>`). Two in a row end the paragraph.
    pub fn line_break(&mut self) {
        if self.cur.ends_with('\n') {
            self.cur.pop();
            self.end_paragraph();
        } else if !self.cur.is_empty() {
            self.cur.push('\n');
            self.pending_space = false;
        }
    }

    /// Ends the current paragraph (a block element starts or ends).
    pub fn end_paragraph(&mut self) {
        let t = self.cur.trim();
        if !t.is_empty() {
            self.paragraphs.push(t.to_string());
        }
        self.cur.clear();
        self.pending_space = false;
    }

    /// The paragraphs collected so far (ending the current one).
    pub fn finish(mut self) -> Vec<String> {
        self.end_paragraph();
        self.paragraphs
    }
}

/// Collapses whitespace in a short string (titles, names).
pub fn normalize_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| c.is_whitespace() || c == '\u{200b}') {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapses_and_splits() {
        let mut b = TextBuilder::default();
        b.push_text("  Hello \n  world");
        b.push_text(" again ");
        b.end_paragraph();
        b.push_text("Line one");
        b.line_break();
        b.push_text("line two");
        b.line_break();
        b.line_break();
        b.push_text("Next");
        assert_eq!(
            b.finish(),
            vec!["Hello world again", "Line one\nline two", "Next"]
        );
        assert_eq!(normalize_space("  a \u{a0} b\n"), "a b");
    }
}
