//! An executive update and the fields a PM edits.

use serde::{Deserialize, Deserializer, Serialize};
use ts_rs::TS;

use crate::text::remove_bidi_overrides;
use crate::{ChartSpec, CivilDate, CoreError};

pub type UpdateId = i64;

/// The longest text a single field may hold (in Unicode scalar values).
/// Generous on purpose: a pasted document must never be cut, only refused
/// with a message when it is absurd.
pub const MAX_FIELD_CHARS: usize = 4_000_000;

/// The four beats of the story, in the order they are told.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Beat {
    Context,
    Conflict,
    Resolution,
    Evidence,
}

impl Beat {
    pub const ALL: [Beat; 4] = [
        Beat::Context,
        Beat::Conflict,
        Beat::Resolution,
        Beat::Evidence,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Beat::Context => "context",
            Beat::Conflict => "conflict",
            Beat::Resolution => "resolution",
            Beat::Evidence => "evidence",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Beats {
    pub context: String,
    pub conflict: String,
    pub resolution: String,
    pub evidence: String,
}

impl Beats {
    pub fn text(&self, beat: Beat) -> &str {
        match beat {
            Beat::Context => &self.context,
            Beat::Conflict => &self.conflict,
            Beat::Resolution => &self.resolution,
            Beat::Evidence => &self.evidence,
        }
    }

    /// Which beats hold more than white space, in story order.
    pub fn filled(&self) -> [bool; 4] {
        Beat::ALL.map(|beat| !self.text(beat).trim().is_empty())
    }
}

/// One high-signal metric: the figure, what it measures, what it is compared
/// with, and over which period. Kept as the PM typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MetricEvidence {
    pub value: String,
    pub unit: String,
    pub baseline: String,
    pub window: String,
    /// Where the figure comes from ("Amplitude, trial cohort").
    #[serde(default)]
    pub source: String,
    /// The sample: one size, or the groups' sizes ("1420, 1410").
    #[serde(default)]
    pub sample: String,
}

/// One attributed customer quote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuoteEvidence {
    pub text: String,
    pub who: String,
    pub when: String,
}

/// The structured part of the Evidence beat: a metric, a quote, or only prose.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Evidence {
    #[default]
    None,
    Metric(MetricEvidence),
    Quote(QuoteEvidence),
}

impl Evidence {
    pub fn kind(&self) -> &'static str {
        match self {
            Evidence::None => "none",
            Evidence::Metric(_) => "metric",
            Evidence::Quote(_) => "quote",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Draft,
    Ready,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Ready => "ready",
        }
    }

    pub fn parse(text: &str) -> Result<Self, CoreError> {
        match text.trim().to_ascii_lowercase().as_str() {
            "draft" => Ok(Status::Draft),
            "ready" => Ok(Status::Ready),
            _ => Err(CoreError::InvalidStatus(text.to_owned())),
        }
    }
}

/// Everything a PM edits in the editor. Autosave sends the whole set, so a
/// save is idempotent and the last one wins.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
pub struct UpdateFields {
    /// The action title: the takeaway in one sentence.
    pub title: String,
    /// Who decides (CFO, CRO, exec staff…).
    pub audience: String,
    /// The executive priority or North-Star metric this update serves.
    pub priority: String,
    /// The date the update speaks for (YYYY-MM-DD); the slide footer shows it.
    pub date: String,
    pub beats: Beats,
    pub evidence: Evidence,
    /// The one chart, drawn from data the PM pasted or imported.
    #[serde(default)]
    pub chart: Option<ChartSpec>,
    /// What a draft written elsewhere said besides the beats, kept as written.
    #[serde(default)]
    pub other: OtherParts,
    /// The template it started from, whose expectations the coach applies.
    #[serde(default)]
    pub template: Option<crate::template::TemplateId>,
    /// What the presenter says: the slide's notes page in PowerPoint.
    #[serde(default)]
    pub notes: String,
}

/// The parts of a draft that are not beats: its other sections (an impact
/// statement, root causes, a summary, the text before the first heading)
/// and the front-matter keys the app does not know. Kept on the update,
/// shown under the beats and written back on export, so nothing a draft
/// says is dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OtherParts {
    #[serde(default)]
    pub sections: Vec<ExtraSection>,
    /// `key: value` pairs, in order.
    #[serde(default)]
    pub front_matter: Vec<(String, String)>,
}

impl OtherParts {
    pub fn is_empty(&self) -> bool {
        self.sections.is_empty() && self.front_matter.is_empty()
    }
}

