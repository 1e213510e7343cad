import type { Backend } from './backend/backend';
import {
  toApiError,
  type AuditBucket,
  type AuditView,
  type Pathfinder,
  type Stakeholder,
  type Strategy,
  type Update,
  type UpdateAudit,
  type UpdateId,
} from './backend/types';
import type { JournalId } from './backend/journalTypes';

/** A stakeholder as the form starts one: a role to type, nothing assumed. */
export function blankStakeholder(): Stakeholder {
  return { role: '', metric: '', horizon_months: null, tolerances: [], beliefs: [], acknowledged: null };
}

/**
 * "Audit…": the open update's stakeholders and the workspace's strategy,
 * edited here and diagnosed in Rust (which buckets clash, the four
 * questions); each conflict's playbook ends in a draft update, and a
 * pathfinder experiment in a decision journal.
 */
export class AuditController {
  isOpen = $state(false);
  view = $state<AuditView | null>(null);
  /** What is being edited; saved with `save`. */
  audit = $state<UpdateAudit>({ stakeholders: [], opposed: [] });
  strategy = $state<Strategy | null>(null);
  error = $state('');
  notice = $state('');
  busy = $state(false);
  private id: UpdateId | null = null;

  constructor(
    private readonly backend: Backend,
    private readonly opened: (update: Update) => void,
    private readonly openJournal: (id: JournalId) => Promise<void>,
  ) {}

  async open(id: UpdateId): Promise<void> {
    this.id = id;
    this.error = '';
    this.notice = '';
    try {
      this.show(await this.backend.getAudit(id));
    } catch (err) {
      this.error = toApiError(err).message;
    }
    this.isOpen = true;
  }

  close(): void {
    this.isOpen = false;
  }

  private show(view: AuditView): void {
    this.view = view;
    this.audit = structuredClone(view.audit);
    this.strategy = structuredClone(view.strategy);
  }

  /** Stores the stakeholders and opposed beliefs; the diagnosis follows. */
  async save(): Promise<boolean> {
    if (this.id === null) return false;
    const id = this.id;
    return this.run(async () => {
      this.show(await this.backend.saveAudit(id, $state.snapshot(this.audit) as UpdateAudit));
      this.notice = 'Saved: the diagnosis is computed again.';
    });
  }

  async saveStrategy(): Promise<boolean> {
    if (this.id === null || !this.strategy) return false;
    const id = this.id;
    const strategy = $state.snapshot(this.strategy) as Strategy;
    return this.run(async () => {
      this.show(await this.backend.saveStrategy(id, strategy));
      this.notice = 'Strategy saved.';
    });
  }

  /** The playbook's pre-filled draft, opened in the editor. */
  async followPlaybook(bucket: AuditBucket): Promise<boolean> {
    if (this.id === null) return false;
    const id = this.id;
    return this.run(async () => {
      await this.backend.saveAudit(id, $state.snapshot(this.audit) as UpdateAudit);
      const draft = await this.backend.followPlaybook(id, bucket);
      this.isOpen = false;
      this.opened(draft);
    });
  }

  async startPathfinder(experiment: Pathfinder): Promise<boolean> {
    return this.run(async () => {
      const journal = await this.backend.startPathfinder(experiment);
      this.isOpen = false;
      await this.openJournal(journal);
    });
  }

  private async run(action: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    try {
      await action();
      this.error = '';
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
    } finally {
      this.busy = false;
    }
  }
}
