//! Is a difference between two groups real? The 95 % interval for a
//! difference of two proportions by Newcombe's hybrid score method (his
//! method 10, 1998): each group's Wilson score interval, combined.
//!
//! For rates p₁ = x₁/n₁ and p₂ = x₂/n₂ with Wilson limits [l₁, u₁] and
//! [l₂, u₂], the difference d = p₁ − p₂ has the interval
//! [d − √((p₁ − l₁)² + (u₂ − p₂)²), d + √((u₁ − p₁)² + (p₂ − l₂)²)].
//! The Wilson limits of p from n trials at z = 1.959964 are
//! (2np + z² ∓ z·√(z² + 4np(1 − p))) / (2(n + z²)).

/// z for a two-sided 95 % interval.
const Z95: f64 = 1.959_963_984_540_054;

/// One group: a rate (0–1) observed over `size` trials.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Group {
    pub rate: f64,
    pub size: f64,
}

/// A 95 % interval, in the units of the rates (0–1).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
}

impl Interval {
    /// The interval holds zero: the data cannot tell the groups apart.
    pub fn spans_zero(&self) -> bool {
        self.low <= 0.0 && self.high >= 0.0
    }
}

/// Wilson's score interval for a rate; None for a rate outside 0–1 or
/// fewer than one trial.
pub fn wilson(group: Group) -> Option<Interval> {
    let Group { rate: p, size: n } = group;
    if !(0.0..=1.0).contains(&p) || !n.is_finite() || n < 1.0 {
        return None;
    }
    let z2 = Z95 * Z95;
    let centre = 2.0 * n * p + z2;
    let spread = Z95 * (z2 + 4.0 * n * p * (1.0 - p)).sqrt();
    let denominator = 2.0 * (n + z2);
    // A size so large the arithmetic overflows has no interval to give.
    if !(centre.is_finite() && spread.is_finite() && denominator.is_finite()) {
        return None;
    }
    Some(Interval {
        low: ((centre - spread) / denominator).max(0.0),
        high: ((centre + spread) / denominator).min(1.0),
    })
}

/// Newcombe's hybrid score interval for `first.rate − second.rate`.
pub fn difference_interval(first: Group, second: Group) -> Option<Interval> {
    let a = wilson(first)?;
    let b = wilson(second)?;
    let d = first.rate - second.rate;
    Some(Interval {
        low: d - ((first.rate - a.low).powi(2) + (b.high - second.rate).powi(2)).sqrt(),
        high: d + ((a.high - first.rate).powi(2) + (second.rate - b.low).powi(2)).sqrt(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 5e-5
    }

    #[test]
    fn wilson_matches_newcombes_published_single_rate_examples() {
        // Newcombe (1998, single proportion), 81/263: 0.2553 to 0.3662.
        let i = wilson(Group {
            rate: 81.0 / 263.0,
            size: 263.0,
        })
        .unwrap();
        assert!(close(i.low, 0.2553) && close(i.high, 0.3662), "{i:?}");
        // 15/148: 0.0624 to 0.1605.
        let i = wilson(Group {
            rate: 15.0 / 148.0,
            size: 148.0,
        })
        .unwrap();
        assert!(close(i.low, 0.0624) && close(i.high, 0.1605), "{i:?}");
    }

    #[test]
    fn the_difference_matches_newcombes_published_examples() {
        // Newcombe (1998, difference of proportions), method 10:
        // 56/70 − 48/80: +0.0524 to +0.3339.
        let i = difference_interval(
            Group {
                rate: 56.0 / 70.0,
                size: 70.0,
            },
            Group {
                rate: 48.0 / 80.0,
                size: 80.0,
            },
        )
        .unwrap();
        assert!(close(i.low, 0.0524) && close(i.high, 0.3339), "{i:?}");
        assert!(!i.spans_zero());
        // 9/10 − 3/10: +0.1705 to +0.8090.
        let i = difference_interval(
            Group {
                rate: 0.9,
                size: 10.0,
            },
            Group {
                rate: 0.3,
                size: 10.0,
            },
        )
        .unwrap();
        assert!(close(i.low, 0.1705) && close(i.high, 0.8090), "{i:?}");
    }

    #[test]
    fn a_pilot_lift_of_one_point_three_on_1400_trials_is_within_noise() {
        // 10.4 % of 1,420 against 9.1 % of 1,410. By hand: Wilson limits
        // 0.0892–0.1210 and 0.0771–0.1071, so d = 0.013 with
        // −√(0.0148² + 0.0161²) = −0.0219 and +√(0.0170² + 0.0139²) = +0.0219:
        // −0.9 to +3.5 points.
        let i = difference_interval(
            Group {
                rate: 0.104,
                size: 1420.0,
            },
            Group {
                rate: 0.091,
                size: 1410.0,
            },
        )
        .unwrap();
        assert!(i.spans_zero(), "{i:?}");
        assert!(
            (i.low - -0.0089).abs() < 0.0005 && (i.high - 0.0349).abs() < 0.0005,
            "{i:?}"
        );
        // Ten times the trials: the same lift is real.
        let i = difference_interval(
            Group {
                rate: 0.104,
                size: 14200.0,
            },
            Group {
                rate: 0.091,
                size: 14100.0,
            },
        )
        .unwrap();
        assert!(!i.spans_zero(), "{i:?}");
    }

    #[test]
    fn impossible_groups_have_no_interval() {
        assert_eq!(
            wilson(Group {
                rate: 1.2,
                size: 10.0
            }),
            None
        );
        assert_eq!(
            wilson(Group {
                rate: 0.5,
                size: 0.0
            }),
            None
        );
        assert_eq!(
            wilson(Group {
                rate: f64::NAN,
                size: 10.0
            }),
            None
        );
        assert_eq!(
            wilson(Group {
                rate: 0.5,
                size: f64::INFINITY
            }),
            None
        );
        // A size whose arithmetic overflows (1e308 trials) gives none either.
        assert_eq!(
            wilson(Group {
                rate: 0.5,
                size: 1e308
            }),
            None
        );
    }
}
