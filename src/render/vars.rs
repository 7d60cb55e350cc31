//! A JSON object under construction that remembers, for every value it holds,
//! its path, its meaning and its value as text: the data dictionary that
//! `jixiao vars` prints for template maintainers.

use serde::Serialize;
use serde_json::{Map, Value as Json};

use crate::compute::{Figures, Value};
use crate::model::Text;

/// One variable available to templates.
#[derive(Debug, Clone, Serialize)]
pub struct Var {
    pub path: String,
    pub meaning: String,
    pub value: String,
}

/// An object of the template context and the variables it defines.
#[derive(Debug, Default)]
pub struct Obj {
    path: String,
    map: Map<String, Json>,
    vars: Vec<Var>,
}

/// A figure's value as the context holds it: an exact decimal in a string,
/// the grade's text, or null when missing.
pub fn figure_json(figures: &Figures, name: &str) -> Json {
    match figures.get(name).map(|f| &f.value) {
        Some(Value::Number(d)) => Json::String(d.to_string()),
        Some(Value::Text(t)) => Json::String(t.clone()),
        Some(Value::Missing) | None => Json::Null,
    }
}

fn shown(value: &Json) -> String {
    match value {
        Json::Null => "（无）".into(),
        Json::String(s) => {
            let one_line = s.replace('\n', " ");
            if one_line.chars().count() > 40 {
                format!("{}…", one_line.chars().take(40).collect::<String>())
            } else {
                one_line
            }
        }
        Json::Array(items) => format!("（{} 项）", items.len()),
        Json::Object(_) => String::new(),
        other => other.to_string(),
    }
}

impl Obj {
    pub fn root() -> Self {
        Obj::default()
    }

    fn child_path(&self, key: &str) -> String {
        if self.path.is_empty() || key.is_empty() || key.starts_with('[') {
            format!("{}{key}", self.path)
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// A new object to be placed under `key`.
    pub fn child(&self, key: &str) -> Obj {
        Obj {
            path: self.child_path(key),
            ..Obj::default()
        }
    }

    /// Any JSON value.
    pub fn put(&mut self, key: &str, meaning: &str, value: Json) {
        self.vars.push(Var {
            path: self.child_path(key),
            meaning: meaning.to_string(),
            value: shown(&value),
        });
        self.map.insert(key.to_string(), value);
    }

    pub fn text(&mut self, key: &str, meaning: &str, value: &str) {
        self.put(key, meaning, Json::String(value.to_string()));
    }

    /// An optional text: null when absent or blank.
    pub fn opt_text(&mut self, key: &str, meaning: &str, value: Option<&Text>) {
        let v = value
            .map(|t| t.value.trim())
            .filter(|t| !t.is_empty())
            .map_or(Json::Null, |t| Json::String(t.to_string()));
        self.put(key, meaning, v);
    }

    /// A list of texts.
    pub fn texts(&mut self, key: &str, meaning: &str, items: &[Text]) {
        let list = items
            .iter()
            .map(|t| Json::String(t.value.trim().to_string()))
            .collect();
        self.put(key, meaning, Json::Array(list));
    }

    /// A computed or fact figure, by its name; the meaning is its label.
    pub fn figure(&mut self, key: &str, figures: &Figures, name: &str) {
        let label = figures.get(name).map_or("", |f| f.label.as_str());
        let meaning = format!("{label}（{name}）");
        self.put(key, &meaning, figure_json(figures, name));
    }

    /// A child object.
    pub fn object(&mut self, key: &str, meaning: &str, child: Obj) {
        self.vars.push(Var {
            path: self.child_path(key),
            meaning: meaning.to_string(),
            value: String::new(),
        });
        self.vars.extend(child.vars);
        self.map.insert(key.to_string(), Json::Object(child.map));
    }

    /// A list of child objects, made with [`Obj::item`].
    pub fn list(&mut self, key: &str, meaning: &str, items: Vec<Obj>) {
        self.vars.push(Var {
            path: self.child_path(key),
            meaning: meaning.to_string(),
            value: format!("（{} 项）", items.len()),
        });
        let mut list = Vec::with_capacity(items.len());
        for item in items {
            self.vars.extend(item.vars);
            list.push(Json::Object(item.map));
        }
        self.map.insert(key.to_string(), Json::Array(list));
    }

    /// A new object to be element `index` of the list under `key`.
    pub fn item(&self, key: &str, index: usize) -> Obj {
        Obj {
            path: format!("{}[{index}]", self.child_path(key)),
            ..Obj::default()
        }
    }

    pub fn into_parts(self) -> (Map<String, Json>, Vec<Var>) {
        (self.map, self.vars)
    }
}
