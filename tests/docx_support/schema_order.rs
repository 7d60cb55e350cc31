//! The schema order of WordprocessingML property elements' children, the
//! oracle the read-back tests hold every written part to.
//!
//! Word and WPS reject or silently drop properties that appear out of order
//! (“unreadable content”), while `docx-rs` writes some of them in its own
//! order (e.g. `w:rPr` before `w:jc` inside `w:pPr`, `w:sz` before
//! `w:rFonts` inside `w:rPr`, the footer references after `w:pgMar`), which
//! is why the writer writes those elements itself.
//!
//! [`SCHEMA_SEQUENCES`] is the single table of those orders. It is transcribed
//! from the transitional schema of ECMA-376 Part 1, `wml.xsd`:
//!
//! | element | schema types |
//! |---|---|
//! | `w:rPr` | `CT_ParaRPr` = `EG_ParaRPrTrackChanges`, `EG_RPrBase`, `rPrChange`; `CT_RPr` = `EG_RPrBase`, `rPrChange` |
//! | `w:pPr` | `CT_PPr` = `CT_PPrBase`, then `rPr`, `sectPr`, `pPrChange` |
//! | `w:tblPr` | `CT_TblPr` = `CT_TblPrBase`, then `tblPrChange` |
//! | `w:trPr` | `CT_TrPr` = `CT_TrPrBase`, then `ins`, `del`, `trPrChange` |
//! | `w:tcPr` | `CT_TcPr` = `CT_TcPrBase`, `EG_CellMarkupElements`, `tcPrChange` |
//! | `w:sectPr` | `CT_SectPr` = `EG_HdrFtrReferences`, `EG_SectPrContents`, `sectPrChange` |
//! | `w:style` | `CT_Style` |
//!
//! `EG_RPrBase` is a sequence in the first edition of the standard and a
//! repeatable choice in later ones; `CT_TrPrBase` is a repeatable choice. Both
//! are ordered here by the order in which the schema lists their members, which
//! satisfies every edition and is the order Word itself writes.
//! `headerReference` and `footerReference` share a rank: the schema allows
//! them in any mix, so their relative order is kept.
//!
//! Children that the table does not know (other namespaces) must come after
//! the known ones.

/// `EG_RPrBase`, preceded by `EG_ParaRPrTrackChanges` (only in a paragraph
/// mark's `w:rPr`) and followed by `rPrChange`.
const RUN_PROPERTIES: &[&str] = &[
    "ins",
    "del",
    "moveFrom",
    "moveTo",
    "rStyle",
    "rFonts",
    "b",
    "bCs",
    "i",
    "iCs",
    "caps",
    "smallCaps",
    "strike",
    "dstrike",
    "outline",
    "shadow",
    "emboss",
    "imprint",
    "noProof",
    "snapToGrid",
    "vanish",
    "webHidden",
    "color",
    "spacing",
    "w",
    "kern",
    "position",
    "sz",
    "szCs",
    "highlight",
    "u",
    "effect",
    "bdr",
    "shd",
    "fitText",
    "vertAlign",
    "rtl",
    "cs",
    "em",
    "lang",
    "eastAsianLayout",
    "specVanish",
    "oMath",
    "rPrChange",
];

/// `CT_PPrBase`, then the members `CT_PPr` adds.
const PARAGRAPH_PROPERTIES: &[&str] = &[
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
];

/// `CT_TblPrBase`, then `tblPrChange`.
const TABLE_PROPERTIES: &[&str] = &[
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
    "tblPrChange",
];

/// `CT_TrPrBase` (in listed order), then the members `CT_TrPr` adds.
const ROW_PROPERTIES: &[&str] = &[
    "cnfStyle",
    "divId",
    "gridBefore",
    "gridAfter",
    "wBefore",
    "wAfter",
    "cantSplit",
    "trHeight",
    "tblHeader",
    "tblCellSpacing",
    "jc",
    "hidden",
    "ins",
    "del",
    "trPrChange",
];

/// `CT_TcPrBase`, `EG_CellMarkupElements`, then `tcPrChange`.
const CELL_PROPERTIES: &[&str] = &[
    "cnfStyle",
    "tcW",
    "gridSpan",
    "hMerge",
    "vMerge",
    "tcBorders",
    "shd",
    "noWrap",
    "tcMar",
    "textDirection",
    "tcFitText",
    "vAlign",
    "hideMark",
    "headers",
    "cellIns",
    "cellDel",
    "cellMerge",
    "tcPrChange",
];

/// `EG_HdrFtrReferences` (both members at rank 0), `EG_SectPrContents`,
/// then `sectPrChange`.
const SECTION_PROPERTIES: &[&str] = &[
    "headerReference",
    "footnotePr",
    "endnotePr",
    "type",
    "pgSz",
    "pgMar",
    "paperSrc",
    "pgBorders",
    "lnNumType",
    "pgNumType",
    "cols",
    "formProt",
    "vAlign",
    "noEndnote",
    "titlePg",
    "textDirection",
    "bidi",
    "rtlGutter",
    "docGrid",
    "printerSettings",
    "sectPrChange",
];

/// `CT_Style`.
const STYLE: &[&str] = &[
    "name",
    "aliases",
    "basedOn",
    "next",
    "link",
    "autoRedefine",
    "hidden",
    "uiPriority",
    "semiHidden",
    "unhideWhenUsed",
    "qFormat",
    "locked",
    "personal",
    "personalCompose",
    "personalReply",
    "rsid",
    "pPr",
    "rPr",
    "tblPr",
    "trPr",
    "tcPr",
    "tblStylePr",
];

/// Each ordered element (local name in the `w:` namespace) with the order of
/// its children's local names.
pub const SCHEMA_SEQUENCES: &[(&str, &[&str])] = &[
    ("rPr", RUN_PROPERTIES),
    ("pPr", PARAGRAPH_PROPERTIES),
    ("tblPr", TABLE_PROPERTIES),
    ("trPr", ROW_PROPERTIES),
    ("tcPr", CELL_PROPERTIES),
    ("sectPr", SECTION_PROPERTIES),
    ("style", STYLE),
];

/// The schema order of the children of `w:{local_name}`, if it is an ordered
/// element.
pub fn schema_sequence(local_name: &str) -> Option<&'static [&'static str]> {
    SCHEMA_SEQUENCES
        .iter()
        .find(|(name, _)| *name == local_name)
        .map(|(_, sequence)| *sequence)
}

/// The rank of child `local_name` in `sequence`; `footerReference` ranks with
/// `headerReference`.
pub fn schema_rank(sequence: &[&str], local_name: &str) -> Option<usize> {
    let name = match local_name {
        "footerReference" => "headerReference",
        other => other,
    };
    sequence.iter().position(|member| *member == name)
}
