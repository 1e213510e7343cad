//! The portfolio's checks and allocation, each both ways.

use super::*;
use crate::journal::{Action, Comparator, CriterionWindow, KillCriterion};

fn item(name: &str, horizon: Horizon, bucket: Bucket, cost: f64) -> Initiative {
    Initiative {
        name: name.into(),
        horizon: Some(horizon),
        bucket: Some(bucket),
        cost: Some(cost),
        ..Initiative::default()
    }
}

fn failing(checks: &[Check], id: CheckId) -> Vec<String> {
    checks
        .iter()
        .filter(|c| c.check == id && c.status == CheckStatus::Fail)
        .map(|c| c.message.clone())
        .collect()
}

fn passes(checks: &[Check], id: CheckId) -> bool {
    checks
        .iter()
        .any(|c| c.check == id && c.status == CheckStatus::Pass)
        && failing(checks, id).is_empty()
}

/// The method's split: 70 % upsell, 20 % the freemium experiment, 10 %
/// moonshots — and the calculator in Now feeding the risk engine in Next.
fn method() -> Vec<Initiative> {
    let mut engine = item(
        "Risk-scoring engine",
        Horizon::Next,
        Bucket::Adjacent,
        200.0,
    );
    engine.depends_on = vec!["Loan calculator".into()];
    vec![
        item("Upsell bundles", Horizon::Now, Bucket::Core, 500.0),
        item("Loan calculator", Horizon::Now, Bucket::Core, 200.0),
        engine,
        item(
            "Moonshot lab",
            Horizon::Later,
            Bucket::Transformational,
            100.0,
        ),
    ]
}

#[test]
fn the_method_portfolio_passes_every_check() {
    let checks = check(&method(), &PortfolioSettings::default());
    let fails: Vec<&Check> = checks
        .iter()
        .filter(|c| c.status == CheckStatus::Fail)
        .collect();
    assert!(fails.is_empty(), "{fails:#?}");
    let a = allocation(&method(), &BucketTargets::default());
    assert_eq!(a.basis, Basis::Cost);
    assert_eq!(a.total, 1000.0);
    let shares: Vec<f64> = a.rows.iter().map(|r| r.actual).collect();
    assert_eq!(shares, [70.0, 20.0, 10.0]);
    assert!(a.rows.iter().all(|r| r.gap == 0.0));
}

#[test]
fn bucket_targets_must_sum_to_one_hundred() {
    let mut settings = PortfolioSettings::default();
    assert!(passes(&check(&method(), &settings), CheckId::TargetsSum));
    settings.targets.adjacent = 25.0;
    let fails = failing(&check(&method(), &settings), CheckId::TargetsSum);
    assert_eq!(
        fails,
        ["The bucket targets 70/25/10 sum to 105 %, not 100 %."]
    );
}

#[test]
fn a_gap_over_five_points_is_flagged_and_five_exactly_is_not() {
    let settings = PortfolioSettings::default();
    // Core 75 %, adjacent 15 %, transformational 10 %: 5 points off, allowed.
    let mut portfolio = method();
    portfolio[0].cost = Some(550.0);
    portfolio[2].cost = Some(150.0);
    assert!(passes(
        &check(&portfolio, &settings),
        CheckId::AllocationGap
    ));
    // Core 80 %, adjacent 10 %: 10 points off each.
    portfolio[0].cost = Some(600.0);
    portfolio[2].cost = Some(100.0);
    let fails = failing(&check(&portfolio, &settings), CheckId::AllocationGap);
    assert_eq!(fails.len(), 1);
    assert!(
        fails[0].contains("core is 80.0 % of cost against a target of 70 % (+10.0 points)"),
        "{}",
        fails[0]
    );
    assert!(
        fails[0].contains("adjacent is 10.0 % of cost against a target of 20 % (-10.0 points)"),
        "{}",
        fails[0]
    );
}

#[test]
fn without_money_costs_the_allocation_is_by_fte_and_says_so() {
    let portfolio: Vec<Initiative> = method()
        .into_iter()
        .map(|mut i| {
            i.fte = i.cost.map(|c| c / 100.0);
            i.cost = None;
            i
        })
        .collect();
    let a = allocation(&portfolio, &BucketTargets::default());
    assert_eq!(a.basis, Basis::Fte);
    assert_eq!(a.total, 10.0);
    // Nothing costed at all: nothing to compare, and no division by zero.
    let bare: Vec<Initiative> = method()
        .into_iter()
        .map(|mut i| {
            i.cost = None;
            i
        })
        .collect();
    assert!(passes(
        &check(&bare, &PortfolioSettings::default()),
        CheckId::AllocationGap
    ));
}

