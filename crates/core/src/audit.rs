//! The misalignment audit: which of the four buckets — goals, beliefs,
//! timeline, risk appetite — the stakeholders of an update clash on, and
//! the four audit questions answered as facts where the workspace knows
//! them, otherwise left open. No I/O; the same data gives the same verdict.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::portfolio::{Initiative, RiskKind};
use crate::{CivilDate, CoreError, UpdateFields};

/// The most stakeholders, beliefs per stakeholder and opposed pairs an
/// audit holds.
pub const MAX_STAKEHOLDERS: usize = 50;
pub const MAX_BELIEFS: usize = 20;
const MAX_TEXT: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum AuditBucket {
    Goals,
    Beliefs,
    Timeline,
    RiskAppetite,
}

impl AuditBucket {
    pub const ALL: [AuditBucket; 4] = [
        AuditBucket::Goals,
        AuditBucket::Beliefs,
        AuditBucket::Timeline,
        AuditBucket::RiskAppetite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AuditBucket::Goals => "goals",
            AuditBucket::Beliefs => "beliefs",
            AuditBucket::Timeline => "timeline",
            AuditBucket::RiskAppetite => "risk-appetite",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AuditBucket::Goals => "Goals",
            AuditBucket::Beliefs => "Beliefs",
            AuditBucket::Timeline => "Timeline",
            AuditBucket::RiskAppetite => "Risk appetite",
        }
    }

    /// The playbook that resolves a clash in this bucket.
    pub fn playbook(self) -> &'static str {
        match self {
            AuditBucket::Goals => "Map each initiative on NPV × fit × risk, then split effort 70/20/10 so both goals are funded.",
            AuditBucket::Beliefs => "Make the trade-offs explicit with the strategy cascade and the assumption map, then run a 4–6-week pathfinder experiment on the cheaper option.",
            AuditBucket::Timeline => "Run dual tracks, Now and Next, with a dependency map showing how today's work unlocks tomorrow's.",
            AuditBucket::RiskAppetite => "Place each initiative on the incremental–transformational slider, with evidence gates and stopping rules that show how uncertainty will shrink.",
        }
    }
}

/// A risk tolerance: 1 (none) to 5 (a lot), per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Tolerance {
    pub kind: RiskKind,
    pub level: u8,
}

/// That a stakeholder can say why users switch, as the PM recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Acknowledgement {
    #[ts(as = "String")]
    pub date: CivilDate,
    /// Where: "staff meeting", "1:1".
    #[serde(default)]
    pub place: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Stakeholder {
    /// "CFO", "Head of Product".
    pub role: String,
    /// The metric they judge success by.
    #[serde(default)]
    pub metric: String,
    /// How far ahead they look, in months.
    #[serde(default)]
    pub horizon_months: Option<u32>,
    #[serde(default)]
    pub tolerances: Vec<Tolerance>,
    /// Short statements of how they believe the market works.
    #[serde(default)]
    pub beliefs: Vec<String>,
    #[serde(default)]
    pub acknowledged: Option<Acknowledgement>,
}

/// Two beliefs marked as opposed, by their text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OpposedBeliefs {
    pub first: String,
    pub second: String,
}

/// What the audit of one update knows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UpdateAudit {
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    #[serde(default)]
    pub opposed: Vec<OpposedBeliefs>,
}

fn too_long(what: &str, text: &str) -> Option<CoreError> {
    (text.chars().count() > MAX_TEXT || crate::text::has_bidi_control(text)).then(|| {
        CoreError::InvalidAudit(format!(
            "{what} must be plain text of at most {MAX_TEXT} characters"
        ))
    })
}

