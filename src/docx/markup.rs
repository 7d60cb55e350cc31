//! WordprocessingML written directly as text: the paragraphs, runs and
//! tables of the body and of the footers, which are nearly all of a report's
//! XML. `docx-rs`'s element builders cost about fifty instructions per byte
//! written, and what they write then needed a second pass for what they
//! cannot express; this writes the final form at once:
//!
//! - the children of property elements in schema order (ECMA-376 Part 1,
//!   `wml.xsd`; the read-back tests hold every part to it);
//! - paragraph ids (`w14:paraId`) numbered 1, 2, 3… (the two footers', then
//!   the body's), rather than from `docx-rs`'s thread-local counter;
//! - the elements and attributes `docx-rs` has no way to write (`w:tblHeader`,
//!   `w:firstLineChars`), and none it writes where the schema has none (a
//!   `w:type` on `w:gridCol`).
//!
//! Elements are spelled as `docx-rs` spells them (`<w:jc w:val="both" />`),
//! so the parts are byte for byte what `docx-rs` and the fixes used to give.
//! What each format writes is in [`super::styles`] and [`super::table`].

/// The namespace declarations that the root elements of the document and
/// of the footers share (`xmlns:v` to `xmlns:w14`), spelled as `docx-rs`
/// spells them.
macro_rules! shared_namespaces {
    () => {
        concat!(
            r#"xmlns:v="urn:schemas-microsoft-com:vml" "#,
            r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:w10="urn:schemas-microsoft-com:office:word" "#,
            r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
            r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
            r#"xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" "#,
            r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
            r#"xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" "#,
            r#"xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml""#,
        )
    };
}
pub(super) use shared_namespaces;

/// What a character XML cannot carry is written as.
const REPLACEMENT: &str = "\u{FFFD}";

/// The bytes where [`Markup::escaped`] may replace something: the XML
/// specials, ASCII controls, 0xC2, which starts U+0080–U+009F, and 0xEF,
/// which starts U+FFFE and U+FFFF.
const MAY_REPLACE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xEF] = true;
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table
};

/// XML being written, and the id of the next paragraph.
pub(super) struct Markup {
    xml: String,
    next_paragraph_id: u32,
}

/// An attribute value that needs no escaping: a number, or text known to
/// hold none of the characters XML reserves.
pub(super) trait Value {
    fn write_to(self, xml: &mut String);
}

impl Value for &str {
    fn write_to(self, xml: &mut String) {
        xml.push_str(self);
    }
}

impl Value for i64 {
    fn write_to(self, xml: &mut String) {
        if self < 0 {
            xml.push('-');
        }
        write_digits(xml, self.unsigned_abs());
    }
}

macro_rules! number_value {
    ($($t:ty),*) => {$(
        impl Value for $t {
            fn write_to(self, xml: &mut String) {
                (self as i64).write_to(xml);
            }
        }
    )*};
}

number_value!(i32, u32, usize);

/// The decimal digits of `n`.
fn write_digits(xml: &mut String, n: u64) {
    if n >= 10 {
        write_digits(xml, n / 10);
    }
    xml.push(char::from(b'0' + (n % 10) as u8));
}

impl Markup {
    /// Empty markup whose first paragraph will have id `first_paragraph_id`.
    pub fn new(first_paragraph_id: u32, capacity: usize) -> Self {
        Markup {
            xml: String::with_capacity(capacity),
            next_paragraph_id: first_paragraph_id,
        }
    }

    /// Appends `markup` as it is.
    pub fn push(&mut self, markup: &str) {
        self.xml.push_str(markup);
    }

    /// Appends an attribute value.
    pub fn value(&mut self, value: impl Value) {
        value.write_to(&mut self.xml);
    }

