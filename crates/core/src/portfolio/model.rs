//! Initiatives and the portfolio's settings: what the matrix, the
//! allocation, the dual tracks and the gate tracker are computed from.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::journal::KillCriterion;
use crate::{CivilDate, CoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Horizon {
    Now,
    Next,
    Later,
}

impl Horizon {
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "Now",
            Horizon::Next => "Next",
            Horizon::Later => "Later",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "now" => Some(Horizon::Now),
            "next" => Some(Horizon::Next),
            "later" => Some(Horizon::Later),
            _ => None,
        }
    }
}

/// Where the effort goes: the 70/20/10 of core, adjacent and new bets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Core,
    Adjacent,
    Transformational,
}

impl Bucket {
    pub const ALL: [Bucket; 3] = [Bucket::Core, Bucket::Adjacent, Bucket::Transformational];

    pub fn label(self) -> &'static str {
        match self {
            Bucket::Core => "core",
            Bucket::Adjacent => "adjacent",
            Bucket::Transformational => "transformational",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "core" => Some(Bucket::Core),
            "adjacent" => Some(Bucket::Adjacent),
            "transformational" | "new" | "new bet" | "new bets" => Some(Bucket::Transformational),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum RiskKind {
    Regulatory,
    Brand,
    Infrastructure,
    Delivery,
}

impl RiskKind {
    pub const ALL: [RiskKind; 4] = [
        RiskKind::Regulatory,
        RiskKind::Brand,
        RiskKind::Infrastructure,
        RiskKind::Delivery,
    ];

    pub fn label(self) -> &'static str {
        match self {
            RiskKind::Regulatory => "regulatory",
            RiskKind::Brand => "brand",
            RiskKind::Infrastructure => "infrastructure",
            RiskKind::Delivery => "delivery",
        }
    }
}

/// One kind of risk: its level (1–5) and whether it is a red line, which
/// then needs an evidence gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Risk {
    pub kind: RiskKind,
    pub level: u8,
    #[serde(default)]
    pub red_line: bool,
}

/// What a gate decided, in stage-gate terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum GateDecision {
    Go,
    Kill,
    Hold,
    Recycle,
}

/// A checkpoint: by this date, this metric must meet this threshold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct EvidenceGate {
    #[ts(as = "String")]
    pub date: CivilDate,
    pub metric: String,
    /// Must be at least (or, with `at_most`, at most) this.
    pub threshold: f64,
    #[serde(default)]
    pub at_most: bool,
    #[serde(default)]
    pub unit: String,
    /// The decision taken at the gate, once taken.
    #[serde(default)]
    pub decision: Option<GateDecision>,
}

/// A strategic-fit criterion the workspace defines, with its weight.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct FitCriterion {
    pub name: String,
    pub weight: f64,
}

/// How long a cash-flow period is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Month,
    #[default]
    Quarter,
    Year,
}

impl Period {
    /// Periods in a year.
    pub fn per_year(self) -> u32 {
        match self {
            Period::Month => 12,
            Period::Quarter => 4,
            Period::Year => 1,
        }
    }
}

