//! The words of a load error: serde-saphyr's and the YAML parser's English
//! turned into a clerk's Chinese.
//!
//! Every message the YAML reader can give is either recognised here (a type
//! error, an unknown or missing key, a syntax error of a known kind) and said
//! in Chinese, or replaced by a general Chinese wording: the reader's English
//! never reaches the clerk. Only what comes from the file or the format (a
//! key, a value, a YAML path) is quoted as written. Where the error is, the
//! caller (`super::error`) says by line and column.

use super::kind::LoadErrorKind;

/// Why a file cannot be read, without the system's English.
pub(super) fn unreadable(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    let why = match e.kind() {
        ErrorKind::NotFound => "文件不存在，请检查文件名和所在目录".to_string(),
        ErrorKind::PermissionDenied => "没有读取该文件的权限".to_string(),
        ErrorKind::IsADirectory => "这是一个目录，不是文件".to_string(),
        ErrorKind::InvalidData => "文件内容无法读取".to_string(),
        ErrorKind::OutOfMemory => "文件过大，内存不足".to_string(),
        _ => match e.raw_os_error() {
            Some(code) => format!("系统错误（代码 {code}）"),
            None => "系统错误".to_string(),
        },
    };
    format!("无法读取文件：{why}")
}

/// The label under the marked place in the source snippet.
pub(super) fn short_label(kind: LoadErrorKind) -> &'static str {
    match kind {
        LoadErrorKind::UnknownKey => "未知的键",
        LoadErrorKind::DuplicateKey => "重复的键",
        LoadErrorKind::RepeatedName => "重复的名称",
        LoadErrorKind::Missing => "缺少内容",
        LoadErrorKind::WrongType => "类型不对",
        LoadErrorKind::InvalidValue => "取值不对",
        LoadErrorKind::TooLarge => "超出限制",
        _ => "在这里",
    }
}

/// The reader's message without where it happened: the Chinese message names
/// the place by line and column.
pub(super) fn without_location(raw: &str) -> String {
    strip_location_tail(strip_location_prefix(raw))
}

/// `error: line 3 column 3: unknown field …` → `unknown field …`.
fn strip_location_prefix(raw: &str) -> &str {
    let s = raw.trim().strip_prefix("error: ").unwrap_or(raw.trim());
    if s.starts_with("line ")
        && let Some(i) = s.find(": ")
    {
        return &s[i + 2..];
    }
    s
}

/// `… at line 3, column 7` → `…`.
fn strip_location_tail(raw: &str) -> String {
    let mut out = raw.to_string();
    while let Some(i) = out.find(" at line ") {
        let tail = &out[i + " at line ".len()..];
        let end = tail
            .find(", column ")
            .map(|c| {
                let rest = &tail[c + ", column ".len()..];
                c + ", column ".len() + rest.chars().take_while(char::is_ascii_digit).count()
            })
            .unwrap_or_else(|| tail.chars().take_while(char::is_ascii_digit).count());
        out.replace_range(i..i + " at line ".len() + end, "");
    }
    out
}

/// A type error met while a number was being read, said as such.
pub(super) fn number_expected(raw: &str, noun: &str) -> Option<String> {
    let found = if raw.contains("sequence") || raw.contains("seq") {
        "列表"
    } else if raw.contains("map") {
        "映射（键值对）"
    } else if raw.starts_with("expected") || raw.starts_with("invalid type") {
        "列表或映射"
    } else if raw.contains("tagged scalar") {
        "带类型标记（! 开头）的值"
    } else {
        return None;
    };
    Some(format!("应为{noun}，实际为{found}"))
}

/// serde's path, without the wrappers that carry locations.
pub(super) fn clean_path(path: &str) -> String {
    let p = path
        .replace(".value.value", "")
        .replace(".value", "")
        .replace(".?", "");
    if p == "?" || p == "." {
        String::new()
    } else {
        p
    }
}

/// What a message is about: its kind, its Chinese words and a hint.
type Worded = (LoadErrorKind, String, Option<String>);

