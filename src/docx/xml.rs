//! A minimal owned XML tree for rewriting package parts: parsed with
//! `quick-xml`, edited in place, written back.
//!
//! Attribute values and text are kept in their escaped form, so whatever is
//! not edited comes out exactly as `docx-rs` wrote it (apart from the
//! spelling of empty elements, which are always written as `<x/>`).

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, Writer};

use super::DocxError;

/// One node of a part: an element or anything else (declaration, text, entity
/// reference, comment), kept as its event.
#[derive(Debug, Clone)]
pub(super) enum Node {
    Element(Element),
    Other(Event<'static>),
}

/// An element with its start tag (name and attributes) and children.
#[derive(Debug, Clone)]
pub(super) struct Element {
    pub start: BytesStart<'static>,
    pub children: Vec<Node>,
}

impl Element {
    fn new(start: BytesStart<'static>) -> Self {
        Element {
            start,
            children: Vec::new(),
        }
    }

    /// An empty element named `name` (a qualified name such as `w:tblHeader`).
    pub fn empty(name: &str) -> Self {
        Element::new(BytesStart::new(name.to_owned()))
    }

    /// The qualified name, e.g. `w:pPr`.
    pub fn name(&self) -> &[u8] {
        self.start.name().into_inner()
    }

    /// The escaped value of the attribute with qualified name `key`.
    pub fn attribute(&self, key: &str) -> Option<Vec<u8>> {
        self.start
            .attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key.as_bytes())
            .map(|a| a.value.into_owned())
    }

    /// Sets attribute `key` to the already escaped `value`, replacing it if
    /// present and appending it otherwise.
    pub fn set_attribute(&mut self, key: &str, value: &str) {
        let mut attributes = self.raw_attributes();
        match attributes.iter_mut().find(|(k, _)| k == key.as_bytes()) {
            Some((_, v)) => *v = value.as_bytes().to_vec(),
            None => attributes.push((key.as_bytes().to_vec(), value.as_bytes().to_vec())),
        }
        self.replace_attributes(&attributes);
    }

    /// Removes attribute `key` if present.
    pub fn remove_attribute(&mut self, key: &str) {
        let mut attributes = self.raw_attributes();
        attributes.retain(|(k, _)| k != key.as_bytes());
        self.replace_attributes(&attributes);
    }

    fn raw_attributes(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        self.start
            .attributes()
            .flatten()
            .map(|a| (a.key.as_ref().to_vec(), a.value.into_owned()))
            .collect()
    }

    fn replace_attributes(&mut self, attributes: &[(Vec<u8>, Vec<u8>)]) {
        self.start.clear_attributes();
        for (k, v) in attributes {
            self.start.push_attribute((k.as_slice(), v.as_slice()));
        }
    }

    /// The child elements, in order.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Other(_) => None,
        })
    }

    /// The child elements, in order, mutably.
    pub fn elements_mut(&mut self) -> impl Iterator<Item = &mut Element> {
        self.children.iter_mut().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Other(_) => None,
        })
    }

    /// Calls `visit` on this element and every element below it, parents
    /// before children, in document order.
    pub fn walk_mut(&mut self, visit: &mut impl FnMut(&mut Element)) {
        visit(self);
        for child in self.elements_mut() {
            child.walk_mut(visit);
        }
    }
}

/// A parsed part: its top-level nodes (declaration and root element).
#[derive(Debug, Clone)]
pub(super) struct Part {
    pub nodes: Vec<Node>,
}

impl Part {
    /// Parses a part's bytes.
    pub fn parse(bytes: &[u8]) -> Result<Part, DocxError> {
        let mut reader = Reader::from_reader(bytes);
        let mut buf = Vec::new();
        let mut top = Vec::new();
        let mut open: Vec<Element> = Vec::new();
        loop {
            let event = reader
                .read_event_into(&mut buf)
                .map_err(|e| DocxError::Xml(e.to_string()))?
                .into_owned();
            let node = match event {
                Event::Eof => break,
                Event::Start(start) => {
                    open.push(Element::new(start));
                    buf.clear();
                    continue;
                }
                Event::End(_) => match open.pop() {
                    Some(element) => Node::Element(element),
                    None => return Err(DocxError::Xml("多余的结束标签".into())),
                },
                Event::Empty(start) => Node::Element(Element::new(start)),
                other => Node::Other(other),
            };
            match open.last_mut() {
                Some(parent) => parent.children.push(node),
                None => top.push(node),
            }
            buf.clear();
        }
        if !open.is_empty() {
            return Err(DocxError::Xml("元素未闭合".into()));
        }
        Ok(Part { nodes: top })
    }

    /// The root element, if the part has one.
    pub fn root_mut(&mut self) -> Option<&mut Element> {
        self.nodes.iter_mut().find_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Other(_) => None,
        })
    }

    /// Serialises the part.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut writer = Writer::new(Vec::new());
        for node in &self.nodes {
            write_node(&mut writer, node);
        }
        writer.into_inner()
    }
}

fn write_node(writer: &mut Writer<Vec<u8>>, node: &Node) {
    // Writing into a Vec<u8> cannot fail.
    let _ = match node {
        Node::Other(event) => writer.write_event(event.borrow()),
        Node::Element(element) if element.children.is_empty() => {
            writer.write_event(Event::Empty(element.start.borrow()))
        }
        Node::Element(element) => {
            let _ = writer.write_event(Event::Start(element.start.borrow()));
            for child in &element.children {
                write_node(writer, child);
            }
            writer.write_event(Event::End(element.start.to_end()))
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:p a="1"><w:r><w:t xml:space="preserve">A &amp; &lt;B&gt; "q"</w:t></w:r><w:x/></w:p>"#;

    #[test]
    fn round_trip_keeps_text_and_attributes() {
        let part = Part::parse(SAMPLE.as_bytes()).unwrap();
        let out = String::from_utf8(part.to_bytes()).unwrap();
        assert_eq!(out, SAMPLE);
    }

    #[test]
    fn set_attribute_replaces_or_appends() {
        let mut part = Part::parse(SAMPLE.as_bytes()).unwrap();
        let root = part.root_mut().unwrap();
        root.set_attribute("a", "2");
        root.set_attribute("b", "3");
        assert_eq!(root.attribute("a").unwrap(), b"2");
        assert_eq!(root.attribute("b").unwrap(), b"3");
        root.remove_attribute("a");
        assert_eq!(root.attribute("a"), None);
        assert_eq!(root.attribute("b").unwrap(), b"3");
    }

    #[test]
    fn unbalanced_markup_is_an_error() {
        assert!(Part::parse(b"<a><b></a>").is_err());
    }
}
