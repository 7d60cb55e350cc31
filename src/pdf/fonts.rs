//! The fonts a PDF is typeset in: the system's and
//! those under each `--font-dir`, loaded once per process for each list of
//! directories, and the face each role of the layout takes.
//!
//! Font files are mapped into memory, not read: a CJK collection is tens of
//! megabytes, most of a PDF build's time went into copying and hashing them,
//! and a report uses a few thousand of their glyphs. The faces are measured
//! on every core, and the faces every report takes are loaded in the
//! background while the report is turned into typst values.
//!
//! Each role has a fallback chain, starting with the face the DOCX names
//! (`crate::docx::styles`) and ending with faces free to install; the
//! first installed one sets the role's text (typst takes the next for a
//! character a face lacks). Latin letters and digits are set in Times New
//! Roman or a face of its metrics, as in the DOCX, where installed. A role
//! none of whose faces is installed stops the build with an error that names
//! it and says how to install a font. The README lists the chains.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::foundations::{Array, Dict, IntoValue, Str, Value};
use typst::text::{Font, FontInfo, FontVariant, FontWeight};
use typst_kit::fonts::{FontSource, FontStore};

use super::PdfError;
use crate::docx::styles::{FANGSONG, HEITI, KAITI, LATIN, SONGTI, XIAOBIAOSONG};

/// A role of the layout and the faces it may take, in order of preference.
pub(super) struct Role {
    /// Its key in the layout's `font` dictionary.
    pub key: &'static str,
    /// Its name in messages.
    pub name: &'static str,
    pub chain: &'static [&'static str],
}

/// Every role, with its fallback chain.
pub(super) const ROLES: [Role; 5] = [
    Role {
        key: "fangsong",
        name: "仿宋（正文）",
        chain: &[
            FANGSONG,
            "FangSong_GB2312",
            "FangSong",
            "仿宋",
            "STFangsong",
            "华文仿宋",
            "Noto Serif CJK SC",
            "Source Han Serif SC",
            "Source Han Serif CN",
            "Noto Serif SC",
        ],
    },
    Role {
        key: "heiti",
        name: "黑体（一级标题、表头）",
        chain: &[
            HEITI,
            "SimHei",
            "STHeiti",
            "Heiti SC",
            "Noto Sans CJK SC",
            "Source Han Sans SC",
            "Source Han Sans CN",
            "WenQuanYi Zen Hei",
            "Noto Sans SC",
        ],
    },
    Role {
        key: "kaiti",
        name: "楷体（二级标题）",
        chain: &[
            KAITI,
            "KaiTi_GB2312",
            "KaiTi",
            "楷体",
            "STKaiti",
            "华文楷体",
            "AR PL UKai CN",
            "Noto Serif CJK SC",
            "Source Han Serif SC",
            "Source Han Serif CN",
            "Noto Serif SC",
        ],
    },
    Role {
        key: "xiaobiaosong",
        name: "小标宋（标题）",
        chain: &[
            XIAOBIAOSONG,
            "FZXiaoBiaoSong-B05S",
            "方正小标宋_GBK",
            "STZhongsong",
            "华文中宋",
            "SimSun",
            "宋体",
            "Noto Serif CJK SC",
            "Source Han Serif SC",
            "Source Han Serif CN",
            "Noto Serif SC",
        ],
    },
    Role {
        key: "songti",
        name: "宋体（页码）",
        chain: &[
            SONGTI,
            "SimSun",
            "STSong",
            "华文宋体",
            "Noto Serif CJK SC",
            "Source Han Serif SC",
            "Source Han Serif CN",
            "Noto Serif SC",
        ],
    },
];

/// Latin letters and digits: Times New Roman, or a face of its metrics.
const LATIN_CHAIN: [&str; 4] = [LATIN, "Liberation Serif", "TeX Gyre Termes", "Nimbus Roman"];

/// The fonts found for one list of font directories.
pub(super) struct Fonts {
    pub store: FontStore,
}

/// Loads the system's fonts and those under `dirs`, once per process for
/// each list of directories.
pub(super) fn load(dirs: &[PathBuf]) -> Result<Arc<Fonts>, PdfError> {
    static LOADED: OnceLock<Mutex<HashMap<Vec<PathBuf>, Arc<Fonts>>>> = OnceLock::new();
    for dir in dirs {
        if !dir.is_dir() {
            return Err(PdfError::FontDir(dir.display().to_string()));
        }
    }
    let loaded = LOADED.get_or_init(Mutex::default);
    let mut loaded = loaded
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    let fonts = loaded.entry(dirs.to_vec()).or_insert_with(|| {
        let fonts = Arc::new(Fonts { store: scan(dirs) });
        fonts.warm();
        fonts
    });
    Ok(Arc::clone(fonts))
}

/// The faces of every chain installed on the system or under `dirs`.
///
/// The font list is read by name only (fontdb reads each file's name table);
/// typst measures a face (its coverage of every character, which takes a
/// CJK face tens of milliseconds) only when one of its names is in a chain.
/// The directories come first: a face given there wins over the system's of
/// the same name.
fn scan(dirs: &[PathBuf]) -> FontStore {
    let mut db = fontdb::Database::new();
    for dir in dirs {
        db.load_fonts_dir(dir);
    }
    db.load_system_fonts();
    let wanted: Vec<String> = ROLES
        .iter()
        .flat_map(|role| role.chain.iter())
        .chain(LATIN_CHAIN.iter())
        .map(|family| family.to_lowercase())
        .collect();
    let named: Vec<fontdb::ID> = db
        .faces()
        .filter(|face| {
            face.families.iter().any(|(family, _)| {
                let family = family.to_lowercase();
                wanted.iter().any(|w| family.starts_with(w.as_str()))
            })
        })
        .map(|face| face.id)
        .collect();
    let mapped: Vec<_> = named
        .into_iter()
        .filter_map(|id| {
            // SAFETY: the file is mapped, not read: a CJK collection is tens
            // of megabytes, of which a report uses a few thousand glyphs. A
            // font file changed in place while the build runs could crash
            // it; font installers replace a file by renaming, which leaves
            // the mapped file as it was.
            let (data, index) = unsafe { db.make_shared_face_data(id) }?;
            Some(MappedFace { data, index })
        })
        .collect();
    let mut store = FontStore::new();
    for (face, info) in measure(mapped) {
        store.push((face, info));
    }
    store
}

