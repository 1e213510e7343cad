import type { Backend } from './backend/backend';
import { toApiError, type Update, type UpdateHistory, type UpdateId } from './backend/types';

/**
 * "History…": the open update's revisions, each shown as what changed from
 * it to now, and restorable as a new revision (the past is never rewritten).
 */
export class HistoryController {
  isOpen = $state(false);
  history = $state<UpdateHistory | null>(null);
  /** The revision whose changes are shown. */
  selected = $state<number | null>(null);
  diff = $state<string[]>([]);
  error = $state('');
  restoring = $state(false);
  private id: UpdateId | null = null;

  constructor(
    private readonly backend: Backend,
    private readonly flush: () => Promise<void>,
    private readonly restored: (update: Update) => void,
  ) {}

  async open(id: UpdateId): Promise<void> {
    this.id = id;
    this.error = '';
    this.diff = [];
    this.selected = null;
    try {
      // What is typed is saved first, so "now" is what the user sees.
      await this.flush();
      this.history = await this.backend.updateHistory(id);
      this.isOpen = true;
      // The newest revision is now; the one before it is what changed last.
      const previous = this.history.revisions[1] ?? this.history.revisions[0];
      if (previous) await this.select(previous.id);
    } catch (err) {
      this.error = toApiError(err).message;
      this.isOpen = true;
    }
  }

  close(): void {
    this.isOpen = false;
  }

  async select(revision: number): Promise<void> {
    if (this.id === null) return;
    this.selected = revision;
    try {
      this.diff = await this.backend.updateRevisionDiff(this.id, revision);
      this.error = '';
    } catch (err) {
      this.diff = [];
      this.error = toApiError(err).message;
    }
  }

  async restore(): Promise<void> {
    if (this.id === null || this.selected === null) return;
    this.restoring = true;
    try {
      const update = await this.backend.restoreUpdateRevision(this.id, this.selected);
      this.restored(update);
      this.history = await this.backend.updateHistory(this.id);
      this.selected = null;
      this.diff = [];
      this.error = '';
    } catch (err) {
      this.error = toApiError(err).message;
    } finally {
      this.restoring = false;
    }
  }
}
