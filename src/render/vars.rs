//! An object of the template context under construction. Values go straight
//! into Tera's own [`tera::Value`]s, so rendering converts nothing. When asked
//! for ([`Obj::dictionary`]) it also remembers, for every value it holds, its
//! path, its meaning and its value as text: the data dictionary that
//! `jixiao vars` prints for template maintainers. A build does not ask, and
//! pays for no paths, meanings or texts.

use serde::Serialize;
use tera::Value as Tera;

use crate::compute::{Figures, Key, Value};
use crate::model::Text;

/// One variable available to templates.
#[derive(Debug, Clone, Serialize)]
pub struct Var {
    pub path: String,
    pub meaning: String,
    pub value: String,
}

/// An object of the template context and, when a dictionary is kept, the
/// variables it defines.
#[derive(Debug, Default)]
pub struct Obj {
    entries: Vec<(&'static str, Tera)>,
    dictionary: Option<Dictionary>,
    /// Every figure's value tagged with its place, for the live preview's
    /// figure marks ([`crate::render::filters::marks`]).
    marking: bool,
}

#[derive(Debug, Default)]
struct Dictionary {
    path: String,
    vars: Vec<Var>,
}

/// A figure's value as the context holds it: an exact decimal in a string,
/// the grade's text, or none when missing.
pub fn figure_value(figures: &Figures, key: Key) -> Tera {
    match figures.of(key).map(|f| &f.value) {
        Some(Value::Number(d)) => Tera::from(d.to_string()),
        Some(Value::Text(t)) => Tera::from(t.as_str()),
        Some(Value::Missing) | None => Tera::none(),
    }
}

fn shown(value: &Tera) -> String {
    if value.is_none() {
        "（无）".into()
    } else if let Some(s) = value.as_str() {
        let one_line = s.replace('\n', " ");
        if one_line.chars().count() > 40 {
            format!("{}…", one_line.chars().take(40).collect::<String>())
        } else {
            one_line
        }
    } else if let Some(items) = value.as_array() {
        format!("（{} 项）", items.len())
    } else if value.is_map() {
        String::new()
    } else {
        value.to_string()
    }
}

impl Obj {
    /// The root of a context that keeps no dictionary.
    pub fn root() -> Self {
        Obj::default()
    }

    /// The root of a context whose figures carry tags for the preview's
    /// figure marks.
    pub fn marking() -> Self {
        Obj {
            marking: true,
            ..Obj::default()
        }
    }

    /// The root of a context that keeps its data dictionary.
    pub fn dictionary() -> Self {
        Obj {
            dictionary: Some(Dictionary::default()),
            ..Obj::default()
        }
    }

    fn with_path(&self, path: impl FnOnce(&str) -> String) -> Obj {
        Obj {
            entries: Vec::new(),
            dictionary: self.dictionary.as_ref().map(|d| Dictionary {
                path: path(&d.path),
                vars: Vec::new(),
            }),
            marking: self.marking,
        }
    }

    fn child_path(parent: &str, key: &str) -> String {
        if parent.is_empty() || key.is_empty() || key.starts_with('[') {
            format!("{parent}{key}")
        } else {
            format!("{parent}.{key}")
        }
    }

    fn record(
        &mut self,
        key: &str,
        meaning: impl FnOnce() -> String,
        value: impl FnOnce() -> String,
    ) {
        if let Some(d) = &mut self.dictionary {
            d.vars.push(Var {
                path: Self::child_path(&d.path, key),
                meaning: meaning(),
                value: value(),
            });
        }
    }

    /// A new object to be placed under `key`.
    pub fn child(&self, key: &str) -> Obj {
        self.with_path(|parent| Self::child_path(parent, key))
    }

    /// A new object to be element `index` of the list under `key`.
    pub fn item(&self, key: &str, index: usize) -> Obj {
        self.with_path(|parent| format!("{}[{index}]", Self::child_path(parent, key)))
    }

    /// Any value.
    pub fn put(&mut self, key: &'static str, meaning: &str, value: Tera) {
        self.record(key, || meaning.to_owned(), || shown(&value));
        self.entries.push((key, value));
    }

    pub fn text(&mut self, key: &'static str, meaning: &str, value: &str) {
        self.put(key, meaning, Tera::from(value));
    }

    /// An optional text: none when absent or blank.
    pub fn opt_text(&mut self, key: &'static str, meaning: &str, value: Option<&Text>) {
        let v = value
            .map(|t| t.value.trim())
            .filter(|t| !t.is_empty())
            .map_or_else(Tera::none, Tera::from);
        self.put(key, meaning, v);
    }

    /// A list of texts.
    pub fn texts(&mut self, key: &'static str, meaning: &str, items: &[Text]) {
        let list: Vec<Tera> = items.iter().map(|t| Tera::from(t.value.trim())).collect();
        self.put(key, meaning, Tera::from(list));
    }

    /// A computed or fact figure, by its key; the meaning is its label and
    /// its name.
    pub fn figure(&mut self, key: &'static str, figures: &Figures, figure: Key) {
        let mut value = figure_value(figures, figure);
        if self.marking
            && let (Some(text), Some(index)) = (value.as_str(), figures.index_of(figure))
        {
            value = Tera::from(crate::render::filters::marks::tag(text, index));
        }
        self.record(
            key,
            || {
                figures
                    .of(figure)
                    .map_or_else(String::new, |f| format!("{}（{}）", f.label, f.name))
            },
            || shown(&value),
        );
        self.entries.push((key, value));
    }

    /// A child object.
    pub fn object(&mut self, key: &'static str, meaning: &str, child: Obj) {
        self.record(key, || meaning.to_owned(), String::new);
        let (value, vars) = child.into_parts();
        if let (Some(d), Some(vars)) = (&mut self.dictionary, vars) {
            d.vars.extend(vars);
        }
        self.entries.push((key, value));
    }

    /// A list of child objects, made with [`Obj::item`].
    pub fn list(&mut self, key: &'static str, meaning: &str, items: Vec<Obj>) {
        self.record(
            key,
            || meaning.to_owned(),
            || format!("（{} 项）", items.len()),
        );
        let mut list = Vec::with_capacity(items.len());
        for item in items {
            let (value, vars) = item.into_parts();
            if let (Some(d), Some(vars)) = (&mut self.dictionary, vars) {
                d.vars.extend(vars);
            }
            list.push(value);
        }
        self.entries.push((key, Tera::from(list)));
    }

    /// The object as a map value, and its variables when a dictionary is kept.
    pub fn into_parts(self) -> (Tera, Option<Vec<Var>>) {
        let mut map = tera::Map::with_capacity_and_hasher(self.entries.len(), Default::default());
        for (key, value) in self.entries {
            map.insert(tera::value::Key::Str(key), value);
        }
        (Tera::from(map), self.dictionary.map(|d| d.vars))
    }

    /// The object as the root of a Tera context.
    pub fn into_context(self) -> tera::Context {
        let mut context = tera::Context::new();
        for (key, value) in self.entries {
            context.insert_value(key, value);
        }
        context
    }

    /// The variables defined, when a dictionary is kept.
    pub fn into_vars(self) -> Vec<Var> {
        self.dictionary.map(|d| d.vars).unwrap_or_default()
    }
}
