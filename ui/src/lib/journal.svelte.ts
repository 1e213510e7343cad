import { Autosave, type SaveState } from './autosave';
import type { Backend } from './backend/backend';
import { toApiError } from './backend/types';
import { addDays, todayIso } from './dates';
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
 * The decision journals: the list, the open journal and its draft. An
 * unshared journal saves as it is edited; a shared one only changes by a
 * revision the user records with a reason.
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
      this.show(await this.backend.getJournal(id));
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async create(): Promise<void> {
    await this.flush();
    try {
      this.show(await this.backend.createJournal(emptyJournal()));
      await this.refresh();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  /** Call after every edit of the draft. */
  changed(): void {
    const view = this.view;
    if (!view || !this.draft || view.journal.shared) return;
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
      metric: 'Metric',
      comparator: '<',
      threshold: 0,
      unit: '%',
      cohort: '',
      by: addDays(todayIso(), 30),
      action: { kind: 'halt' },
      margin: 0,
    };
    draft.criteria.push(criterion);
    this.changed();
  }

  remove(list: 'assumptions' | 'alternatives' | 'criteria', index: number): void {
    this.draft?.[list].splice(index, 1);
    this.changed();
  }

  async share(): Promise<void> {
    const view = this.view;
    if (!view) return;
    try {
      await this.flush();
      this.show(await this.backend.shareJournal(view.journal.id));
      this.say('Shared: from now on every change is a new revision with its reason.');
      await this.refresh();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  async revise(reason: string): Promise<boolean> {
    const view = this.view;
    if (!view || !this.draft) return false;
    try {
      this.show(await this.backend.reviseJournal(view.journal.id, $state.snapshot(this.draft) as JournalBody, reason));
      this.say('Revision recorded.');
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
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

  async diff(from: number, to: number): Promise<void> {
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
    this.draft = structuredClone(view.journal.body);
    this.diffLines = [];
    this.pendingImport = null;
    this.error = '';
    this.say('');
  }
}
