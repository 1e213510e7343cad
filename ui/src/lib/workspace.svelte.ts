import { PortfolioController } from './portfolio.svelte';
import { HistoryController } from './history.svelte';
import { AuditController } from './audit.svelte';
import { TeamController } from './team.svelte';
import { Autosave, type SaveState } from './autosave';
import type { Backend } from './backend/backend';
import {
  toApiError,
  type ApiError,
  type ChartKind,
  type ChartSpec,
  type ChartView,
  type Template,
  type TemplateId,
  type DataTable,
  type ExportFormat,
  type ImportedFile,
  type ParsedTable,
  type ThemeName,
  type EvidenceKind,
  type MetricEvidence,
  type QuoteEvidence,
  type Update,
  type UpdateFields,
  type UpdateId,
  type UpdateSummary,
  type WorkspaceInfo,
} from './backend/types';
import { BEATS } from './beats';
import { BrandingController } from './branding.svelte';
import { CoachController } from './coach.svelte';
import { JournalController } from './journal.svelte';
import type { CriterionChart, JournalId, UpdateJournal } from './backend/journalTypes';
import { DeckController } from './deck.svelte';
import { slug } from './table';

export interface Toast {
  id: number;
  message: string;
}

export interface DeletedUpdate {
  id: UpdateId;
  title: string;
}

const EMPTY_METRIC: MetricEvidence = {
  kind: 'metric',
  value: '',
  unit: '',
  baseline: '',
  window: '',
  source: '',
  sample: '',
};
const EMPTY_QUOTE: QuoteEvidence = { kind: 'quote', text: '', who: '', when: '' };

/** The workspace as the window shows it: the list, the open update, its draft. */
export class WorkspaceController {
  phase = $state<'loading' | 'open' | 'failed'>('loading');
  failure = $state<{ path: string; error: ApiError; backup: string | null } | null>(null);
  info = $state<WorkspaceInfo | null>(null);
  list = $state<UpdateSummary[]>([]);
  filter = $state('');
  current = $state<Update | null>(null);
  draft = $state<UpdateFields | null>(null);
  step = $state(0);
  saveState = $state<SaveState>('saved');
  saveError = $state('');
  statusError = $state('');
  toasts = $state<Toast[]>([]);
  deleted = $state<DeletedUpdate | null>(null);
  previewTheme = $state<ThemeName>('light');
  exporting = $state(false);
  exported = $state('');
  copying = $state(false);
  copied = $state(false);
  readonly deck: DeckController;
  readonly team: TeamController;
  readonly branding: BrandingController;
  readonly coach: CoachController;
  readonly journals: JournalController;
  /** The portfolio tab. */
  readonly portfolio: PortfolioController;
  /** "History…" of the open update. */
  readonly history: HistoryController;
  /** "Audit…": the open update's stakeholders, strategy and diagnosis. */
  readonly audit: AuditController;
  /** The templates an update can start from, with their prompts. */
  templates = $state<Template[]>([]);
  /** The journal the open update backs, and its triggered kill criteria. */
  linked = $state<UpdateJournal>({ journal: null, triggered: [] });
  mode = $state<'updates' | 'journals' | 'portfolio'>('updates');

