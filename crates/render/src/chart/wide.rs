//! Numbers for annotations that may not fit in an f64: the difference of
//! two finite values reaches 2 × `f64::MAX`, and a relative change or a
//! conversion rate (a ratio of a huge to a tiny value) can reach 10⁶³⁰.
//! A [`Wide`] keeps such a result as `value × 10^decades`, so no step
//! overflows to infinity or produces NaN, and writes it in scientific
//! notation when it is too large or small to write plainly.

/// `value × 10^decades`, with `value` always finite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Wide {
    value: f64,
    decades: i32,
}

impl Wide {
    /// A finite f64 as it is (anything else as zero).
    pub fn new(value: f64) -> Self {
        Self {
            value: if value.is_finite() { value } else { 0.0 },
            decades: 0,
        }
    }

    /// `to − from`, exact unless it overflows, then to f64 precision.
    pub fn difference(from: f64, to: f64) -> Self {
        let delta = to - from;
        if delta.is_finite() {
            return Self::new(delta);
        }
        // Tenths of finite values cannot overflow when subtracted.
        Self {
            value: to / 10.0 - from / 10.0,
            decades: 1,
        }
    }

    pub fn abs(self) -> Self {
        Self {
            value: self.value.abs(),
            ..self
        }
    }

    /// -1, 0 or 1.
    pub fn signum(self) -> i8 {
        if self.value > 0.0 {
            1
        } else if self.value < 0.0 {
            -1
        } else {
            0
        }
    }

    /// `self × factor`, in normalised form when f64 would over- or
    /// underflow.
    pub fn times(self, factor: f64) -> Self {
        let product = self.value * factor;
        if self.decades == 0 && product.is_finite() && (product != 0.0 || self.value == 0.0) {
            return Self::new(product);
        }
        let (m, e) = self.normalised();
        let (fm, fe) = Self::new(factor).normalised();
        Self::from_parts(m * fm, e.saturating_add(fe))
    }

    /// `self ÷ divisor` (`divisor` non-zero), in normalised form when f64
    /// would over- or underflow.
    pub fn over(self, divisor: f64) -> Self {
        let quotient = self.value / divisor;
        if self.decades == 0 && quotient.is_finite() && (quotient != 0.0 || self.value == 0.0) {
            return Self::new(quotient);
        }
        let (m, e) = self.normalised();
        let (dm, de) = Self::new(divisor).normalised();
        if dm == 0.0 {
            return Self::new(0.0);
        }
        Self::from_parts(m / dm, e.saturating_sub(de))
    }

    /// The value as an f64, when it is one that compact notation writes
    /// plainly (below 10¹⁵ in size).
    pub fn plain(self) -> Option<f64> {
        let value = if self.decades == 0 {
            self.value
        } else {
            times_power_of_ten(self.value, self.decades)
        };
        (value.is_finite() && value.abs() < 1e15).then_some(value)
    }

    /// The value in scientific notation: "1.6e308", "-2.5e-7".
    pub fn scientific(self) -> String {
        let (mantissa, exponent) = self.normalised();
        scientific(mantissa, exponent)
    }

    /// `(m, e)` with 1 ≤ |m| < 10 (or m = 0) and the value `m × 10^e`.
    fn normalised(self) -> (f64, i32) {
        if self.value == 0.0 {
            return (0.0, 0);
        }
        let exponent = self.value.abs().log10().floor() as i32;
        let mut mantissa = times_power_of_ten(self.value, -exponent);
        let mut exponent = exponent.saturating_add(self.decades);
        // log10 may be off by one at exact powers of ten.
        if mantissa.abs() >= 10.0 {
            mantissa /= 10.0;
            exponent = exponent.saturating_add(1);
        } else if mantissa.abs() < 1.0 {
            mantissa *= 10.0;
            exponent = exponent.saturating_sub(1);
        }
        (mantissa, exponent)
    }

    fn from_parts(value: f64, decades: i32) -> Self {
        Self {
            value: if value.is_finite() { value } else { 0.0 },
            decades,
        }
    }
}

/// `mantissa × 10^exponent` in at most three significant figures:
/// (1.6, 308) → "1.6e308".
pub fn scientific(mantissa: f64, exponent: i32) -> String {
    if mantissa == 0.0 || !mantissa.is_finite() {
        return "0".to_owned();
    }
    // Rust rounds and carries the mantissa ("9.996" → "1.00e1").
    let text = format!("{mantissa:.2e}");
    let (digits, carried) = text.split_once('e').unwrap_or((&text, "0"));
    let carried: i32 = carried.parse().unwrap_or(0);
    let digits = digits.trim_end_matches('0').trim_end_matches('.');
    format!("{digits}e{}", exponent.saturating_add(carried))
}

/// `value × 10^exponent` in two steps, so that neither power of ten
/// over- or underflows for exponents up to about ±600.
fn times_power_of_ten(value: f64, exponent: i32) -> f64 {
    let first = exponent / 2;
    value * 10f64.powi(first) * 10f64.powi(exponent - first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflowing_differences_and_ratios_stay_finite() {
        let delta = Wide::difference(-f64::MAX, f64::MAX);
        assert_eq!(delta.plain(), None);
        assert_eq!(delta.scientific(), "3.6e308");
        let ratio = Wide::difference(5e-324, 1.6e308).over(5e-324).times(100.0);
        // 5e-324 is 4.94e-324 in binary.
        assert_eq!(ratio.scientific(), "3.24e633");
        assert_eq!(Wide::new(1e-310).times(1e-10).scientific(), "1e-320");
    }

    #[test]
    fn ordinary_values_stay_exact() {
        assert_eq!(Wide::difference(32.0, 41.0).plain(), Some(9.0));
        assert_eq!(Wide::new(50.0).over(200.0).times(100.0).plain(), Some(25.0));
        assert_eq!(scientific(9.996, 4), "1e5");
        assert_eq!(scientific(-2.5, -7), "-2.5e-7");
    }
}
