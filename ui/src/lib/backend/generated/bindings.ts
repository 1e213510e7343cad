// Generated from the Rust types by crates/api/tests/bindings.rs: do not edit.
// Regenerate with `UPDATE_BINDINGS=1 cargo test -p throughline-api --test bindings`.

/**
 * That a stakeholder can say why users switch, as the PM recorded it.
 */
export type Acknowledgement = { date: string,
/**
 * Where: "staff meeting", "1:1".
 */
place: string, };

export type Action = { "kind": "halt" } | { "kind": "pivot-to", "to": string } | { "kind": "escalate-to", "to": string };

export type Allocation = { basis: Basis, total: number, rows: Array<AllocationRow>, };

export type AllocationRow = { bucket: Bucket,
/**
 * In percent.
 */
target: number,
/**
 * In percent of the total.
 */
actual: number,
/**
 * Actual minus target, in points.
 */
gap: number,
/**
 * The bucket's cost or FTE.
 */
amount: number, };

export type Alternative = { path: string,
/**
 * What this path commits to that cannot be undone cheaply.
 */
irreversibles: string, door: Door, };

/**
 * `{code, message}`: what the window shows and the CLI prints.
 */
export type ApiError = { code: ErrorCode, message: string, };

export type Assumption = {
/**
 * "We believe that…"
 */
statement: string, importance: Importance, evidence: EvidenceLevel,
/**
 * A link or a note on where the evidence comes from.
 */
source: string, };

/**
 * One assumption on the map.
 */
export type AssumptionPoint = {
/**
 * The journal's roadmap item.
 */
journal: string, statement: string, importance: Importance, evidence: EvidenceLevel, };

export type AuditBucket = "goals" | "beliefs" | "timeline" | "risk-appetite";

/**
 * One audit question: answered as a fact, or open.
 */
export type AuditQuestion = { question: string, answer: string,
/**
 * `true` when the workspace knows the answer; `false` for an open
 * question the PM has to answer.
 */
fact: boolean,
/**
 * Whether the answer is a yes (meaningful only for a fact).
 */
yes: boolean, };

/**
 * An update's audit as the window shows it.
 */
export type AuditView = { audit: UpdateAudit, strategy: Strategy, diagnosis: Diagnosis,
/**
 * Initiatives no where-to-play or how-to-win choice explains.
 */
orphans: Array<string>, };

export type Basis = "cost" | "fte";

/**
 * What one beat of a template asks for, with an example answer.
 */
export type BeatPrompt = { prompt: string, example: string, };

export type Beats = { context: string, conflict: string, resolution: string, evidence: string, };

/**
 * Which way a value is better (a chart's `better: up | down`).
 */
export type Better = "up" | "down";

/**
 * The branding as the settings panel shows it.
 */
export type BrandingView = { accent: string, footer_label: string,
/**
 * Whether slides print the beat names.
 */
beat_names: boolean,
/**
 * Whether slides print a two-group difference's 95 % interval.
 */
significance_note: boolean,
/**
 * The logo as a `data:` URL, to show beside its "Remove" button.
 */
logo: string | null, };

/**
 * Where the effort goes: the 70/20/10 of core, adjacent and new bets.
 */
export type Bucket = "core" | "adjacent" | "transformational";

/**
 * The share of effort each bucket should get, in percent.
 */
export type BucketTargets = { core: number, adjacent: number, transformational: number, };

/**
 * One bucket's verdict.
 */
export type BucketVerdict = { bucket: AuditBucket, conflict: boolean, why: string, };

/**
 * The strategy cascade, from the aspiration down.
 */
export type Cascade = { aspiration: string, where_to_play: Array<string>, how_to_win: Array<string>, capabilities: Array<string>, systems: Array<string>, };

export type ChartKind = "line" | "bar" | "before-after" | "funnel" | "big-number" | "bubble" | "portfolio-matrix" | "allocation" | "tracks" | "gates" | "assumption-map";

/**
 * Everything needed to draw the chart. The annotations (differences,
 * growth, drops) are never stored: the renderer computes them from `data`.
 */
