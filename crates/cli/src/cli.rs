//! The command line, as `--help` explains it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "throughline",
    version,
    about = "Export, import and check executive updates (Context → Conflict → Resolution → Evidence) without opening the app.",
    long_about = "Export, import and check executive updates without opening the app.\n\n\
A story is a Markdown file: front matter (title, audience, priority, status, date), the four beats as \
`## Context`, `## Conflict`, `## Resolution`, `## Evidence`, an optional ```metric or ```quote block, \
and one ```chart block with the data. Drafts written elsewhere read too: a `# Title` first line is the \
title, and Situation / Complication / Recommendation / Data (and similar names), as `##` or `###` \
headings or as `**Label:**` paragraphs, fill the beats.\n\n\
Exit codes: 0 ok · 1 the check found something · 2 bad input or usage · 3 workspace or write failure.",
    after_help = "Examples:\n  \
throughline export update.md --pdf update.pdf\n  \
throughline export week1.md week2.md week3.md --pdf deck.pdf --theme dark\n  \
throughline export update.md --png slide.png --scale 2\n  \
throughline export week/*.md --png slides/\n  \
throughline export --workspace team.throughline --all --pdf all.pdf\n  \
throughline export --workspace team.throughline --all --md wiki/\n  \
throughline import drafts/*.md --workspace team.throughline\n  \
throughline lint update.md --format json"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Render stories (or stored updates) to PNG, PDF, or canonical Markdown.
    #[command(
        after_help = "Story format (front matter, the four beats, the metric block with value, unit, \
baseline, window, source and sample, the chart block with kind, title, alt, highlight, unit and \
better): docs/story-format.md"
    )]
    Export(ExportArgs),
    /// Store stories in a workspace file. All or nothing: one bad file imports none.
    Import(ImportArgs),
    /// Review a story with the coach, offline: every beat present and doing its job, one
    /// metric or attributed quote as evidence, numbers that agree with the chart, an
    /// action title, no vague words or hedges. Exit 0 when ready, 1 when it has errors.
    #[command(
        long_about = "Review a story with the story coach, offline and deterministic.\n\n\
It checks that every beat is present and does its job, that the evidence is one complete metric or \
one attributed quote, that numbers claimed in the title or evidence agree with the chart's data, that \
the title states the takeaway, and the wording (vague words, hedges, undefined acronyms, long \
sentences, activity reported as outcome). Errors are what would mislead; warnings and tips are advice. \
Every rule with its reason: docs/coach-rules.md.\n\n\
Exit codes: 0 ready (no errors) · 1 errors found · 2 the file cannot be read.",
        after_help = "Examples:\n  throughline lint update.md\n  throughline lint update.md --format json | jq .score"
    )]
    Lint(LintArgs),
    /// Decision journals: every kill criterion's status, and metric readings from CSV.
    #[command(subcommand)]
    Journal(JournalCommand),
    /// The portfolio: its checks, and initiatives imported from a spreadsheet.
    #[command(subcommand)]
    Portfolio(PortfolioCommand),
    /// The misalignment audit of a stored update: which of the four buckets (goals,
    /// beliefs, timeline, risk appetite) its stakeholders clash on, and the four audit
    /// questions answered as facts where the workspace knows them, else left open.
    /// Exit 0 when nothing conflicts and every question is answered yes, 1 otherwise.
    #[command(
        after_help = "Examples:\n  throughline audit --id 3 --workspace team.throughline\n  \
throughline audit --id 3 --format json | jq '.buckets[] | select(.conflict)'"
    )]
    Audit(AuditArgs),
    /// Start a story from a template (weekly-update, go-no-go, qbr, incident-summary):
    /// front matter with the template kept, and each beat's prompt and example as a
    /// comment. Written to stdout, or to --out FILE.
    #[command(
        after_help = "Examples:\n  throughline new --template go-no-go --out launch.md\n  \
throughline new --template incident-summary > incident.md"
    )]
    New(NewArgs),
    /// The read-ahead memo of one update, for the executive who reads before the meeting:
    /// the story in full sentences, the evidence with its source, sample and interval,
    /// the chart, the other sections, the linked journal's assumptions and criteria.
    #[command(
        after_help = "Examples:\n  throughline memo update.md --pdf memo.pdf\n  \
throughline memo --workspace team.throughline --id 3 --md memo.md"
    )]
    Memo(MemoArgs),
    /// Write a clean copy of the workspace to send to someone: what the app shows and
    /// nothing else (deleted updates and leftover text in free pages are left out).
    PrepareToSend(PrepareToSendArgs),
    /// A team workspace: join a team on an automerge-repo sync server (or start one),
    /// share journals, initiatives and updates, exchange changes, leave. Nothing connects
    /// before `team join`.
    #[command(
        subcommand,
        after_help = "Examples:\n  throughline team join --server wss://sync.example.com --new \"Platform PMs\" --name Ana --invitation-out team.json\n  \
throughline team join --invitation team.json --name Ben\n  \
throughline team share --initiative 3\n  \
throughline team sync --timeout 30\n  \
throughline team status --format json"
    )]
    Team(TeamCommand),
}

