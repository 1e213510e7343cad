//! The misalignment audit's use cases: the strategy, an update's
//! stakeholders, the diagnosis, and the playbooks that end in a draft
//! update or a decision journal. One layer below the window and the CLI.

use serde::{Deserialize, Serialize};
use throughline_core::audit::{
    cascade_orphans, check_pathfinder_weeks, diagnose, playbook_draft, AuditBucket, Diagnosis,
    Strategy, UpdateAudit,
};
use throughline_core::journal::{
    Action, Alternative, Assumption, Comparator, CriterionWindow, Door, EvidenceLevel, Importance,
    JournalBody, KillCriterion,
};
use throughline_core::template::TemplateId;
use throughline_core::UpdateFields;
use throughline_core::UpdateId;
use throughline_store::{JournalId, Workspace};
use ts_rs::TS;

use crate::portfolio::{portfolio_chart_as_of, ChartView};
use crate::{ApiError, Clock};

/// An update's audit as the window shows it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AuditView {
    pub audit: UpdateAudit,
    pub strategy: Strategy,
    pub diagnosis: Diagnosis,
    /// Initiatives no where-to-play or how-to-win choice explains.
    pub orphans: Vec<String>,
}

pub fn audit_view(workspace: &Workspace, id: UpdateId) -> Result<AuditView, ApiError> {
    let update = workspace.get_update(id)?;
    let audit = workspace.update_audit(id)?;
    let strategy = workspace.strategy()?;
    let initiatives = workspace.initiatives()?;
    let has_cascade =
        !strategy.cascade.where_to_play.is_empty() || !strategy.cascade.how_to_win.is_empty();
    let orphans = if has_cascade {
        cascade_orphans(&strategy, &initiatives)
            .into_iter()
            .map(str::to_owned)
            .collect()
    } else {
        Vec::new()
    };
    Ok(AuditView {
        diagnosis: diagnose(&audit, &strategy, &update.fields, &initiatives),
        audit,
        strategy,
        orphans,
    })
}

pub fn save_audit(
    workspace: &Workspace,
    id: UpdateId,
    audit: &UpdateAudit,
    clock: &dyn Clock,
) -> Result<AuditView, ApiError> {
    workspace.save_update_audit(id, audit, clock.now_millis())?;
    audit_view(workspace, id)
}

pub fn save_strategy(
    workspace: &Workspace,
    id: UpdateId,
    strategy: &Strategy,
) -> Result<AuditView, ApiError> {
    workspace.save_strategy(strategy)?;
    audit_view(workspace, id)
}

/// Follows a bucket's playbook: a new draft update whose context and
/// conflict come from the diagnosis, whose resolution is the playbook's
/// move, and whose chart is the view that resolves it (the matrix and
/// 70/20/10 for goals, the dual tracks for the timeline, the boldest bet's
/// gates for risk appetite). The stakeholders come along. Returns its id.
pub fn follow_playbook(
    workspace: &Workspace,
    id: UpdateId,
    bucket: AuditBucket,
    clock: &dyn Clock,
) -> Result<UpdateId, ApiError> {
    let view = audit_view(workspace, id)?;
    let update = workspace.get_update(id)?;
    let mut fields = playbook_draft(bucket, &view.diagnosis, &update.fields, clock.today());
    let initiatives = workspace.list_initiatives()?;
    let chart_view =
        match bucket {
            AuditBucket::Goals => Some(ChartView::Allocation),
            AuditBucket::Timeline => Some(ChartView::Tracks),
            AuditBucket::RiskAppetite => initiatives
                .iter()
                .max_by_key(|s| s.initiative.slider)
                .map(|s| ChartView::Gates {
                    initiative: s.initiative.name.clone(),
                }),
            AuditBucket::Beliefs => None,
        };
    let has_journals = !workspace.list_journals()?.is_empty();
    let chart_view = match bucket {
        AuditBucket::Beliefs if has_journals => Some(ChartView::AssumptionMap),
        _ => chart_view.filter(|_| !initiatives.is_empty()),
    };
    if let Some(chart_view) = chart_view {
        let chart = portfolio_chart_as_of(workspace, &chart_view, clock.today())?;
        fields.beats.evidence = chart.alt.clone();
        fields.chart = Some(chart);
    }
    let created = workspace.create_update(&fields, clock.now_millis())?;
    workspace.save_update_audit(created.id, &view.audit, clock.now_millis())?;
    Ok(created.id)
}