export type ChartSpec = { kind: ChartKind,
/**
 * Should state the takeaway ("Activation rose 9 points with the checklist").
 */
title: string,
/**
 * Alternative text for screen readers and the Markdown export.
 */
alt: string,
/**
 * The series (or, for one-series charts, the category) drawn in the
 * accent colour; the rest are grey. `None`: the renderer picks.
 */
highlight: string | null,
/**
 * The unit of the values, e.g. `%`, `$`, `users`.
 */
unit: string | null,
/**
 * Which way is good news; `None`: inferred from the names
 * ([`crate::chart_reading::better_way`]).
 */
better: Better | null, data: DataTable,
/**
 * For a portfolio view ([`ChartKind::is_portfolio`]): the figures it
 * is drawn from, as of the day they were taken; `data` stays empty.
 */
portfolio?: PortfolioSnapshot, };

/**
 * Which portfolio view an update's chart shows.
 */
export type ChartView = { "view": "matrix", value: ValueAxis, } | { "view": "allocation" } | { "view": "tracks" } | { "view": "gates", initiative: string, } | { "view": "assumption-map" };

export type Check = { check: CheckId, status: CheckStatus,
/**
 * The initiative that fails it; `None` for a portfolio-wide result.
 */
initiative: string | null, message: string, };

export type CheckId = "targets-sum" | "horizon-and-bucket" | "allocation-gap" | "probabilities" | "unknown-dependency" | "dependency-cycle" | "now-depends-on-later" | "next-needs-now" | "bold-needs-gates" | "red-line-gate";

export type CheckStatus = "pass" | "fail";

/**
 * What a finding is about: the title, a beat, or the chart (a finding about
 * the whole story has none).
 */
export type CoachTarget = "title" | "context" | "conflict" | "resolution" | "evidence" | "chart";

/**
 * When a reading triggers the criterion: `value < threshold`, etc.
 */
export type Comparator = "<" | "<=" | ">" | ">=";

/**
 * A kill criterion's readings as chart data: the metric over time, the
 * threshold as a second line, and the decision date as the last row.
 */
export type CriterionChart = { table: DataTable, metric: string, unit: string, };

export type CriterionStatus = "on-track" | "at-risk" | "triggered" | "no-data";

/**
 * Which readings a kill criterion is judged on. PMs write criteria over a
 * window ("below 9.8 % for two consecutive weeks", "the 7-day average",
 * "within 14 days of launch"); one reading past the line should not halt
 * a bet that says otherwise.
 */
export type CriterionWindow = { "kind": "latest" } | { "kind": "consecutive", readings: number, } | { "kind": "rolling-average", days: number, } | { "kind": "by-day", start: string, days: number, };

export type DataRow = { label: string,
/**
 * One value per column after the first; `None` is an empty cell.
 */
values: Array<number | null>, };

/**
 * A table of numbers as pasted: a header row, then rows whose first cell is
 * the x value or label and whose other cells are numbers (`None` = a gap).
 */
export type DataTable = {
/**
 * Column names; `header[0]` names the label column.
 */
header: Array<string>, rows: Array<DataRow>, };

/**
 * What the user asked to put around a deck's updates.
 */
export type DeckFrameRequest = {
/**
 * The title page's title; empty for none.
 */
title: string, agenda: boolean,
/**
 * The workspace's journals and portfolio after the updates.
 */
appendix: boolean, notes_pages: boolean, };

export type Diagnosis = { buckets: Array<BucketVerdict>, questions: Array<AuditQuestion>, };

/**
 * Whether a path can be walked back (a two-way door) or not.
 */
export type Door = "one-way" | "two-way";

/**
 * What went wrong, as the window switches on it (`code` in `{code, message}`)
 * and as the CLI maps it to an exit code.
 */
export type ErrorCode = "not_a_workspace" | "workspace_damaged" | "workspace_newer" | "workspace_untrusted" | "too_slow" | "invalid_record" | "no_workspace" | "io" | "write_failed" | "disk_full" | "read_only" | "busy" | "backup_failed" | "invalid_input" | "not_found" | "tampered" | "render_failed" | "clipboard" | "not_chosen" | "open_elsewhere" | "reveal_failed" | "not_in_team" | "team_unreachable" | "sync_pending" | "internal";

export type Evaluation = { status: CriterionStatus,
/**
 * The reading that decided it (the latest one).
 */
reading: number | null, date: string | null,
/**
 * Why, in a sentence.
 */
reason: string, };

