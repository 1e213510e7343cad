//! The portfolio's checks: what a PM must fix before the views can be
//! trusted in the meeting. Each check passes, or fails once per
//! initiative that breaks it, with a message that says what to do.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use ts_rs::TS;

use super::allocation::allocation;
use super::model::{Horizon, Initiative, PortfolioSettings};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    /// The bucket targets sum to 100 %.
    TargetsSum,
    /// Every initiative has a horizon and a bucket.
    HorizonAndBucket,
    /// No bucket's actual share is more than 5 points off its target.
    AllocationGap,
    /// Probabilities lie within [0, 1].
    Probabilities,
    /// Every dependency names an initiative of the portfolio.
    UnknownDependency,
    /// No initiative depends, through others, on itself.
    DependencyCycle,
    /// No Now item depends on a Next (or Later) item.
    NowDependsOnLater,
    /// Every Next item depends on a Now item, or says why it stands alone.
    NextNeedsNow,
    /// Above the slider threshold: a gate and a stopping rule, with a gate
    /// before the next review.
    BoldNeedsGates,
    /// Every red-line risk has an evidence gate.
    RedLineGate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Fail,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Check {
    pub check: CheckId,
    pub status: CheckStatus,
    /// The initiative that fails it; `None` for a portfolio-wide result.
    pub initiative: Option<String>,
    pub message: String,
}

/// The most a bucket's actual share may stray from its target, in points.
pub const MAX_GAP_POINTS: f64 = 5.0;

/// Runs every check.
pub fn check(initiatives: &[Initiative], settings: &PortfolioSettings) -> Vec<Check> {
    let mut out = Vec::new();
    targets_sum(settings, &mut out);
    per_initiative(
        CheckId::HorizonAndBucket,
        initiatives,
        "every initiative has a horizon and a bucket",
        |i| match (i.horizon, i.bucket) {
            (Some(_), Some(_)) => None,
            (None, Some(_)) => Some("has no horizon: put it in Now, Next or Later".into()),
            (Some(_), None) => Some("has no bucket: core, adjacent or transformational".into()),
            (None, None) => Some("has neither a horizon nor a bucket".into()),
        },
        &mut out,
    );
    allocation_gap(initiatives, settings, &mut out);
    per_initiative(
        CheckId::Probabilities,
        initiatives,
        "every probability lies between 0 and 1",
        |i| {
            let bad = |p: f64| !(0.0..=1.0).contains(&p);
            (bad(i.p_technical) || bad(i.p_commercial)).then(|| {
                format!(
                    "has P(technical) {} and P(commercial) {}: a probability lies between 0 and 1",
                    i.p_technical, i.p_commercial
                )
            })
        },
        &mut out,
    );
    let by_name: BTreeMap<String, &Initiative> =
        initiatives.iter().map(|i| (key(&i.name), i)).collect();
    per_initiative(
        CheckId::UnknownDependency,
        initiatives,
        "every dependency names an initiative of the portfolio",
        |i| {
            let unknown: Vec<&str> = i
                .depends_on
                .iter()
                .map(|d| d.trim())
                .filter(|d| !by_name.contains_key(&key(d)))
                .collect();
            (!unknown.is_empty()).then(|| {
                format!(
                    "depends on {}, which is not in the portfolio",
                    quoted(&unknown)
                )
            })
        },
        &mut out,
    );
    dependency_cycles(initiatives, &by_name, &mut out);
    per_initiative(
        CheckId::NowDependsOnLater,
        initiatives,
        "no Now item waits on a Next or Later item",
        |i| {
            if i.horizon != Some(Horizon::Now) {
                return None;
            }
            let later: Vec<&str> = i
                .depends_on
                .iter()
                .filter_map(|d| by_name.get(&key(d)))
                .filter(|d| matches!(d.horizon, Some(Horizon::Next | Horizon::Later)))
                .map(|d| d.name.trim())
                .collect();
            (!later.is_empty()).then(|| {
                format!(
                    "is in Now but depends on {}, which comes later: move one of them",
                    quoted(&later)
                )
            })
        },
        &mut out,
    );
    per_initiative(
        CheckId::NextNeedsNow,
        initiatives,
        "every Next item builds on a Now item or says why it stands alone",
        |i| {
            if i.horizon != Some(Horizon::Next) || !i.stands_alone.trim().is_empty() {
                return None;
            }
            let on_now = i
                .depends_on
                .iter()
                .filter_map(|d| by_name.get(&key(d)))
                .any(|d| d.horizon == Some(Horizon::Now));
            (!on_now).then(|| {
                "is in Next but depends on nothing in Now: link what today's work unlocks, or say why it stands alone".into()
            })
        },
        &mut out,
    );
    per_initiative(
        CheckId::BoldNeedsGates,
        initiatives,
        "every bold bet has an evidence gate before its review and a stopping rule",
        |i| bold_needs_gates(i, settings.slider_threshold),
        &mut out,
    );
    per_initiative(
        CheckId::RedLineGate,
        initiatives,
        "every red-line risk has an evidence gate",
        |i| {
            let red: Vec<&str> = i
                .risks
                .iter()
                .filter(|r| r.red_line)
                .map(|r| r.kind.label())
                .collect();
            (!red.is_empty() && i.gates.is_empty()).then(|| {
                format!(
                    "marks its {} risk a red line but has no evidence gate",
                    red.join(" and ")
                )
            })
        },
        &mut out,
    );
    out
}

