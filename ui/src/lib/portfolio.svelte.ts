import type { Backend, PortfolioViewName } from './backend/backend';
import { toApiError, type Initiative, type PortfolioSettings, type PortfolioState } from './backend/types';

/** A new initiative's starting point: named by the user, nothing assumed. */
export function blankInitiative(name = ''): Initiative {
  return {
    name,
    owner: '',
    objective: '',
    horizon: 'now',
    bucket: 'core',
    slider: 0,
    cost: null,
    fte: null,
    cash_flows: [],
    launch_period: null,
    launch_cost: 0,
    discount_rate: null,
    p_technical: 1,
    p_commercial: 1,
    fit_scores: [],
    fit: null,
    risks: [],
    depends_on: [],
    next_review: null,
    stands_alone: '',
    gates: [],
    stopping_rules: [],
    journal: null,
  };
}

/**
 * The portfolio tab: the initiatives with their value, the one being
 * edited, the checks, and a view drawn by the renderer.
 */
export class PortfolioController {
  state = $state<PortfolioState | null>(null);
  /** The initiative being edited: its id (null for a new one) and its fields. */
  editing = $state<{ id: number | null; initiative: Initiative } | null>(null);
  error = $state('');
  notice = $state('');
  /** The view shown: one of the portfolio's, or the selected initiative's gates. */
  view = $state<PortfolioViewName | 'gates'>('matrix');
  viewSrc = $state('');

  constructor(private readonly backend: Backend) {}

  get failedChecks(): number {
    return this.state?.checks.filter((c) => c.status === 'fail').length ?? 0;
  }

  /** Today by the backend's calendar: where a new gate or rule is dated. */
  today = $state('');

  async enter(): Promise<void> {
    if (!this.today) this.today = await this.backend.today().catch(() => '');
    await this.run(() => this.backend.getPortfolio());
  }

  /** One reading of the initiative being edited. */
  async addReading(metric: string, date: string, value: number): Promise<boolean> {
    const id = this.editing?.id;
    if (id === null || id === undefined) return false;
    const ok = await this.run(() => this.backend.addInitiativeReading(id, metric, date, value));
    if (ok) this.notice = `Reading of “${metric.trim()}” on ${date} added.`;
    return ok;
  }

  select(id: number): void {
    const row = this.state?.initiatives.find((r) => r.id === id);
    if (row) this.editing = { id, initiative: structuredClone($state.snapshot(row.initiative)) };
  }

  startNew(): void {
    this.editing = { id: null, initiative: blankInitiative() };
  }

  async save(): Promise<boolean> {
    const editing = this.editing;
    if (!editing) return false;
    const initiative = $state.snapshot(editing.initiative) as Initiative;
    const saved = await this.run(() =>
      editing.id === null ? this.backend.addInitiative(initiative) : this.backend.saveInitiative(editing.id, initiative),
    );
    if (saved && editing.id === null) {
      const added = this.state?.initiatives.find((r) => r.initiative.name.trim() === initiative.name.trim());
      this.editing = added ? { id: added.id, initiative: structuredClone($state.snapshot(added.initiative)) } : null;
    }
    if (saved) this.notice = `Saved “${initiative.name.trim()}”.`;
    return saved;
  }

  /** Asked before an initiative is deleted (the team's copy goes too); yes by default. */
  confirmRemove: (name: string) => Promise<boolean> = async () => true;

  async remove(id: number): Promise<void> {
    const name = this.state?.initiatives.find((row) => row.id === id)?.initiative.name ?? '';
    if (!(await this.confirmRemove(name))) return;
    if (await this.run(() => this.backend.deleteInitiative(id))) {
      if (this.editing?.id === id) this.editing = null;
    }
  }

  /** Initiatives from a pasted table: all or none; the error names the row and column. */
  async importText(text: string): Promise<boolean> {
    const before = this.state?.initiatives.length ?? 0;
    const ok = await this.run(() => this.backend.importInitiatives(text));
    if (ok) this.notice = `Imported ${(this.state?.initiatives.length ?? 0) - before} initiative(s).`;
    return ok;
  }

  /** Initiatives from a CSV or spreadsheet the user picks: all or none. */
  async importFile(): Promise<boolean> {
    const path = await this.backend.pickChartFile().catch(() => null);
    if (!path) return false;
    const before = this.state?.initiatives.length ?? 0;
    const ok = await this.run(() => this.backend.importInitiativesFile(path));
    if (ok) this.notice = `Imported ${(this.state?.initiatives.length ?? 0) - before} initiative(s).`;
    return ok;
  }

  async saveSettings(settings: PortfolioSettings): Promise<boolean> {
    const ok = await this.run(() => this.backend.savePortfolioSettings(settings));
    if (ok) this.notice = 'Settings saved: every value and check is computed again.';
    return ok;
  }

  async showView(view: PortfolioViewName | 'gates'): Promise<void> {
    this.view = view;
    await this.drawView();
  }

  private async drawView(): Promise<void> {
    try {
      if (this.view === 'gates') {
        const name = this.editing?.initiative.name.trim();
        this.viewSrc = name ? await this.backend.gatesView(name) : '';
      } else {
        this.viewSrc = await this.backend.portfolioView(this.view);
      }
    } catch (err) {
      this.viewSrc = '';
      this.error = toApiError(err).message;
    }
  }

  private async run(change: () => Promise<PortfolioState>): Promise<boolean> {
    try {
      this.state = await change();
      this.error = '';
      // The view redraws behind: the table and the editor do not wait for it.
      void this.drawView();
      return true;
    } catch (err) {
      this.error = toApiError(err).message;
      return false;
    }
  }
}