/// A section of a story file other than the four beats, kept as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ExtraSection {
    /// The heading's text, without `## `. Empty for the text before the
    /// first heading, which is written back before the beats.
    pub heading: String,
    /// The section's text without blank lines at either end.
    pub body: String,
}

/// Other sections and front-matter keys one update keeps, at most.
pub const MAX_OTHER_PARTS: usize = 200;

/// [`UpdateFields`] as it arrives, before its texts are cleaned.
#[derive(Deserialize)]
#[serde(rename = "UpdateFields")]
struct IncomingFields {
    title: String,
    audience: String,
    priority: String,
    date: String,
    beats: Beats,
    evidence: Evidence,
    #[serde(default)]
    chart: Option<ChartSpec>,
    #[serde(default)]
    other: OtherParts,
    #[serde(default)]
    template: Option<crate::template::TemplateId>,
    #[serde(default)]
    notes: String,
}

/// Reading the fields (as the app sends them, as JSON) removes the bidi
/// embedding and override controls from every text, as
/// [`UpdateFields::without_bidi_overrides`] does: every save, review and
/// slide the app asks for sees text that shows in the order it is read.
impl<'de> Deserialize<'de> for UpdateFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let incoming = IncomingFields::deserialize(deserializer)?;
        let fields = UpdateFields {
            title: incoming.title,
            audience: incoming.audience,
            priority: incoming.priority,
            date: incoming.date,
            beats: incoming.beats,
            evidence: incoming.evidence,
            chart: incoming.chart,
            other: incoming.other,
            template: incoming.template,
            notes: incoming.notes,
        };
        Ok(fields.without_bidi_overrides())
    }
}

impl UpdateFields {
    /// The fields with the bidi embedding and override controls
    /// (U+202A–U+202E) removed from every text: title, audience, priority,
    /// date, beats, evidence, and the chart's title, alt text, highlight,
    /// unit, column names and row labels. Such controls make text show in
    /// another order than the coach reads it (see [`crate::text`]).
    pub fn without_bidi_overrides(mut self) -> Self {
        for text in self.texts_mut() {
            remove_bidi_overrides(text);
        }
        self
    }

    /// Every text of the fields, the chart's included.
    fn texts_mut(&mut self) -> Vec<&mut String> {
        let beats = &mut self.beats;
        let mut texts = vec![
            &mut self.title,
            &mut self.audience,
            &mut self.priority,
            &mut self.date,
            &mut beats.context,
            &mut beats.conflict,
            &mut beats.resolution,
            &mut beats.evidence,
            &mut self.notes,
        ];
        match &mut self.evidence {
            Evidence::None => {}
            Evidence::Metric(m) => {
                texts.extend([
                    &mut m.value,
                    &mut m.unit,
                    &mut m.baseline,
                    &mut m.window,
                    &mut m.source,
                    &mut m.sample,
                ]);
            }
            Evidence::Quote(q) => texts.extend([&mut q.text, &mut q.who, &mut q.when]),
        }
        if let Some(chart) = &mut self.chart {
            texts.extend([&mut chart.title, &mut chart.alt]);
            texts.extend(chart.highlight.iter_mut().chain(chart.unit.iter_mut()));
            texts.extend(chart.data.header.iter_mut());
            texts.extend(chart.data.rows.iter_mut().map(|row| &mut row.label));
        }
        for section in &mut self.other.sections {
            texts.extend([&mut section.heading, &mut section.body]);
        }
        for (key, value) in &mut self.other.front_matter {
            texts.extend([key, value]);
        }
        texts
    }