impl UpdateAudit {
    /// What must hold for an audit from anywhere (the window, the store).
    pub fn validate(&self) -> Result<(), CoreError> {
        if self.stakeholders.len() > MAX_STAKEHOLDERS {
            return Err(CoreError::InvalidAudit(format!(
                "an update's audit lists at most {MAX_STAKEHOLDERS} stakeholders"
            )));
        }
        for s in &self.stakeholders {
            if s.role.trim().is_empty() {
                return Err(CoreError::InvalidAudit(
                    "every stakeholder needs a role (CFO, Head of Product…)".into(),
                ));
            }
            for (what, text) in [("a role", &s.role), ("a metric", &s.metric)] {
                if let Some(err) = too_long(what, text) {
                    return Err(err);
                }
            }
            if s.horizon_months.is_some_and(|m| m > 240) {
                return Err(CoreError::InvalidAudit(format!(
                    "{}: a horizon is at most 240 months",
                    s.role.trim()
                )));
            }
            if s.tolerances.iter().any(|t| !(1..=5).contains(&t.level)) {
                return Err(CoreError::InvalidAudit(format!(
                    "{}: a risk tolerance runs from 1 to 5",
                    s.role.trim()
                )));
            }
            if s.beliefs.len() > MAX_BELIEFS {
                return Err(CoreError::InvalidAudit(format!(
                    "{}: at most {MAX_BELIEFS} beliefs",
                    s.role.trim()
                )));
            }
            for belief in &s.beliefs {
                if let Some(err) = too_long("a belief", belief) {
                    return Err(err);
                }
            }
            if let Some(ack) = &s.acknowledged {
                if let Some(err) = too_long("where it was acknowledged", &ack.place) {
                    return Err(err);
                }
            }
        }
        if self.opposed.len() > MAX_STAKEHOLDERS * MAX_BELIEFS {
            return Err(CoreError::InvalidAudit("too many opposed beliefs".into()));
        }
        for pair in &self.opposed {
            for belief in [&pair.first, &pair.second] {
                if self.holder_of(belief).is_none() {
                    return Err(CoreError::InvalidAudit(format!(
                        "“{}” is marked opposed but no stakeholder holds it",
                        belief.trim()
                    )));
                }
            }
        }
        Ok(())
    }

    /// Who holds a belief (the first stakeholder to state it).
    fn holder_of(&self, belief: &str) -> Option<&Stakeholder> {
        let wanted = normal(belief);
        self.stakeholders
            .iter()
            .find(|s| s.beliefs.iter().any(|b| normal(b) == wanted))
    }
}

/// The strategy cascade, from the aspiration down.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Cascade {
    #[serde(default)]
    pub aspiration: String,
    #[serde(default)]
    pub where_to_play: Vec<String>,
    #[serde(default)]
    pub how_to_win: Vec<String>,
    #[serde(default)]
    pub capabilities: Vec<String>,
    #[serde(default)]
    pub systems: Vec<String>,
}

/// The workspace's strategy: the board target, why users switch, the
/// horizon bands and the cascade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Strategy {
    /// The board target's metric ("NRR"), value ("115%") and year.
    #[serde(default)]
    pub board_metric: String,
    #[serde(default)]
    pub board_target: String,
    #[serde(default)]
    pub board_year: Option<i32>,
    /// Why users switch to the product, in one statement.
    #[serde(default)]
    pub why_switch: String,
    /// Now is up to this many months ahead; Next up to `next_months`;
    /// Later beyond.
    #[serde(default = "now_months")]
    pub now_months: u32,
    #[serde(default = "next_months")]
    pub next_months: u32,
    #[serde(default)]
    pub cascade: Cascade,
}

fn now_months() -> u32 {
    3
}

fn next_months() -> u32 {
    12
}

impl Default for Strategy {
    fn default() -> Self {
        Self {
            board_metric: String::new(),
            board_target: String::new(),
            board_year: None,
            why_switch: String::new(),
            now_months: now_months(),
            next_months: next_months(),
            cascade: Cascade::default(),
        }
    }
}

