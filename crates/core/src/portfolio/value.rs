//! What an initiative is worth, with its working: NPV, risk-adjusted NPV
//! and Cooper's expected commercial value.
//!
//! Periods are the workspace's (month, quarter or year); t = 0 is the
//! current period and is not discounted; the yearly rate r becomes
//! r_p = (1 + r)^(1/k) − 1 per period. Flows before the launch period are
//! development, flows from it on are net earnings after launch; the launch
//! cost C is paid at launch, apart from the flows.
//!
//! - NPV = Σ CFₜ / (1 + r_p)ᵗ − C / (1 + r_p)ᴸ.
//! - Risk-adjusted NPV weights each flow by the probability of reaching
//!   it: development by 1, the launch cost by P_technical, earnings after
//!   launch by P_technical × P_commercial.
//! - ECV = (PV × P_commercial − C) × P_technical − D, with PV the present
//!   value of the earnings after launch, C the launch cost's present value
//!   and D the development cost's (the outflows before launch), so no cost
//!   is counted twice. With the launch cost reached on technical success,
//!   it equals the risk-adjusted NPV: two roads to one figure.

use serde::Serialize;
use ts_rs::TS;

use super::model::{Initiative, PortfolioSettings};

/// An initiative's value and how it was computed, line by line.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Valuation {
    pub npv: f64,
    pub risk_adjusted_npv: f64,
    pub ecv: f64,
    /// The rate per period used.
    pub rate_per_period: f64,
    pub working: Vec<String>,
}

fn money(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded == 0.0 {
        "0".into()
    } else {
        format!("{rounded}")
    }
}

/// Values one initiative under the workspace's settings.
pub fn value(initiative: &Initiative, settings: &PortfolioSettings) -> Valuation {
    let rate = initiative.discount_rate.unwrap_or(settings.discount_rate);
    let k = settings.period.per_year();
    let rate_per_period = (1.0 + rate).powf(1.0 / f64::from(k)) - 1.0;
    let factor = 1.0 + rate_per_period;
    let launch = initiative.launch_period.unwrap_or(0) as usize;
    let mut working = vec![format!(
        "r_p = (1 + {rate})^(1/{k}) − 1 = {rate_per_period:.6} per period"
    )];
    let (mut development, mut earnings) = (0.0, 0.0);
    for (t, flow) in initiative.cash_flows.iter().enumerate() {
        let present = flow / factor.powi(t as i32);
        let phase = if t < launch {
            "development"
        } else {
            "after launch"
        };
        working.push(format!(
            "P{t} ({phase}): {} / {factor:.6}^{t} = {}",
            money(*flow),
            money(present)
        ));
        if t < launch {
            development += present;
        } else {
            earnings += present;
        }
    }
    let launch_cost = initiative.launch_cost / factor.powi(launch as i32);
    if initiative.launch_cost != 0.0 {
        working.push(format!(
            "Launch cost C at P{launch}: {} / {factor:.6}^{launch} = {}",
            money(initiative.launch_cost),
            money(launch_cost)
        ));
    }
    let (pt, pc) = (initiative.p_technical, initiative.p_commercial);
    let npv = development + earnings - launch_cost;
    let risk_adjusted_npv = development - pt * launch_cost + pt * pc * earnings;
    let d = -development;
    let ecv = (earnings * pc - launch_cost) * pt - d;
    working.push(format!(
        "NPV = {} (development) + {} (after launch) − {} (launch cost) = {}",
        money(development),
        money(earnings),
        money(launch_cost),
        money(npv)
    ));
    working.push(format!(
        "Risk-adjusted NPV = {} − {pt} × {} + {pt} × {pc} × {} = {}",
        money(development),
        money(launch_cost),
        money(earnings),
        money(risk_adjusted_npv)
    ));
    working.push(format!(
        "ECV = ({} × {pc} − {}) × {pt} − {} = {}",
        money(earnings),
        money(launch_cost),
        money(d),
        money(ecv)
    ));
    Valuation {
        npv,
        risk_adjusted_npv,
        ecv,
        rate_per_period,
        working,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::portfolio::model::Period;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-3
    }

    /// By hand, r = 10 % a year in quarters: r_p = 1.1^(1/4) − 1 =
    /// 0.024114. Flows −100, −100 (development), then 80, 80, 80 from the
    /// launch at P2; C = 50 at P2; P_t = 0.8, P_c = 0.5.
    /// PV: −100, −97.6454, 76.2770, 74.4810, 72.7273 (P4 = 80 / 1.1).
    /// Development −197.6454, after launch 223.4853, C 50 / 1.048809 =
    /// 47.6731. NPV = −197.6454 + 223.4853 − 47.6731 = −21.8333.
    /// rNPV = −197.6454 − 0.8 × 47.6731 + 0.4 × 223.4853 = −146.3898.
    /// ECV = (223.4853 × 0.5 − 47.6731) × 0.8 − 197.6454 = −146.3898.
    #[test]
    fn npv_risk_adjusted_npv_and_ecv_match_the_hand_computed_figures() {
        let initiative = Initiative {
            name: "Risk-scoring engine".into(),
            cash_flows: vec![-100.0, -100.0, 80.0, 80.0, 80.0],
            launch_period: Some(2),
            launch_cost: 50.0,
            p_technical: 0.8,
            p_commercial: 0.5,
            ..Initiative::default()
        };
        let settings = PortfolioSettings::default();
        let v = value(&initiative, &settings);
        assert!(close(v.rate_per_period, 0.024114), "{}", v.rate_per_period);
        assert!(close(v.npv, -21.8333), "{}", v.npv);
        assert!(
            close(v.risk_adjusted_npv, -146.3898),
            "{}",
            v.risk_adjusted_npv
        );
        assert!(close(v.ecv, -146.3898), "{}", v.ecv);
        assert!(
            v.working
                .iter()
                .any(|l| l.starts_with("P4 (after launch): 80 / 1.024114^4 = 72.73")),
            "{:?}",
            v.working
        );
        assert!(
            v.working
                .iter()
                .any(|l| l.starts_with("ECV = (223.49 × 0.5 − 47.67) × 0.8 − 197.65 = -146.39")),
            "{:?}",
            v.working
        );
    }

    /// Yearly periods at 8 %, no launch period (all flows earnings),
    /// certain success: −1000 + 600 / 1.08 + 600 / 1.1664 = 69.96.
    /// With a per-initiative rate of 0: −1000 + 600 + 600 = 200.
    #[test]
    fn a_plain_npv_in_years_and_an_own_rate_override_the_workspace() {
        let mut initiative = Initiative {
            name: "Upsell bundles".into(),
            cash_flows: vec![-1000.0, 600.0, 600.0],
            ..Initiative::default()
        };
        let settings = PortfolioSettings {
            period: Period::Year,
            discount_rate: 0.08,
            ..PortfolioSettings::default()
        };
        let v = value(&initiative, &settings);
        assert!(close(v.npv, 69.9588), "{}", v.npv);
        assert!(close(v.ecv, v.npv) && close(v.risk_adjusted_npv, v.npv));
        initiative.discount_rate = Some(0.0);
        assert!(close(value(&initiative, &settings).npv, 200.0));
        // Monthly periods at 12 % a year: r_p = 1.12^(1/12) − 1 = 0.009489.
        let monthly = PortfolioSettings {
            period: Period::Month,
            discount_rate: 0.12,
            ..PortfolioSettings::default()
        };
        initiative.discount_rate = None;
        assert!(close(
            value(&initiative, &monthly).rate_per_period,
            0.009489
        ));
    }
}