  private readonly autosave: Autosave<{ id: UpdateId; fields: UpdateFields }>;
  private parkedEvidence: { metric: MetricEvidence; quote: QuoteEvidence } = {
    metric: { ...EMPTY_METRIC },
    quote: { ...EMPTY_QUOTE },
  };
  private toastSeq = 0;
  private undoTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly backend: Backend,
    options: { autosaveDelayMs?: number; undoMs?: number; coachDelayMs?: number } = {},
  ) {
    this.undoMs = options.undoMs ?? 10_000;
    this.deck = new DeckController(backend, () => this.autosave.flush());
    this.branding = new BrandingController(backend);
    this.coach = new CoachController(backend, options.coachDelayMs ?? 300);
    this.journals = new JournalController(backend, { autosaveDelayMs: options.autosaveDelayMs });
    this.portfolio = new PortfolioController(backend);
    this.team = new TeamController(backend);
    this.portfolio.confirmRemove = (name) =>
      this.team.status?.sharing.portfolio
        ? this.askFirst(
            `“${name}” is shared with the team: deleting it deletes the team's copy at the next exchange. The team's server keeps its history (Automerge keeps deleted text).`,
          )
        : Promise.resolve(true);
    this.history = new HistoryController(
      backend,
      () => this.autosave.flush(),
      (update) => {
        if (this.current?.id !== update.id) return;
        this.load(update);
        void this.refreshList();
      },
    );
    this.audit = new AuditController(
      backend,
      (update) => {
        void this.refreshList();
        this.open(update, { titleFirst: true });
      },
      async (journal) => {
        await this.showMode('journals');
        await this.journals.open(journal);
      },
    );
    this.autosave = new Autosave({
      delayMs: options.autosaveDelayMs ?? 400,
      save: async ({ id, fields }) => {
        const stored = await this.backend.saveUpdate(id, fields);
        if (this.current?.id === id) this.current = stored;
        void this.refreshList();
      },
      onStateChange: (state, error) => {
        this.saveState = state;
        this.saveError = state === 'error' ? toApiError(error).message : '';
      },
    });
  }

  private readonly undoMs: number;

  filled(): boolean[] {
    const draft = this.draft;
    return BEATS.map((beat) => (draft ? draft.beats[beat.name].trim() !== '' : false));
  }

  async init(): Promise<void> {
    try {
      const state = await this.backend.workspaceState();
      if (state.state === 'failed') {
        this.phase = 'failed';
        this.failure = { path: state.path, error: state.error, backup: state.backup ?? null };
        this.recent = await this.backend.recentWorkspaces().catch(() => []);
        return;
      }
      this.info = state.info;
      this.phase = 'open';
      void this.loadTemplates();
      void this.team.refresh();
      await this.refreshList();
      const first = this.list[0];
      if (first) await this.select(first.id);
    } catch (err) {
      this.phase = 'failed';
      this.failure = { path: '', error: toApiError(err), backup: null };
    }
  }

  async refreshList(): Promise<void> {
    try {
      this.list = await this.backend.listUpdates(this.filter);
    } catch (err) {
      this.report(err);
    }
  }

  async setFilter(filter: string): Promise<void> {
    this.filter = filter;
    await this.refreshList();
  }

  async select(id: UpdateId): Promise<void> {
    if (this.current?.id === id) return;
    await this.flushQuietly();
    try {
      const update = await this.backend.getUpdate(id);
      this.open(update);
    } catch (err) {
      this.report(err);
    }
  }

  /** Counts the updates opened in the editor: each one opens at its top. */
  openedCount = $state(0);
  /** A new or duplicated update asks for its title to take the focus, once. */
  private titleFocusWanted = false;

  /** Whether the title should take the focus now; asking clears it. */
  takeTitleFocus(): boolean {
    const wanted = this.titleFocusWanted;
    this.titleFocusWanted = false;
    return wanted;
  }

  /** The templates an update can start from (from the backend, once). */
  async loadTemplates(): Promise<void> {
    if (this.templates.length > 0) return;
    this.templates = await this.backend.templates().catch(() => []);
  }

  /** The open update's template, if it started from one. */
  get template(): Template | null {
    const id = this.draft?.template;
    return id ? (this.templates.find((t) => t.id === id) ?? null) : null;
  }

  async newFromTemplate(template: TemplateId): Promise<void> {
    await this.flushQuietly();
    try {
      const update = await this.backend.createFromTemplate(template);
      if (this.filter) this.filter = '';
      await this.refreshList();
      this.open(update, { titleFirst: true });
    } catch (err) {
      this.report(err);
    }
  }

  async newUpdate(): Promise<void> {
    await this.flushQuietly();
    try {
      const update = await this.backend.createUpdate();
      if (this.filter) this.filter = '';
      await this.refreshList();
      this.open(update, { titleFirst: true });
    } catch (err) {
      this.report(err);
    }
  }

  /** Call after any change to the draft: it is saved after a quiet moment. */
  changed(): void {
    const current = this.current;
    const draft = this.draft;
    if (!current || !draft) return;
    this.statusError = '';
    const fields = $state.snapshot(draft) as UpdateFields;
    this.autosave.schedule({ id: current.id, fields });
    this.coach.schedule(current.id, fields);
  }

  setEvidenceKind(kind: EvidenceKind): void {
    const draft = this.draft;
    if (!draft || draft.evidence.kind === kind) return;
    if (draft.evidence.kind === 'metric') this.parkedEvidence.metric = { ...draft.evidence };
    if (draft.evidence.kind === 'quote') this.parkedEvidence.quote = { ...draft.evidence };
    draft.evidence =
      kind === 'metric'
        ? { ...this.parkedEvidence.metric }
        : kind === 'quote'
          ? { ...this.parkedEvidence.quote }
          : { kind: 'none' };
    this.changed();
  }

  goToStep(index: number): void {
    this.step = Math.max(0, Math.min(BEATS.length - 1, index));
    void this.flushQuietly();
  }

  nextStep(): void {
    this.goToStep(this.step + 1);
  }

  previousStep(): void {
    this.goToStep(this.step - 1);
  }

  renderPreview(fields: UpdateFields, theme: ThemeName): Promise<string> {
    return this.backend.renderPreview(fields, theme, this.current?.id);
  }

  /** Shows the updates or the decision journals. */
  async showMode(mode: 'updates' | 'journals' | 'portfolio'): Promise<void> {
    if (mode === this.mode) return;
    if (mode === 'portfolio') {
      await this.flushQuietly();
      await this.journals.flush();
      await this.portfolio.enter();
    } else if (mode === 'journals') {
      await this.flushQuietly();
      await this.journals.enter();
    } else {
      // A journal's pending save (a shared one's change too) is stored before the tab changes.
      await this.journals.flush();
      await this.refreshLinked();
    }
    this.mode = mode;
  }

  /**
   * A kill criterion of the linked journal as a chart table (made by the
   * backend: the metric over time, the threshold line, the decision date).
   */
  async criterionTable(index: number): Promise<CriterionChart | null> {
    const journal = this.linked.journal;
    if (journal === null) return null;
    try {
      return await this.backend.criterionChart(journal, index);
    } catch (err) {
      this.report(err);
      return null;
    }
  }

  /** Links the open update to a journal (or none). */
  async linkJournal(journal: JournalId | null): Promise<void> {
    const current = this.current;
    if (!current) return;
    try {
      await this.backend.linkUpdate(current.id, journal);
      await this.refreshLinked();
      // The coach reads the journal too: review again.
      if (this.draft) this.coach.schedule(current.id, $state.snapshot(this.draft) as UpdateFields, true);
    } catch (err) {
      this.report(err);
    }
  }

  async refreshLinked(): Promise<void> {
    const current = this.current;
    if (!current) {
      this.linked = { journal: null, triggered: [] };
      return;
    }
    try {
      this.linked = await this.backend.updateJournal(current.id);
      if (this.journals.list.length === 0) await this.journals.refresh();
    } catch (err) {
      this.report(err);
    }
  }

  parseChartData(text: string): Promise<ParsedTable> {
    return this.backend.parseChartData(text);
  }

  /** New data for the chart; a first chart starts with the suggested kind. */
  /** New data for the chart; a unit the cells state fills an empty unit, never a typed one. */
  setChartData(table: DataTable, suggested: ChartKind, suggestedUnit: string | null = null): void {
    const draft = this.draft;
    if (!draft) return;
    if (draft.chart?.portfolio) {
      // Pasted data replaces a portfolio view: a chart is one or the other.
      draft.chart = null;
    }
    if (draft.chart) {
      draft.chart.data = table;
      const choices = [...table.header.slice(1), ...table.rows.map((row) => row.label)];
      if (draft.chart.highlight && !choices.includes(draft.chart.highlight)) {
        draft.chart.highlight = null;
      }
      if (!draft.chart.unit && suggestedUnit) draft.chart.unit = suggestedUnit;
    } else {
      draft.chart = {
        kind: suggested,
        title: '',
        alt: '',
        highlight: null,
        unit: suggestedUnit,
        better: null,
        data: table,
      };
    }
    this.changed();
  }

  setChartHighlight(name: string): void {
    if (!this.draft?.chart) return;
    this.draft.chart.highlight = name === '' ? null : name;
    this.changed();
  }

  setChartUnit(unit: string): void {
    if (!this.draft?.chart) return;
    this.draft.chart.unit = unit.trim() === '' ? null : unit;
    this.changed();
  }

  /** Which way is good news: '' leaves it to the names (churn, cost… are better down). */
  setChartBetter(better: string): void {
    if (!this.draft?.chart) return;
    this.draft.chart.better = better === 'up' || better === 'down' ? better : null;
    this.changed();
  }

  /** A portfolio view becomes the update's chart, its figures as of today. */
  async usePortfolioView(view: ChartView): Promise<boolean> {
    if (!this.draft) return false;
    try {
      const chart = await this.backend.portfolioChart(view);
      if (!this.draft) return false;
      this.draft.chart = chart;
      this.changed();
      return true;
    } catch (err) {
      this.report(err);
      return false;
    }
  }

  /** "Refresh from portfolio": today's figures for the chart's view, on purpose. */
  async refreshPortfolioChart(): Promise<boolean> {
    const chart = this.draft?.chart;
    if (!chart?.portfolio) return false;
    try {
      const fresh = await this.backend.refreshPortfolioChart($state.snapshot(chart) as ChartSpec);
      if (!this.draft) return false;
      this.draft.chart = fresh;
      this.changed();
      return true;
    } catch (err) {
      this.report(err);
      return false;
    }
  }

  removeChart(): void {
    if (!this.draft) return;
    this.draft.chart = null;
    this.changed();
  }

  /** The read-ahead memo of the open update: saved first, then written where the user chooses. */
  async exportMemo(): Promise<void> {
    const current = this.current;
    if (!current || this.exporting) return;
    this.exported = '';
    try {
      await this.autosave.flush();
      const name = `${slug(this.draft?.title ?? current.title)} read-ahead`;
      const path = await this.backend.pickExportPath('pdf', name);
      if (!path) return;
      this.exporting = true;
      this.exported = await this.backend.exportMemo(current.id, path, 'pdf');
    } catch (err) {
      this.report(err);
    } finally {
      this.exporting = false;
    }
  }

  /** Saves, asks where to write, and exports the open update. */
  async exportCurrent(format: ExportFormat, scale = 1): Promise<void> {
    const current = this.current;
    if (!current || this.exporting) return;
    this.exported = '';
    this.copied = false;
    try {
      await this.autosave.flush();
      const name = slug(this.draft?.title ?? current.title);
      const path = await this.backend.pickExportPath(format, name);
      if (!path) return;
      this.exporting = true;
      this.exported = await this.backend.exportUpdates([current.id], path, format, this.previewTheme, scale);
    } catch (err) {
      this.report(err);
    } finally {
      this.exporting = false;
    }
  }

  backupNote = $state('');
  /** The workspaces opened lately, newest first (offered when this one fails). */
  recent = $state<string[]>([]);

  /** "Back up now": saves what is typed, then a verified copy beside the file. */
  async backUpNow(): Promise<void> {
    try {
      await this.flushQuietly();
      const path = await this.backend.backUpNow();
      this.backupNote = `Backed up to ${path.split(/[\\/]/).pop()}`;
    } catch (err) {
      this.report(err);
    }
  }

  /** Asks for story Markdown files and stores them; opens the first. */
  async importStories(): Promise<void> {
    try {
      const paths = await this.backend.pickStoryFiles();
      if (paths.length === 0) return;
      await this.flushQuietly();
      const { ids, mapped, demoted } = await this.backend.importStories(paths);
      if (this.filter) this.filter = '';
      await this.refreshList();
      const first = ids[0];
      if (first !== undefined) {
        this.current = null;
        await this.select(first);
      }
      for (const line of mapped) {
        this.notify(`Imported ${line}`);
      }
      for (const line of demoted) {
        this.notify(`Stored as a draft, not ready — ${line}`);
      }
    } catch (err) {
      this.report(err);
    }
  }

  /** Puts the open update's slide on the clipboard as an image. */
  async copySlide(): Promise<void> {
    const draft = this.draft;
    if (!draft || this.copying) return;
    this.copying = true;
    this.exported = '';
    this.copied = false;
    try {
      await this.backend.copySlideImage($state.snapshot(draft) as UpdateFields, this.previewTheme, this.current?.id);
      this.copied = true;
    } catch (err) {
      this.report(err);
    } finally {
      this.copying = false;
    }
  }

  /** Asks for a CSV or spreadsheet file and reads it; null when cancelled. */
  async importChartFile(): Promise<ImportedFile | null> {
    const path = await this.backend.pickChartFile();
    if (!path) return null;
    return this.backend.importChartFile(path);
  }

  async toggleStatus(): Promise<void> {
    const current = this.current;
    if (!current) return;
    this.statusError = '';
    try {
      await this.autosave.flush();
      const next = current.status === 'ready' ? 'draft' : 'ready';
      this.current = await this.backend.setStatus(current.id, next);
      await this.refreshList();
    } catch (err) {
      this.statusError = toApiError(err).message;
    }
  }

  /** A question the toast area asks before a deletion the team would see. */
  asking = $state<{ message: string; yes: string; answer: (yes: boolean) => void } | null>(null);

  askFirst(message: string, yes = 'Delete'): Promise<boolean> {
    this.asking?.answer(false);
    return new Promise((resolve) => {
      this.asking = {
        message,
        yes,
        answer: (yes) => {
          this.asking = null;
          resolve(yes);
        },
      };
    });
  }

  async remove(id: UpdateId): Promise<void> {
    const title = this.list.find((item) => item.id === id)?.title ?? '';
    if (
      this.team.isShared('update', id) &&
      !(await this.askFirst(
        `“${title.trim() || 'Untitled update'}” is shared with the team: deleting it deletes the team's copy at the next exchange. The team's server keeps its history (Automerge keeps deleted text).`,
      ))
    ) {
      return;
    }
    try {
      if (this.current?.id === id) await this.flushQuietly();
      await this.backend.deleteUpdate(id);
      if (this.current?.id === id) {
        this.current = null;
        this.draft = null;
        this.coach.clear();
      }
      this.deleted = { id, title };
      if (this.undoTimer !== null) clearTimeout(this.undoTimer);
      this.undoTimer = setTimeout(() => (this.deleted = null), this.undoMs);
      await this.refreshList();
    } catch (err) {
      this.report(err);
    }
  }

  /** The delete toast asks before "Delete permanently" acts; while it asks, it stays. */
  askingToDeletePermanently = $state(false);

  askToDeletePermanently(asking: boolean): void {
    this.askingToDeletePermanently = asking;
    if (this.undoTimer !== null) clearTimeout(this.undoTimer);
    this.undoTimer = asking ? null : setTimeout(() => (this.deleted = null), this.undoMs);
  }

  async deletePermanently(): Promise<void> {
    const deleted = this.deleted;
    if (!deleted) return;
    try {
      await this.backend.deletePermanently(deleted.id);
      this.deleted = null;
      this.askingToDeletePermanently = false;
      await this.refreshList();
    } catch (err) {
      this.report(err);
    }
  }

  async undoDelete(): Promise<void> {
    const deleted = this.deleted;
    if (!deleted) return;
    try {
      await this.backend.restoreUpdate(deleted.id);
      this.deleted = null;
      await this.refreshList();
      await this.select(deleted.id);
    } catch (err) {
      this.report(err);
    }
  }

  async duplicate(id: UpdateId): Promise<void> {
    try {
      await this.flushQuietly();
      const copy = await this.backend.duplicateUpdate(id);
      await this.refreshList();
      this.open(copy, { titleFirst: true });
    } catch (err) {
      this.report(err);
    }
  }

  async openWorkspace(pick: 'open' | 'create'): Promise<void> {
    try {
      const path =
        pick === 'open'
          ? await this.backend.pickWorkspaceToOpen()
          : await this.backend.pickWorkspaceToCreate();
      if (!path) return;
      await this.flushQuietly();
      await this.switchedTo(await this.backend.openWorkspace(path));
    } catch (err) {
      this.report(err);
    }
  }

  /** File › Open recent: the `index`th workspace of the recent list. */
  async openRecent(index: number): Promise<void> {
    try {
      await this.flushQuietly();
      await this.switchedTo(await this.backend.openRecent(index));
    } catch (err) {
      this.report(err);
    }
  }

  /** Shows an exported file in its folder (the file manager's own window). */
  async reveal(path: string): Promise<void> {
    try {
      await this.backend.revealExported(path);
    } catch (err) {
      this.report(err);
    }
  }

  private async switchedTo(info: WorkspaceInfo): Promise<void> {
    this.info = info;
    this.phase = 'open';
    this.failure = null;
    this.current = null;
    this.draft = null;
    this.coach.clear();
    this.filter = '';
    await this.refreshList();
    const first = this.list[0];
    if (first) await this.select(first.id);
  }

  /**
   * Shows what another program (the CLI) wrote, when the backend says it
   * did: the lists always, the open update or journal only while nothing
   * typed here is waiting to be saved.
   */
  async pickUpExternalChanges(): Promise<void> {
    if (this.phase !== 'open') return;
    try {
      await Promise.all([
        this.refreshList(),
        this.journals.pickUpExternalChanges(),
        this.mode === 'portfolio' ? this.portfolio.enter() : Promise.resolve(),
      ]);
      const current = this.current;
      if (current && this.saveState === 'saved') {
        const fresh = await this.backend.getUpdate(current.id);
        if (fresh.updated_at !== current.updated_at && this.saveState === 'saved') this.load(fresh);
        else await this.refreshLinked(); // new readings may have triggered the journal it backs
      }
    } catch {
      // The next change event tries again.
    }
  }

  /** Opens the newest good backup in place of the damaged workspace. */
  async restoreBackup(): Promise<void> {
    try {
      await this.switchedTo(await this.backend.restoreBackup());
    } catch (err) {
      this.report(err);
    }
  }

  /** Stores everything typed (the update, and the open journal); used before the window closes. */
  async flush(): Promise<void> {
    await Promise.all([this.autosave.flush(), this.journals.flush()]);
  }

  dismissToast(id: number): void {
    this.toasts = this.toasts.filter((toast) => toast.id !== id);
  }

  report(err: unknown): void {
    this.notify(toApiError(err).message);
  }

  /** A message that stays until dismissed. */
  private notify(message: string): void {
    this.toasts = [...this.toasts, { id: ++this.toastSeq, message }];
  }

  /** Loads `update` into the editor as one the user opened: at its top. */
  private open(update: Update, { titleFirst = false } = {}): void {
    this.load(update);
    this.titleFocusWanted = titleFirst;
    this.openedCount += 1;
  }

  private load(update: Update): void {
    this.current = update;
    const {
      id: _id,
      status: _s,
      status_note: _n,
      is_example: _e,
      created_at: _c,
      updated_at: _u,
      ...fields
    } = update;
    this.draft = fields;
    this.parkedEvidence = {
      metric: update.evidence.kind === 'metric' ? { ...update.evidence } : { ...EMPTY_METRIC },
      quote: update.evidence.kind === 'quote' ? { ...update.evidence } : { ...EMPTY_QUOTE },
    };
    this.step = 0;
    this.statusError = '';
    this.coach.schedule(update.id, fields, true);
    void this.refreshLinked();
  }

  private async flushQuietly(): Promise<void> {
    try {
      await this.flush();
    } catch {
      // The save state already shows the error; the autosave keeps retrying.
    }
  }
}