/// Turns the reader's message (`raw`, without its location) about the value
/// at `path` into a clerk's Chinese. `source` is the file's text.
pub(super) fn translate(raw: &str, path: &str, source: &str) -> Worded {
    let at_path = |s: &str| {
        if path.is_empty() {
            s.to_string()
        } else {
            format!("{s}（位置：{path}）")
        }
    };
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (key, tail) = rest.split_once('`').unwrap_or((rest, ""));
        return (
            LoadErrorKind::UnknownKey,
            at_path(&format!("未知的键「{key}」")),
            Some(format!("此处允许的键：{}", listed(tail))),
        );
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (value, tail) = rest.split_once('`').unwrap_or((rest, ""));
        return (
            LoadErrorKind::InvalidValue,
            at_path(&format!("不认识的取值「{value}」")),
            Some(format!("可选的取值：{}", listed(tail))),
        );
    }
    if let Some(rest) = raw.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        let full = if path.is_empty() {
            key.to_string()
        } else {
            format!("{path}.{key}")
        };
        return (
            LoadErrorKind::Missing,
            format!("缺少必填项「{full}」"),
            Some(if path.is_empty() {
                format!("请在文件顶层补上「{key}」，见 docs/data.md")
            } else {
                format!("请在「{path}」下补上「{key}」，见 docs/data.md")
            }),
        );
    }
    if let Some(rest) = raw.strip_prefix("duplicate mapping key") {
        let key = rest
            .trim_start_matches(':')
            .split(',')
            .next()
            .unwrap_or("")
            .trim();
        let what = if key.is_empty() {
            "同一处有两个相同的键".to_string()
        } else {
            format!("键「{key}」在同一处出现了两次")
        };
        return (
            LoadErrorKind::DuplicateKey,
            at_path(&what),
            Some("删去重复的一项，或把两项合并".into()),
        );
    }
    if raw.contains("不能为负")
        || raw.contains("应为整数")
        || raw.contains("超出可表示")
        || raw.starts_with("年度指标值")
        || raw.starts_with(super::numbers::REFUSED_CHARACTER)
    {
        return (LoadErrorKind::InvalidValue, at_path(raw), None);
    }
    if raw.starts_with("应为") {
        return (LoadErrorKind::WrongType, at_path(raw), None);
    }
    if raw.starts_with("invalid boolean") {
        return (
            LoadErrorKind::WrongType,
            at_path("应为 true 或 false"),
            Some("是写 true，否写 false（英文字母，不加引号）".into()),
        );
    }
    if let Some(kind) = wrong_type(raw) {
        return (LoadErrorKind::WrongType, at_path(&kind), None);
    }
    if let Some((kind, words, help)) = reader_message(raw, source) {
        let message = match kind {
            LoadErrorKind::Syntax => format!("YAML 格式错误：{words}"),
            _ => at_path(&words),
        };
        return (kind, message, help.map(str::to_string));
    }
    (
        LoadErrorKind::Syntax,
        "YAML 格式错误：此处的写法不合 YAML 规则".into(),
        Some(SYNTAX_HELP.into()),
    )
}

/// The general hint for a syntax error.
const SYNTAX_HELP: &str = "检查该行的缩进、冒号后的空格和引号是否配对";

/// `, expected one of `a`, `b`` → `a, b`: the keys or values the format allows.
fn listed(tail: &str) -> String {
    tail.split_once("expected one of ")
        .or_else(|| tail.split_once("expected "))
        .map(|(_, a)| a.replace('`', ""))
        .unwrap_or_default()
}

/// serde's “invalid type: X, expected Y” and serde-saphyr's “expected …”.
fn wrong_type(raw: &str) -> Option<String> {
    if let Some(rest) = ["invalid type: ", "invalid value: "]
        .iter()
        .find_map(|p| raw.strip_prefix(p))
    {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Some(format!("应为{}，实际为{}", noun(expected), noun(found)));
    }
    if raw.starts_with("invalid length ") {
        return Some("列表的项数不对".into());
    }
    if let Some(rest) = raw.strip_prefix("expected ") {
        return Some(format!("应为{}", noun(rest)));
    }
    if raw.starts_with("cannot deserialize null into string") {
        return Some("应为文本，实际为空值".into());
    }
    None
}

