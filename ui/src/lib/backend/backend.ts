import type {
  AuditBucket,
  AuditView,
  Branding,
  ChartSpec,
  Pathfinder,
  Strategy,
  Template,
  TemplateId,
  UpdateAudit,
  ChartView,
  DeckFrameRequest,
  ExportFormat,
  ExportProgress,
  ImportedFile,
  Review,
  ParsedTable,
  ThemeName,
  Status,
  Update,
  UpdateFields,
  UpdateHistory,
  Initiative,
  PortfolioSettings,
  PortfolioState,
  SharedKind,
  StoriesImport,
  SyncOutcome,
  TeamSharing,
  TeamStatus,
  UpdateId,
  UpdateSummary,
  WorkspaceInfo,
  WorkspaceState,
} from './types';
import type {
  CriterionChart,
  JournalBody,
  JournalId,
  JournalSummary,
  JournalView,
  ReadingsImport,
  UpdateJournal,
} from './journalTypes';

/**
 * Everything the UI asks of the app. The Tauri implementation talks to the
 * Rust commands; the memory one serves unit tests and `npm run dev:ui`.
 * Every method rejects with an ApiError `{code, message}`.
 */
/** The portfolio views the window can draw. */
export type PortfolioViewName = 'matrix' | 'matrix-ecv' | 'allocation' | 'tracks';