/**
 * The structured part of the Evidence beat: a metric, a quote, or only prose.
 */
export type Evidence = { "kind": "none" } | { "kind": "metric" } & MetricEvidence | { "kind": "quote" } & QuoteEvidence;

/**
 * A checkpoint: by this date, this metric must meet this threshold.
 */
export type EvidenceGate = { date: string, metric: string,
/**
 * Must be at least (or, with `at_most`, at most) this.
 */
threshold: number, at_most: boolean, unit: string,
/**
 * The decision taken at the gate, once taken.
 */
decision: GateDecision | null, };

/**
 * How strong the evidence behind an assumption is, weakest first.
 */
export type EvidenceLevel = "anecdote" | "survey" | "cohort-data" | "pilot";

export type ExportFormat = "pdf" | "png" | "md" | "pptx";

/**
 * How far a deck export has come, sent while it runs.
 */
export type ExportProgress = { done: number, total: number, };

/**
 * What to export, and where: the path the user chose in the save dialog.
 */
export type ExportRequest = { ids: Array<number>, path: string, format: ExportFormat, theme: ThemeName, scale: number | null,
/**
 * The pages around a deck's updates (PDF and PowerPoint).
 */
frame?: DeckFrameRequest, };

/**
 * A section of a story file other than the four beats, kept as written.
 */
export type ExtraSection = {
/**
 * The heading's text, without `## `. Empty for the text before the
 * first heading, which is written back before the beats.
 */
heading: string,
/**
 * The section's text without blank lines at either end.
 */
body: string, };

export type Finding = {
/**
 * A stable rule id, e.g. `vague-word`.
 */
rule: string, severity: Severity, beat: CoachTarget | null,
/**
 * What to do about it.
 */
message: string,
/**
 * `[start, end)` in Unicode scalar values of the target's text.
 */
span: [number, number] | null, };

/**
 * A strategic-fit criterion the workspace defines, with its weight.
 */
export type FitCriterion = { name: string, weight: number, };

/**
 * What a gate decided, in stage-gate terms.
 */
export type GateDecision = "go" | "kill" | "hold" | "recycle";

/**
 * One initiative's gates, stopping rules and readings.
 */
export type GateTracker = { initiative: string, gates: Array<EvidenceGate>, stopping_rules: Array<KillCriterion>, readings: Array<Reading>, };

/**
 * Something that happened to an update or a journal beside its edits.
 */
export type HistoryEvent = { at_ms: number, text: string, };

export type Horizon = "now" | "next" | "later";

export type Importance = "high" | "medium" | "low";

export type ImportedFile = { file_name: string, sheets: Array<ImportedSheet>, };

export type ImportedSheet = {
/**
 * The sheet's name; empty for a text file.
 */
name: string, parsed: ParsedTable | null,
/**
 * Why this sheet is not chart data (row and column named).
 */
error: string | null, };

/**
 * One initiative of the portfolio.
 */
export type Initiative = { name: string, owner: string,
/**
 * The objective or North-Star metric it serves.
 */
objective: string, horizon: Horizon | null, bucket: Bucket | null,
/**
 * Incremental (0) to transformational (100).
 */
slider: number,
/**
 * Cost in money, and/or in full-time equivalents.
 */
cost: number | null, fte: number | null,
/**
 * Net cash flow per period, from t = 0 (this period, not discounted).
 */
cash_flows: Array<number>,
/**
 * The period it launches in: flows before it are development, flows
 * from it on are earnings after launch. `None`: all flows are after
 * launch.
 */
launch_period: number | null,
/**
 * Paid at launch (Cooper's C), apart from the flows.
 */
launch_cost: number,
/**
 * The annual discount rate, when it differs from the workspace's.
 */
discount_rate: number | null, p_technical: number, p_commercial: number,
/**
 * Strategic fit scored 0–10 per workspace criterion, by name.
 */
fit_scores: Array<[string, number]>,
/**
 * A fit given as one number (0–10), used when no criterion is scored.
 */
fit: number | null, risks: Array<Risk>,
/**
 * The initiatives it depends on, by name.
 */
depends_on: Array<string>, next_review: string | null,
/**
 * Why a Next item depends on nothing in Now.
 */
stands_alone: string, gates: Array<EvidenceGate>,
/**
 * Stopping rules: the journal's kill criteria, windows and all.
 */
stopping_rules: Array<KillCriterion>, journal: number | null, };

