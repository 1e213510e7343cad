import type { Backend } from './backend/backend';
import {
  toApiError,
  type DeckFrameRequest,
  type ExportProgress,
  type ThemeName,
  type UpdateId,
  type UpdateSummary,
} from './backend/types';

export interface DeckItem {
  id: UpdateId;
  title: string;
  ready: boolean;
  included: boolean;
}

/**
 * "Export deck…": the user picks updates, puts them in order, and writes
 * one PDF while a progress bar shows the slides done.
 */
export class DeckController {
  isOpen = $state(false);
  items = $state<DeckItem[]>([]);
  progress = $state<ExportProgress | null>(null);
  error = $state('');
  exported = $state('');
  /** PDF or an editable PowerPoint deck. */
  format = $state<'pdf' | 'pptx'>('pdf');
  /** The pages around the updates. */
  frame = $state<DeckFrameRequest>({ title: '', agenda: false, appendix: false, notes_pages: false });

  constructor(
    private readonly backend: Backend,
    private readonly beforeExport: () => Promise<void>,
  ) {}

  /** Opens the picker with the list's updates; ready ones start picked. */
  open(list: UpdateSummary[]): void {
    const anyReady = list.some((item) => item.status === 'ready');
    this.items = list.map((item) => ({
      id: item.id,
      title: item.title.trim() || 'Untitled update',
      ready: item.status === 'ready',
      included: anyReady ? item.status === 'ready' : true,
    }));
    this.error = '';
    this.exported = '';
    this.progress = null;
    this.isOpen = true;
  }

  close(): void {
    if (this.busy) return;
    this.isOpen = false;
  }

  get busy(): boolean {
    return this.progress !== null;
  }

  get chosen(): DeckItem[] {
    return this.items.filter((item) => item.included);
  }

  toggle(index: number): void {
    const item = this.items[index];
    if (item) item.included = !item.included;
  }

  /** Moves an item up (-1) or down (+1); returns its new index. */
  move(index: number, delta: -1 | 1): number {
    const target = index + delta;
    if (target < 0 || target >= this.items.length) return index;
    const items = [...this.items];
    const [moved] = items.splice(index, 1);
    if (moved) items.splice(target, 0, moved);
    this.items = items;
    return target;
  }

  async export(theme: ThemeName): Promise<void> {
    const ids = this.chosen.map((item) => item.id);
    if (ids.length === 0 || this.busy) {
      if (ids.length === 0) this.error = 'Pick at least one update for the deck.';
      return;
    }
    this.error = '';
    this.exported = '';
    try {
      await this.beforeExport();
      const format = this.format;
      const path = await this.backend.pickExportPath(format, this.frame.title.trim() || 'deck');
      if (!path) return;
      this.progress = { done: 0, total: ids.length };
      this.exported = await this.backend.exportUpdates(
        ids,
        path,
        format,
        theme,
        undefined,
        (progress) => {
          this.progress = progress;
        },
        $state.snapshot(this.frame) as DeckFrameRequest,
      );
    } catch (err) {
      this.error = toApiError(err).message;
    } finally {
      this.progress = null;
    }
  }
}
