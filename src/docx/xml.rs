//! The one-pass rewrite of a WordprocessingML part that `docx-rs` wrote: its
//! XML is read with `quick-xml` and written out as it is read, except where
//! the caller's edit leaves an element out or appends a property to a child;
//! and the children of every element that [`super::order`] orders are put in
//! schema order.
//!
//! Attribute values and text are copied in their escaped form, so whatever is
//! not edited comes out exactly as `docx-rs` wrote it (apart from the
//! spelling of empty elements, which are always written as `<x/>`).
//!
//! Reordering works on the output itself: each child of an ordered element
//! is a run of bytes there (a chunk); when the element ends, its chunks are
//! moved into rank order. Nothing else is buffered.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::DocxError;
use super::order;

/// An element to add, written out in full.
#[derive(Debug, Clone, Copy)]
pub(super) struct Property {
    /// Its qualified name (for its rank among its siblings).
    pub name: &'static str,
    pub xml: &'static str,
}

/// What to do with an element, decided at its start tag.
pub(super) enum Edit {
    /// Write it.
    Keep,
    /// Leave it out, with everything inside it.
    Drop,
    /// Write it, and append `property` to its first child element named
    /// `child`, creating that child as its first child if missing.
    AppendToChild {
        child: &'static str,
        property: Property,
    },
}