/// The Chinese name of the kind of value serde names in English.
fn noun(s: &str) -> String {
    let s = s.trim();
    let words = [
        ("sequence", "列表"),
        ("seq", "列表"),
        ("map", "映射（键值对）"),
        ("struct", "映射（键值对）"),
        ("string", "文本"),
        ("str", "文本"),
        ("char", "文本"),
        ("integer", "数字"),
        ("float", "数字"),
        ("number", "数字"),
        ("bool", "布尔值"),
        ("null", "空值"),
        ("unit", "空值"),
        ("variant", "可选的取值之一"),
        ("enum", "可选的取值之一"),
    ];
    if let Some((_, chinese)) = words.iter().find(|(english, _)| s.contains(english)) {
        return (*chinese).into();
    }
    if s.is_ascii() {
        // Words of a library that name no kind a clerk knows.
        "其他内容".into()
    } else {
        s.to_string()
    }
}

/// What the YAML reader says about the text itself (the parser's syntax
/// errors, serde-saphyr's limits, documents, tags and anchors), in Chinese:
/// the kind, the words and a hint. None for a message not known here.
fn reader_message(
    raw: &str,
    source: &str,
) -> Option<(LoadErrorKind, String, Option<&'static str>)> {
    use LoadErrorKind::{Syntax, TooLarge, WrongType};
    if raw.contains("multiple YAML documents") || raw.contains("multiple documents") {
        return Some((
            Syntax,
            "文件中有第二个 YAML 文档（以 --- 分隔，从这里起）；一个文件只写一个单位一年的事实"
                .into(),
            Some("删去第二个 --- 及其后的内容，或把它另存为一个文件"),
        ));
    }
    if raw.contains("unexpected end of input") {
        let empty = source
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
        let words = if empty {
            "文件是空的（或只有注释），没有任何事实"
        } else {
            "文件意外结束"
        };
        return Some((
            Syntax,
            words.into(),
            Some("从上一年的文件（jixiao init 可生成）或示例文件开始填写"),
        ));
    }
    if raw.contains("tagged scalar") {
        return Some((
            WrongType,
            "此处应为文本，不能带类型标记（如 !!int、!!float、!!bool）".into(),
            Some("删去 ! 开头的类型标记；数字当文字写时加英文双引号"),
        ));
    }
    if raw.contains("alias")
        && (raw.contains("limit") || raw.contains("exceeded") || raw.contains("overflow"))
    {
        return Some((
            TooLarge,
            "别名（*名称）展开过多，超出限制".into(),
            Some("事实文件不需要大量引用别名，请把内容直接写出"),
        ));
    }
    if raw.contains("budget")
        || raw.contains("depth")
        || raw.contains("recursion")
        || raw.contains("exceeds the configured limit")
    {
        return Some((
            TooLarge,
            "文件结构超出限制（层级过深、节点过多或单个值过长）".into(),
            Some("事实文件的层级不超过十层；检查是否多写了括号"),
        ));
    }
    if raw.contains("tab") && !raw.contains("tag") {
        return Some((
            Syntax,
            "缩进中有制表符（Tab），请改用空格".into(),
            Some("把 Tab 换成空格（编辑器可设置“用空格代替 Tab”）"),
        ));
    }
    if let Some(rest) = raw.strip_prefix("unexpected character: `") {
        let c = rest.trim_end_matches('\'').trim_end_matches('`');
        let shown = match c.chars().next() {
            Some(ch) if c.chars().count() == 1 && !ch.is_control() => format!("「{ch}」"),
            _ => "一个不可见的控制字符".into(),
        };
        return Some((
            Syntax,
            format!("此处不能以{shown}开头"),
            Some("以 @ ` 等符号开头的文字请加英文双引号；不可见字符请删去"),
        ));
    }
    PHRASES
        .iter()
        .find(|(needles, ..)| needles.iter().any(|n| raw.contains(n)))
        .map(|(_, words, help)| (Syntax, (*words).to_string(), Some(*help)))
}

