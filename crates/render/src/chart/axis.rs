//! The value axis: its range, padding and ticks, computed so that any
//! finite values, from ±`f64::MAX` down to subnormals like 5e-324 and
//! mixtures of both, give a finite range with `low < high`, a finite tick
//! step and a bounded number of ticks. No step here can overflow to
//! infinity, produce NaN, or loop without bound.
//!
//! The axis is a plotters coordinate of its own, so plotters' tick search
//! (which loops forever on an infinite or subnormal span) never runs on
//! our values.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};

/// Spans narrower than this are drawn as flat, padded out to at least this
/// width: nicer steps below it would need powers of ten that underflow.
const MIN_SPAN: f64 = 1e-290;
/// A span narrower than this fraction of the values' size is flat too:
/// f64 cannot place distinct ticks inside it.
const RELATIVE_FLAT: f64 = 1e-12;
/// No axis asks for more ticks than this, whatever plotters hints.
const MAX_TICKS: usize = 64;

/// A finite value range with `low < high`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    low: f64,
    high: f64,
}

impl Axis {
    /// The range of the finite `values` (with zero when `include_zero`),
    /// padded by 8% of its span each side; a flat range is padded by a
    /// tenth of its size. No finite values give 0–1.
    pub fn fit(values: impl Iterator<Item = f64>, include_zero: bool) -> Self {
        let Some((mut low, mut high)) = bounds(values) else {
            return Self {
                low: 0.0,
                high: 1.0,
            };
        };
        if include_zero {
            low = low.min(0.0);
            high = high.max(0.0);
        }
        if is_flat(low, high) {
            return flat(low, high);
        }
        let pad = fraction_of_span(low, high, 0.08);
        let low = if include_zero && low >= 0.0 {
            0.0
        } else {
            saturate(low - pad)
        };
        Self::ordered(low, saturate(high + pad))
    }

    pub fn low(&self) -> f64 {
        self.low
    }

    pub fn high(&self) -> f64 {
        self.high
    }

    /// The axis grown by `fraction` of its span on both sides.
    pub fn widened(self, fraction: f64) -> Self {
        let pad = fraction_of_span(self.low, self.high, fraction);
        Self::ordered(saturate(self.low - pad), saturate(self.high + pad))
    }

    /// The axis grown by `fraction` of its span at the top only.
    pub fn with_headroom(self, fraction: f64) -> Self {
        let pad = fraction_of_span(self.low, self.high, fraction);
        Self::ordered(self.low, saturate(self.high + pad))
    }

    /// Where `value` falls along the axis: 0 at `low`, 1 at `high`; values
    /// far outside are held a few axis lengths away.
    pub fn fraction(&self, value: f64) -> f64 {
        let span = self.high - self.low;
        let fraction = if span.is_finite() {
            (value - self.low) / span
        } else {
            // Halves cannot overflow; the span is never zero.
            (value / 2.0 - self.low / 2.0) / (self.high / 2.0 - self.low / 2.0)
        };
        if fraction.is_nan() {
            0.0
        } else {
            fraction.clamp(-4.0, 5.0)
        }
    }

    /// Round-numbered ticks inside the axis: at most `wanted` (and at most
    /// [`MAX_TICKS`]), one step apart.
    pub fn ticks(&self, wanted: usize) -> Vec<f64> {
        if wanted == 0 {
            return Vec::new();
        }
        let wanted = wanted.min(MAX_TICKS);
        let step = self.step(wanted);
        let first = (self.low / step).ceil();
        let mut ticks = Vec::with_capacity(wanted);
        for k in 0..wanted {
            let tick = (first + k as f64) * step;
            if !tick.is_finite() || tick > self.high {
                break;
            }
            // -0 would print as "-0".
            ticks.push(if tick == 0.0 { 0.0 } else { tick });
        }
        ticks
    }

    /// A 1, 2 or 5 × 10ⁿ step that fits at most `wanted` ticks.
    fn step(&self, wanted: usize) -> f64 {
        // In halves: the span itself may exceed f64::MAX.
        let raw = (self.high / 2.0 - self.low / 2.0) / wanted as f64 * 2.0;
        let raw = saturate(raw);
        let base = power_of_ten(raw.log10().floor() as i32);
        [1.0, 2.0, 5.0, 10.0]
            .iter()
            .map(|m| m * base)
            .find(|step| step.is_finite() && *step >= raw)
            .unwrap_or(raw)
    }

