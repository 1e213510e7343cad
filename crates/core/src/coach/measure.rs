//! How far the coach agrees with a careful reviewer: each rule's precision
//! and recall against labelled drafts, the ready verdicts, and how the
//! scores rank against the reviewer's grades (Spearman's ρ). The labels
//! come from `docs/coach-rubric.md`; the drafts from
//! `tests/fixtures/coach-real/`.

use std::collections::BTreeSet;

use super::{rules, Review, Severity, JOURNAL_RULES, PLACEMENT_RULES, SLIDE_RULES};

/// A reviewer's grade: A is a ready, crisp update, D is not an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Grade {
    D,
    C,
    B,
    A,
}

impl Grade {
    pub fn parse(text: &str) -> Option<Grade> {
        match text.trim() {
            "A" => Some(Grade::A),
            "B" => Some(Grade::B),
            "C" => Some(Grade::C),
            "D" => Some(Grade::D),
            _ => None,
        }
    }

    fn rank(self) -> f64 {
        match self {
            Grade::D => 1.0,
            Grade::C => 2.0,
            Grade::B => 3.0,
            Grade::A => 4.0,
        }
    }
}

/// One draft: what the reviewer said and what the coach said.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub name: String,
    pub grade: Grade,
    pub ready: bool,
    /// The rules the reviewer raises; every other labelled rule is a "no".
    pub raise: BTreeSet<String>,
    pub review: Review,
}

/// The rules a reviewer labels: all but those that read the rendered slide
/// or a decision journal, which a draft alone cannot be judged on.
pub fn labelled_rules() -> Vec<&'static str> {
    rules()
        .iter()
        .map(|rule| rule.id)
        .filter(|id| {
            !SLIDE_RULES.contains(id)
                && !JOURNAL_RULES.contains(id)
                && !PLACEMENT_RULES.contains(id)
        })
        .collect()
}

/// One rule's agreement with the labels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleTally {
    pub rule: &'static str,
    pub severity: Severity,
    /// Raised by both.
    pub agreed: usize,
    /// Raised by the coach, not by the reviewer.
    pub false_alarms: usize,
    /// Raised by the reviewer, missed by the coach.
    pub missed: usize,
}

impl RuleTally {
    /// Of what the coach raised, the share the reviewer raised too.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.agreed, self.agreed + self.false_alarms)
    }

    /// Of what the reviewer raised, the share the coach found.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.agreed, self.agreed + self.missed)
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// The coach against one set of labelled drafts.
#[derive(Debug, Clone)]
pub struct Measurement {
    pub drafts: usize,
    pub rules: Vec<RuleTally>,
    /// Drafts whose ready verdict differs from the label, with the verdict.
    pub ready_disagreements: Vec<String>,
    /// Spearman's rank correlation of score and grade.
    pub rho: Option<f64>,
}

pub fn measure(drafts: &[Labelled]) -> Measurement {
    let rules = labelled_rules()
        .into_iter()
        .map(|id| {
            let severity = rules()
                .iter()
                .find(|rule| rule.id == id)
                .map_or(Severity::Info, |rule| rule.severity);
            let mut tally = RuleTally {
                rule: id,
                severity,
                agreed: 0,
                false_alarms: 0,
                missed: 0,
            };
            for draft in drafts {
                let coach = draft.review.findings.iter().any(|f| f.rule == id);
                match (coach, draft.raise.contains(id)) {
                    (true, true) => tally.agreed += 1,
                    (true, false) => tally.false_alarms += 1,
                    (false, true) => tally.missed += 1,
                    (false, false) => {}
                }
            }
            tally
        })
        .collect();
    let ready_disagreements = drafts
        .iter()
        .filter(|draft| draft.review.ready != draft.ready)
        .map(|draft| {
            format!(
                "{}: labelled {}, coach says {}",
                draft.name,
                if draft.ready { "ready" } else { "not ready" },
                if draft.review.ready {
                    "ready"
                } else {
                    "not ready"
                }
            )
        })
        .collect();
    let scores: Vec<f64> = drafts.iter().map(|d| f64::from(d.review.score)).collect();
    let grades: Vec<f64> = drafts.iter().map(|d| d.grade.rank()).collect();
    Measurement {
        drafts: drafts.len(),
        rules,
        ready_disagreements,
        rho: spearman(&scores, &grades),
    }
}

/// Ranks from 1, ties sharing their mean rank.
fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        while end + 1 < order.len() && values[order[end + 1]] == values[order[start]] {
            end += 1;
        }
        let mean = (start + end) as f64 / 2.0 + 1.0;
        for &index in &order[start..=end] {
            ranks[index] = mean;
        }
        start = end + 1;
    }
    ranks
}

