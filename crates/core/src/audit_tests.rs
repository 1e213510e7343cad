//! The audit's verdicts, each bucket and each question both ways.

use crate::audit::*;
use crate::portfolio::{EvidenceGate, Horizon, Initiative, Risk, RiskKind};
use crate::UpdateFields;

fn person(role: &str, metric: &str) -> Stakeholder {
    Stakeholder {
        role: role.into(),
        metric: metric.into(),
        ..Stakeholder::default()
    }
}

fn verdict(diagnosis: &Diagnosis, bucket: AuditBucket) -> &BucketVerdict {
    diagnosis
        .buckets
        .iter()
        .find(|b| b.bucket == bucket)
        .unwrap()
}

fn run(audit: &UpdateAudit) -> Diagnosis {
    diagnose(audit, &Strategy::default(), &UpdateFields::default(), &[])
}

#[test]
fn different_success_metrics_are_a_goals_conflict_and_the_same_one_is_not() {
    let clash = UpdateAudit {
        stakeholders: vec![person("CFO", "NRR"), person("Head of Product", "MAU")],
        ..UpdateAudit::default()
    };
    let goals = verdict(&run(&clash), AuditBucket::Goals).clone();
    assert!(goals.conflict);
    assert!(
        goals.why.contains("CFO judges by NRR")
            && goals.why.contains("Head of Product judges by MAU"),
        "{}",
        goals.why
    );
    let agree = UpdateAudit {
        stakeholders: vec![person("CFO", "NRR"), person("CRO", "  nrr ")],
        ..UpdateAudit::default()
    };
    assert!(!verdict(&run(&agree), AuditBucket::Goals).conflict);
    // One stakeholder says nothing about a clash.
    let alone = UpdateAudit {
        stakeholders: vec![person("CFO", "NRR")],
        ..UpdateAudit::default()
    };
    let goals = verdict(&run(&alone), AuditBucket::Goals).clone();
    assert!(!goals.conflict && goals.why.starts_with("Not enough"));
}

#[test]
fn opposed_beliefs_are_a_beliefs_conflict_and_unopposed_ones_are_not() {
    let mut cfo = person("CFO", "NRR");
    cfo.beliefs = vec!["Enterprise first".into()];
    let mut cpo = person("CPO", "MAU");
    cpo.beliefs = vec!["Product-led first".into()];
    let mut audit = UpdateAudit {
        stakeholders: vec![cfo, cpo],
        opposed: vec![],
    };
    assert!(!verdict(&run(&audit), AuditBucket::Beliefs).conflict);
    audit.opposed = vec![OpposedBeliefs {
        first: "Enterprise first".into(),
        second: "product-led FIRST".into(),
    }];
    audit.validate().unwrap();
    let beliefs = verdict(&run(&audit), AuditBucket::Beliefs).clone();
    assert!(beliefs.conflict);
    assert!(
        beliefs.why.contains("(CFO)") && beliefs.why.contains("(CPO)"),
        "{}",
        beliefs.why
    );
    // A belief nobody holds cannot be opposed.
    audit.opposed[0].second = "Nobody says this".into();
    assert!(audit.validate().is_err());
}

#[test]
fn horizons_in_different_bands_are_a_timeline_conflict_by_the_workspace_bands() {
    let mut cfo = person("CFO", "NRR");
    cfo.horizon_months = Some(3);
    let mut cto = person("CTO", "Uptime");
    cto.horizon_months = Some(18);
    let audit = UpdateAudit {
        stakeholders: vec![cfo.clone(), cto.clone()],
        ..UpdateAudit::default()
    };
    let timeline = verdict(&run(&audit), AuditBucket::Timeline).clone();
    assert!(timeline.conflict);
    assert!(
        timeline.why.contains("CFO looks 3 months ahead (Now)") && timeline.why.contains("(Later)"),
        "{}",
        timeline.why
    );
    // With Next reaching 24 months, 4 and 18 are both Next.
    let wide = Strategy {
        next_months: 24,
        ..Strategy::default()
    };
    cfo.horizon_months = Some(4);
    let audit = UpdateAudit {
        stakeholders: vec![cfo, cto],
        ..UpdateAudit::default()
    };
    let d = diagnose(&audit, &wide, &UpdateFields::default(), &[]);
    assert!(!verdict(&d, AuditBucket::Timeline).conflict);
}