#[derive(Debug, Subcommand)]
pub enum TeamCommand {
    /// Join a team (--team ID or --invitation FILE) or start one (--new NAME), on the
    /// server given (or the invitation's). Prints the invitation others join with.
    Join(TeamJoinArgs),
    /// Who this workspace is in the team, what it shares, what waits to be sent.
    Status(TeamStatusArgs),
    /// Exchange changes with the server. Exit 0 when the server holds every local change,
    /// 3 when it could not be reached or did not confirm in time (what waits is named).
    Sync(TeamSyncArgs),
    /// Share one item with the team.
    Share(TeamItemArgs),
    /// Stop sharing one item (it stays here; the server keeps the team's copy).
    Unshare(TeamItemArgs),
    /// Print (or write) the team's invitation.
    Invite(TeamInviteArgs),
    /// Leave the team: every item stays here; the server keeps what was shared. Needs --yes.
    Leave(TeamLeaveArgs),
}

#[derive(Debug, Args)]
pub struct TeamJoinArgs {
    /// The sync server: wss://host[:port] (ws:// only on this machine unless --allow-plain-ws).
    #[arg(long)]
    pub server: Option<String>,
    /// The team id (automerge:…) to join.
    #[arg(long, conflicts_with_all = ["invitation", "new"])]
    pub team: Option<String>,
    /// An invitation file (JSON) to join by.
    #[arg(long, value_name = "FILE", conflicts_with = "new")]
    pub invitation: Option<PathBuf>,
    /// Start a new team with this name.
    #[arg(long, value_name = "NAME")]
    pub new: Option<String>,
    /// The name the team sees beside your changes.
    #[arg(long, value_name = "DISPLAY NAME")]
    pub name: Option<String>,
    /// Accept unencrypted ws:// to another machine: anyone on the network path can read
    /// and change the team.
    #[arg(long)]
    pub allow_plain_ws: bool,
    /// Also write the invitation to this file.
    #[arg(long, value_name = "FILE")]
    pub invitation_out: Option<PathBuf>,
    #[arg(long, default_value_t = 20, value_name = "SECONDS")]
    pub timeout: u64,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TeamStatusArgs {
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TeamSyncArgs {
    /// Seconds to wait for the server.
    #[arg(long, default_value_t = 20, value_name = "SECONDS")]
    pub timeout: u64,
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("item").required(true).args(["journal", "initiative", "update"])))]
pub struct TeamItemArgs {
    #[arg(long, value_name = "ID")]
    pub journal: Option<i64>,
    #[arg(long, value_name = "ID")]
    pub initiative: Option<i64>,
    #[arg(long, value_name = "ID")]
    pub update: Option<i64>,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TeamInviteArgs {
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TeamLeaveArgs {
    /// Confirm: leaving cannot take back what the server already holds.
    #[arg(long)]
    pub yes: bool,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("output").required(true).args(["pdf", "md"])))]
