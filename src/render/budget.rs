//! What one render of the templates may spend: the numbers `range()` hands
//! out, and the bytes written. Tera limits one `range()` to 100,000 numbers
//! but not a loop inside a loop, nor the output, so a maintainer's template
//! with two nested `range(end=100000)` loops would run for hours, and one
//! repeating a table could write gigabytes. Both budgets are far above what
//! any report needs (the default templates call no `range()` and write
//! about 50 KB) and end the render with a template error instead.
//!
//! `range()` is replaced by one that counts against the budget of the
//! render running on its thread (a render never leaves its thread); its
//! error is located at the call by Tera. Loops over the facts' own lists are
//! bounded by the facts file's size limit.

use std::cell::Cell;
use std::io::{self, Write};

use tera::{Error, Kwargs, State, Tera, TeraResult};

/// The most numbers all `range()` calls of one render may produce.
pub const MAX_RANGE_NUMBERS: u64 = 1_000_000;

/// The most bytes one render may write (32 MiB).
pub const MAX_OUTPUT_BYTES: usize = 32 << 20;

thread_local! {
    /// Numbers `range()` may still produce in the render on this thread.
    static RANGE_LEFT: Cell<u64> = const { Cell::new(MAX_RANGE_NUMBERS) };
}

/// Puts `range()` under the budget.
pub fn register(tera: &mut Tera) {
    tera.register_function("range", range);
}

/// Gives the render about to start on this thread its whole budget.
pub fn start() {
    RANGE_LEFT.with(|left| left.set(MAX_RANGE_NUMBERS));
}

/// `range(end=N)`, `range(start=A, end=N)`, `range(start=A, end=N,
/// step_by=S)`: the numbers from `start` (default 0) up to but not including
/// `end`, `step_by` apart (default 1; negative counts down).
fn range(kwargs: Kwargs, _: &State) -> TeraResult<Vec<i64>> {
    let start = kwargs.get::<i64>("start")?.unwrap_or(0);
    let end = kwargs.must_get::<i64>("end")?;
    let step = kwargs.get::<i64>("step_by")?.unwrap_or(1);
    if step == 0 {
        return Err(Error::message("range() 的 step_by 不能为 0"));
    }
    if (step > 0 && start > end) || (step < 0 && start < end) {
        return Err(Error::message(format!(
            "range() 的 start（{start}）在 end（{end}）的另一侧，step_by 为 {step} 时一个数也没有"
        )));
    }
    // Both differences fit in u64, whatever the signs.
    let span = start.abs_diff(end);
    let count = span.div_ceil(step.unsigned_abs());
    let left = RANGE_LEFT.with(Cell::get);
    if count > left {
        return Err(Error::message(format!(
            "range() 要生成 {count} 个数，超出一次生成报告的上限（共 {MAX_RANGE_NUMBERS} 个，尚余 {left} 个）；\
             请检查模板中的循环"
        )));
    }
    RANGE_LEFT.with(|l| l.set(left - count));
    // Each number lies between start and end; i128 keeps the steps to it
    // from overflowing.
    let at = |i: u64| (i128::from(start) + i128::from(i) * i128::from(step)) as i64;
    Ok((0..count).map(at).collect())
}

/// A buffer that refuses to grow past [`MAX_OUTPUT_BYTES`].
pub struct Output {
    pub bytes: Vec<u8>,
    /// Whether a write was refused.
    pub exceeded: bool,
}

impl Output {
    pub fn with_capacity(capacity: usize) -> Self {
        Output {
            bytes: Vec::with_capacity(capacity),
            exceeded: false,
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.exceeded = true;
            return Err(io::Error::other("模板输出超过上限"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(template: &str) -> Result<String, String> {
        let mut tera = Tera::new();
        register(&mut tera);
        tera.add_raw_template("t", template).unwrap();
        start();
        tera.render("t", &tera::Context::new())
            .map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn ranges_count_as_tera_documents_them() {
        for (call, numbers) in [
            ("range(end=3)", "[0, 1, 2]"),
            ("range(start=1, end=4)", "[1, 2, 3]"),
            ("range(start=0, end=7, step_by=3)", "[0, 3, 6]"),
            ("range(start=5, end=0, step_by=-2)", "[5, 3, 1]"),
            ("range(start=2, end=2)", "[]"),
            ("range(start=-2, end=1)", "[-2, -1, 0]"),
            (
                "range(start=-9223372036854775807, end=9223372036854775807, step_by=4611686018427387904)",
                "[-9223372036854775807, -4611686018427387903, 1, 4611686018427387905]",
            ),
        ] {
            assert_eq!(
                render(&format!("{{{{ {call} }}}}")).unwrap(),
                numbers,
                "{call}"
            );
        }
    }

    #[test]
    fn hostile_ranges_are_refused_before_anything_is_allocated() {
        for call in [
            "range(end=10, step_by=0)",
            "range(start=5, end=0)",
            "range(start=0, end=5, step_by=-1)",
            "range(end=1000001)",
            "range(start=-9223372036854775807, end=9223372036854775807)",
            "range(start=9223372036854775807, end=-9223372036854775807, step_by=-1)",
        ] {
            assert!(render(&format!("{{{{ {call} }}}}")).is_err(), "{call}");
        }
    }

    #[test]
    fn the_budget_is_shared_by_every_range_of_a_render_and_renewed_for_the_next() {
        let nested = "{% for i in range(end=100000) %}{% for j in range(end=100000) %}{% endfor %}{% endfor %}";
        assert!(render(nested).unwrap_err().contains("range()"));
        let within =
            "{% for i in range(end=1000) %}{% for j in range(end=999) %}{% endfor %}{% endfor %}";
        assert_eq!(render(within).unwrap(), "");
        assert_eq!(render(within).unwrap(), "");
    }

    #[test]
    fn output_past_the_budget_is_refused() {
        let mut out = Output::with_capacity(0);
        out.write_all(&vec![b'x'; MAX_OUTPUT_BYTES]).unwrap();
        assert!(!out.exceeded);
        assert!(out.write_all(b"y").is_err());
        assert!(out.exceeded);
        assert_eq!(out.bytes.len(), MAX_OUTPUT_BYTES);
    }
}
