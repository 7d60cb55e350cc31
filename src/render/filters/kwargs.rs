//! 过滤器关键字参数的读取与校验。
//!
//! Tera 2 不检查过滤器收到的参数名，写错的参数（如 `money(dps=1)`）会被悄悄忽略；
//! 这里让它报错。

use tera::{Kwargs, TeraResult};

use super::filter_error;

/// `dp` 允许的最大小数位数。
const MAX_PLACES: u32 = 10;

/// 出现 `known` 以外的参数时报错。
pub(super) fn expect_only(filter: &str, kwargs: &Kwargs, known: &[&str]) -> TeraResult<()> {
    let unknown = kwargs
        .iter()
        .map(|(name, _)| name.to_string())
        .find(|name| !known.contains(&name.as_str()));
    match unknown {
        None => Ok(()),
        Some(name) if known.is_empty() => Err(filter_error(filter, format!("不接受参数 {name}"))),
        Some(name) => Err(filter_error(
            filter,
            format!("没有参数 {name}，可用参数：{}", known.join("、")),
        )),
    }
}

/// 布尔开关参数，缺省为 `false`。
pub(super) fn switch(filter: &str, kwargs: &Kwargs, name: &str) -> TeraResult<bool> {
    kwargs
        .get::<bool>(name)
        .map(Option::unwrap_or_default)
        .map_err(|_| filter_error(filter, format!("参数 {name} 只能是 true 或 false")))
}

/// 小数位数参数 `dp`，取 0 到 10。
pub(super) fn places(filter: &str, kwargs: &Kwargs) -> TeraResult<Option<u32>> {
    let invalid = || filter_error(filter, format!("参数 dp 须为 0 到 {MAX_PLACES} 的整数"));
    match kwargs.get::<u32>("dp").map_err(|_| invalid())? {
        Some(places) if places > MAX_PLACES => Err(invalid()),
        places => Ok(places),
    }
}

/// 可选的文本参数。
pub(super) fn text<'k>(
    filter: &str,
    kwargs: &'k Kwargs,
    name: &'k str,
) -> TeraResult<Option<&'k str>> {
    kwargs
        .get::<&str>(name)
        .map_err(|_| filter_error(filter, format!("参数 {name} 须为字符串")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Value;

    #[test]
    fn unknown_names_are_errors() {
        let kwargs = Kwargs::from([("dps", Value::from(1))]);
        let error = expect_only("money", &kwargs, &["dp", "sep"])
            .unwrap_err()
            .to_string();
        assert!(
            error.contains("dps") && error.contains("dp、sep"),
            "{error}"
        );
        let error = expect_only("score", &kwargs, &[]).unwrap_err().to_string();
        assert!(error.contains("不接受参数 dps"), "{error}");
        assert!(expect_only("money", &kwargs, &["dps"]).is_ok());
    }

    #[test]
    fn switches_default_to_false_and_must_be_booleans() {
        assert!(!switch("money", &Kwargs::default(), "sep").unwrap());
        assert!(switch("money", &Kwargs::from([("sep", Value::from(true))]), "sep").unwrap());
        assert!(switch("money", &Kwargs::from([("sep", Value::from("yes"))]), "sep").is_err());
    }

    #[test]
    fn places_are_small_non_negative_integers() {
        assert_eq!(places("money", &Kwargs::default()).unwrap(), None);
        assert_eq!(
            places("money", &Kwargs::from([("dp", Value::from(0))])).unwrap(),
            Some(0)
        );
        for bad in [
            Value::from(11),
            Value::from(-1),
            Value::from("2"),
            Value::from(1.5),
        ] {
            assert!(places("money", &Kwargs::from([("dp", bad)])).is_err());
        }
    }

    #[test]
    fn text_arguments_must_be_strings() {
        let kwargs = Kwargs::from([("style", Value::from(1))]);
        assert!(text("ordinal", &kwargs, "style").is_err());
        assert_eq!(text("ordinal", &Kwargs::default(), "style").unwrap(), None);
    }
}