#[test]
fn a_missing_horizon_or_bucket_and_a_bad_probability_fail_by_name() {
    let mut portfolio = method();
    portfolio[3].horizon = None;
    portfolio[1].p_commercial = 1.2;
    let checks = check(&portfolio, &PortfolioSettings::default());
    assert_eq!(
        failing(&checks, CheckId::HorizonAndBucket),
        ["“Moonshot lab” has no horizon: put it in Now, Next or Later"]
    );
    assert_eq!(failing(&checks, CheckId::Probabilities).len(), 1);
    assert!(passes(
        &check(&method(), &PortfolioSettings::default()),
        CheckId::Probabilities
    ));
}

#[test]
fn a_now_item_depending_on_a_next_item_fails_and_the_other_way_passes() {
    let mut portfolio = method();
    portfolio[1].depends_on = vec!["risk-scoring engine".into()];
    let checks = check(&portfolio, &PortfolioSettings::default());
    let fails = failing(&checks, CheckId::NowDependsOnLater);
    assert_eq!(
        fails,
        ["“Loan calculator” is in Now but depends on “Risk-scoring engine”, which comes later: move one of them"]
    );
    // That link also closes a loop: calculator → engine → calculator.
    let cycles = failing(&checks, CheckId::DependencyCycle);
    assert_eq!(cycles.len(), 1);
    assert!(
        cycles[0].contains("Loan calculator → Risk-scoring engine → Loan calculator"),
        "{}",
        cycles[0]
    );
    assert!(passes(
        &check(&method(), &PortfolioSettings::default()),
        CheckId::NowDependsOnLater
    ));
}

#[test]
fn a_longer_cycle_is_named_once_and_an_unknown_dependency_is_named() {
    let mut a = item("A", Horizon::Later, Bucket::Core, 1.0);
    let mut b = item("B", Horizon::Later, Bucket::Core, 1.0);
    let mut c = item("C", Horizon::Later, Bucket::Core, 1.0);
    a.depends_on = vec!["B".into()];
    b.depends_on = vec!["C".into()];
    c.depends_on = vec!["A".into(), "Ghost".into()];
    let checks = check(&[a, b, c], &PortfolioSettings::default());
    let cycles = failing(&checks, CheckId::DependencyCycle);
    assert_eq!(
        cycles,
        ["A dependency cycle: A → B → C → A — one of these links must go."]
    );
    assert_eq!(
        failing(&checks, CheckId::UnknownDependency),
        ["“C” depends on “Ghost”, which is not in the portfolio"]
    );
}

#[test]
fn a_next_item_needs_a_now_item_or_a_reason_to_stand_alone() {
    let mut portfolio = method();
    portfolio[2].depends_on.clear();
    let fails = failing(
        &check(&portfolio, &PortfolioSettings::default()),
        CheckId::NextNeedsNow,
    );
    assert_eq!(fails.len(), 1);
    assert!(fails[0].starts_with("“Risk-scoring engine” is in Next but depends on nothing in Now"));
    portfolio[2].stands_alone = "Bought data replaces the calculator's".into();
    assert!(passes(
        &check(&portfolio, &PortfolioSettings::default()),
        CheckId::NextNeedsNow
    ));
    // Later items need neither.
    assert!(portfolio[3].depends_on.is_empty());
}

fn gate(date: &str) -> EvidenceGate {
    EvidenceGate {
        date: date.parse().unwrap(),
        metric: "Error rate".into(),
        threshold: 5.0,
        at_most: true,
        unit: "%".into(),
        decision: None,
    }
}

fn stopping_rule() -> KillCriterion {
    KillCriterion {
        id: "errors".into(),
        metric: "Error rate".into(),
        comparator: Comparator::Above,
        threshold: 5.0,
        unit: "%".into(),
        cohort: String::new(),
        by: "2027-03-31".into(),
        action: Action::Halt,
        margin: 0.5,
        window: CriterionWindow::Consecutive { readings: 2 },
    }
}