/**
 * One initiative's figures as of the snapshot's day.
 */
export type InitiativeFigures = { name: string, bucket: Bucket | null, horizon: Horizon | null,
/**
 * Strategic fit, 0–10; `None` when it was not scored.
 */
fit: number | null, npv: number, ecv: number, cost: number | null, fte: number | null, depends_on: Array<string>, };

/**
 * One initiative as the portfolio panel lists it: its figures and value.
 */
export type InitiativeRow = { id: number, initiative: Initiative, fit: number | null, valuation: Valuation,
/**
 * Its readings, oldest first: what its gates and stopping rules are
 * judged on.
 */
readings: Array<Reading>, };

export type JournalBody = {
/**
 * The roadmap item the decision is about.
 */
item: string, owner: string,
/**
 * The decision asked for.
 */
decision: string, assumptions: Array<Assumption>, alternatives: Array<Alternative>, criteria: Array<KillCriterion>, };

export type JournalFormat = "md" | "pdf" | "png";

export type JournalSummary = { id: number, item: string, shared: boolean, };

/**
 * A journal with what the view needs beside it.
 */
export type JournalView = { journal: StoredJournal, readings: Array<Reading>,
/**
 * One per criterion, in the criteria's order.
 */
evaluations: Array<Evaluation>,
/**
 * What the freeze confirmation lists: triggered criteria, anecdotes
 * under high-importance assumptions, criteria without readings.
 */
weak_points: Array<string>,
/**
 * What happened to the journal beside its revisions (an update that
 * stopped backing it while a criterion was triggered), oldest first.
 */
events: Array<HistoryEvent>, };

/**
 * "If fewer than 20% of trial accounts activate sharing within 14 days,
 * halt the build": metric, comparator, threshold with unit, cohort, the
 * date it is judged by, and what happens.
 */
export type KillCriterion = {
/**
 * Stable within the journal, e.g. "sharing-activation".
 */
id: string, metric: string, comparator: Comparator, threshold: number, unit: string, cohort: string,
/**
 * The decision date (YYYY-MM-DD).
 */
by: string, action: Action,
/**
 * How close to the threshold counts as at risk, in the threshold's unit.
 */
margin: number,
/**
 * Which readings decide: the latest (the default), N consecutive, a
 * rolling average, or a deadline. Left out of the stored JSON when it
 * is the latest reading, so a revision frozen before windows existed
 * keeps its hash.
 */
window?: CriterionWindow, };

/**
 * Who changed a shared item last, and when (Unix ms).
 */
export type LastChange = { kind: SharedKind, id: number, by: string, at: number, };

/**
 * The read-ahead memo's formats.
 */
export type MemoFormat = "pdf" | "md";

/**
 * One high-signal metric: the figure, what it measures, what it is compared
 * with, and over which period. Kept as the PM typed it.
 */
export type MetricEvidence = { value: string, unit: string, baseline: string, window: string,
/**
 * Where the figure comes from ("Amplitude, trial cohort").
 */
source: string,
/**
 * The sample: one size, or the groups' sizes ("1420, 1410").
 */
sample: string, };

/**
 * Two beliefs marked as opposed, by their text.
 */
export type OpposedBeliefs = { first: string, second: string, };

/**
 * The parts of a draft that are not beats: its other sections (an impact
 * statement, root causes, a summary, the text before the first heading)
 * and the front-matter keys the app does not know. Kept on the update,
 * shown under the beats and written back on export, so nothing a draft
 * says is dropped.
 */
export type OtherParts = { sections: Array<ExtraSection>,
/**
 * `key: value` pairs, in order.
 */
front_matter: Array<[string, string]>, };

export type ParsedTable = { table: DataTable, suggested_kind: ChartKind,
/**
 * The unit the pasted cells state (`%`), for a chart that has none yet.
 */
suggested_unit: string | null, };

/**
 * A pathfinder experiment as the window describes it.
 */
