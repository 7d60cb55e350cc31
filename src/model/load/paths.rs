//! The YAML file as written, flattened: every scalar with its dotted path
//! (`projects[0].funding.current_year.actual`), its text and its location.
//!
//! This view knows nothing of the facts model. The loader uses it to name the
//! path of a pending value (`~`), and `jixiao diff` to compare two files fact
//! by fact. Numbers keep the text the clerk typed (`5983.40` stays `5983.40`);
//! an empty list or mapping is a leaf of its own (`[]`, `{}`), so that emptying
//! one shows as a change.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::model::quantity::Loc;

/// One scalar of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaf {
    /// The dotted path, e.g. `base_data.three_public.reception.actual`.
    pub path: String,
    /// The scalar's text; none for a null (`~`, or nothing after the colon).
    pub text: Option<String>,
    /// Where the value is used (for an alias, the alias).
    pub at: Loc,
}

/// Every scalar of a YAML text, in the order of the file; the parser's
/// error for a text that is no YAML.
pub fn leaves(source: &str) -> Result<Vec<Leaf>, serde_saphyr::Error> {
    let root: Spanned<Node> = serde_saphyr::from_str(source)?;
    let mut out = Vec::new();
    flatten(source, "", &root, &mut out);
    Ok(out)
}

/// The path of the value at `at`, if there is one there: a null one when
/// `null`, else one with text.
pub fn path_at(leaves: &[Leaf], at: Loc, null: bool) -> Option<&str> {
    let nulls = || leaves.iter().filter(|l| l.text.is_none() == null);
    nulls()
        .find(|l| l.at == at)
        .or_else(|| nulls().find(|l| l.at.line == at.line))
        .map(|l| l.path.as_str())
}

/// A YAML value as parsed; scalars other than strings keep only their kind,
/// their text is read back from the source by location.
enum Node {
    Null,
    Str(String),
    /// A number or a boolean.
    Plain,
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(String, Spanned<Node>)>),
}

fn flatten(source: &str, path: &str, node: &Spanned<Node>, out: &mut Vec<Leaf>) {
    let at = Loc {
        line: node.referenced.line() as usize,
        column: node.referenced.column() as usize,
    };
    let mut leaf = |text: Option<String>| {
        out.push(Leaf {
            path: path.to_string(),
            text,
            at,
        })
    };
    match &node.value {
        Node::Null => leaf(None),
        Node::Str(s) => leaf(Some(s.clone())),
        Node::Plain => {
            let span = node.defined.span();
            let text = span
                .byte_offset()
                .zip(span.byte_len())
                .and_then(|(o, l)| source.get(o as usize..(o + l) as usize))
                .unwrap_or_default();
            leaf(Some(text.trim().to_string()));
        }
        Node::Seq(items) if items.is_empty() => leaf(Some("[]".into())),
        Node::Map(entries) if entries.is_empty() => leaf(Some("{}".into())),
        Node::Seq(items) => {
            for (i, item) in items.iter().enumerate() {
                flatten(source, &format!("{path}[{i}]"), item, out);
            }
        }
        Node::Map(entries) => {
            for (key, value) in entries {
                let p = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                flatten(source, &p, value, out);
            }
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("YAML 值")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Node, E> {
        Ok(Node::Plain)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Node, E> {
        Ok(Node::Plain)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Node, E> {
        Ok(Node::Plain)
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<Node, E> {
        Ok(Node::Plain)
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<Node, E> {
        Ok(Node::Plain)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Node, E> {
        Ok(Node::Plain)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Key>()? {
            entries.push((key.0, map.next_value()?));
        }
        Ok(Node::Map(entries))
    }
}

/// A mapping key as written (`y` stays `y`, not a boolean).
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("键")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(source: &str) -> Vec<(String, Option<String>, usize)> {
        leaves(source)
            .unwrap()
            .into_iter()
            .map(|l| (l.path, l.text, l.at.line))
            .collect()
    }

    #[test]
    fn paths_texts_and_lines() {
        let yaml = "year: 2024\nbasic:\n  actual: 5983.40 # 注释\n  budget: ~\nlist:\n  - a\n  - { x: 1, y: }\nempty: []\n5: yes\n";
        assert_eq!(
            texts(yaml),
            vec![
                ("year".into(), Some("2024".into()), 1),
                ("basic.actual".into(), Some("5983.40".into()), 3),
                ("basic.budget".into(), None, 4),
                ("list[0]".into(), Some("a".into()), 6),
                ("list[1].x".into(), Some("1".into()), 7),
                ("list[1].y".into(), None, 7),
                ("empty".into(), Some("[]".into()), 8),
                ("5".into(), Some("yes".into()), 9),
            ]
        );
    }

    #[test]
    fn a_null_is_found_by_its_location() {
        let yaml = "a:\n  b: 1\n  c:   # 待填\nd: ~\n";
        let all = leaves(yaml).unwrap();
        let d = all.iter().find(|l| l.path == "d").unwrap().at;
        assert_eq!(path_at(&all, d, true), Some("d"));
        assert_eq!(path_at(&all, Loc { line: 3, column: 1 }, true), Some("a.c"));
        assert_eq!(path_at(&all, Loc { line: 2, column: 6 }, true), None);
    }
}