export interface Backend {
  workspaceState(): Promise<WorkspaceState>;
  openWorkspace(path: string): Promise<WorkspaceInfo>;
  /** Opens the newest good backup in place of the workspace that failed. */
  restoreBackup(): Promise<WorkspaceInfo>;
  listUpdates(filter: string): Promise<UpdateSummary[]>;
  getUpdate(id: UpdateId): Promise<Update>;
  createUpdate(): Promise<Update>;
  saveUpdate(id: UpdateId, fields: UpdateFields): Promise<Update>;
  setStatus(id: UpdateId, status: Status): Promise<Update>;
  deleteUpdate(id: UpdateId): Promise<void>;
  restoreUpdate(id: UpdateId): Promise<void>;
  /** Removes a deleted update from the workspace file for good (no undo). */
  deletePermanently(id: UpdateId): Promise<void>;
  duplicateUpdate(id: UpdateId): Promise<Update>;
  /** The app's local date (YYYY-MM-DD) from the Rust clock: "today" everywhere in the window. */
  today(): Promise<string>;
  /** A verified backup beside the workspace; resolves with its path. */
  backUpNow(): Promise<string>;
  /** The slide for these fields, as an image URL drawn by the renderer. */
  renderPreview(fields: UpdateFields, theme: ThemeName, id?: UpdateId): Promise<string>;
  /** Reads pasted spreadsheet data; rejects naming the row and column. */
  parseChartData(text: string): Promise<ParsedTable>;
  /** The open dialog for story Markdown files; [] when cancelled. */
  pickStoryFiles(): Promise<string[]>;
  /** Stores the stories as updates, all or none; resolves with their ids and what became what. */
  importStories(paths: string[]): Promise<StoriesImport>;
  /** Reads a CSV/TSV/spreadsheet file the user picked: one table per sheet. */
  importChartFile(path: string): Promise<ImportedFile>;
  /** The open dialog for chart data; null when cancelled. */
  pickChartFile(): Promise<string | null>;
  /**
   * Writes the updates to `path`; resolves with the path written.
   * `onProgress` hears how many slides are done while a deck is written.
   */
  exportUpdates(
    ids: UpdateId[],
    path: string,
    format: ExportFormat,
    theme: ThemeName,
    scale?: number,
    onProgress?: (progress: ExportProgress) => void,
    frame?: DeckFrameRequest,
  ): Promise<string>;
  /**
   * Puts the slide for these fields on the clipboard as an image; with the
   * update's id it carries the banner of the journal the update backs.
   */
  copySlideImage(fields: UpdateFields, theme: ThemeName, id?: UpdateId): Promise<void>;
  /** The coach's review of these fields (the update's silenced rules applied). */
  reviewUpdate(id: UpdateId, fields: UpdateFields): Promise<Review>;
  /** Stores the rules silenced for one update; resolves with the stored list. */
  setSilencedRules(id: UpdateId, rules: string[]): Promise<string[]>;
  listJournals(): Promise<JournalSummary[]>;
  getJournal(id: JournalId): Promise<JournalView>;
  createJournal(body: JournalBody): Promise<JournalView>;
  /**
   * Saves an unshared journal in place; a shared one keeps `body` as its
   * pending change (`journal.pending`) until it is recorded or discarded.
   */
  saveJournal(id: JournalId, body: JournalBody): Promise<JournalView>;
  /** Shares it: the draft becomes revision 1. */
  shareJournal(id: JournalId): Promise<JournalView>;
  /** A change to a shared journal, as a new revision with its reason; clears the pending change. */
  reviseJournal(id: JournalId, body: JournalBody, reason: string): Promise<JournalView>;
  /** Drops a shared journal's pending change: it shows its latest revision again. */
  discardJournalChange(id: JournalId): Promise<JournalView>;
  /** The `index`th kill criterion of a journal as chart data; rejects when there is no such criterion. */
  criterionChart(journal: JournalId, index: number): Promise<CriterionChart>;
  /** The open dialog for a readings CSV; null when cancelled. */
  pickReadingsFile(): Promise<string | null>;
  importReadings(id: JournalId, path: string, acceptValid: boolean): Promise<ReadingsImport>;
  addReading(id: JournalId, metric: string, date: string, value: number): Promise<JournalView>;
  /** The portfolio: initiatives with their value, settings, checks and allocation. */
  /** The team this workspace joined (or that it has not), what it shares, what waits. */
  teamStatus(): Promise<TeamStatus>;
  /** Joins a team (`team` its id) or starts one (`team` null), then exchanges once. */
  teamJoin(request: TeamJoinRequest): Promise<TeamStatus>;
  teamLeave(): Promise<TeamStatus>;
  teamShare(kind: SharedKind, id: number, shared: boolean): Promise<TeamStatus>;
  teamSetSharing(sharing: TeamSharing): Promise<TeamStatus>;
  /** The invitation file's text (it holds the team's key). */
  teamInvitation(): Promise<string>;
  teamSyncNow(): Promise<SyncOutcome>;
  /** Calls `handler` after each scheduled exchange with the team. */
  onTeamSynced(handler: (outcome: SyncOutcome) => void): void;
  getPortfolio(): Promise<PortfolioState>;
  addInitiative(initiative: Initiative): Promise<PortfolioState>;
  saveInitiative(id: number, initiative: Initiative): Promise<PortfolioState>;
  deleteInitiative(id: number): Promise<PortfolioState>;
  savePortfolioSettings(settings: PortfolioSettings): Promise<PortfolioState>;
  /** Initiatives from a pasted table (all or none). */
  importInitiatives(text: string): Promise<PortfolioState>;
  /** Initiatives from a CSV or spreadsheet picked with `pickChartFile` (all or none). */
  importInitiativesFile(path: string): Promise<PortfolioState>;
  /** One initiative's gates and stopping rules over its readings, as an image URL. */
  gatesView(initiative: string): Promise<string>;
  /** A portfolio view drawn by the renderer, as an image URL. */
  portfolioView(view: PortfolioViewName): Promise<string>;
  /** A stored update's read-ahead memo (PDF or Markdown) to the chosen path; resolves with it. */
  exportMemo(id: UpdateId, path: string, format: 'pdf' | 'md'): Promise<string>;
  /** The open update's misalignment audit: stakeholders, strategy, diagnosis. */
  getAudit(id: UpdateId): Promise<AuditView>;
  saveAudit(id: UpdateId, audit: UpdateAudit): Promise<AuditView>;
  /** The workspace's strategy; answers with the update's audit seen through it. */
  saveStrategy(id: UpdateId, strategy: Strategy): Promise<AuditView>;
  /** A bucket's playbook as a new, pre-filled draft update. */
  followPlaybook(id: UpdateId, bucket: AuditBucket): Promise<Update>;
  /** A pathfinder experiment as a new decision journal; its id. */
  startPathfinder(experiment: Pathfinder): Promise<JournalId>;
  /** The templates, with their prompts, examples and expectations. */
  templates(): Promise<Template[]>;
  createFromTemplate(template: TemplateId): Promise<Update>;
  /** One reading of an initiative's metric (what its gates and stopping rules are judged on). */
  addInitiativeReading(id: number, metric: string, date: string, value: number): Promise<PortfolioState>;
  /** A portfolio view as an update's chart: today's figures, a title and alt text to start from. */
  portfolioChart(view: ChartView): Promise<ChartSpec>;
  /** "Refresh from portfolio": the chart's view with today's figures, the PM's title kept. */
  refreshPortfolioChart(chart: ChartSpec): Promise<ChartSpec>;
  /** An update's revisions, newest first, and its events. */
  updateHistory(id: UpdateId): Promise<UpdateHistory>;
  /** What changed from a revision to the update as it is now, line by line ("  ", "+ ", "− "). */
  updateRevisionDiff(id: UpdateId, revision: number): Promise<string[]>;
  /** Brings a revision back as a new revision. */
  restoreUpdateRevision(id: UpdateId, revision: number): Promise<Update>;
  /** Corrects a reading (a value) or removes it (null); a frozen journal's needs a reason. */
  changeReading(id: JournalId, metric: string, date: string, value: number | null, reason: string): Promise<JournalView>;
  /** Markdown for the channel or wiki, or a one-page PDF/PNG. */
  exportJournal(id: JournalId, path: string, format: 'md' | 'pdf' | 'png'): Promise<string>;
  /** What changed between two revisions, named by hash. */
  journalDiff(id: JournalId, from: string, to: string): Promise<string[]>;
  getAuthor(): Promise<string>;
  setAuthor(name: string): Promise<string>;
  linkUpdate(update: UpdateId, journal: JournalId | null): Promise<void>;
  updateJournal(update: UpdateId): Promise<UpdateJournal>;
  getBranding(): Promise<Branding>;
  saveBranding(accent: string, footerLabel: string, beatNames: boolean, significanceNote: boolean): Promise<Branding>;
  /** The open dialog for a PNG or JPEG logo; null when cancelled. */
  pickLogo(): Promise<string | null>;
  setLogo(path: string): Promise<Branding>;
  clearLogo(): Promise<Branding>;
  /** The company PowerPoint template's file name (null: our own master). */
  getPptxTemplate(): Promise<string | null>;
  /** The open dialog for a .pptx/.potx template; null when cancelled. */
  pickPptxTemplate(): Promise<string | null>;
  setPptxTemplate(path: string): Promise<string | null>;
  clearPptxTemplate(): Promise<string | null>;
  /** The native save dialog for an export; null when cancelled. */
  pickExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>;
  /** The native dialogs; null when the user cancels. */
  pickWorkspaceToOpen(): Promise<string | null>;
  pickWorkspaceToCreate(): Promise<string | null>;
  /** The workspaces opened lately, newest first (File › Open recent). */
  recentWorkspaces(): Promise<string[]>;
  /** Opens the `index`th recent workspace. */
  openRecent(index: number): Promise<WorkspaceInfo>;
  /** Shows a file exported in this session, selected in its folder. */
  revealExported(path: string): Promise<void>;
  /** Calls `handler` with the id of each native menu item the user picks. */
  onMenu(handler: (id: string) => void): void;
  /** Calls `handler` when another program (the CLI) wrote to the open workspace. */
  onWorkspaceChanged(handler: () => void): void;
  /** Runs `handler` (awaited) before the window closes. */
  onCloseRequested(handler: () => Promise<void>): void;
  /** Asks the window to close, as its close button does. */
  closeWindow(): Promise<void>;
}

/** What joining asks for. */
export interface TeamJoinRequest {
  server: string;
  team: string | null;
  teamName: string;
  displayName: string;
  allowPlain: boolean;
}