    /// Builds an axis from two finite ends, keeping `low < high`.
    fn ordered(low: f64, high: f64) -> Self {
        if low < high {
            Self { low, high }
        } else {
            flat(low.min(high), low.max(high))
        }
    }
}

/// The smallest and largest finite values, if any.
fn bounds(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values
        .filter(|v| v.is_finite())
        .fold(None, |range, v| match range {
            None => Some((v, v)),
            Some((low, high)) => Some((f64::min(low, v), f64::max(high, v))),
        })
}

/// Too narrow, absolutely or against the values' size, to tick.
fn is_flat(low: f64, high: f64) -> bool {
    let span = saturate(high - low);
    let size = low.abs().max(high.abs());
    span < MIN_SPAN || span <= size * RELATIVE_FLAT
}

/// A flat range padded by a tenth of its size (by 1 around zero), and by
/// at least [`MIN_SPAN`] so the result is never flat itself.
fn flat(low: f64, high: f64) -> Axis {
    let size = low.abs().max(high.abs());
    let pad = if size > 0.0 {
        (size * 0.1).max(MIN_SPAN)
    } else {
        1.0
    };
    Axis {
        low: saturate(low - pad),
        high: saturate(high + pad),
    }
}

/// `fraction` × (high − low) without forming the span, which may overflow.
fn fraction_of_span(low: f64, high: f64, fraction: f64) -> f64 {
    saturate(high * fraction - low * fraction)
}

/// ±infinity (an overflowed sum of finite values) held at ±f64::MAX.
fn saturate(value: f64) -> f64 {
    value.clamp(-f64::MAX, f64::MAX)
}

/// 10ⁿ, exact for |n| ≤ 22, finite and non-zero for |n| ≤ 307.
fn power_of_ten(exponent: i32) -> f64 {
    let exponent = exponent.clamp(-307, 308);
    if exponent >= 0 {
        10f64.powi(exponent)
    } else {
        1.0 / 10f64.powi(-exponent)
    }
}

impl Ranged for Axis {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let length = f64::from(limit.1) - f64::from(limit.0);
        let offset = length * self.fraction(*value);
        // Rounded as plotters rounds its own f64 axis, so charts of
        // ordinary data are drawn to the same pixels.
        let offset = if length >= 0.0 {
            (offset + 1e-3).floor()
        } else {
            (offset - 1e-3).ceil()
        };
        limit.0.saturating_add(offset as i32)
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        self.ticks(hint.max_num_points())
    }

    fn range(&self) -> Range<f64> {
        self.low..self.high
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sane(axis: Axis) {
        assert!(axis.low.is_finite() && axis.high.is_finite(), "{axis:?}");
        assert!(axis.low < axis.high, "{axis:?}");
        let ticks = axis.ticks(5);
        assert!(!ticks.is_empty() && ticks.len() <= 5, "{axis:?}: {ticks:?}");
        assert!(ticks.iter().all(|t| t.is_finite()), "{ticks:?}");
        assert!(ticks.windows(2).all(|w| w[0] < w[1]), "{ticks:?}");
    }

    #[test]
    fn ordinary_values_get_round_ticks() {
        let axis = Axis::fit([32.0, 41.0].into_iter(), true);
        assert_eq!(axis.low(), 0.0);
        assert_eq!(axis.ticks(5), vec![0.0, 10.0, 20.0, 30.0, 40.0]);
    }

    #[test]
    fn extreme_values_give_a_finite_ordered_axis() {
        let cases: &[&[f64]] = &[
            &[1.0, 1.6e308],
            &[-1.7e308, 1.7e308],
            &[f64::MAX, f64::MAX],
            &[-f64::MAX, f64::MAX],
            &[f64::MIN_POSITIVE],
            &[5e-324],
            &[5e-324, 1e-323],
            &[1e-300, 1e300],
            &[0.0],
            &[1e16, 1e16 + 2.0],
        ];
        for values in cases {
            for include_zero in [false, true] {
                let axis = Axis::fit(values.iter().copied(), include_zero);
                assert_sane(axis);
                assert_sane(axis.widened(0.1));
                assert_sane(axis.with_headroom(0.08));
            }
        }
    }

    #[test]
    fn far_values_map_inside_the_pixel_range() {
        let axis = Axis::fit([-f64::MAX, f64::MAX].into_iter(), false);
        assert_eq!(axis.map(&f64::MAX, (500, 0)), 0);
        assert_eq!(axis.map(&-f64::MAX, (500, 0)), 500);
        assert_eq!(axis.map(&0.0, (500, 0)), 250);
    }
}