fn key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("“{n}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One failure per initiative that breaks the rule, or one pass.
fn per_initiative(
    check: CheckId,
    initiatives: &[Initiative],
    passes: &str,
    fails: impl Fn(&Initiative) -> Option<String>,
    out: &mut Vec<Check>,
) {
    let before = out.len();
    for initiative in initiatives {
        if let Some(why) = fails(initiative) {
            out.push(Check {
                check,
                status: CheckStatus::Fail,
                initiative: Some(initiative.name.trim().to_owned()),
                message: format!("“{}” {why}", initiative.name.trim()),
            });
        }
    }
    if out.len() == before {
        out.push(Check {
            check,
            status: CheckStatus::Pass,
            initiative: None,
            message: format!("Passes: {passes}."),
        });
    }
}

fn targets_sum(settings: &PortfolioSettings, out: &mut Vec<Check>) {
    let t = settings.targets;
    let sum = t.core + t.adjacent + t.transformational;
    let ok = (sum - 100.0).abs() < 1e-6
        && [t.core, t.adjacent, t.transformational]
            .iter()
            .all(|v| *v >= 0.0);
    out.push(Check {
        check: CheckId::TargetsSum,
        status: if ok {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        },
        initiative: None,
        message: if ok {
            format!(
                "Passes: the bucket targets {}/{}/{} sum to 100 %.",
                t.core, t.adjacent, t.transformational
            )
        } else {
            format!(
                "The bucket targets {}/{}/{} sum to {sum} %, not 100 %.",
                t.core, t.adjacent, t.transformational
            )
        },
    });
}

fn allocation_gap(initiatives: &[Initiative], settings: &PortfolioSettings, out: &mut Vec<Check>) {
    let shares = allocation(initiatives, &settings.targets);
    let off: Vec<String> = shares
        .rows
        .iter()
        .filter(|r| shares.total > 0.0 && r.gap.abs() > MAX_GAP_POINTS)
        .map(|r| {
            format!(
                "{} is {:.1} % of {} against a target of {} % ({:+.1} points)",
                r.bucket.label(),
                r.actual,
                shares.basis.label(),
                r.target,
                r.gap
            )
        })
        .collect();
    out.push(Check {
        check: CheckId::AllocationGap,
        status: if off.is_empty() {
            CheckStatus::Pass
        } else {
            CheckStatus::Fail
        },
        initiative: None,
        message: if shares.total <= 0.0 {
            "Passes: nothing is costed yet, so there is no allocation to compare.".into()
        } else if off.is_empty() {
            format!("Passes: every bucket is within {MAX_GAP_POINTS} points of its target.")
        } else {
            format!("{}.", off.join("; "))
        },
    });
}

fn dependency_cycles(
    initiatives: &[Initiative],
    by_name: &BTreeMap<String, &Initiative>,
    out: &mut Vec<Check>,
) {
    let cycles = find_cycles(initiatives, by_name);
    if cycles.is_empty() {
        out.push(Check {
            check: CheckId::DependencyCycle,
            status: CheckStatus::Pass,
            initiative: None,
            message: "Passes: no initiative depends on itself through others.".into(),
        });
    }
    for cycle in cycles {
        out.push(Check {
            check: CheckId::DependencyCycle,
            status: CheckStatus::Fail,
            initiative: cycle.first().cloned(),
            message: format!(
                "A dependency cycle: {} — one of these links must go.",
                cycle.join(" → ")
            ),
        });
    }
}

/// Each dependency cycle once, as names from its first member back to it.
pub fn find_cycles(
    initiatives: &[Initiative],
    by_name: &BTreeMap<String, &Initiative>,
) -> Vec<Vec<String>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        Unseen,
        Open,
        Done,
    }
    let mut marks: BTreeMap<String, Mark> =
        by_name.keys().map(|k| (k.clone(), Mark::Unseen)).collect();
    let mut seen_cycles: BTreeSet<Vec<String>> = BTreeSet::new();
    let mut out = Vec::new();
    for start in initiatives {
        let start_key = key(&start.name);
        if marks.get(&start_key) != Some(&Mark::Unseen) {
            continue;
        }
        // Iterative depth-first walk, keeping the path.
        let mut stack: Vec<(String, usize)> = vec![(start_key.clone(), 0)];
        marks.insert(start_key, Mark::Open);
        while let Some((node, next)) = stack.last().cloned() {
            let deps: Vec<String> = by_name
                .get(&node)
                .map(|i| {
                    i.depends_on
                        .iter()
                        .map(|d| key(d))
                        .filter(|d| by_name.contains_key(d))
                        .collect()
                })
                .unwrap_or_default();
            if next >= deps.len() {
                marks.insert(node, Mark::Done);
                stack.pop();
                continue;
            }
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            let dep = deps[next].clone();
            match marks.get(&dep).copied().unwrap_or(Mark::Done) {
                Mark::Unseen => {
                    marks.insert(dep.clone(), Mark::Open);
                    stack.push((dep, 0));
                }
                Mark::Open => {
                    let from = stack.iter().position(|(n, _)| *n == dep).unwrap_or(0);
                    let mut cycle: Vec<String> = stack[from..]
                        .iter()
                        .filter_map(|(n, _)| by_name.get(n).map(|i| i.name.trim().to_owned()))
                        .collect();
                    let mut canonical = cycle.clone();
                    canonical.sort();
                    if seen_cycles.insert(canonical) {
                        if let Some(first) = cycle.first().cloned() {
                            cycle.push(first);
                        }
                        out.push(cycle);
                    }
                }
                Mark::Done => {}
            }
        }
    }
    out
}

fn bold_needs_gates(i: &Initiative, threshold: u8) -> Option<String> {
    if i.slider <= threshold {
        return None;
    }
    let mut missing = Vec::new();
    if i.gates.is_empty() {
        missing.push("an evidence gate".to_owned());
    }
    if i.stopping_rules.is_empty() {
        missing.push("a stopping rule".to_owned());
    }
    match i.next_review {
        None => missing.push("a next review date".to_owned()),
        Some(review) if !i.gates.is_empty() && !i.gates.iter().any(|g| g.date <= review) => {
            missing.push(format!("a gate on or before its next review ({review})"))
        }
        Some(_) => {}
    }
    (!missing.is_empty()).then(|| {
        format!(
            "sits at {} on the incremental–transformational slider (above {threshold}) and needs {}",
            i.slider,
            missing.join(", ")
        )
    })
}
