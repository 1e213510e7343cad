import { Autosave, type SaveState } from './autosave';
import type { Backend } from './backend/backend';
import { toApiError } from './backend/types';
import { addDays } from './dates';
import {
  emptyJournal,
  type Alternative,
  type Assumption,
  type JournalBody,
  type JournalId,
  type JournalSummary,
  type JournalView,
  type KillCriterion,
} from './backend/journalTypes';

/**
 * The decision journals: the list, the open journal and its draft. Every
 * edit is saved as it is typed: an unshared journal in place, a shared one
 * as its pending change, which becomes a revision when the user records it
 * with a reason (or is discarded). Nothing typed is dropped by switching
 * journals or tabs: the pending save is flushed first.
 */
export class JournalController {
  list = $state<JournalSummary[]>([]);
  view = $state<JournalView | null>(null);
  draft = $state<JournalBody | null>(null);
  saveState = $state<SaveState>('saved');
  error = $state('');
  notice = $state('');
  /** The file the last notice is about (an export), to show in its folder. */
  noticeFile = $state('');
  /** Rows of a readings file that could not be read, waiting for the user's answer. */
  pendingImport = $state<{ path: string; valid: number; problems: { row: number; message: string }[] } | null>(
    null,
  );
  diffLines = $state<string[]>([]);
  author = $state('');
  /** The app's local date from the backend's clock (YYYY-MM-DD), read when a journal opens. */
  today = $state('');

  private readonly autosave: Autosave<{ id: JournalId; body: JournalBody }>;

  private say(message: string, file = ''): void {
    this.notice = message;
    this.noticeFile = file;
  }

