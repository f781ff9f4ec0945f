//! Writing the canonical text of integers, numbers and dates into a step's buffer.

pub(super) fn push_display(s: &mut String, v: impl std::fmt::Display) {
    use std::fmt::Write;
    let _ = write!(s, "{v}"); // writing to a String cannot fail
}

/// `n` in decimal, zero-padded to `width` (at most 20) digits, as `{n:0width$}` writes it. The
/// integer and date steps write one for each cell that differs as written (`1,200`, `2024/4/1`):
/// through `fmt` (and i128's software division) that was ~40 ms of a 1M run with variants in a
/// WebAssembly profile. `itoa` (two digits a step) writes them in ~8 ns a call against ~10 for
/// the digit-at-a-time loop it replaced; a whole 1M run with variants is unchanged within noise.
pub(super) fn push_digits(s: &mut String, n: u64, width: usize) {
    let mut buffer = itoa::Buffer::new();
    let digits = buffer.format(n);
    s.extend(std::iter::repeat_n('0', width.min(20).saturating_sub(digits.len())));
    s.push_str(digits);
}

/// An integer as `Display` writes it.
pub(super) fn push_integer(s: &mut String, n: impl Into<i128>) {
    let n: i128 = n.into();
    match u64::try_from(n.unsigned_abs()) {
        Ok(magnitude) => {
            if n < 0 {
                s.push('-');
            }
            push_digits(s, magnitude, 1);
        }
        Err(_) => push_display(s, n),
    }
}

/// Canonical text of a number: whole numbers without a fraction, so 1200 = 1200.00.
pub(super) fn push_number(s: &mut String, x: f64) {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        push_integer(s, x as i64);
    } else {
        push_display(s, x);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_written_as_display_writes_them() {
        let mut rng = fastrand::Rng::with_seed(5);
        let mut values: Vec<i128> = vec![0, 1, -1, 9, 10, -10, 99, 100, i128::from(u64::MAX), -i128::from(u64::MAX)];
        values.extend([i128::from(u64::MAX) + 1, i128::MAX, i128::MIN]);
        values.extend((0..2_000).map(|_| i128::from(rng.i64(..)) >> rng.u32(0..63)));
        for n in values {
            let mut s = String::from("x");
            push_integer(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
        for (n, width) in [(0, 4), (7, 4), (2024, 4), (12345, 4), (5, 2), (31, 2), (0, 1), (u64::MAX, 2)] {
            let mut s = String::new();
            push_digits(&mut s, n, width);
            assert_eq!(s, format!("{n:0width$}"));
        }
    }
}