    /// Refuses values the store must never hold. Empty fields are fine: a
    /// draft is allowed to be unfinished.
    pub fn validate(&self) -> Result<(), CoreError> {
        let texts: [(&'static str, &str); 8] = [
            ("title", &self.title),
            ("audience", &self.audience),
            ("priority", &self.priority),
            ("context", &self.beats.context),
            ("conflict", &self.beats.conflict),
            ("resolution", &self.beats.resolution),
            ("evidence", &self.beats.evidence),
            ("speaker notes", &self.notes),
        ];
        for (field, text) in texts {
            check_length(field, text)?;
        }
        match &self.evidence {
            Evidence::None => {}
            Evidence::Metric(m) => {
                for (field, text) in [
                    ("metric value", &m.value),
                    ("metric unit", &m.unit),
                    ("metric baseline", &m.baseline),
                    ("metric window", &m.window),
                    ("metric source", &m.source),
                    ("metric sample", &m.sample),
                ] {
                    check_length(field, text)?;
                }
            }
            Evidence::Quote(q) => {
                for (field, text) in [
                    ("quote", &q.text),
                    ("quote author", &q.who),
                    ("quote date", &q.when),
                ] {
                    check_length(field, text)?;
                }
            }
        }
        if !self.date.trim().is_empty() {
            self.date.parse::<CivilDate>()?;
        }
        if let Some(chart) = &self.chart {
            check_length("chart title", &chart.title)?;
            check_length("chart alt text", &chart.alt)?;
            check_chart_data(&chart.data)?;
            match (&chart.portfolio, chart.kind.is_portfolio()) {
                (Some(snapshot), true) => snapshot.validate()?,
                (None, false) => {}
                (Some(_), false) => {
                    return Err(CoreError::InvalidChart(
                        "portfolio figures belong to a portfolio view only".into(),
                    ))
                }
                (None, true) => {
                    return Err(CoreError::InvalidChart(
                        "a portfolio view needs its figures: choose it again from the portfolio"
                            .into(),
                    ))
                }
            }
        }
        let parts = self.other.sections.len() + self.other.front_matter.len();
        if parts > MAX_OTHER_PARTS {
            return Err(CoreError::TooManyOtherParts {
                count: parts,
                max: MAX_OTHER_PARTS,
            });
        }
        for section in &self.other.sections {
            check_length("other section heading", &section.heading)?;
            check_length("other section", &section.body)?;
        }
        for (key, value) in &self.other.front_matter {
            check_length("front-matter key", key)?;
            check_length("front-matter value", value)?;
        }
        Ok(())
    }
}

/// The limits of a pasted table hold for chart data from anywhere (a
/// stored chart included): rows, columns, one value per series, finite
/// values, labels of a sensible length.
fn check_chart_data(data: &crate::DataTable) -> Result<(), CoreError> {
    let too_many = |what, count, max| CoreError::ChartTooLarge { what, count, max };
    if data.rows.len() > crate::table::MAX_ROWS {
        return Err(too_many("rows", data.rows.len(), crate::table::MAX_ROWS));
    }
    if data.header.len() > crate::table::MAX_COLUMNS {
        return Err(too_many(
            "columns",
            data.header.len(),
            crate::table::MAX_COLUMNS,
        ));
    }
    for name in &data.header {
        check_length("chart column name", name)?;
    }
    let series = data.header.len().saturating_sub(1);
    for row in &data.rows {
        check_length("chart row label", &row.label)?;
        if row.values.len() > series.max(1) {
            return Err(too_many(
                "values in one row",
                row.values.len(),
                series.max(1),
            ));
        }
        if row.values.iter().flatten().any(|value| !value.is_finite()) {
            return Err(CoreError::InvalidChart(
                "a value is not a finite number".into(),
            ));
        }
    }
    Ok(())
}

fn check_length(field: &'static str, text: &str) -> Result<(), CoreError> {
    // Byte length bounds the char count from above: skip counting when short.
    if text.len() <= MAX_FIELD_CHARS {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars > MAX_FIELD_CHARS {
        return Err(CoreError::FieldTooLong {
            field,
            chars,
            max: MAX_FIELD_CHARS,
        });
    }
    Ok(())
}

/// A stored update.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Update {
    #[ts(type = "number")]
    pub id: UpdateId,
    #[serde(flatten)]
    pub fields: UpdateFields,
    pub status: Status,
    /// The app's own demo update, created once in a new workspace.
    pub is_example: bool,
    /// Unix milliseconds.
    #[ts(type = "number")]
    pub created_at: i64,
    /// Unix milliseconds of the last edit.
    #[ts(type = "number")]
    pub updated_at: i64,
    /// Why this update, once ready, returned to draft (see [`crate::lifecycle`]).
    #[serde(default)]
    pub status_note: Option<String>,
}

impl Update {
    /// Whether the update may move to `status`: a ready update tells the
    /// whole story, so every beat must hold text.
    pub fn check_status_change(&self, status: Status) -> Result<(), CoreError> {
        self.check_status_change_with(status, &crate::coach::JournalContext::default())
    }

    /// [`Update::check_status_change`], with what the decision journal the
    /// update backs says (a triggered kill criterion can block it too).
    pub fn check_status_change_with(
        &self,
        status: Status,
        journal: &crate::coach::JournalContext,
    ) -> Result<(), CoreError> {
        crate::lifecycle::request(status, &self.fields, journal).map(|_| ())
    }

