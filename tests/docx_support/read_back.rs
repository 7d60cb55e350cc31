//! Reading a written DOCX back: its ZIP entries and a small element tree of
//! each XML part, parsed with `quick-xml`.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

/// An element of a part, read back.
#[derive(Debug, Default, Clone)]
pub struct El {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<El>,
    /// The text directly inside the element, entities resolved.
    pub text: String,
}

impl El {
    pub fn attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn child(&self, name: &str) -> Option<&El> {
        self.children.iter().find(|c| c.name == name)
    }

    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a El> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// This element and all below it, parents first.
    pub fn all(&self) -> Vec<&El> {
        let mut out = vec![self];
        for child in &self.children {
            out.extend(child.all());
        }
        out
    }

    pub fn find_all(&self, name: &str) -> Vec<&El> {
        self.all().into_iter().filter(|e| e.name == name).collect()
    }

    /// The text of all `w:t` below, with `w:br` as "\n" and `w:tab` as "\t".
    pub fn text(&self) -> String {
        self.all()
            .into_iter()
            .filter_map(|e| match e.name.as_str() {
                "w:t" => Some(e.text.clone()),
                "w:br" => Some("\n".to_owned()),
                "w:tab" => Some("\t".to_owned()),
                _ => None,
            })
            .collect()
    }

    /// `w:pPr`/`w:rPr`-style lookup: the attribute `attr` of `path` below.
    pub fn at(&self, path: &[&str], attr: &str) -> Option<&str> {
        let mut e = self;
        for name in path {
            e = e.child(name)?;
        }
        e.attr(attr)
    }
}

pub fn parse(xml: &str) -> El {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![El::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(start) => stack.push(element(&start)),
            Event::Empty(start) => {
                let e = element(&start);
                stack.last_mut().unwrap().children.push(e);
            }
            Event::End(_) => {
                let e = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(e);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.xml10_content().unwrap()),
            Event::GeneralRef(r) => {
                let name = r.decode().unwrap();
                let resolved = match r.resolve_char_ref().unwrap() {
                    Some(c) => c.to_string(),
                    None => resolve_predefined_entity(&name).unwrap().to_owned(),
                };
                stack.last_mut().unwrap().text.push_str(&resolved);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut top = stack.pop().unwrap();
    assert!(stack.is_empty(), "unclosed elements");
    top.children.pop().expect("a root element")
}

fn element(start: &BytesStart) -> El {
    El {
        name: String::from_utf8(start.name().as_ref().to_vec()).unwrap(),
        attrs: start
            .attributes()
            .map(|a| {
                let a = a.unwrap();
                (
                    String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                    a.normalized_value(XmlVersion::Implicit1_0)
                        .unwrap()
                        .into_owned(),
                )
            })
            .collect(),
        ..El::default()
    }
}

/// The package's entries, by name.
pub fn entries(docx: &[u8]) -> HashMap<String, String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut out = HashMap::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).unwrap();
        let mut text = String::new();
        entry.read_to_string(&mut text).unwrap();
        out.insert(entry.name().to_owned(), text);
    }
    out
}

pub fn part(docx: &[u8], name: &str) -> El {
    parse(&entries(docx)[name])
}

pub fn body(docx: &[u8]) -> El {
    let mut document = part(docx, "word/document.xml");
    let index = document
        .children
        .iter()
        .position(|c| c.name == "w:body")
        .unwrap();
    document.children.swap_remove(index)
}

pub fn int(value: Option<&str>) -> i64 {
    value.expect("attribute present").parse().unwrap()
}

/// The styles part, to read a paragraph's or a run's format as a reader
/// resolves it: the element's own property first, then its paragraph
/// style's (the default paragraph style when it names none), then the
/// document defaults'.
pub struct Styles(El);

impl Styles {
    pub fn of(docx: &[u8]) -> Styles {
        Styles(part(docx, "word/styles.xml"))
    }

    /// The paragraph style of `p`.
    pub fn style_of(&self, p: &El) -> &El {
        let id = p.at(&["w:pPr", "w:pStyle"], "w:val");
        self.0
            .children_named("w:style")
            .find(|s| match id {
                Some(id) => s.attr("w:styleId") == Some(id),
                None => s.attr("w:type") == Some("paragraph") && s.attr("w:default") == Some("1"),
            })
            .unwrap_or_else(|| panic!("no paragraph style {id:?}"))
    }

    fn default_run(&self) -> Option<&El> {
        self.0
            .child("w:docDefaults")?
            .child("w:rPrDefault")?
            .child("w:rPr")
    }

    /// The paragraph property `name` of `p` (`w:jc`, `w:ind`…).
    pub fn paragraph<'a>(&'a self, p: &'a El, name: &str) -> Option<&'a El> {
        p.child("w:pPr")
            .and_then(|own| own.child(name))
            .or_else(|| self.style_of(p).child("w:pPr")?.child(name))
    }

    /// Attribute `attr` of the paragraph property `name` of `p`.
    pub fn paragraph_attr<'a>(&'a self, p: &'a El, name: &str, attr: &str) -> Option<&'a str> {
        self.paragraph(p, name)?.attr(attr)
    }

    /// The run property `name` of run `r` in paragraph `p` (`w:rFonts`,
    /// `w:sz`, `w:b`…).
    pub fn run<'a>(&'a self, p: &'a El, r: &'a El, name: &str) -> Option<&'a El> {
        r.child("w:rPr")
            .and_then(|own| own.child(name))
            .or_else(|| self.style_of(p).child("w:rPr")?.child(name))
            .or_else(|| self.default_run()?.child(name))
    }
}