/// The parser's syntax errors, by the words that identify them (any of the
/// needles), with their Chinese and a hint. The first match wins.
const PHRASES: &[(&[&str], &str, &str)] = &[
    (
        &["mapping values are not allowed"],
        "此处不能写“键: 值”",
        "常见原因：这一行的缩进与上一行不齐，或一段文字中含“: ”而没有加引号（整段加英文双引号）",
    ),
    (
        &["mapping keys are not allowed"],
        "此处不能写键",
        "检查这一行的缩进和上一行的括号、引号",
    ),
    (
        &["block sequence entries are not allowed"],
        "此处不能写以“- ”开头的列表项",
        "列表项应写在键的下一行，并比键多缩进",
    ),
    (
        &["did not find expected key"],
        "此处应为“键: 值”，这一行的缩进可能与同级的键不齐",
        "同一层的键左端对齐；列表项以“- ”开头",
    ),
    (
        &["did not find expected '-' indicator"],
        "此处应为以“- ”开头的列表项，缩进可能不齐",
        "同一列表的各项左端对齐",
    ),
    (
        &["did not find expected node content"],
        "此处缺少值",
        "在冒号或“- ”后写上值；括号中的各项以英文逗号分隔",
    ),
    (
        &["expected ',' or '}'", "flow mapping"],
        "花括号 { } 中的各项应以英文逗号分隔，并以 } 结束",
        "检查这一行的花括号是否配对、逗号是否为英文逗号",
    ),
    (
        &["expected ',' or ']'", "flow sequence"],
        "方括号 [ ] 中的各项应以英文逗号分隔，并以 ] 结束",
        "检查这一行的方括号是否配对、逗号是否为英文逗号",
    ),
    (
        &[
            "unclosed bracket",
            "mismatched bracket",
            "misplaced bracket",
        ],
        "括号不配对（缺少或多了 ] 或 }）",
        "检查从这一行起的方括号和花括号是否成对",
    ),
    (
        &["escape", "hexadecimal", "surrogate"],
        "双引号中的反斜杠“\\”用法不对",
        "要写反斜杠本身，请改用单引号，或写两个反斜杠",
    ),
    (
        &[
            "unclosed quote",
            "unterminated",
            "unexpected document indicator",
        ],
        "引号没有闭合（缺少对应的另一半引号）",
        "在文字末尾补上与开头相同的引号",
    ),
    (
        &["trailing content after"],
        "引号闭合后还有多余的文字",
        "把整段文字放进一对引号中",
    ),
    (
        &["comment intercepting"],
        "多行文字中间夹了注释（#）",
        "删去注释，或把整段文字加引号",
    ),
    (
        &["comments must be separated"],
        "注释符号 # 前应有空格",
        "文字中的 # 前没有空格时，整段文字加英文双引号",
    ),
    (
        &["expected ':'", "could not find expected ':'"],
        "键后缺少英文冒号“:”",
        "键后写英文冒号加一个空格；不要用中文冒号“：”",
    ),
    (
        &["illegal placement of ':'"],
        "冒号“:”的位置不对",
        "检查上一行的括号、引号是否配对，键后是否为英文冒号加空格",
    ),
    (
        &["indentation"],
        "缩进不对",
        "同一层的键左端对齐，下一层比上一层多缩进两个空格",
    ),
    (
        &["unknown anchor"],
        "引用了没有定义的锚点（*名称 之前没有对应的 &名称）",
        "检查 * 后的名称是否与前面 & 后的名称一致，或把内容直接写出",
    ),
    (
        &["anchor", "alias"],
        "锚点（&）或引用（*）的写法不对",
        "& 和 * 后应紧接名称；文字以 & 或 * 开头时加英文双引号",
    ),
    (
        &["block scalar", "folded"],
        "多行文字（| 或 >）的写法不对",
        "| 或 > 之后换行，内容比键多缩进",
    ),
    (
        &["tag", "handle"],
        "类型标记（以 ! 开头）的写法不对",
        "事实文件不需要类型标记，请删去；文字以 ! 开头时加英文双引号",
    ),
    (
        &["directive"],
        "文件开头的 % 指令写法不对",
        "事实文件不需要 % 指令，请删去",
    ),
    (
        &["document end marker", "document start", "stream-start"],
        "文档开始（---）或结束（...）标记的位置不对",
        "一个文件只写一个文档；删去多余的 --- 或 ...",
    ),
    (
        &["BOM"],
        "文件中间有一个字节顺序标记（不可见字符 U+FEFF）",
        "删去这一处的不可见字符",
    ),
    (
        &["utf-8", "UTF-8", "encoding"],
        "文件中有无法识别的字符编码",
        "请用 UTF-8 编码另存该文件",
    ),
    (
        &["merge"],
        "合并键 << 的值应为映射或映射的列表",
        "事实文件不需要合并键，请把内容直接写出",
    ),
    (
        &["binary", "base64"],
        "!!binary 标记的内容不是有效的二进制编码文字",
        "事实文件不需要 !!binary 标记，请删去",
    ),
    (
        &["EOF", "eof", "end of"],
        "文件意外结束：括号、引号或最后一项没有写完",
        "检查文件末尾的括号、引号是否配对",
    ),
    (
        &["whitespace"],
        "此处应有空格",
        "键后的冒号、列表的“-”之后都要有一个空格",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Three Latin letters in a row, beyond the format's own words (type
    /// tags, a code point, the name of the format and of a key).
    fn english(s: &str) -> bool {
        let mut s = s.to_string();
        for allowed in [
            "!!int",
            "!!float",
            "!!bool",
            "!!binary",
            "U+FEFF",
            "YAML",
            "Tab",
            "UTF-8",
            "jixiao init",
        ] {
            s = s.replace(allowed, "");
        }
        let mut word = 0;
        for c in s.chars() {
            if c.is_ascii_alphabetic() {
                word += 1;
                if word >= 3 {
                    return true;
                }
            } else {
                word = 0;
            }
        }
        false
    }

    #[test]
    fn every_known_phrase_is_chinese() {
        for (needles, words, help) in PHRASES {
            assert!(!needles.is_empty());
            assert!(!english(words) && !english(help), "{words} / {help}");
        }
    }

    #[test]
    fn library_words_never_pass_through() {
        for raw in [
            "multiple YAML documents detected; use from_str_multiple or from_str_multiple_with_options",
            "cannot deserialize tagged scalar into string",
            "unexpected end of input",
            "while parsing a block mapping, did not find expected key",
            "something no table knows",
            "alias replay limit exceeded: total_replayed_events=10001 > 10000",
            "invalid type: a span-aware newtype wrapper, expected a frobnicator",
            "unexpected character: `\u{1}'",
        ] {
            let (_, message, help) = translate(raw, "", "year: 2024\n");
            assert!(!english(&message), "{raw} → {message}");
            let help = help.unwrap_or_default();
            assert!(!english(&help), "{raw} → {help}");
        }
    }

    #[test]
    fn the_kind_follows_the_message() {
        let kind = |raw| translate(raw, "", "x: 1\n").0;
        assert_eq!(kind("unexpected end of input"), LoadErrorKind::Syntax);
        assert_eq!(
            kind("cannot deserialize tagged scalar into string"),
            LoadErrorKind::WrongType
        );
        assert_eq!(
            kind("alias replay limit exceeded: total_replayed_events=10001 > 10000"),
            LoadErrorKind::TooLarge
        );
        assert_eq!(
            kind("unknown field `yaer`, expected one of `year`"),
            LoadErrorKind::UnknownKey
        );
    }

    #[test]
    fn an_empty_file_is_said_to_be_empty() {
        let (_, message, _) = translate("unexpected end of input", "", "# 注释\n\n");
        assert!(message.contains("空"), "{message}");
    }
}