    /// The fields of next week's update: the same story to rework, dated a
    /// week later (or `today` when this one has no valid date).
    pub fn next_week_fields(&self, today: CivilDate) -> UpdateFields {
        let date = self
            .fields
            .date
            .parse::<CivilDate>()
            .map(|d| d.add_days(7))
            .unwrap_or(today);
        UpdateFields {
            date: date.to_string(),
            ..self.fields.clone()
        }
    }
}

/// What the list of updates shows: enough to find one, not the whole text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct UpdateSummary {
    #[ts(type = "number")]
    pub id: UpdateId,
    pub title: String,
    pub audience: String,
    pub date: String,
    pub status: Status,
    pub is_example: bool,
    #[ts(type = "number")]
    pub updated_at: i64,
    /// Context, conflict, resolution, evidence: which hold text.
    pub filled: [bool; 4],
}

impl From<&Update> for UpdateSummary {
    fn from(update: &Update) -> Self {
        Self {
            id: update.id,
            title: update.fields.title.clone(),
            audience: update.fields.audience.clone(),
            date: update.fields.date.clone(),
            status: update.status,
            is_example: update.is_example,
            updated_at: update.updated_at,
            filled: update.fields.beats.filled(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update_with(beats: Beats) -> Update {
        Update {
            id: 1,
            fields: UpdateFields {
                title: "Checklist lifts activation".into(),
                date: "2026-11-23".into(),
                beats,
                ..UpdateFields::default()
            },
            status: Status::Draft,
            is_example: false,
            created_at: 0,
            updated_at: 0,
            status_note: None,
        }
    }

    fn full_beats() -> Beats {
        Beats {
            context: "a".into(),
            conflict: "b".into(),
            resolution: "c".into(),
            evidence: "In six weeks, 41% against 32% before.".into(),
        }
    }

    #[test]
    fn ready_needs_a_story_without_coach_errors() {
        let mut beats = full_beats();
        beats.evidence = "Customers like it.".into();
        let err = update_with(beats)
            .check_status_change(Status::Ready)
            .unwrap_err();
        assert!(
            matches!(err, CoreError::CoachErrors { count: 1, .. }),
            "{err}"
        );
        assert!(err.to_string().contains("no number"), "{err}");
    }

    #[test]
    fn ready_needs_every_beat_and_names_the_first_missing_one() {
        let mut beats = full_beats();
        beats.resolution = "   \n".into();
        let err = update_with(beats)
            .check_status_change(Status::Ready)
            .unwrap_err();
        assert_eq!(err, CoreError::BeatMissing("resolution"));
        assert!(update_with(full_beats())
            .check_status_change(Status::Ready)
            .is_ok());
        assert!(update_with(Beats::default())
            .check_status_change(Status::Draft)
            .is_ok());
    }

    #[test]
    fn next_week_moves_the_date_by_seven_days_and_keeps_the_story() {
        let original = update_with(full_beats());
        let today: CivilDate = "2030-01-01".parse().unwrap();
        let next = original.next_week_fields(today);
        assert_eq!(next.date, "2026-11-30");
        assert_eq!(next.beats, original.fields.beats);
        assert_eq!(next.title, original.fields.title);

        let mut undated = original.clone();
        undated.fields.date.clear();
        assert_eq!(undated.next_week_fields(today).date, "2030-01-01");
    }

    #[test]
    fn validation_refuses_absurd_lengths_and_bad_dates_but_not_drafts() {
        assert!(UpdateFields::default().validate().is_ok());
        let mut fields = UpdateFields {
            title: "x".repeat(MAX_FIELD_CHARS + 1),
            ..UpdateFields::default()
        };
        assert!(matches!(
            fields.validate(),
            Err(CoreError::FieldTooLong { field: "title", .. })
        ));
        fields.title = "é".repeat(MAX_FIELD_CHARS); // 2 bytes each, still within the limit
        assert!(fields.validate().is_ok());
        fields.date = "next Tuesday".into();
        assert!(matches!(fields.validate(), Err(CoreError::InvalidDate(_))));
    }

    #[test]
    fn evidence_serializes_with_a_kind_tag() {
        let metric = Evidence::Metric(MetricEvidence {
            value: "41%".into(),
            ..MetricEvidence::default()
        });
        let json = serde_json::to_value(&metric).unwrap();
        assert_eq!(json["kind"], "metric");
        assert_eq!(json["value"], "41%");
        let none = serde_json::to_value(Evidence::None).unwrap();
        assert_eq!(none, serde_json::json!({"kind": "none"}));
        let back: Evidence = serde_json::from_value(json).unwrap();
        assert_eq!(back, metric);
    }

    #[test]
    fn status_parses_case_insensitively_and_refuses_others() {
        assert_eq!(Status::parse(" Ready ").unwrap(), Status::Ready);
        assert!(Status::parse("done").is_err());
    }
}
