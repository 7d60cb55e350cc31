//! The characters no font of the report has a glyph for. Typst sets such a
//! character as its font's empty box (glyph 0, “tofu”), and a published PDF
//! would show a box where the facts have a character: the writer refuses
//! that PDF and names each such character with the text around it.

use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

use super::error::Missing;

/// How many characters of the text either side of a missing one are shown.
const AROUND: usize = 8;

/// Every character of `document` set as an empty box, each once, in the
/// order of the pages.
pub(super) fn missing(document: &PagedDocument) -> Vec<Missing> {
    let mut found = Vec::new();
    for page in document.pages() {
        collect(&page.frame, &mut found);
    }
    found
}

fn collect(frame: &Frame, found: &mut Vec<Missing>) {
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => collect(&group.frame, found),
            FrameItem::Text(text) => {
                for glyph in text.glyphs.iter().filter(|glyph| glyph.id == 0) {
                    let range = glyph.range();
                    let Some(shown) = text.text.get(range.clone()) else {
                        continue;
                    };
                    for character in shown.chars().filter(|c| !c.is_whitespace()) {
                        if found.iter().any(|m: &Missing| m.character == character) {
                            continue;
                        }
                        found.push(Missing {
                            character,
                            around: around(&text.text, range.start, range.end),
                            line: None,
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

/// The text of `text` from `AROUND` characters before byte `start` to
/// `AROUND` characters after byte `end`.
fn around(text: &str, start: usize, end: usize) -> String {
    let before: Vec<char> = text[..start].chars().rev().take(AROUND).collect();
    let after: String = text[end..].chars().take(AROUND).collect();
    before.into_iter().rev().collect::<String>() + &text[start..end] + &after
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_around_is_cut_at_characters() {
        let text = "一二三四五六七八九十😀甲乙丙丁戊己庚辛壬癸";
        let start = text.find('😀').unwrap();
        let shown = around(text, start, start + '😀'.len_utf8());
        assert_eq!(shown, "三四五六七八九十😀甲乙丙丁戊己庚辛");
        assert_eq!(around("😀", 0, 4), "😀");
    }
}