/// Each face with its measure (typst's `FontInfo`), in the order given,
/// measured on every core: a CJK face's coverage takes the longest part of
/// the font scan.
fn measure(faces: Vec<MappedFace>) -> Vec<(MappedFace, FontInfo)> {
    let infos = crate::parallel::map_in_order(&faces, |face| {
        FontInfo::new((*face.data).as_ref(), face.index)
    });
    faces
        .into_iter()
        .zip(infos)
        .filter_map(|(face, info)| Some((face, info?)))
        .collect()
}

/// A face whose file is mapped into memory, handed to typst when a text
/// first takes it.
struct MappedFace {
    data: Arc<dyn AsRef<[u8]> + Send + Sync>,
    index: u32,
}

/// The bytes of a mapped font file, as typst takes them.
struct MappedBytes(Arc<dyn AsRef<[u8]> + Send + Sync>);

impl AsRef<[u8]> for MappedBytes {
    fn as_ref(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

impl FontSource for MappedFace {
    /// The face, with the hash of its bytes taken once here: typst hashes a
    /// face's whole file the first time it uses it, and a face loaded ahead
    /// of the layout (`Fonts::warm`) then costs the layout nothing.
    fn load(&self) -> Option<Font> {
        let font = Font::new(Bytes::new(MappedBytes(Arc::clone(&self.data))), self.index)?;
        typst::utils::hash128(&font);
        Some(font)
    }
}

impl Fonts {
    /// Loads, in the background, the faces every report's text takes: the
    /// regular face of each role and of the Latin letters, and the bold of
    /// the body's (三级标题). The layout then finds them loaded (or waits for
    /// the one still loading) instead of loading each as it first meets it.
    fn warm(self: &Arc<Self>) {
        let book = self.store.book();
        let first = |chain: &[&str]| {
            chain
                .iter()
                .map(|family| family.to_lowercase())
                .find(|family| book.contains_family(family))
        };
        let bold = FontVariant {
            weight: FontWeight::BOLD,
            ..FontVariant::default()
        };
        let mut wanted: Vec<(String, FontVariant)> = ROLES
            .iter()
            .map(|role| role.chain)
            .chain([&LATIN_CHAIN[..]])
            .filter_map(|chain| Some((first(chain)?, FontVariant::default())))
            .collect();
        let body = ROLES.iter().find(|role| role.key == "fangsong");
        if let Some(family) = body.and_then(|role| first(role.chain)) {
            wanted.push((family, bold));
        }
        let mut indices: Vec<usize> = wanted
            .iter()
            .filter_map(|(family, variant)| book.select(family, *variant))
            .collect();
        indices.sort_unstable();
        indices.dedup();
        for index in indices {
            let fonts = Arc::clone(self);
            // A thread that cannot be started leaves the face to the layout.
            let _ = std::thread::Builder::new().spawn(move || fonts.store.font(index));
        }
    }

    /// The `font` dictionary of the layout: for each role, the installed
    /// faces of its chain, after the Latin face; an error for the first
    /// role with none.
    pub fn faces(&self) -> Result<Dict, PdfError> {
        let book = self.store.book();
        let installed = |chain: &[&'static str]| -> Vec<&'static str> {
            chain
                .iter()
                .copied()
                .filter(|family| book.contains_family(&family.to_lowercase()))
                .collect()
        };
        let latin: Vec<Value> = installed(&LATIN_CHAIN)
            .into_iter()
            .map(|family| {
                let mut face = Dict::new();
                face.insert("name".into(), family.into_value());
                face.insert("covers".into(), "latin-in-cjk".into_value());
                Value::Dict(face)
            })
            .collect();
        let mut faces = Dict::new();
        for role in &ROLES {
            let found = installed(role.chain);
            if found.is_empty() {
                return Err(PdfError::MissingFont {
                    role: role.name,
                    tried: role.chain.join("、"),
                });
            }
            let chain: Array = latin
                .iter()
                .cloned()
                .chain(found.into_iter().map(IntoValue::into_value))
                .collect();
            faces.insert(Str::from(role.key), Value::Array(chain));
        }
        Ok(faces)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chain_starts_with_the_docx_face_and_ends_with_a_free_one() {
        let docx_faces = [FANGSONG, HEITI, KAITI, XIAOBIAOSONG, SONGTI];
        for (role, face) in ROLES.iter().zip(docx_faces) {
            assert_eq!(role.chain[0], face, "{}", role.key);
            assert!(
                role.chain.last().unwrap().starts_with("Noto"),
                "{}",
                role.key
            );
        }
        assert_eq!(LATIN_CHAIN[0], LATIN);
    }

    #[test]
    fn without_a_cjk_face_the_first_role_is_named() {
        let fonts = Fonts {
            store: FontStore::new(),
        };
        match fonts.faces() {
            Err(PdfError::MissingFont { role, tried }) => {
                assert_eq!(role, ROLES[0].name);
                assert!(tried.contains("Noto Serif CJK SC"), "{tried}");
            }
            other => panic!("{other:?}"),
        }
    }
}