/// A pathfinder experiment as the window describes it.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct Pathfinder {
    /// The test-first assumption it tests.
    pub assumption: String,
    pub weeks: u32,
    /// Why it runs outside 4–6 weeks, when it does.
    #[serde(default)]
    pub reason: String,
    /// The cheaper or faster option it tries, and the path it stands in for.
    pub option: String,
    pub alternative: String,
    /// What success looks like: the metric must reach this.
    pub metric: String,
    pub success: f64,
    /// Stop when the metric is below this at the review.
    pub kill: f64,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub owner: String,
}

/// Starts a pathfinder: a decision journal with the assumption, the two
/// paths, the kill criterion judged on the review date (start + weeks),
/// and the success bar in its decision. Returns the journal's id.
pub fn start_pathfinder(
    workspace: &Workspace,
    experiment: &Pathfinder,
    clock: &dyn Clock,
) -> Result<JournalId, ApiError> {
    check_pathfinder_weeks(experiment.weeks, &experiment.reason)?;
    if experiment.assumption.trim().is_empty() || experiment.metric.trim().is_empty() {
        return Err(ApiError::invalid(
            "a pathfinder tests one assumption against one metric: give both",
        ));
    }
    if !experiment.success.is_finite() || !experiment.kill.is_finite() {
        return Err(ApiError::invalid(
            "the success and kill bars must be numbers",
        ));
    }
    if experiment.kill >= experiment.success {
        return Err(ApiError::invalid(
            "the kill bar must lie below the success bar, or no result could continue",
        ));
    }
    if experiment.weeks == 0 || experiment.weeks > 52 {
        return Err(ApiError::invalid(
            "a pathfinder runs between 1 and 52 weeks",
        ));
    }
    let review = clock.today().add_days(i64::from(experiment.weeks) * 7);
    let unit = experiment.unit.trim();
    let bar = |v: f64| {
        format!(
            "{}{}",
            throughline_core::table::format_number(v),
            match unit {
                "" => String::new(),
                "%" => "%".to_owned(),
                other => format!(" {other}"),
            }
        )
    };
    let body =
        JournalBody {
            item: format!("Pathfinder: {}", experiment.option.trim()),
            owner: experiment.owner.trim().to_owned(),
            decision: format!(
            "Run a {}-week pathfinder on {} to test “{}”. Success: {} reaches {} by {review}.{}",
            experiment.weeks,
            experiment.option.trim(),
            experiment.assumption.trim(),
            experiment.metric.trim(),
            bar(experiment.success),
            if experiment.reason.trim().is_empty() {
                String::new()
            } else {
                format!(" Why {} weeks: {}.", experiment.weeks, experiment.reason.trim())
            }
        ),
            assumptions: vec![Assumption {
                statement: experiment.assumption.trim().to_owned(),
                importance: Importance::High,
                evidence: EvidenceLevel::Anecdote,
                source: "marked test-first in the audit".into(),
            }],
            alternatives: vec![
                Alternative {
                    path: experiment.option.trim().to_owned(),
                    irreversibles: "little: a time-boxed experiment".into(),
                    door: Door::TwoWay,
                },
                Alternative {
                    path: experiment.alternative.trim().to_owned(),
                    irreversibles: String::new(),
                    door: Door::OneWay,
                },
            ],
            criteria: vec![KillCriterion {
                id: "pathfinder".into(),
                metric: experiment.metric.trim().to_owned(),
                comparator: Comparator::Below,
                threshold: experiment.kill,
                unit: unit.to_owned(),
                cohort: String::new(),
                by: review.to_string(),
                action: Action::Halt,
                margin: 0.0,
                window: CriterionWindow::Latest,
            }],
        };
    body.validate()?;
    Ok(workspace.create_journal(&body, clock.now_millis())?)
}

/// A new update from a template: the template kept, dated today.
pub fn new_from_template(
    workspace: &Workspace,
    template: TemplateId,
    clock: &dyn Clock,
) -> Result<UpdateId, ApiError> {
    let fields: UpdateFields = template.template().new_update(&clock.today().to_string());
    Ok(workspace.create_update(&fields, clock.now_millis())?.id)
}