/// One initiative of the portfolio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Initiative {
    pub name: String,
    #[serde(default)]
    pub owner: String,
    /// The objective or North-Star metric it serves.
    #[serde(default)]
    pub objective: String,
    #[serde(default)]
    pub horizon: Option<Horizon>,
    #[serde(default)]
    pub bucket: Option<Bucket>,
    /// Incremental (0) to transformational (100).
    #[serde(default)]
    pub slider: u8,
    /// Cost in money, and/or in full-time equivalents.
    #[serde(default)]
    pub cost: Option<f64>,
    #[serde(default)]
    pub fte: Option<f64>,
    /// Net cash flow per period, from t = 0 (this period, not discounted).
    #[serde(default)]
    pub cash_flows: Vec<f64>,
    /// The period it launches in: flows before it are development, flows
    /// from it on are earnings after launch. `None`: all flows are after
    /// launch.
    #[serde(default)]
    pub launch_period: Option<u32>,
    /// Paid at launch (Cooper's C), apart from the flows.
    #[serde(default)]
    pub launch_cost: f64,
    /// The annual discount rate, when it differs from the workspace's.
    #[serde(default)]
    pub discount_rate: Option<f64>,
    #[serde(default = "certain")]
    pub p_technical: f64,
    #[serde(default = "certain")]
    pub p_commercial: f64,
    /// Strategic fit scored 0–10 per workspace criterion, by name.
    #[serde(default)]
    pub fit_scores: Vec<(String, f64)>,
    /// A fit given as one number (0–10), used when no criterion is scored.
    #[serde(default)]
    pub fit: Option<f64>,
    #[serde(default)]
    pub risks: Vec<Risk>,
    /// The initiatives it depends on, by name.
    #[serde(default)]
    pub depends_on: Vec<String>,
    #[serde(default)]
    #[ts(as = "Option<String>")]
    pub next_review: Option<CivilDate>,
    /// Why a Next item depends on nothing in Now.
    #[serde(default)]
    pub stands_alone: String,
    #[serde(default)]
    pub gates: Vec<EvidenceGate>,
    /// Stopping rules: the journal's kill criteria, windows and all.
    #[serde(default)]
    pub stopping_rules: Vec<KillCriterion>,
    #[serde(default)]
    #[ts(type = "number | null")]
    pub journal: Option<i64>,
}

fn certain() -> f64 {
    1.0
}

impl Default for Initiative {
    /// Nothing known yet: success is assumed certain until the PM says
    /// otherwise, so no figure is discounted by a probability nobody gave.
    fn default() -> Self {
        Self {
            name: String::new(),
            owner: String::new(),
            objective: String::new(),
            horizon: None,
            bucket: None,
            slider: 0,
            cost: None,
            fte: None,
            cash_flows: Vec::new(),
            launch_period: None,
            launch_cost: 0.0,
            discount_rate: None,
            p_technical: certain(),
            p_commercial: certain(),
            fit_scores: Vec::new(),
            fit: None,
            risks: Vec::new(),
            depends_on: Vec::new(),
            next_review: None,
            stands_alone: String::new(),
            gates: Vec::new(),
            stopping_rules: Vec::new(),
            journal: None,
        }
    }
}

/// The longest name an initiative may have.
pub const MAX_NAME_CHARS: usize = 120;
/// The most cash-flow periods one initiative may list.
pub const MAX_PERIODS: usize = 600;
/// The largest amount (cost, FTE, cash flow) an initiative may state: sums
/// of a few thousand of them stay exact enough and never overflow.
pub const MAX_AMOUNT: f64 = 1e15;