#[test]
fn tolerances_two_apart_on_one_kind_are_a_risk_conflict_and_one_apart_are_not() {
    let with = |role: &str, level| Stakeholder {
        role: role.into(),
        tolerances: vec![Tolerance {
            kind: RiskKind::Regulatory,
            level,
        }],
        ..Stakeholder::default()
    };
    let clash = UpdateAudit {
        stakeholders: vec![with("Legal", 1), with("Product", 3)],
        ..UpdateAudit::default()
    };
    let risk = verdict(&run(&clash), AuditBucket::RiskAppetite).clone();
    assert!(risk.conflict);
    assert!(
        risk.why
            .contains("regulatory: Legal tolerates 1, Product 3"),
        "{}",
        risk.why
    );
    let close = UpdateAudit {
        stakeholders: vec![with("Legal", 2), with("Product", 3)],
        ..UpdateAudit::default()
    };
    assert!(!verdict(&run(&close), AuditBucket::RiskAppetite).conflict);
}

fn item(name: &str, horizon: Option<Horizon>) -> Initiative {
    Initiative {
        name: name.into(),
        horizon,
        ..Initiative::default()
    }
}

#[test]
fn each_audit_question_is_a_fact_both_ways_where_the_workspace_knows_and_open_where_not() {
    let strategy = Strategy {
        board_metric: "Net revenue retention".into(),
        board_target: "115%".into(),
        board_year: Some(2027),
        why_switch: "Setup in ten minutes".into(),
        ..Strategy::default()
    };
    let serving = |priority: &str| UpdateFields {
        priority: priority.into(),
        ..UpdateFields::default()
    };
    let mut cfo = person("CFO", "NRR");
    let audit = |cfo: &Stakeholder| UpdateAudit {
        stakeholders: vec![cfo.clone()],
        ..UpdateAudit::default()
    };
    let q = |d: &Diagnosis, n: usize| d.questions[n].clone();

    // 1. The priority against the board target.
    let d = diagnose(
        &audit(&cfo),
        &strategy,
        &serving("Grow net revenue retention"),
        &[],
    );
    assert!(q(&d, 0).fact && q(&d, 0).yes, "{}", q(&d, 0).answer);
    let d = diagnose(&audit(&cfo), &strategy, &serving("Grow MAU"), &[]);
    assert!(q(&d, 0).fact && !q(&d, 0).yes);
    assert!(
        q(&d, 0)
            .answer
            .contains("Net revenue retention 115% (2027)"),
        "{}",
        q(&d, 0).answer
    );
    let d = diagnose(
        &audit(&cfo),
        &Strategy::default(),
        &serving("Grow MAU"),
        &[],
    );
    assert!(!q(&d, 0).fact);

    // 2. Every stakeholder's acknowledgement.
    assert!(!q(&d, 1).fact, "no statement yet: open");
    let d = diagnose(&audit(&cfo), &strategy, &serving("x"), &[]);
    assert!(q(&d, 1).fact && !q(&d, 1).yes && q(&d, 1).answer.contains("CFO"));
    cfo.acknowledged = Some(Acknowledgement {
        date: "2026-11-12".parse().unwrap(),
        place: "staff meeting".into(),
    });
    let d = diagnose(&audit(&cfo), &strategy, &serving("x"), &[]);
    assert!(
        q(&d, 1).yes && q(&d, 1).answer.contains("CFO (2026-11-12, staff meeting)"),
        "{}",
        q(&d, 1).answer
    );

    // 3. Every initiative has a horizon.
    assert!(!q(&d, 2).fact, "no initiatives: open");
    let d = diagnose(
        &audit(&cfo),
        &strategy,
        &serving("x"),
        &[item("A", Some(Horizon::Now)), item("B", None)],
    );
    assert!(q(&d, 2).fact && !q(&d, 2).yes && q(&d, 2).answer.contains('B'));
    let d = diagnose(
        &audit(&cfo),
        &strategy,
        &serving("x"),
        &[item("A", Some(Horizon::Now))],
    );
    assert!(q(&d, 2).yes);

    // 4. Every red-line risk has a gate.
    let mut bold = item("AI assistant", Some(Horizon::Later));
    bold.risks = vec![Risk {
        kind: RiskKind::Regulatory,
        level: 5,
        red_line: true,
    }];
    let d = diagnose(
        &audit(&cfo),
        &strategy,
        &serving("x"),
        std::slice::from_ref(&bold),
    );
    assert!(
        q(&d, 3).fact && !q(&d, 3).yes && q(&d, 3).answer.contains("AI assistant (regulatory)")
    );
    bold.gates = vec![EvidenceGate {
        date: "2027-01-15".parse().unwrap(),
        metric: "Error rate".into(),
        threshold: 5.0,
        at_most: true,
        unit: "%".into(),
        decision: None,
    }];
    let d = diagnose(
        &audit(&cfo),
        &strategy,
        &serving("x"),
        std::slice::from_ref(&bold),
    );
    assert!(q(&d, 3).fact && q(&d, 3).yes, "{}", q(&d, 3).answer);
    let d = diagnose(&audit(&cfo), &strategy, &serving("x"), &[item("A", None)]);
    assert!(
        q(&d, 3).fact && !q(&d, 3).yes,
        "no red line codified is a no"
    );
}

