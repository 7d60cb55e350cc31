//! Character references (`&amp;`, `&#42;`, `&#x2A;`) in HTML text and
//! attribute values. Besides numeric references, only the named ones the
//! templates use are known: `amp lt gt quot apos nbsp`.

use std::borrow::Cow;

use quick_xml::escape::unescape_with;
use quick_xml::events::BytesRef;

/// Decodes the character references of an attribute value; a value with an
/// unknown or unterminated reference is kept as written.
pub(super) fn decode_entities(value: &str) -> String {
    unescape_with(value, named_entity).map_or_else(|_| value.to_owned(), Cow::into_owned)
}

/// The text of `&name;`, `&#N;` or `&#xH;`; an unknown or invalid reference is
/// kept as written.
pub(super) fn reference_text(reference: &BytesRef) -> String {
    let name = reference.decode().unwrap_or_default();
    let resolved = match reference.resolve_char_ref() {
        Ok(Some(character)) => Some(character.to_string()),
        Ok(None) => named_entity(&name).map(str::to_owned),
        Err(_) => None,
    };
    resolved.unwrap_or_else(|| format!("&{name};"))
}

fn named_entity(name: &str) -> Option<&'static str> {
    match name {
        "amp" => Some("&"),
        "lt" => Some("<"),
        "gt" => Some(">"),
        "quot" => Some("\""),
        "apos" => Some("'"),
        "nbsp" => Some("\u{a0}"),
        _ => None,
    }
}