#[test]
fn above_the_slider_threshold_a_bet_needs_a_gate_before_review_and_a_stopping_rule() {
    let settings = PortfolioSettings::default();
    let mut bet = item(
        "AI underwriting assistant",
        Horizon::Later,
        Bucket::Transformational,
        100.0,
    );
    bet.slider = 60;
    // At the threshold: not yet a bold bet.
    assert!(passes(
        &check(&[bet.clone()], &settings),
        CheckId::BoldNeedsGates
    ));
    bet.slider = 61;
    let fails = failing(&check(&[bet.clone()], &settings), CheckId::BoldNeedsGates);
    assert_eq!(fails.len(), 1);
    assert!(
        fails[0].ends_with("needs an evidence gate, a stopping rule, a next review date"),
        "{}",
        fails[0]
    );
    bet.gates = vec![gate("2027-02-15")];
    bet.stopping_rules = vec![stopping_rule()];
    bet.next_review = Some("2027-01-31".parse().unwrap());
    let late = failing(&check(&[bet.clone()], &settings), CheckId::BoldNeedsGates);
    assert!(
        late[0].ends_with("needs a gate on or before its next review (2027-01-31)"),
        "{}",
        late[0]
    );
    bet.gates.push(gate("2027-01-31"));
    assert!(passes(&check(&[bet], &settings), CheckId::BoldNeedsGates));
}

#[test]
fn a_red_line_risk_needs_a_gate() {
    let mut bet = item(
        "AI underwriting assistant",
        Horizon::Later,
        Bucket::Transformational,
        100.0,
    );
    bet.risks = vec![Risk {
        kind: RiskKind::Regulatory,
        level: 5,
        red_line: true,
    }];
    let fails = failing(
        &check(&[bet.clone()], &PortfolioSettings::default()),
        CheckId::RedLineGate,
    );
    assert_eq!(fails, ["“AI underwriting assistant” marks its regulatory risk a red line but has no evidence gate"]);
    bet.gates = vec![gate("2027-01-31")];
    assert!(passes(
        &check(&[bet], &PortfolioSettings::default()),
        CheckId::RedLineGate
    ));
}

#[test]
fn fit_is_the_weighted_mean_of_the_criteria_scored() {
    let criteria = vec![
        FitCriterion {
            name: "NRR".into(),
            weight: 3.0,
        },
        FitCriterion {
            name: "MAU".into(),
            weight: 1.0,
        },
    ];
    let mut i = item("Upsell bundles", Horizon::Now, Bucket::Core, 1.0);
    i.fit_scores = vec![("nrr".into(), 8.0), ("MAU".into(), 4.0)];
    // (3 × 8 + 1 × 4) / 4 = 7.
    assert_eq!(i.fit_score(&criteria), Some(7.0));
    i.fit_scores.clear();
    i.fit = Some(6.5);
    assert_eq!(i.fit_score(&criteria), Some(6.5));
    i.fit = Some(11.0);
    assert!(i.validate().is_err());
}

#[test]
fn extreme_amounts_and_rates_are_refused_before_they_can_overflow() {
    let mut i = item("Huge", Horizon::Now, Bucket::Core, 1e300);
    assert!(i
        .validate()
        .unwrap_err()
        .to_string()
        .contains("larger than"));
    i.cost = Some(1e15);
    assert!(i.validate().is_ok());
    i.cash_flows = vec![f64::NAN];
    assert!(i.validate().is_err());
    i.cash_flows = vec![-1.0, 2.0];
    i.discount_rate = Some(-0.999_999);
    assert!(
        i.validate().is_err(),
        "a rate near −100% would divide by zero"
    );
    i.discount_rate = Some(0.25);
    assert!(i.validate().is_ok());
    // Sixty initiatives at the largest amount still give a finite allocation.
    let many: Vec<Initiative> = (0..60)
        .map(|n| item(&format!("I{n}"), Horizon::Now, Bucket::Core, MAX_AMOUNT))
        .collect();
    let a = allocation(&many, &BucketTargets::default());
    assert!(a
        .rows
        .iter()
        .all(|r| r.actual.is_finite() && r.gap.is_finite()));
}

#[test]
fn a_name_with_a_direction_control_is_refused() {
    let spoofed = item("Upsell\u{202E}sdnub", Horizon::Now, Bucket::Core, 1.0);
    assert!(spoofed
        .validate()
        .unwrap_err()
        .to_string()
        .contains("text-direction control"));
}
