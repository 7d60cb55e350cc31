//! The one-pass rewrite of a WordprocessingML part that `docx-rs` wrote: its
//! XML is read with `quick-xml` and written out as it is read, with the
//! children of every element that [`super::order`] orders put in schema
//! order.
//!
//! Attribute values and text are copied in their escaped form, so everything
//! comes out exactly as `docx-rs` wrote it but for the order (and the
//! spelling of empty elements, which are always written as `<x/>`).
//!
//! Reordering works on the output itself: each child of an ordered element
//! is a run of bytes there (a chunk); when the element ends, its chunks are
//! moved into rank order. Nothing else is buffered.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::DocxError;
use super::order;

/// Rewrites the part `xml` in schema order.
pub(super) fn rewrite(xml: &[u8]) -> Result<Vec<u8>, DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Output::with_capacity(xml.len() + xml.len() / 16);
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(xml_error)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Eof => break,
            Event::Start(start) | Event::Empty(start) => {
                out.open(start);
                if empty {
                    out.close()?;
                }
            }
            Event::End(_) => out.close()?,
            _ => out.other(&xml[before..reader.buffer_position() as usize]),
        }
    }
    out.finish()
}

fn xml_error(error: quick_xml::Error) -> DocxError {
    DocxError::Xml(error.to_string())
}

/// An element whose end tag has not been read yet.
struct Open<'a> {
    tag: BytesStart<'a>,
    /// Where its content starts in the output, just after its start tag.
    content: usize,
    /// The schema order of its children, if they are ordered.
    sequence: Option<&'static [&'static str]>,
    /// Its first child's chunk in [`Output::chunks`], if ordered.
    first_chunk: usize,
}

/// A child of an ordered element: where it is in the output, and its rank.
struct Chunk {
    start: usize,
    end: usize,
    rank: usize,
}

/// The output so far, with the elements still open.
struct Output<'a> {
    bytes: Vec<u8>,
    open: Vec<Open<'a>>,
    /// The chunks of the children of the open ordered elements, outermost
    /// element's first.
    chunks: Vec<Chunk>,
    /// Room for moving chunks.
    scratch: Vec<u8>,
}

impl<'a> Output<'a> {
    fn with_capacity(capacity: usize) -> Self {
        Output {
            bytes: Vec::with_capacity(capacity),
            open: Vec::new(),
            chunks: Vec::new(),
            scratch: Vec::new(),
        }
    }

    /// Writes a start tag and opens its element.
    fn open(&mut self, tag: BytesStart<'a>) {
        let name = tag.name().into_inner();
        self.begin_child(Some(name));
        self.bytes.push(b'<');
        self.bytes.extend_from_slice(&tag);
        self.bytes.push(b'>');
        self.open.push(Open {
            sequence: order::sequence_of(name),
            content: self.bytes.len(),
            first_chunk: self.chunks.len(),
            tag,
        });
    }

    /// Writes anything other than an element (declaration, text, reference,
    /// comment) as it was read.
    fn other(&mut self, raw: &[u8]) {
        self.begin_child(None);
        self.bytes.extend_from_slice(raw);
    }

    /// Starts a chunk for a child named `name` (`None` for a non-element) if
    /// its parent is ordered.
    fn begin_child(&mut self, name: Option<&[u8]>) {
        if let Some(sequence) = self.open.last().and_then(|o| o.sequence) {
            let start = self.bytes.len();
            let rank = name.map_or(usize::MAX, |name| order::rank_in(sequence, name));
            self.chunks.push(Chunk {
                start,
                end: start,
                rank,
            });
        }
    }

    /// Finishes the innermost open element: orders its children and writes
    /// its end tag (or turns its start tag into an empty element's).
    fn close(&mut self) -> Result<(), DocxError> {
        let Some(open) = self.open.pop() else {
            return Err(DocxError::Xml("多余的结束标签".into()));
        };
        if open.sequence.is_some() {
            self.reorder(open.first_chunk);
        }
        if self.bytes.len() == open.content {
            self.bytes.pop();
            self.bytes.extend_from_slice(b"/>");
        } else {
            self.bytes.extend_from_slice(b"</");
            self.bytes.extend_from_slice(open.tag.name().into_inner());
            self.bytes.push(b'>');
        }
        Ok(())
    }

    /// Puts the chunks from `first` on (the children of the element being
    /// closed) in rank order, keeping the order of equal ranks, and forgets
    /// them.
    fn reorder(&mut self, first: usize) {
        let chunks = &mut self.chunks[first..];
        let mut next = self.bytes.len();
        for chunk in chunks.iter_mut().rev() {
            chunk.end = next;
            next = chunk.start;
        }
        if !chunks.is_sorted_by_key(|c| c.rank) {
            let start = chunks[0].start;
            self.scratch.clear();
            self.scratch.extend_from_slice(&self.bytes[start..]);
            self.bytes.truncate(start);
            chunks.sort_by_key(|c| c.rank);
            for chunk in chunks.iter() {
                self.bytes
                    .extend_from_slice(&self.scratch[chunk.start - start..chunk.end - start]);
            }
        }
        self.chunks.truncate(first);
    }

    fn finish(self) -> Result<Vec<u8>, DocxError> {
        if !self.open.is_empty() {
            return Err(DocxError::Xml("元素未闭合".into()));
        }
        Ok(self.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(xml: &str) -> String {
        String::from_utf8(rewrite(xml.as_bytes()).unwrap()).unwrap()
    }

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:p a="1"><w:r><w:t xml:space="preserve">A &amp; &lt;B&gt; "q"</w:t></w:r><w:x/><w:y /></w:p>"#;

    #[test]
    fn round_trip_keeps_text_and_attributes() {
        assert_eq!(rewritten(SAMPLE), SAMPLE);
    }

    #[test]
    fn elements_without_content_are_written_empty() {
        assert_eq!(
            rewritten("<a><b></b><c x=\"1\"></c></a>"),
            "<a><b/><c x=\"1\"/></a>"
        );
    }

    #[test]
    fn nested_ordered_elements_are_each_ordered() {
        let out = rewritten("<w:pPr><w:rPr><w:sz/>x<w:b/></w:rPr><w:jc/><w:keepNext/></w:pPr>");
        assert_eq!(
            out,
            "<w:pPr><w:keepNext/><w:jc/><w:rPr><w:b/><w:sz/>x</w:rPr></w:pPr>"
        );
    }

    #[test]
    fn unbalanced_markup_is_an_error() {
        assert!(rewrite(b"<a><b></a>").is_err());
        assert!(rewrite(b"<a><b></b>").is_err());
    }
}