impl Strategy {
    pub fn validate(&self) -> Result<(), CoreError> {
        for (what, text) in [
            ("the board metric", &self.board_metric),
            ("the board target", &self.board_target),
            ("why users switch", &self.why_switch),
            ("the aspiration", &self.cascade.aspiration),
        ] {
            if let Some(err) = too_long(what, text) {
                return Err(err);
            }
        }
        if self.now_months == 0 || self.now_months >= self.next_months || self.next_months > 240 {
            return Err(CoreError::InvalidAudit(
                "the horizon bands need 0 < Now ≤ Next ≤ 240 months".into(),
            ));
        }
        let c = &self.cascade;
        for list in [&c.where_to_play, &c.how_to_win, &c.capabilities, &c.systems] {
            if list.len() > MAX_BELIEFS * 5 {
                return Err(CoreError::InvalidAudit(
                    "a level of the cascade lists at most 100 choices".into(),
                ));
            }
            for item in list {
                if let Some(err) = too_long("a cascade choice", item) {
                    return Err(err);
                }
            }
        }
        Ok(())
    }
}

/// One bucket's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BucketVerdict {
    pub bucket: AuditBucket,
    pub conflict: bool,
    pub why: String,
}

/// One audit question: answered as a fact, or open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditQuestion {
    pub question: String,
    pub answer: String,
    /// `true` when the workspace knows the answer; `false` for an open
    /// question the PM has to answer.
    pub fact: bool,
    /// Whether the answer is a yes (meaningful only for a fact).
    pub yes: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Diagnosis {
    pub buckets: Vec<BucketVerdict>,
    pub questions: Vec<AuditQuestion>,
}

impl Diagnosis {
    pub fn conflicts(&self) -> impl Iterator<Item = &BucketVerdict> {
        self.buckets.iter().filter(|b| b.conflict)
    }

    /// Conflicts, open questions or a "no" to a question: something to act on.
    pub fn needs_action(&self) -> bool {
        self.conflicts().next().is_some() || self.questions.iter().any(|q| !q.fact || !q.yes)
    }
}

