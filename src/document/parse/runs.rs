//! Collects the text of one paragraph, heading or cell line into [`Inline`] runs:
//! bold nesting, and the whitespace between source lines (a line end joins CJK
//! text with nothing and Latin words with a space).

use crate::document::Inline;

/// Whitespace seen but not yet written; it is resolved against the next character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Spaces or tabs within one source line.
    Space,
    /// A line end (a Markdown soft break, or a newline in HTML source).
    LineEnd,
}

/// Text runs under construction.
#[derive(Debug, Default)]
pub(super) struct RunsBuilder {
    runs: Vec<Inline>,
    bold_depth: usize,
    gap: Option<Gap>,
}

impl RunsBuilder {
    /// Appends text as it is.
    pub(super) fn push_text(&mut self, text: &str) {
        let Some(first) = text.chars().next() else {
            return;
        };
        if let Some(gap) = self.gap.take() {
            let separator = self.separator(gap, first);
            self.append(separator);
        }
        self.append(text);
    }

    /// Appends HTML source text: each run of ASCII whitespace becomes one gap.
    pub(super) fn push_collapsing(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let blank_len = rest
                .find(|c: char| !c.is_ascii_whitespace())
                .unwrap_or(rest.len());
            let (blank, after) = rest.split_at(blank_len);
            if !blank.is_empty() {
                self.note_gap(if blank.contains('\n') {
                    Gap::LineEnd
                } else {
                    Gap::Space
                });
            }
            let word_len = after
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(after.len());
            let (word, next) = after.split_at(word_len);
            self.push_text(word);
            rest = next;
        }
    }

    /// A Markdown soft break.
    pub(super) fn soft_break(&mut self) {
        self.note_gap(Gap::LineEnd);
    }

    /// A hard line break inside a paragraph, kept as `\n` in the text.
    pub(super) fn line_break(&mut self) {
        self.gap = None;
        self.append("\n");
    }

    pub(super) fn bold_start(&mut self) {
        self.bold_depth += 1;
    }

    pub(super) fn bold_end(&mut self) {
        self.bold_depth = self.bold_depth.saturating_sub(1);
    }

    /// Ends the current line and starts the next one with the same emphasis.
    pub(super) fn take_line(&mut self) -> Vec<Inline> {
        self.gap = None;
        trim_end(std::mem::take(&mut self.runs))
    }

    pub(super) fn finish(mut self) -> Vec<Inline> {
        self.take_line()
    }

    fn note_gap(&mut self, gap: Gap) {
        if self.gap != Some(Gap::LineEnd) {
            self.gap = Some(gap);
        }
    }

    /// What a pending gap becomes before `next`: nothing at the start of a line,
    /// nothing across a line end next to CJK text, otherwise one space.
    fn separator(&self, gap: Gap, next: char) -> &'static str {
        let Some(previous) = self.runs.last().and_then(|run| run.text.chars().last()) else {
            return "";
        };
        match gap {
            _ if previous == '\n' => "",
            Gap::LineEnd if is_cjk(previous) || is_cjk(next) => "",
            Gap::Space | Gap::LineEnd => " ",
        }
    }

    fn append(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        let bold = self.bold_depth > 0;
        match self.runs.last_mut() {
            Some(run) if run.bold == bold => run.text.push_str(text),
            _ => self.runs.push(Inline {
                text: text.to_owned(),
                bold,
            }),
        }
    }
}

/// Drops trailing line breaks and spaces, which no renderer shows.
fn trim_end(mut runs: Vec<Inline>) -> Vec<Inline> {
    while let Some(run) = runs.last_mut() {
        run.text.truncate(
            run.text
                .trim_end_matches(|c: char| c.is_ascii_whitespace())
                .len(),
        );
        if !run.text.is_empty() {
            break;
        }
        runs.pop();
    }
    runs
}

/// Whether `c` belongs to a script written without spaces between words
/// (Chinese and Japanese characters, their punctuation and full-width forms).
fn is_cjk(c: char) -> bool {
    matches!(
        c,
        '\u{2E80}'..='\u{2FDF}'
            | '\u{3000}'..='\u{303F}'
            | '\u{3040}'..='\u{312F}'
            | '\u{3190}'..='\u{33FF}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{4E00}'..='\u{9FFF}'
            | '\u{F900}'..='\u{FAFF}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF00}'..='\u{FFEF}'
            | '\u{20000}'..='\u{3FFFF}'
    )
}