/// Rewrites the part `xml` in schema order, with what `edit` decides for
/// each element: it is called at every start tag, parents before children,
/// with the element's name and its parent's (`None` for the root).
pub(super) fn rewrite(
    xml: &[u8],
    mut edit: impl FnMut(&[u8], Option<&[u8]>) -> Edit,
) -> Result<Vec<u8>, DocxError> {
    let mut reader = Reader::from_reader(xml);
    let mut out = Output::with_capacity(xml.len() + xml.len() / 16);
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(xml_error)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Eof => break,
            Event::Start(start) | Event::Empty(start) => {
                match edit(start.name().into_inner(), out.parent()) {
                    Edit::Drop if empty => {}
                    Edit::Drop => {
                        reader.read_to_end(start.name()).map_err(xml_error)?;
                    }
                    edit => {
                        out.open(start, edit);
                        if empty {
                            out.close()?;
                        }
                    }
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
    /// A property for a child that has not started yet.
    for_child: Option<(&'static str, Property)>,
    /// A property to append before its end tag.
    append: Option<Property>,
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

    /// The name of the innermost open element.
    fn parent(&self) -> Option<&[u8]> {
        self.open.last().map(|o| o.tag.name().into_inner())
    }

    /// Writes a start tag and opens its element.
    fn open(&mut self, tag: BytesStart<'a>, edit: Edit) {
        let name = tag.name().into_inner();
        let append = match self.open.last_mut() {
            Some(parent)
                if parent
                    .for_child
                    .is_some_and(|(child, _)| child.as_bytes() == name) =>
            {
                parent.for_child.take().map(|(_, property)| property)
            }
            _ => None,
        };
        self.begin_child(Some(name));
        self.bytes.push(b'<');
        self.bytes.extend_from_slice(&tag);
        self.bytes.push(b'>');
        self.open.push(Open {
            sequence: order::sequence_of(name),
            content: self.bytes.len(),
            first_chunk: self.chunks.len(),
            for_child: match edit {
                Edit::AppendToChild { child, property } => Some((child, property)),
                Edit::Keep | Edit::Drop => None,
            },
            append,
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

    /// Finishes the innermost open element: appends what is due, orders its
    /// children and writes its end tag (or turns its start tag into an empty
    /// element's).
    fn close(&mut self) -> Result<(), DocxError> {
        let Some(top) = self.open.last_mut() else {
            return Err(DocxError::Xml("多余的结束标签".into()));
        };
        let append = top.append.take();
        let missing_child = top.for_child.take();
        if let Some(property) = append {
            self.begin_child(Some(property.name.as_bytes()));
            self.bytes.extend_from_slice(property.xml.as_bytes());
        }
        if let Some((child, property)) = missing_child {
            self.insert_first_child(child, property);
        }
        let open = self.open.pop().expect("an element is open");
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

    /// Inserts `<child>property</child>` as the first child of the innermost
    /// open element.
    fn insert_first_child(&mut self, child: &str, property: Property) {
        let top = self.open.last().expect("an element is open");
        let at = top.content;
        let first_chunk = top.first_chunk;
        let sequence = top.sequence;
        let element = format!("<{child}>{}</{child}>", property.xml);
        self.bytes.splice(at..at, element.bytes());
        for chunk in &mut self.chunks[first_chunk..] {
            chunk.start += element.len();
        }
        if let Some(sequence) = sequence {
            let rank = order::rank_in(sequence, child.as_bytes());
            let end = at + element.len();
            let chunk = Chunk {
                start: at,
                end,
                rank,
            };
            self.chunks.insert(first_chunk, chunk);
        }
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

    fn keep(_: &[u8], _: Option<&[u8]>) -> Edit {
        Edit::Keep
    }

    fn edited(xml: &str, edit: impl FnMut(&[u8], Option<&[u8]>) -> Edit) -> String {
        String::from_utf8(rewrite(xml.as_bytes(), edit).unwrap()).unwrap()
    }

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:p a="1"><w:r><w:t xml:space="preserve">A &amp; &lt;B&gt; "q"</w:t></w:r><w:x/><w:y /></w:p>"#;

    #[test]
    fn round_trip_keeps_text_and_attributes() {
        assert_eq!(edited(SAMPLE, keep), SAMPLE);
    }

    #[test]
    fn elements_without_content_are_written_empty() {
        assert_eq!(
            edited("<a><b></b><c x=\"1\"></c></a>", keep),
            "<a><b/><c x=\"1\"/></a>"
        );
    }

    #[test]
    fn dropped_elements_leave_nothing() {
        let drop_x = |name: &[u8], _: Option<&[u8]>| match name {
            b"x" => Edit::Drop,
            _ => Edit::Keep,
        };
        assert_eq!(edited("<r><x><y/>t</x><x/><z/></r>", drop_x), "<r><z/></r>");
        assert_eq!(edited("<r><x/></r>", drop_x), "<r/>");
    }

    fn append_mark(name: &[u8], _: Option<&[u8]>) -> Edit {
        if name == b"w:tr" {
            Edit::AppendToChild {
                child: "w:trPr",
                property: Property {
                    name: "w:tblHeader",
                    xml: "<w:tblHeader/>",
                },
            }
        } else {
            Edit::Keep
        }
    }

    #[test]
    fn a_property_goes_at_the_end_of_the_child_or_in_a_new_first_child() {
        let out = edited(
            "<t><w:tr><w:tc/><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr><w:tc/></w:tr><w:tr><w:trPr/></w:tr></t>",
            append_mark,
        );
        assert_eq!(
            out,
            "<t><w:tr><w:tc/><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr></w:tr>\
             <w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc/></w:tr>\
             <w:tr><w:trPr><w:tblHeader/></w:trPr></w:tr></t>"
        );
    }

    #[test]
    fn added_properties_take_their_place_in_schema_order() {
        let out = edited("<t><w:tr><w:trPr><w:jc/></w:trPr></w:tr></t>", append_mark);
        assert_eq!(
            out,
            "<t><w:tr><w:trPr><w:tblHeader/><w:jc/></w:trPr></w:tr></t>"
        );
    }

    #[test]
    fn nested_ordered_elements_are_each_ordered() {
        let out = edited(
            "<w:pPr><w:rPr><w:sz/>x<w:b/></w:rPr><w:jc/><w:keepNext/></w:pPr>",
            keep,
        );
        assert_eq!(
            out,
            "<w:pPr><w:keepNext/><w:jc/><w:rPr><w:b/><w:sz/>x</w:rPr></w:pPr>"
        );
    }

    #[test]
    fn unbalanced_markup_is_an_error() {
        assert!(rewrite(b"<a><b></a>", keep).is_err());
        assert!(rewrite(b"<a><b></b>", keep).is_err());
    }
}
