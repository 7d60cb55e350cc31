//! The quick reading of a facts file: YAML parser events straight into
//! [`Facts`], for a file that uses nothing but mappings, sequences and untagged
//! scalars, as facts files do.
//!
//! serde-saphyr stays the reader that decides: it resolves anchors, aliases,
//! tags and merge keys, enforces its limits and words every error. It also
//! spends about half of a file's loading on that bookkeeping. This reader
//! takes the parser's events as they come and stops at the first thing it
//! does not handle itself: an anchor, an alias, a tag, a null where text
//! belongs, a second document, a value of the wrong kind, an unknown or
//! repeated key, anything the parser refuses, more events or nesting than
//! serde-saphyr allows. Then nothing it read is kept and the file is read by
//! serde-saphyr instead. So a file is either read here into exactly the facts
//! serde-saphyr would give, or not read here at all; the tests compare the
//! two readers on the bundled files, the bad-input corpus and variants of
//! them, and the fuzz target on every input it makes.

use std::borrow::Cow;
use std::fmt;

use granit_parser::{Event, Marker, Parser, ScalarStyle, StrInput};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, Visitor};
use serde_saphyr::budget::Budget;

use super::Facts;
use super::quantity::{LOCATED, Loc};

/// The most events read here. serde-saphyr refuses a file of more than
/// 250,000 nodes ([`Budget::max_nodes`]); a facts file has a few thousand.
const MAX_EVENTS: usize = 100_000;

/// The deepest nesting read here; serde-saphyr allows [`Budget::max_depth`]
/// (64), a facts file needs ten (down to a project's indicators).
const MAX_DEPTH: usize = 32;

/// The facts in `source` (without a byte order mark), or `None` when the file
/// needs serde-saphyr (see the module documentation).
pub(super) fn facts(source: &str) -> Option<Facts> {
    let mut events = Events::new(source);
    let (Event::StreamStart, _) = events.next().ok()? else {
        return None;
    };
    let (Event::DocumentStart(_, None), _) = events.next().ok()? else {
        return None;
    };
    let facts = Facts::deserialize(Node(&mut events)).ok()?;
    let (Event::DocumentEnd, _) = events.next().ok()? else {
        return None;
    };
    let (Event::StreamEnd, _) = events.next().ok()? else {
        return None;
    };
    events.parser.next_event().is_none().then_some(facts)
}

/// Why the quick reading stopped; the file is then read by serde-saphyr.
#[derive(Debug)]
struct Stop;

impl fmt::Display for Stop {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("needs the full YAML reader")
    }
}

impl std::error::Error for Stop {}

impl de::Error for Stop {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Stop
    }
}

/// The parser's events, each with where it starts, one looked ahead, with
/// only what this reader handles let through.
struct Events<'a> {
    parser: Parser<'a, StrInput<'a>>,
    peeked: Option<(Event<'a>, Marker)>,
    read: usize,
    depth: usize,
}

impl<'a> Events<'a> {
    /// A parser set as serde-saphyr sets its own (its default budget's
    /// limits, the parser's defaults otherwise), so that both accept the
    /// same text.
    fn new(source: &'a str) -> Self {
        let budget = Budget::default();
        let mut options = granit_parser::Options::default();
        options.simple_key_max_lookahead = budget.simple_key_max_lookahead;
        options.flow_nesting_limit = budget.flow_nesting_limit;
        options.block_nesting_limit = options
            .block_nesting_limit
            .max(budget.max_depth.saturating_add(1));
        options.set_emit_comments(false);
        Events {
            parser: Parser::new_from_str_with_options(source, options),
            peeked: None,
            read: 0,
            depth: 0,
        }
    }

    fn pull(&mut self) -> Result<(Event<'a>, Marker), Stop> {
        let (event, span) = self.parser.next_event().ok_or(Stop)?.map_err(|_| Stop)?;
        self.read += 1;
        if self.read > MAX_EVENTS {
            return Err(Stop);
        }
        match &event {
            Event::Scalar(_, _, 0, None) | Event::StreamStart | Event::StreamEnd => {}
            Event::DocumentStart(..) | Event::DocumentEnd => {}
            Event::SequenceStart(_, 0, None) | Event::MappingStart(_, 0, None) => {
                self.depth += 1;
                if self.depth > MAX_DEPTH {
                    return Err(Stop);
                }
            }
            Event::SequenceEnd | Event::MappingEnd => self.depth = self.depth.saturating_sub(1),
            _ => return Err(Stop),
        }
        Ok((event, span.start))
    }

    fn peek(&mut self) -> Result<&(Event<'a>, Marker), Stop> {
        if self.peeked.is_none() {
            self.peeked = Some(self.pull()?);
        }
        self.peeked.as_ref().ok_or(Stop)
    }