export type Pathfinder = {
/**
 * The test-first assumption it tests.
 */
assumption: string, weeks: number,
/**
 * Why it runs outside 4–6 weeks, when it does.
 */
reason: string,
/**
 * The cheaper or faster option it tries, and the path it stands in for.
 */
option: string, alternative: string,
/**
 * What success looks like: the metric must reach this.
 */
metric: string, success: number,
/**
 * Stop when the metric is below this at the review.
 */
kill: number, unit: string, owner: string, };

/**
 * How long a cash-flow period is.
 */
export type Period = "month" | "quarter" | "year";

/**
 * The workspace's portfolio settings.
 */
export type PortfolioSettings = { period: Period,
/**
 * The yearly discount rate (0.1 for 10 %).
 */
discount_rate: number, targets: BucketTargets,
/**
 * Above this slider value, an initiative needs an evidence gate and a
 * stopping rule.
 */
slider_threshold: number, fit_criteria: Array<FitCriterion>,
/**
 * Where the matrix's quadrant lines cross: a fit (0–10) and a value;
 * `None` draws that line at the median.
 */
quadrant_fit: number | null, quadrant_value: number | null, };

/**
 * What a portfolio chart is drawn from.
 */
export type PortfolioSnapshot = { as_of: string,
/**
 * The matrix's height.
 */
value: ValueAxis,
/**
 * The allocation's targets.
 */
targets: BucketTargets,
/**
 * Where the matrix's quadrant lines cross, when the PM set them
 * (else at the medians).
 */
quadrant_fit?: number, quadrant_value?: number, initiatives: Array<InitiativeFigures>,
/**
 * The gate tracker's initiative, for a gates chart.
 */
tracker?: GateTracker | null,
/**
 * The journals' assumptions, for an assumption map.
 */
assumptions?: Array<AssumptionPoint>, };

/**
 * The portfolio as the panel shows it: the initiatives with their value,
 * the settings, the checks and the allocation.
 */
export type PortfolioState = { initiatives: Array<InitiativeRow>, settings: PortfolioSettings, checks: Array<Check>, allocation: Allocation,
/**
 * The strategy cascade's where-to-play and how-to-win choices, for an
 * initiative's objective to name.
 */
cascade_choices: Array<string>,
/**
 * Initiatives that trace to none of them (empty while the cascade is).
 */
orphans: Array<string>, };

/**
 * One attributed customer quote.
 */
export type QuoteEvidence = { text: string, who: string, when: string, };

export type Reading = { metric: string,
/**
 * YYYY-MM-DD
 */
date: string, value: number, };

/**
 * A row or cell that could not be taken, and why.
 */
export type ReadingProblem = {
/**
 * The file's row (the header is row 1).
 */
row: number, message: string, };

/**
 * What a readings file held: the readings stored, and the rows refused.
 */
export type ReadingsImport = {
/**
 * How many readings were stored (0 when the user must confirm first).
 */
imported: number,
/**
 * Rows that could not be taken; with `accept_valid` false and some
 * problems, nothing is stored and the user is asked.
 */
problems: Array<ReadingProblem>, valid: number,
/**
 * The journal as it now is.
 */
view: JournalView, };

export type ReviewView = { score: number, ready: boolean, findings: Array<Finding>, silenced: Array<Finding>, silenced_rules: Array<string>, };

export type Revision = {
/**
 * The revision's generation: 1 for the first, else 1 + the largest
 * `seq` among its parents. Two revisions made on the same parent
 * share it.
 */
seq: number, body: JournalBody, author: string,
/**
 * Unix milliseconds.
 */
at_ms: number,
/**
 * Why this revision was made ("first shared", "threshold from pilot").
 */
reason: string,
/**
 * The revision this one was made on ([`GENESIS`] for the first).
 */
prev_hash: string,
/**
 * The other revisions this one joins, besides `prev_hash`: empty but
 * for a revision that ends a fork.
 */
merged?: Array<string>, hash: string, };

export type RevisionKind = "created" | "edit" | "status" | "import" | "restore";

/**
 * One kind of risk: its level (1–5) and whether it is a red line, which
 * then needs an evidence gate.
 */
export type Risk = { kind: RiskKind, level: number, red_line: boolean, };

export type RiskKind = "regulatory" | "brand" | "infrastructure" | "delivery";

export type Severity = "error" | "warning" | "info";

/**
 * What kind of item a shared record mirrors.
 */