pub struct MemoArgs {
    /// A story Markdown file (or --workspace with --id).
    pub story: Option<PathBuf>,
    /// One or two portrait pages.
    #[arg(long, value_name = "OUT")]
    pub pdf: Option<PathBuf>,
    #[arg(long, value_name = "OUT")]
    pub md: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// The stored update (with --workspace); its linked journal comes along.
    #[arg(long)]
    pub id: Option<i64>,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// The update's id (as `throughline export --workspace F --all --md DIR` names them).
    #[arg(long)]
    pub id: i64,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// `json`: `{"buckets":[{"bucket","conflict","why"}],"questions":[{"question","answer","fact"}]}`.
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TemplateName {
    WeeklyUpdate,
    GoNoGo,
    Qbr,
    IncidentSummary,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[arg(long, value_enum)]
    pub template: TemplateName,
    /// Where to write the story (default: stdout). An existing file is not replaced.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PrepareToSendArgs {
    /// Where the copy goes (a new file, or one to replace; never the workspace itself).
    pub out: PathBuf,
    /// The workspace file (default: $THROUGHLINE_WORKSPACE, then the app's default file).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum JournalCommand {
    /// Print every kill criterion's status (on-track, at-risk, triggered, no-data) with the
    /// reading and date that decided it. Exit 1 when any is triggered, for a scheduled job.
    Status(JournalStatusArgs),
    /// Import metric readings from CSV (a date column, one column per metric) into a journal.
    /// All or nothing unless --accept-valid keeps the valid rows.
    Readings(JournalReadingsArgs),
}

#[derive(Debug, Subcommand)]
pub enum PortfolioCommand {
    /// Check the portfolio: bucket targets sum to 100 %, every initiative has a horizon and
    /// a bucket, no bucket is more than 5 points off its target, probabilities within
    /// [0, 1], no dependency cycle or unknown dependency, no Now item waiting on a Next
    /// item, every Next item building on a Now item (or saying why it stands alone), bold
    /// bets with an evidence gate before their review and a stopping rule, red-line risks
    /// with a gate. Exit 0 when every check passes, 1 when one fails.
    #[command(
        after_help = "Examples:\n  throughline portfolio check --workspace team.throughline\n  \
throughline portfolio check --format json | jq '.checks[] | select(.status == \"fail\")'"
    )]
    Check(PortfolioCheckArgs),
    /// Add initiatives from a CSV or tab-separated file with the columns name, owner,
    /// objective, horizon, bucket, slider, cost, fte, p_technical, p_commercial, fit,
    /// risk_regulatory, risk_brand, risk_infrastructure, risk_delivery, depends_on (names
    /// separated by ;) and cash flows P0, P1, … All or nothing; a bad cell is named by row
    /// and column.
    Import(PortfolioImportArgs),
    /// Draw a portfolio view as a PNG (1920×1080) or a PDF page: the NPV (or ECV) ×
    /// strategic-fit matrix, the 70/20/10 allocation, or the Now/Next/Later tracks.
    #[command(
        after_help = "Examples:\n  throughline portfolio export --view matrix --png matrix.png\n  \
throughline portfolio export --view tracks --pdf tracks.pdf --workspace team.throughline"
    )]
    Export(PortfolioExportArgs),
    /// Import readings of an initiative's gate and stopping-rule metrics from CSV (a date
    /// column, one column per metric), as a journal's readings are read. All or nothing.
    Readings(PortfolioReadingsArgs),
}

#[derive(Debug, Args)]
pub struct PortfolioReadingsArgs {
    pub csv: PathBuf,
    /// The initiative, by name.
    #[arg(long)]
    pub initiative: String,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum PortfolioViewName {
    Matrix,
    Allocation,
    Tracks,
    /// One initiative's evidence gates and stopping rules (with --initiative).
    Gates,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ValueName {
    Npv,
    Ecv,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("output").required(true).args(["png", "pdf"])))]