impl Initiative {
    /// What must hold before an initiative is stored.
    pub fn validate(&self) -> Result<(), CoreError> {
        let invalid = |what: String| Err(CoreError::InvalidPortfolio(what));
        let name = self.name.trim();
        if name.is_empty() {
            return invalid("an initiative needs a name".into());
        }
        if crate::text::has_bidi_control(name) {
            return invalid(format!(
                "the name “{}” holds an invisible text-direction control, which could make it read as another",
                crate::text::strip_bidi_overrides(name)
            ));
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return invalid(format!(
                "the name “{}…” is longer than {MAX_NAME_CHARS} characters",
                name.chars().take(40).collect::<String>()
            ));
        }
        if self.slider > 100 {
            return invalid(format!("{name}: the slider runs from 0 to 100"));
        }
        if self.cash_flows.len() > MAX_PERIODS {
            return invalid(format!("{name}: at most {MAX_PERIODS} cash-flow periods"));
        }
        let numbers = self
            .cash_flows
            .iter()
            .chain([&self.launch_cost])
            .chain(self.cost.iter())
            .chain(self.fte.iter());
        if numbers.clone().any(|v| !v.is_finite()) {
            return invalid(format!("{name}: every amount must be a number"));
        }
        if numbers.clone().any(|v| v.abs() > MAX_AMOUNT) {
            return invalid(format!(
                "{name}: an amount is larger than {MAX_AMOUNT:e}, more than any portfolio holds"
            ));
        }
        if self.cost.is_some_and(|c| c < 0.0) || self.fte.is_some_and(|f| f < 0.0) {
            return invalid(format!("{name}: a cost cannot be negative"));
        }
        if let Some(rate) = self.discount_rate {
            if !(0.0..=10.0).contains(&rate) {
                return invalid(format!(
                    "{name}: the discount rate must be a yearly rate from 0% to 1000%"
                ));
            }
        }
        for (what, fit) in self
            .fit_scores
            .iter()
            .map(|(c, v)| (c.as_str(), *v))
            .chain(self.fit.map(|f| ("fit", f)))
        {
            if !(0.0..=10.0).contains(&fit) {
                return invalid(format!("{name}: {what} is scored 0–10, not {fit}"));
            }
        }
        for risk in &self.risks {
            if !(1..=5).contains(&risk.level) {
                return invalid(format!(
                    "{name}: a {} risk is rated 1–5, not {}",
                    risk.kind.label(),
                    risk.level
                ));
            }
        }
        for rule in &self.stopping_rules {
            rule.validate()?;
        }
        Ok(())
    }

    /// The strategic fit, 0–10: the weighted mean of the criteria scored,
    /// else the one number given.
    pub fn fit_score(&self, criteria: &[FitCriterion]) -> Option<f64> {
        let scored: Vec<(f64, f64)> = criteria
            .iter()
            .filter(|c| c.weight > 0.0 && c.weight.is_finite())
            .filter_map(|c| {
                self.fit_scores
                    .iter()
                    .find(|(name, _)| name.trim().eq_ignore_ascii_case(c.name.trim()))
                    .map(|(_, score)| (c.weight, *score))
            })
            .collect();
        let weight: f64 = scored.iter().map(|(w, _)| w).sum();
        if weight > 0.0 {
            Some(scored.iter().map(|(w, s)| w * s).sum::<f64>() / weight)
        } else {
            self.fit
        }
    }
}

/// The share of effort each bucket should get, in percent.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct BucketTargets {
    pub core: f64,
    pub adjacent: f64,
    pub transformational: f64,
}

impl Default for BucketTargets {
    fn default() -> Self {
        Self {
            core: 70.0,
            adjacent: 20.0,
            transformational: 10.0,
        }
    }
}

impl BucketTargets {
    pub fn of(&self, bucket: Bucket) -> f64 {
        match bucket {
            Bucket::Core => self.core,
            Bucket::Adjacent => self.adjacent,
            Bucket::Transformational => self.transformational,
        }
    }
}

/// The workspace's portfolio settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct PortfolioSettings {
    pub period: Period,
    /// The yearly discount rate (0.1 for 10 %).
    pub discount_rate: f64,
    pub targets: BucketTargets,
    /// Above this slider value, an initiative needs an evidence gate and a
    /// stopping rule.
    pub slider_threshold: u8,
    pub fit_criteria: Vec<FitCriterion>,
    /// Where the matrix's quadrant lines cross: a fit (0–10) and a value;
    /// `None` draws that line at the median.
    #[serde(default)]
    pub quadrant_fit: Option<f64>,
    #[serde(default)]
    pub quadrant_value: Option<f64>,
}

impl Default for PortfolioSettings {
    fn default() -> Self {
        Self {
            period: Period::Quarter,
            discount_rate: 0.10,
            targets: BucketTargets::default(),
            slider_threshold: 60,
            fit_criteria: Vec::new(),
            quadrant_fit: None,
            quadrant_value: None,
        }
    }
}