export type SharedKind = "journal" | "initiative" | "update" | "portfolio-settings";

export type Stakeholder = {
/**
 * "CFO", "Head of Product".
 */
role: string,
/**
 * The metric they judge success by.
 */
metric: string,
/**
 * How far ahead they look, in months.
 */
horizon_months: number | null, tolerances: Array<Tolerance>,
/**
 * Short statements of how they believe the market works.
 */
beliefs: Array<string>, acknowledged: Acknowledgement | null, };

export type Status = "draft" | "ready";

/**
 * A journal as the app shows it: its current body (the draft, or the
 * current head of its history), its history, and whether that history
 * checks out.
 */
export type StoredJournal = { id: number, shared: boolean, body: JournalBody,
/**
 * Every revision, in the order this copy stored them (each after the
 * revisions it was made on).
 */
revisions: Array<Revision>,
/**
 * The hashes of the revisions nothing was made on yet, in stored
 * order: one for a straight history, more when it forked (revisions
 * made apart on the same earlier one) until a revision joins them.
 */
heads: Array<string>,
/**
 * The first revision that fails its check, when one does.
 */
tamper: TamperReport | null,
/**
 * A shared journal's change not yet recorded as a revision.
 */
pending: JournalBody | null, };

/**
 * The updates made, and what the user should know about the files.
 */
export type StoriesImport = { ids: Array<number>,
/**
 * One line per file written another way than the app's own form:
 * what became which beat, what was kept as other sections.
 */
mapped: Array<string>,
/**
 * One line per file that said `ready` and was stored as a draft.
 */
demoted: Array<string>, };

/**
 * The workspace's strategy: the board target, why users switch, the
 * horizon bands and the cascade.
 */
export type Strategy = {
/**
 * The board target's metric ("NRR"), value ("115%") and year.
 */
board_metric: string, board_target: string, board_year: number | null,
/**
 * Why users switch to the product, in one statement.
 */
why_switch: string,
/**
 * Now is up to this many months ahead; Next up to `next_months`;
 * Later beyond.
 */
now_months: number, next_months: number, cascade: Cascade, };

/**
 * What one exchange did.
 */
export type SyncOutcome = {
/**
 * Local items written into the team document.
 */
sent: number,
/**
 * Items changed here by the team (new ones included).
 */
received: number,
/**
 * The server confirmed it holds every local change.
 */
confirmed: boolean,
/**
 * Why not, when it did not (unreachable, timed out).
 */
offline_reason: string,
/**
 * Items the team document holds that could not be applied, and why.
 */
problems: Array<string>, };

/**
 * The first revision that fails its check, and how.
 */
export type TamperReport = { seq: number,
/**
 * The start of the revision's hash when another revision shares its
 * number (a fork), so the report still says which one it is.
 */
hash_prefix: string | null, detail: string, };

/**
 * What the user chose to share as a whole, besides single updates.
 */
export type TeamSharing = {
/**
 * Every initiative (new ones too) and the portfolio's settings.
 */
portfolio: boolean,
/**
 * Every shared decision journal's revisions.
 */
journals: boolean, };

/**
 * What `team status` shows.
 */
export type TeamStatus = { joined: boolean, server: string, team_name: string, display_name: string, author_id: string,
/**
 * Shared items per kind.
 */
shared: { [key in string]?: number },
/**
 * Shared items changed here since the team last agreed with them.
 */
pending: Array<string>, last_sync_at: number | null, last_error: string, sharing: TeamSharing,
/**
 * The updates this workspace shares (their ids here).
 */
shared_updates: Array<number>,
/**
 * Who changed each shared item last, and when, as the team agreed.
 */
last_changes: Array<LastChange>,
/**
 * What leaving, unsharing and deleting keep on the server, for the
 * window's confirmations.
 */
leave_warning: string, unshare_warning: string, };

export type Template = { id: TemplateId, label: string,
/**
 * When to use it, in one line.
 */
purpose: string, title: BeatPrompt, context: BeatPrompt, conflict: BeatPrompt, resolution: BeatPrompt, evidence: BeatPrompt,
/**
 * What the coach checks on top of its rules, said to the PM.
 */
expectations: Array<string>, };

export type TemplateId = "weekly-update" | "go-no-go" | "qbr" | "incident-summary";