fn normal(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn role(s: &Stakeholder) -> &str {
    s.role.trim()
}

fn goals(audit: &UpdateAudit) -> BucketVerdict {
    let with_metric: Vec<&Stakeholder> = audit
        .stakeholders
        .iter()
        .filter(|s| !s.metric.trim().is_empty())
        .collect();
    let mut metrics: Vec<String> = with_metric.iter().map(|s| normal(&s.metric)).collect();
    metrics.sort();
    metrics.dedup();
    let (conflict, why) = match (with_metric.len(), metrics.len()) {
        (0 | 1, _) => (
            false,
            "Not enough to tell: record the metric at least two stakeholders judge success by."
                .to_owned(),
        ),
        (_, 1) => (
            false,
            format!(
                "Everyone judges success by {}.",
                with_metric[0].metric.trim()
            ),
        ),
        _ => (
            true,
            format!(
                "Different definitions of success: {}.",
                with_metric
                    .iter()
                    .map(|s| format!("{} judges by {}", role(s), s.metric.trim()))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ),
    };
    BucketVerdict {
        bucket: AuditBucket::Goals,
        conflict,
        why,
    }
}

fn beliefs(audit: &UpdateAudit) -> BucketVerdict {
    let pairs: Vec<String> = audit
        .opposed
        .iter()
        .map(|pair| {
            let holder = |belief: &str| audit.holder_of(belief).map_or("", role).to_owned();
            format!(
                "“{}” ({}) against “{}” ({})",
                pair.first.trim(),
                holder(&pair.first),
                pair.second.trim(),
                holder(&pair.second)
            )
        })
        .collect();
    let stated = audit.stakeholders.iter().any(|s| !s.beliefs.is_empty());
    BucketVerdict {
        bucket: AuditBucket::Beliefs,
        conflict: !pairs.is_empty(),
        why: if !pairs.is_empty() {
            format!(
                "Opposed beliefs about how the market works: {}.",
                pairs.join("; ")
            )
        } else if stated {
            "No two beliefs are marked opposed.".to_owned()
        } else {
            "Not enough to tell: record what the stakeholders believe about the market, and mark two as opposed where they are.".to_owned()
        },
    }
}

/// Now, Next or Later, by the strategy's bands.
fn band(months: u32, strategy: &Strategy) -> &'static str {
    if months <= strategy.now_months {
        "Now"
    } else if months <= strategy.next_months {
        "Next"
    } else {
        "Later"
    }
}

fn timeline(audit: &UpdateAudit, strategy: &Strategy) -> BucketVerdict {
    let with: Vec<(&Stakeholder, u32)> = audit
        .stakeholders
        .iter()
        .filter_map(|s| s.horizon_months.map(|m| (s, m)))
        .collect();
    let mut bands: Vec<&str> = with.iter().map(|(_, m)| band(*m, strategy)).collect();
    bands.sort_unstable();
    bands.dedup();
    let describe = || {
        with.iter()
            .map(|(s, m)| {
                format!(
                    "{} looks {m} months ahead ({})",
                    role(s),
                    band(*m, strategy)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let (conflict, why) = match (with.len(), bands.len()) {
        (0 | 1, _) => (
            false,
            "Not enough to tell: record how far ahead at least two stakeholders look.".to_owned(),
        ),
        (_, 1) => (false, format!("Every horizon falls in {}.", bands[0])),
        _ => (
            true,
            format!("Horizons in different bands: {}.", describe()),
        ),
    };
    BucketVerdict {
        bucket: AuditBucket::Timeline,
        conflict,
        why,
    }
}

fn risk_appetite(audit: &UpdateAudit) -> BucketVerdict {
    let mut clashes = Vec::new();
    let mut compared = false;
    for kind in RiskKind::ALL {
        let levels: Vec<(&Stakeholder, u8)> = audit
            .stakeholders
            .iter()
            .filter_map(|s| {
                s.tolerances
                    .iter()
                    .find(|t| t.kind == kind)
                    .map(|t| (s, t.level))
            })
            .collect();
        if levels.len() < 2 {
            continue;
        }
        compared = true;
        let low = levels.iter().min_by_key(|(_, l)| *l);
        let high = levels.iter().max_by_key(|(_, l)| *l);
        if let (Some((ls, l)), Some((hs, h))) = (low, high) {
            if h - l >= 2 {
                clashes.push(format!(
                    "{}: {} tolerates {l}, {} {h}",
                    kind.label(),
                    role(ls),
                    role(hs)
                ));
            }
        }
    }
    BucketVerdict {
        bucket: AuditBucket::RiskAppetite,
        conflict: !clashes.is_empty(),
        why: if !clashes.is_empty() {
            format!(
                "Tolerances two or more apart (1–5): {}.",
                clashes.join("; ")
            )
        } else if compared {
            "No tolerances two or more apart.".to_owned()
        } else {
            "Not enough to tell: record at least two stakeholders' tolerance on the same kind of risk.".to_owned()
        },
    }
}

fn open(question: &str, answer: &str) -> AuditQuestion {
    AuditQuestion {
        question: question.to_owned(),
        answer: answer.to_owned(),
        fact: false,
        yes: false,
    }
}

fn fact(question: &str, yes: bool, answer: String) -> AuditQuestion {
    AuditQuestion {
        question: question.to_owned(),
        answer,
        fact: true,
        yes,
    }
}

const Q_TARGET: &str = "Does your North-Star metric echo this year's board target?";
const Q_SWITCH: &str = "Can every exec recite why users switch to your product?";
const Q_HORIZON: &str = "Are roadmap items bucketed by horizon (Now / Next / Later)?";
const Q_RED_LINES: &str = "Have you codified red-line risks and evidence gates?";

/// Whether the priority names the metric: every word of the metric among
/// the priority's words.
fn names_metric(priority: &str, metric: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let have = words(priority);
    let want = words(metric);
    !want.is_empty() && want.iter().all(|w| have.contains(w))
}

fn question_target(update: &UpdateFields, strategy: &Strategy) -> AuditQuestion {
    let metric = strategy.board_metric.trim();
    let priority = update.priority.trim();
    if metric.is_empty() {
        return open(
            Q_TARGET,
            "The workspace has no board target yet: record its metric under Strategy.",
        );
    }
    if priority.is_empty() {
        return open(
            Q_TARGET,
            "The update names no priority or North-Star metric to compare with the board target.",
        );
    }
    let target = match (strategy.board_target.trim(), strategy.board_year) {
        ("", None) => metric.to_owned(),
        ("", Some(year)) => format!("{metric} ({year})"),
        (value, None) => format!("{metric} {value}"),
        (value, Some(year)) => format!("{metric} {value} ({year})"),
    };
    if names_metric(priority, metric) {
        fact(
            Q_TARGET,
            true,
            format!("Yes: the update's priority “{priority}” names the board target's metric, {target}."),
        )
    } else {
        fact(
            Q_TARGET,
            false,
            format!("No: the update serves “{priority}”; the board's target is {target}."),
        )
    }
}

fn question_switch(audit: &UpdateAudit, strategy: &Strategy) -> AuditQuestion {
    if strategy.why_switch.trim().is_empty() {
        return open(
            Q_SWITCH,
            "The workspace has no “why users switch” statement yet: write it under Strategy.",
        );
    }
    if audit.stakeholders.is_empty() {
        return open(
            Q_SWITCH,
            "No stakeholder is recorded for this update: add them and record who has acknowledged the statement.",
        );
    }
    let missing: Vec<&str> = audit
        .stakeholders
        .iter()
        .filter(|s| s.acknowledged.is_none())
        .map(role)
        .collect();
    if missing.is_empty() {
        let when: Vec<String> = audit
            .stakeholders
            .iter()
            .filter_map(|s| {
                s.acknowledged.as_ref().map(|a| {
                    let place = if a.place.trim().is_empty() {
                        String::new()
                    } else {
                        format!(", {}", a.place.trim())
                    };
                    format!("{} ({}{place})", role(s), a.date)
                })
            })
            .collect();
        fact(
            Q_SWITCH,
            true,
            format!(
                "Yes: every stakeholder has acknowledged it — {}.",
                when.join("; ")
            ),
        )
    } else {
        fact(
            Q_SWITCH,
            false,
            format!("No: not yet acknowledged by {}.", missing.join(", ")),
        )
    }
}

fn question_horizon(initiatives: &[Initiative]) -> AuditQuestion {
    if initiatives.is_empty() {
        return open(
            Q_HORIZON,
            "The portfolio has no initiatives yet: add the roadmap's items with their horizon.",
        );
    }
    let missing: Vec<&str> = initiatives
        .iter()
        .filter(|i| i.horizon.is_none())
        .map(|i| i.name.trim())
        .collect();
    if missing.is_empty() {
        fact(
            Q_HORIZON,
            true,
            format!("Yes: all {} initiatives have a horizon.", initiatives.len()),
        )
    } else {
        fact(
            Q_HORIZON,
            false,
            format!("No: without a horizon — {}.", missing.join(", ")),
        )
    }
}

fn question_red_lines(initiatives: &[Initiative]) -> AuditQuestion {
    if initiatives.is_empty() {
        return open(
            Q_RED_LINES,
            "The portfolio has no initiatives yet, so no red line is codified.",
        );
    }
    let red_lines: Vec<(&Initiative, RiskKind)> = initiatives
        .iter()
        .flat_map(|i| {
            i.risks
                .iter()
                .filter(|r| r.red_line)
                .map(move |r| (i, r.kind))
        })
        .collect();
    if red_lines.is_empty() {
        return fact(
            Q_RED_LINES,
            false,
            "No: no initiative marks a risk as a red line.".to_owned(),
        );
    }
    let ungated: Vec<String> = red_lines
        .iter()
        .filter(|(i, _)| i.gates.is_empty())
        .map(|(i, kind)| format!("{} ({})", i.name.trim(), kind.label()))
        .collect();
    if ungated.is_empty() {
        fact(
            Q_RED_LINES,
            true,
            format!(
                "Yes: {} red-line risk{} and every one has an evidence gate.",
                red_lines.len(),
                if red_lines.len() == 1 { "" } else { "s" }
            ),
        )
    } else {
        fact(
            Q_RED_LINES,
            false,
            format!(
                "No: red lines without an evidence gate — {}.",
                ungated.join(", ")
            ),
        )
    }
}

/// The audit of one update.
pub fn diagnose(
    audit: &UpdateAudit,
    strategy: &Strategy,
    update: &UpdateFields,
    initiatives: &[Initiative],
) -> Diagnosis {
    Diagnosis {
        buckets: vec![
            goals(audit),
            beliefs(audit),
            timeline(audit, strategy),
            risk_appetite(audit),
        ],
        questions: vec![
            question_target(update, strategy),
            question_switch(audit, strategy),
            question_horizon(initiatives),
            question_red_lines(initiatives),
        ],
    }
}

/// The initiatives the cascade does not explain: those that trace to no
/// where-to-play or how-to-win choice (an initiative names its choice in
/// `objective`, or the choice's words appear in its name or objective).
pub fn cascade_orphans<'a>(strategy: &Strategy, initiatives: &'a [Initiative]) -> Vec<&'a str> {
    let choices: Vec<String> = strategy
        .cascade
        .where_to_play
        .iter()
        .chain(&strategy.cascade.how_to_win)
        .map(|c| normal(c))
        .filter(|c| !c.is_empty())
        .collect();
    initiatives
        .iter()
        .filter(|i| {
            let text = normal(&format!("{} {}", i.objective, i.name));
            !choices.iter().any(|c| text.contains(c.as_str()))
        })
        .map(|i| i.name.trim())
        .collect()
}

/// A pathfinder experiment's length must be 4–6 weeks, or say why not.
pub fn check_pathfinder_weeks(weeks: u32, reason: &str) -> Result<(), CoreError> {
    if (4..=6).contains(&weeks) || !reason.trim().is_empty() {
        Ok(())
    } else {
        Err(CoreError::InvalidAudit(format!(
            "a pathfinder experiment runs 4–6 weeks; {weeks} weeks needs a stated reason"
        )))
    }
}

/// A draft update that opens the playbook for a bucket: the context and
/// conflict from the diagnosis, the resolution from the playbook's move,
/// for the PM to make specific. The evidence (the view) is added by the
/// caller as the chart.
pub fn playbook_draft(
    bucket: AuditBucket,
    diagnosis: &Diagnosis,
    update: &UpdateFields,
    today: CivilDate,
) -> UpdateFields {
    let verdict = diagnosis.buckets.iter().find(|b| b.bucket == bucket);
    let why = verdict.map_or("", |v| v.why.as_str());
    let title = match bucket {
        AuditBucket::Goals => "Fund both goals: 70/20/10 across the portfolio",
        AuditBucket::Beliefs => "Settle the disagreement with a 6-week pathfinder experiment",
        AuditBucket::Timeline => "Run Now and Next in parallel: today's work unlocks the platform",
        AuditBucket::RiskAppetite => {
            "Go step by step: evidence gates and stopping rules for the bold bets"
        }
    };
    let priority = if update.priority.trim().is_empty() {
        String::new()
    } else {
        format!(" toward {}", update.priority.trim())
    };
    UpdateFields {
        title: title.to_owned(),
        audience: update.audience.clone(),
        priority: update.priority.clone(),
        date: today.to_string(),
        beats: crate::Beats {
            context: format!(
                "We are deciding how to move{priority}. {}",
                diagnosis
                    .questions
                    .iter()
                    .filter(|q| q.fact)
                    .map(|q| q.answer.clone())
                    .next()
                    .unwrap_or_default()
            )
            .trim()
            .to_owned(),
            conflict: why.to_owned(),
            resolution: format!("{} [Name the owner and the date.]", bucket.playbook()),
            evidence: String::new(),
        },
        ..UpdateFields::default()
    }
}