    fn next(&mut self) -> Result<(Event<'a>, Marker), Stop> {
        match self.peeked.take() {
            Some(peeked) => Ok(peeked),
            None => self.pull(),
        }
    }

    /// The next event, which must be a scalar that is not a null.
    fn text(&mut self) -> Result<Cow<'a, str>, Stop> {
        match self.next()? {
            (Event::Scalar(value, style, ..), _) if !is_null(&value, style) => Ok(value),
            _ => Err(Stop),
        }
    }

    /// Consumes the next event, which must be `expected`'s kind.
    fn expect(&mut self, expected: fn(&Event<'a>) -> bool) -> Result<(), Stop> {
        let (event, _) = self.next()?;
        if expected(&event) { Ok(()) } else { Err(Stop) }
    }

    fn at_end_of_collection(&mut self) -> Result<bool, Stop> {
        Ok(matches!(
            self.peek()?.0,
            Event::SequenceEnd | Event::MappingEnd
        ))
    }
}

/// A plain scalar that YAML reads as null: nothing, `~` or `null`.
fn is_null(value: &str, style: ScalarStyle) -> bool {
    style == ScalarStyle::Plain && matches!(value, "" | "~" | "null" | "Null" | "NULL")
}

/// The next node of the file, as a serde deserializer.
struct Node<'e, 'a>(&'e mut Events<'a>);

impl<'de> de::Deserializer<'de> for Node<'_, 'de> {
    type Error = Stop;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Stop> {
        Err(Stop)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match self.0.text()? {
            Cow::Borrowed(text) => visitor.visit_borrowed_str(text),
            Cow::Owned(text) => visitor.visit_string(text),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        match &self.0.peek()?.0 {
            Event::Scalar(value, style, ..) if is_null(value, *style) => {
                self.0.next()?;
                visitor.visit_none()
            }
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..) => {
                visitor.visit_some(self)
            }
            _ => Err(Stop),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.0.expect(|e| matches!(e, Event::SequenceStart(..)))?;
        let value = visitor.visit_seq(Collection(&mut *self.0))?;
        self.0.expect(|e| matches!(e, Event::SequenceEnd))?;
        Ok(value)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Stop> {
        self.0.expect(|e| matches!(e, Event::MappingStart(..)))?;
        let value = visitor.visit_map(Collection(&mut *self.0))?;
        self.0.expect(|e| matches!(e, Event::MappingEnd))?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Stop> {
        match self.0.text()? {
            Cow::Borrowed(name) => visitor.visit_enum(name.into_deserializer()),
            Cow::Owned(name) => visitor.visit_enum(name.into_deserializer()),
        }
    }

    /// A located value ([`LOCATED`]) is handed over as the sequence
    /// (line, column, value); serde-saphyr's `Spanned` is not used here.
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Stop> {
        if name != LOCATED {
            return Err(Stop);
        }
        let start = self.0.peek()?.1;
        let at = Loc {
            line: start.line(),
            column: start.col() + 1,
        };
        visitor.visit_seq(Located {
            at,
            next: 0,
            events: self.0,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf
        unit unit_struct tuple tuple_struct ignored_any
    }
}

/// The entries of a sequence or a mapping, up to its end.
struct Collection<'e, 'a>(&'e mut Events<'a>);

impl<'a> Collection<'_, 'a> {
    /// The next item (or key), or `None` at the end of the collection.
    fn next_item<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<Option<T::Value>, Stop> {
        if self.0.at_end_of_collection()? {
            return Ok(None);
        }
        seed.deserialize(Node(&mut *self.0)).map(Some)
    }
}

impl<'de> de::SeqAccess<'de> for Collection<'_, 'de> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        self.next_item(seed)
    }
}

impl<'de> de::MapAccess<'de> for Collection<'_, 'de> {
    type Error = Stop;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Stop> {
        self.next_item(seed)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Stop> {
        seed.deserialize(Node(&mut *self.0))
    }
}

/// A located value as the sequence (line, column, value).
struct Located<'e, 'a> {
    at: Loc,
    next: u8,
    events: &'e mut Events<'a>,
}

impl<'de> de::SeqAccess<'de> for Located<'_, 'de> {
    type Error = Stop;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Stop> {
        self.next += 1;
        match self.next {
            1 => seed.deserialize(self.at.line.into_deserializer()).map(Some),
            2 => seed
                .deserialize(self.at.column.into_deserializer())
                .map(Some),
            3 => seed.deserialize(Node(&mut *self.events)).map(Some),
            _ => Ok(None),
        }
    }
}