export type ThemeName = "light" | "dark";

/**
 * A risk tolerance: 1 (none) to 5 (a lot), per kind.
 */
export type Tolerance = { kind: RiskKind, level: number, };

/**
 * A stored update.
 */
export type Update = { id: number, status: Status,
/**
 * The app's own demo update, created once in a new workspace.
 */
is_example: boolean,
/**
 * Unix milliseconds.
 */
created_at: number,
/**
 * Unix milliseconds of the last edit.
 */
updated_at: number,
/**
 * Why this update, once ready, returned to draft (see [`crate::lifecycle`]).
 */
status_note: string | null,
/**
 * The action title: the takeaway in one sentence.
 */
title: string,
/**
 * Who decides (CFO, CRO, exec staff…).
 */
audience: string,
/**
 * The executive priority or North-Star metric this update serves.
 */
priority: string,
/**
 * The date the update speaks for (YYYY-MM-DD); the slide footer shows it.
 */
date: string, beats: Beats, evidence: Evidence,
/**
 * The one chart, drawn from data the PM pasted or imported.
 */
chart: ChartSpec | null,
/**
 * What a draft written elsewhere said besides the beats, kept as written.
 */
other: OtherParts,
/**
 * The template it started from, whose expectations the coach applies.
 */
template: TemplateId | null,
/**
 * What the presenter says: the slide's notes page in PowerPoint.
 */
notes: string, };

/**
 * What the audit of one update knows.
 */
export type UpdateAudit = { stakeholders: Array<Stakeholder>, opposed: Array<OpposedBeliefs>, };

/**
 * Everything a PM edits in the editor. Autosave sends the whole set, so a
 * save is idempotent and the last one wins.
 */
export type UpdateFields = {
/**
 * The action title: the takeaway in one sentence.
 */
title: string,
/**
 * Who decides (CFO, CRO, exec staff…).
 */
audience: string,
/**
 * The executive priority or North-Star metric this update serves.
 */
priority: string,
/**
 * The date the update speaks for (YYYY-MM-DD); the slide footer shows it.
 */
date: string, beats: Beats, evidence: Evidence,
/**
 * The one chart, drawn from data the PM pasted or imported.
 */
chart: ChartSpec | null,
/**
 * What a draft written elsewhere said besides the beats, kept as written.
 */
other: OtherParts,
/**
 * The template it started from, whose expectations the coach applies.
 */
template: TemplateId | null,
/**
 * What the presenter says: the slide's notes page in PowerPoint.
 */
notes: string, };

/**
 * An update's history, newest first, with its events.
 */
export type UpdateHistory = { revisions: Array<UpdateRevision>, events: Array<HistoryEvent>, };

/**
 * The journal an update backs, and its triggered criteria (for the banner).
 */
export type UpdateJournal = { journal: number | null, triggered: Array<string>, };

/**
 * One revision as the history list shows it.
 */
export type UpdateRevision = { id: number,
/**
 * Unix milliseconds of its last write.
 */
at_ms: number, kind: RevisionKind, status: Status,
/**
 * What it was: "Marked ready", "Restored the version of …".
 */
note: string, };

/**
 * What the list of updates shows: enough to find one, not the whole text.
 */
export type UpdateSummary = { id: number, title: string, audience: string, date: string, status: Status, is_example: boolean, updated_at: number,
/**
 * Context, conflict, resolution, evidence: which hold text.
 */
filled: [boolean, boolean, boolean, boolean], };

/**
 * An initiative's value and how it was computed, line by line.
 */
export type Valuation = { npv: number, risk_adjusted_npv: number, ecv: number,
/**
 * The rate per period used.
 */
rate_per_period: number, working: Array<string>, };

/**
 * Which value is the matrix's height.
 */
export type ValueAxis = "npv" | "ecv";

/**
 * The open workspace, as the window names it.
 */
export type WorkspaceInfo = { path: string, schema_version: number, update_count: number, };

/**
 * What the window shows at start: the workspace, or why it could not open.
 */
export type WorkspaceState = { "state": "open", info: WorkspaceInfo, } | { "state": "failed", path: string, error: ApiError,
/**
 * The newest backup that passes its checks, offered instead.
 */
backup: string | null, };