/// Spearman's ρ: Pearson's correlation of the ranks (ties averaged). None
/// when either side does not vary.
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 2 {
        return None;
    }
    let (rx, ry) = (ranks(xs), ranks(ys));
    let n = rx.len() as f64;
    let (mx, my) = (rx.iter().sum::<f64>() / n, ry.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in rx.iter().zip(&ry) {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

fn cell(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"))
}

/// The rules page's table: each rule on the tuning and held-back drafts.
pub fn measurement_markdown(tuning: &Measurement, held_back: &Measurement) -> String {
    let mut out = format!(
        "\n## How often the coach is right\n\n\
         Measured on drafts written elsewhere (`tests/fixtures/coach-real/`: {} for tuning, {} held back \
         and never used to tune a rule), each labelled before the coach was run by the rubric in \
         `docs/coach-rubric.md`. Precision: of the findings the coach gives, the share a careful \
         reviewer gives too; recall: of the reviewer's, the share the coach finds (found / labelled). \
         `–`: nothing to measure.\n\n\
         | rule | severity | precision (tuning) | recall (tuning) | precision (held back) | recall (held back) |\n\
         |---|---|---|---|---|---|\n",
        tuning.drafts, held_back.drafts
    );
    for (tuned, held) in tuning.rules.iter().zip(&held_back.rules) {
        out.push_str(&format!(
            "| `{}` | {} | {} | {} ({}/{}) | {} | {} ({}/{}) |\n",
            tuned.rule,
            tuned.severity.as_str(),
            cell(tuned.precision()),
            cell(tuned.recall()),
            tuned.agreed,
            tuned.agreed + tuned.missed,
            cell(held.precision()),
            cell(held.recall()),
            held.agreed,
            held.agreed + held.missed,
        ));
    }
    out.push_str(&format!(
        "\nReady verdicts as labelled: {} of {} (tuning), {} of {} (held back). \
         Spearman's ρ of score and grade: {} (tuning), {} (held back).\n",
        tuning.drafts - tuning.ready_disagreements.len(),
        tuning.drafts,
        held_back.drafts - held_back.ready_disagreements.len(),
        held_back.drafts,
        cell(tuning.rho),
        cell(held_back.rho),
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_of_a_perfect_and_a_reversed_order() {
        let xs = [1.0, 2.0, 3.0, 4.0];
        assert!((spearman(&xs, &[10.0, 20.0, 30.0, 40.0]).unwrap() - 1.0).abs() < 1e-12);
        assert!((spearman(&xs, &[4.0, 3.0, 2.0, 1.0]).unwrap() + 1.0).abs() < 1e-12);
        assert_eq!(spearman(&xs, &[1.0, 1.0, 1.0, 1.0]), None);
    }

    #[test]
    fn spearman_averages_ties() {
        // Ranks of x: 1, 2.5, 2.5, 4; of y: 1, 2, 3, 4. By hand:
        // mean 2.5; deviations x: -1.5, 0, 0, 1.5; y: -1.5, -0.5, 0.5, 1.5;
        // sxy = 2.25 + 2.25 = 4.5, sxx = 4.5, syy = 5 → ρ = 4.5 / √22.5.
        let rho = spearman(&[1.0, 2.0, 2.0, 3.0], &[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!((rho - 4.5 / 22.5_f64.sqrt()).abs() < 1e-12, "{rho}");
    }

    #[test]
    fn a_rule_is_tallied_against_the_labels() {
        let finding = |rule: &str| super::super::Finding {
            rule: rule.to_owned(),
            severity: Severity::Warning,
            beat: None,
            message: String::new(),
            span: None,
        };
        let draft = |name: &str, raise: &[&str], found: &[&str], score: u8, grade| Labelled {
            name: name.to_owned(),
            grade,
            ready: true,
            raise: raise.iter().map(|r| (*r).to_owned()).collect(),
            review: Review {
                score,
                ready: true,
                findings: found.iter().map(|r| finding(r)).collect(),
                silenced: Vec::new(),
            },
        };
        let drafts = [
            draft("a", &["vague-word"], &["vague-word"], 90, Grade::A),
            draft("b", &[], &["vague-word"], 80, Grade::B),
            draft("c", &["vague-word"], &[], 70, Grade::C),
        ];
        let measured = measure(&drafts);
        let vague = measured
            .rules
            .iter()
            .find(|r| r.rule == "vague-word")
            .unwrap();
        assert_eq!((vague.agreed, vague.false_alarms, vague.missed), (1, 1, 1));
        assert_eq!(vague.precision(), Some(0.5));
        assert_eq!(vague.recall(), Some(0.5));
        assert!((measured.rho.unwrap() - 1.0).abs() < 1e-12);
        assert!(measured.ready_disagreements.is_empty());
        assert!(!labelled_rules().contains(&"slide-text-cut"));
    }
}