    /// Writes the empty element `<{name} w:val="{value}" />`.
    pub fn val(&mut self, name: &str, value: impl Value) {
        self.push("<");
        self.push(name);
        self.push(r#" w:val=""#);
        self.value(value);
        self.push(r#"" />"#);
    }

    /// Opens a paragraph with the next id.
    pub fn open_paragraph(&mut self) {
        let id = self.next_paragraph_id;
        self.next_paragraph_id += 1;
        self.push(r#"<w:p w14:paraId=""#);
        for shift in (0..8).rev() {
            let digit = (id >> (4 * shift)) & 0xF;
            self.xml
                .push(char::from(b"0123456789ABCDEF"[digit as usize]));
        }
        self.push(r#"">"#);
    }

    /// Writes `text` as a `w:t`, with spaces kept and escaped as
    /// [`Markup::escaped`]; nothing is written for empty text.
    pub fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.push(r#"<w:t xml:space="preserve">"#);
        self.escaped(text);
        self.push("</w:t>");
    }

    /// Writes `text` with the characters XML reserves escaped. The last
    /// guard of the package's well-formedness: a character XML 1.0 cannot
    /// carry (a control character other than those the writers turn into
    /// markup, U+FFFE, U+FFFF), or should not (DEL, U+0080–U+009F), is
    /// written as a visible U+FFFD; loading and parsing refuse such text
    /// before it gets here.
    pub fn escaped(&mut self, text: &str) {
        // Bytes, not chars: the characters replaced are ASCII, or start with
        // 0xC2 (U+0080–U+009F) or 0xEF (U+FFFE, U+FFFF).
        let bytes = text.as_bytes();
        let mut copied = 0;
        let mut from = 0;
        while let Some(found) = bytes[from..]
            .iter()
            .position(|&b| MAY_REPLACE[usize::from(b)])
        {
            let at = from + found;
            let (replacement, width) = match bytes[at] {
                b'&' => ("&amp;", 1),
                b'<' => ("&lt;", 1),
                b'>' => ("&gt;", 1),
                b'"' => ("&quot;", 1),
                b'\'' => ("&apos;", 1),
                0xC2 if matches!(bytes.get(at + 1), Some(0x80..=0x9F)) => (REPLACEMENT, 2),
                0xEF if bytes.get(at + 1) == Some(&0xBF)
                    && matches!(bytes.get(at + 2), Some(0xBE | 0xBF)) =>
                {
                    (REPLACEMENT, 3)
                }
                0xC2 | 0xEF => {
                    from = at + 1;
                    continue;
                }
                _ => (REPLACEMENT, 1),
            };
            self.push(&text[copied..at]);
            self.push(replacement);
            from = at + width;
            copied = from;
        }
        self.push(&text[copied..]);
    }

    /// The XML written.
    pub fn into_string(self) -> String {
        self.xml
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_are_numbered_from_the_first_id() {
        let mut markup = Markup::new(9, 0);
        markup.open_paragraph();
        markup.open_paragraph();
        assert_eq!(
            markup.into_string(),
            r#"<w:p w14:paraId="00000009"><w:p w14:paraId="0000000A">"#
        );
        let mut markup = Markup::new(0x1234_ABCD, 0);
        markup.open_paragraph();
        assert_eq!(markup.into_string(), r#"<w:p w14:paraId="1234ABCD">"#);
    }

    #[test]
    fn values_are_written_as_they_are() {
        let mut markup = Markup::new(1, 0);
        markup.val("w:sz", 32usize);
        markup.val("w:ind", -280i32);
        markup.val("w:x", 0u32);
        markup.val("w:jc", "both");
        assert_eq!(
            markup.into_string(),
            r#"<w:sz w:val="32" /><w:ind w:val="-280" /><w:x w:val="0" /><w:jc w:val="both" />"#
        );
    }

    #[test]
    fn text_is_escaped_and_what_xml_cannot_carry_is_shown_replaced() {
        let mut markup = Markup::new(1, 0);
        markup.text("a & <b> \"c\" 'd'\u{7}");
        markup.text("\u{1}\u{2}");
        markup.text("");
        markup.text("é\u{85}¡全\u{9f}，\u{FFFE}\u{FFFF}\u{FFFD}");
        assert_eq!(
            markup.into_string(),
            concat!(
                "<w:t xml:space=\"preserve\">a &amp; &lt;b&gt; &quot;c&quot; &apos;d&apos;\u{FFFD}</w:t>",
                "<w:t xml:space=\"preserve\">\u{FFFD}\u{FFFD}</w:t>",
                "<w:t xml:space=\"preserve\">é\u{FFFD}¡全\u{FFFD}，\u{FFFD}\u{FFFD}\u{FFFD}</w:t>"
            )
        );
    }
}
