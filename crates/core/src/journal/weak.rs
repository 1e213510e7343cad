//! What is weak in a journal about to be frozen: the confirmation lists it
//! so that the PM freezes knowingly, not by one click.

use super::evaluate::{evaluate, CriterionStatus};
use super::model::{EvidenceLevel, Importance, JournalBody};
use super::readings::Reading;
use crate::CivilDate;

/// Each weak point, in a sentence: a criterion triggered now, a
/// high-importance assumption resting on an anecdote, a criterion with no
/// reading yet.
pub fn weak_points(body: &JournalBody, readings: &[Reading], today: CivilDate) -> Vec<String> {
    let mut out = Vec::new();
    for criterion in &body.criteria {
        let evaluation = evaluate(criterion, readings, today);
        match evaluation.status {
            CriterionStatus::Triggered => out.push(format!(
                "Kill criterion triggered: {} ({}).",
                criterion.describe(),
                evaluation.reason
            )),
            CriterionStatus::NoData => out.push(format!(
                "No reading yet for the criterion on {}: nothing tells whether it holds.",
                criterion.metric.trim()
            )),
            CriterionStatus::AtRisk | CriterionStatus::OnTrack => {}
        }
    }
    for assumption in &body.assumptions {
        if assumption.importance == Importance::High
            && assumption.evidence == EvidenceLevel::Anecdote
        {
            out.push(format!(
                "A high-importance assumption rests on an anecdote: “{}”.",
                assumption.statement.trim()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::example::example_journal;

    fn reading(value: f64) -> Reading {
        Reading {
            metric: "Sharing activation".into(),
            date: "2026-11-20".parse().unwrap(),
            value,
        }
    }

    #[test]
    fn a_triggered_criterion_an_anecdote_and_a_criterion_without_readings_are_weak() {
        let today = "2026-11-25".parse().unwrap();
        let mut body = example_journal();
        body.assumptions[0].importance = Importance::High;
        body.assumptions[0].evidence = EvidenceLevel::Anecdote;
        let weak = weak_points(&body, &[reading(14.0)], today);
        assert!(
            weak.iter()
                .any(|w| w.starts_with("Kill criterion triggered")),
            "{weak:?}"
        );
        assert!(
            weak.iter().any(|w| w.contains("rests on an anecdote")),
            "{weak:?}"
        );
        let none_yet = weak_points(&body, &[], today);
        assert!(
            none_yet.iter().any(|w| w.starts_with("No reading yet")),
            "{none_yet:?}"
        );
        // Strong evidence and a criterion on track: nothing to say.
        body.assumptions[0].evidence = EvidenceLevel::Pilot;
        let strong: Vec<String> = weak_points(&body, &[reading(31.0)], today)
            .into_iter()
            .filter(|w| !w.contains("rests on an anecdote"))
            .collect();
        assert!(strong.is_empty(), "{strong:?}");
    }
}