pub struct PortfolioExportArgs {
    #[arg(long, value_enum)]
    pub view: PortfolioViewName,
    /// The initiative whose gates to draw (with --view gates).
    #[arg(long)]
    pub initiative: Option<String>,
    /// The matrix's height: NPV or expected commercial value.
    #[arg(long, value_enum, default_value = "npv")]
    pub value: ValueName,
    #[arg(long, value_name = "OUT")]
    pub png: Option<PathBuf>,
    #[arg(long, value_name = "OUT")]
    pub pdf: Option<PathBuf>,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PortfolioCheckArgs {
    /// The workspace file (default: $THROUGHLINE_WORKSPACE, then the app's default file).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// `json`: `{"checks":[{"check","status","initiative","message"}]}`, status pass | fail.
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
}

#[derive(Debug, Args)]
pub struct PortfolioImportArgs {
    /// The CSV or tab-separated file.
    pub file: PathBuf,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct JournalStatusArgs {
    /// The workspace file (default: $THROUGHLINE_WORKSPACE, then the app's default file).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
}

#[derive(Debug, Args)]
pub struct JournalReadingsArgs {
    /// The CSV file: `date,<metric>,<metric>…`, one row per date. A header
    /// may name its unit (`Sharing activation (%)`); readings in another unit
    /// than their kill criterion's, or fractions for a percentage, are refused.
    pub csv: PathBuf,
    /// The journal's id (see `journal status`).
    #[arg(long)]
    pub journal: i64,
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// Keep the valid rows when some are wrong (they are listed either way).
    #[arg(long)]
    pub accept_valid: bool,
}

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum LintFormat {
    /// One line per finding, for people.
    #[default]
    Text,
    /// `{"score", "ready", "findings": [{"rule", "severity", "beat", "message", "span"}]}`.
    Json,
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// The story Markdown file to review.
    pub story: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    pub format: LintFormat,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Theme {
    Light,
    Dark,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("output").required(true).args(["png", "pdf", "md", "pptx"])))]
pub struct ExportArgs {
    /// Story Markdown files. Several with --pdf (one deck, in the order given) or with
    /// --png FOLDER/ (one PNG per story, named after it).
    pub stories: Vec<PathBuf>,
    /// Write one slide as PNG (1920×1080 × --scale); a FOLDER/ (ending in /, or an
    /// existing folder) takes one PNG per story, rendered in parallel.
    #[arg(long, value_name = "OUT")]
    pub png: Option<PathBuf>,
    /// Write a PDF: one page per story.
    #[arg(long, value_name = "OUT")]
    pub pdf: Option<PathBuf>,
    /// Write the canonical story Markdown (chart data as plain numbers); a
    /// FOLDER/ takes one Markdown file per story.
    #[arg(long, value_name = "OUT")]
    pub md: Option<PathBuf>,
    /// Write an editable PowerPoint deck: one slide per story, text in the layout's
    /// placeholders, native charts whose "Edit data" holds the chart's numbers.
    #[arg(long, value_name = "OUT")]
    pub pptx: Option<PathBuf>,
    /// With --pptx: build on a company's PowerPoint template (.pptx or .potx): its
    /// master, layouts, theme and fonts; the title and story go in its "Title and
    /// Content" placeholders.
    #[arg(long, value_name = "FILE", requires = "pptx")]
    pub template: Option<PathBuf>,
    /// A deck that opens with the ask (--pdf or --pptx): a title page with this title,
    /// the first update's date and audience under it.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,
    /// An agenda after the title: the updates' titles in order.
    #[arg(long)]
    pub agenda: bool,
    /// An appendix after the updates (with --workspace): each decision journal's
    /// one-pager, then the portfolio's matrix and allocation.
    #[arg(long)]
    pub appendix: bool,
    /// In a PDF, a page of speaker notes after each slide that has them (PowerPoint
    /// keeps them on each slide's notes page).
    #[arg(long)]
    pub notes_pages: bool,
    #[arg(long, value_enum, default_value = "light")]
    pub theme: Theme,
    /// PNG scale: 1 for 1920×1080, 2 for 3840×2160.
    #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
    pub scale: f32,
    /// Export stored updates from this workspace instead of files
    /// (default: $THROUGHLINE_WORKSPACE, then the app's default file).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
    /// The stored update to export (with --workspace).
    #[arg(long, conflicts_with = "all")]
    pub id: Option<i64>,
    /// Every stored update, newest first (with --workspace): --pdf makes one deck,
    /// --png FOLDER/ and --md FOLDER/ one file per update (update-ID.png, update-ID.md).
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Story Markdown files to store.
    #[arg(required = true)]
    pub stories: Vec<PathBuf>,
    /// The workspace file (default: $THROUGHLINE_WORKSPACE, then the app's default file).
    #[arg(long, value_name = "FILE")]
    pub workspace: Option<PathBuf>,
}

fn parse_scale(text: &str) -> Result<f32, String> {
    let scale: f32 = text
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number"))?;
    if scale.is_finite() && (0.25..=4.0).contains(&scale) {
        Ok(scale)
    } else {
        Err("the scale must be between 0.25 and 4".into())
    }
}