#[test]
fn initiatives_outside_the_cascade_are_orphans() {
    let strategy = Strategy {
        cascade: Cascade {
            where_to_play: vec!["Small-business lending".into()],
            how_to_win: vec!["Decisions in minutes".into()],
            ..Cascade::default()
        },
        ..Strategy::default()
    };
    let mut traced = item("Loan calculator", None);
    traced.objective = "Small-business lending: more applications".into();
    let mut by_name = item("Decisions in minutes engine", None);
    by_name.objective = String::new();
    let orphan = item("Office move", None);
    let all = [traced, by_name, orphan];
    assert_eq!(cascade_orphans(&strategy, &all), vec!["Office move"]);
}

#[test]
fn a_pathfinder_runs_four_to_six_weeks_unless_a_reason_is_given() {
    assert!(check_pathfinder_weeks(4, "").is_ok());
    assert!(check_pathfinder_weeks(6, "").is_ok());
    assert!(check_pathfinder_weeks(3, "").is_err());
    assert!(check_pathfinder_weeks(8, "").is_err());
    assert!(check_pathfinder_weeks(8, "the sales cycle is eight weeks").is_ok());
}

#[test]
fn a_playbook_draft_takes_its_conflict_from_the_diagnosis() {
    let clash = UpdateAudit {
        stakeholders: vec![person("CFO", "NRR"), person("Head of Product", "MAU")],
        ..UpdateAudit::default()
    };
    let d = run(&clash);
    let draft = playbook_draft(
        AuditBucket::Goals,
        &d,
        &UpdateFields {
            audience: "Exec staff".into(),
            priority: "NRR".into(),
            ..UpdateFields::default()
        },
        "2026-12-07".parse().unwrap(),
    );
    assert!(draft.beats.conflict.contains("CFO judges by NRR"));
    assert!(draft.beats.resolution.contains("70/20/10"));
    assert_eq!(draft.audience, "Exec staff");
    assert_eq!(draft.date, "2026-12-07");
}