  /** Shows the exported file in its folder. */
  async reveal(path: string): Promise<void> {
    try {
      await this.backend.revealExported(path);
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  constructor(
    private readonly backend: Backend,
    options: { autosaveDelayMs?: number } = {},
  ) {
    this.autosave = new Autosave({
      delayMs: options.autosaveDelayMs ?? 400,
      save: async ({ id, body }) => {
        const view = await this.backend.saveJournal(id, body);
        if (this.view?.journal.id === id) this.view = view;
        await this.refresh();
      },
      onStateChange: (state, error) => {
        this.saveState = state;
        this.error = state === 'error' ? toApiError(error).message : '';
      },
    });
  }

  get shared(): boolean {
    return this.view?.journal.shared ?? false;
  }

  /** A shared journal has a change typed but not yet recorded as a revision. */
  get hasPendingChange(): boolean {
    const view = this.view;
    if (!view?.journal.shared) return false;
    return view.journal.pending !== null || this.saveState !== 'saved';
  }

  /** The journals tab opens: the list, and today's date for the forms. */
  async enter(): Promise<void> {
    await Promise.all([this.refresh(), this.loadToday()]);
  }

  private async loadToday(): Promise<void> {
    try {
      this.today = await this.backend.today();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async refresh(): Promise<void> {
    try {
      this.list = await this.backend.listJournals();
      if (!this.author) this.author = await this.backend.getAuthor();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  /** A journal's view without opening it (for the update editor). */
  peek(id: JournalId): Promise<JournalView> {
    return this.backend.getJournal(id);
  }

  async open(id: JournalId): Promise<void> {
    await this.flush();
    try {
      const [view] = await Promise.all([this.backend.getJournal(id), this.loadToday()]);
      this.show(view);
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async create(): Promise<void> {
    await this.flush();
    try {
      const [view] = await Promise.all([this.backend.createJournal(emptyJournal()), this.loadToday()]);
      this.show(view);
      await this.refresh();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  /** Call after every edit of the draft: it is saved (a shared journal's as its pending change). */
  changed(): void {
    const view = this.view;
    if (!view || !this.draft) return;
    this.autosave.schedule({ id: view.journal.id, body: $state.snapshot(this.draft) as JournalBody });
  }

  addAssumption(): void {
    const assumption: Assumption = { statement: '', importance: 'high', evidence: 'anecdote', source: '' };
    this.draft?.assumptions.push(assumption);
    this.changed();
  }

  addAlternative(): void {
    const alternative: Alternative = { path: '', irreversibles: '', door: 'two-way' };
    this.draft?.alternatives.push(alternative);
    this.changed();
  }

  addCriterion(): void {
    const draft = this.draft;
    if (!draft) return;
    const criterion: KillCriterion = {
      id: `criterion-${draft.criteria.length + 1}`,
      metric: '',
      comparator: '<',
      threshold: 0,
      unit: '%',
      cohort: '',
      by: this.today ? addDays(this.today, 30) : '',
      action: { kind: 'halt' },
      margin: 0,
      window: { kind: 'latest' },
    };
    draft.criteria.push(criterion);
    this.changed();
  }

  remove(list: 'assumptions' | 'alternatives' | 'criteria', index: number): void {
    this.draft?.[list].splice(index, 1);
    this.changed();
  }

  /** Freezes the journal: append-only from now on (the store's "shared"). */
  async freeze(): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      await this.flush();
      this.show(await this.backend.shareJournal(view.journal.id));
      this.say('Frozen: a change typed from now on is kept as pending until you record it as a revision, with its reason.');
      await this.refresh();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  /** Records the pending change as a revision with its reason. */
  async revise(reason: string): Promise<boolean> {
    const view = this.view;
    if (!view || !this.draft) return false;
    try {
      await this.flush();
      this.show(await this.backend.reviseJournal(view.journal.id, $state.snapshot(this.draft) as JournalBody, reason));
      this.say('Revision recorded.');
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
    }
  }

  /** Drops the pending change: the journal shows its latest revision again. */
  async discardChange(): Promise<boolean> {
    const view = this.view;
    if (!view) return false;
    try {
      await this.flush();
      this.show(await this.backend.discardJournalChange(view.journal.id));
      this.say('Changes discarded: the journal shows its latest revision.');
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
    }
  }

  /**
   * Shows what another program wrote: the list always, the open journal
   * only while nothing typed here is waiting to be saved.
   */
  async pickUpExternalChanges(): Promise<void> {
    await this.refresh();
    const id = this.view?.journal.id;
    if (id === undefined || this.saveState !== 'saved') return;
    try {
      const fresh = await this.backend.getJournal(id);
      if (this.view?.journal.id !== id || this.saveState !== 'saved') return;
      this.view = fresh;
      this.draft = structuredClone(fresh.journal.pending ?? fresh.journal.body);
    } catch {
      // The next change tries again.
    }
  }

  /** Asks for a readings CSV and imports it; rows that cannot be read wait for the user. */
  async importReadings(): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      const path = await this.backend.pickReadingsFile();
      if (!path) return;
      await this.runImport(path, false);
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async answerImport(keepValid: boolean): Promise<void> {
    const pending = this.pendingImport;
    this.pendingImport = null;
    if (!pending || !keepValid) {
      this.say('Nothing was imported.');
      return;
    }
    try {
      await this.runImport(pending.path, true);
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  private async runImport(path: string, acceptValid: boolean): Promise<void> {
    const view = this.view;
    if (!view) return;
    const result = await this.backend.importReadings(view.journal.id, path, acceptValid);
    this.view = result.view;
    if (result.problems.length > 0 && result.imported === 0) {
      this.pendingImport = { path, valid: result.valid, problems: result.problems };
    } else {
      this.say(`Imported ${result.imported} reading${result.imported === 1 ? '' : 's'}.`);
    }
  }

  /** One reading typed in by hand. */
  async addReading(metric: string, date: string, value: number): Promise<boolean> {
    const view = this.view;
    if (!view) return false;
    try {
      this.view = await this.backend.addReading(view.journal.id, metric, date, value);
      this.error = '';
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
    }
  }

  /** Corrects a reading (a value) or removes it (null); a frozen journal records the reason. */
  async changeReading(metric: string, date: string, value: number | null, reason: string): Promise<boolean> {
    const view = this.view;
    if (!view) return false;
    try {
      this.view = await this.backend.changeReading(view.journal.id, metric, date, value, reason);
      this.error = '';
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
    }
  }

  async exportAs(format: 'md' | 'pdf' | 'png'): Promise<string> {
    const view = this.view;
    if (!view) return '';
    try {
      await this.flush();
      const path = await this.backend.pickExportPath(format, `${view.journal.body.item || 'journal'}-journal`);
      if (!path) return '';
      const written = await this.backend.exportJournal(view.journal.id, path, format);
      this.say(`Exported ${written.split(/[\\/]/).pop()}.`, written);
      return written;
    } catch (err) {
      this.error = toApiError(err).message;
      return '';
    }
  }

  /** What changed between two revisions, named by hash (a forked history repeats numbers). */
  async diff(from: string, to: string): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      this.diffLines = await this.backend.journalDiff(view.journal.id, from, to);
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async setAuthor(name: string): Promise<void> {
    try {
      this.author = await this.backend.setAuthor(name);
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  flush(): Promise<void> {
    return this.autosave.flush().catch(() => undefined);
  }

  private show(view: JournalView): void {
    this.view = view;
    this.draft = structuredClone(view.journal.pending ?? view.journal.body);
    this.diffLines = [];
    this.pendingImport = null;
    this.error = '';
    this.say('');
  }
}
