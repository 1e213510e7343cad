import type { Backend } from './backend';
import type {
  ApiError,
  TeamStatus,
  AuditView,
  Initiative,
  PortfolioSettings,
  PortfolioState,
  Branding,
  ImportedFile,
  ParsedTable,
  Review,
  Update,
  UpdateFields,
  UpdateId,
  UpdateSummary,
} from './types';
import type { Evaluation, JournalBody, JournalId, JournalView, Reading, Revision } from './journalTypes';

/**
 * A small fake of the Rust side for unit tests and `npm run dev:ui`. It
 * stores what it is given and answers with canned values a test can set; it
 * knows no domain rule (no coach, no readiness, no table parsing, no kill
 * criteria, no share rules): those live in Rust and are tested there.
 */

/** The Backend methods that answer with a promise (the ones a test can script). */
export type AsyncMethod = {
  [K in keyof Backend]: Backend[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof Backend];
type Answer<M extends AsyncMethod> = Awaited<ReturnType<Backend[M]>>;

export interface Call {
  method: AsyncMethod;
  args: unknown[];
}

/** What the fake answers every time, until a test changes it. */
export interface Answers {
  /** `today()`, and the date of a new update. */
  today: string;
  /** `reviewUpdate()`: the coach's review, whatever the fields. */
  review: Review;
  /** `parseChartData(text)` by exact text; other text is refused with `parseError`. */
  parsed: Map<string, ParsedTable>;
  parseError: ApiError;
  /** `importStories()`: one new draft per entry of `fields`, and the lines of what became what. */
  imported: { fields: Partial<UpdateFields>[]; mapped: string[]; demoted: string[] };
  /** `updateJournal()` of an update linked to a journal: its triggered criteria. */
  triggered: string[];
  /** `journalDiff()` */
  diff: string[];
  /** The evaluations of every journal's view. */
  evaluations: Evaluation[];
  /** The weak points every journal's view lists (canned). */
  weakPoints: string[];
}

export interface MemoryBackend extends Backend {
  answers: Answers;
  /** The next call of `method` resolves with `value` instead of the fake's own answer. */
  answerNext<M extends AsyncMethod>(method: M, value: Answer<M>): void;
  /** The next `times` calls of `method` reject with `error`. */
  failNext(method: AsyncMethod, error: ApiError, times?: number): void;
  /** Every call so far with a copy of its arguments, oldest first; only `method`'s when given. */
  calls(method?: AsyncMethod): Call[];
  /** Stores an update as if the app had made it earlier (not recorded as a call). */
  seed(update?: Partial<Update>): Update;
  /** What the fake holds for an update (not recorded as a call). */
  stored(id: UpdateId): Update | undefined;
  /** The `workspace-changed` event, as Rust sends it when another program wrote. */
  emitWorkspaceChanged(): void;
  /** Makes `importChartFile(path)` answer with `file`. */
  addChartFile(path: string, file: ImportedFile): void;
}

export interface MemoryBackendOptions {
  /** One finished example update, as a new workspace has. */
  withExample?: boolean;
  today?: string;
}

export function emptyFields(date = ''): UpdateFields {
  return {
    title: '',
    audience: '',
    priority: '',
    date,
    beats: { context: '', conflict: '', resolution: '', evidence: '' },
    evidence: { kind: 'none' },
    chart: null,
    other: { sections: [], front_matter: [] },
    template: null,
    notes: '',
  };
}

export function emptyReview(): Review {
  return { score: 100, ready: true, findings: [], silenced: [], silenced_rules: [] };
}

/** A copy as it crosses the boundary to Rust: JSON (so a Svelte state proxy copies too). */
function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function cannedTeam(): TeamStatus {
  return {
    joined: false,
    server: '',
    team_name: '',
    display_name: '',
    author_id: '0123456789abcdef',
    shared: {},
    pending: [],
    last_sync_at: null,
    last_error: '',
    sharing: { portfolio: false, journals: false },
    shared_updates: [],
    last_changes: [],
    leave_warning: 'Leaving keeps every item here.',
    unshare_warning: 'The item stays here.',
  };
}

const notFound = (what: string): ApiError => ({ code: 'not_found', message: `there is no ${what}` });

/** Methods that take a callback and answer nothing: not scripted, not recorded. */
const LISTENERS = new Set<keyof Backend>(['onMenu', 'onWorkspaceChanged', 'onTeamSynced', 'onCloseRequested']);

interface StoredJournal {
  id: JournalId;
  shared: boolean;
  body: JournalBody;
  pending: JournalBody | null;
  revisions: Revision[];
  readings: Reading[];
}

export function memoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const answers: Answers = {
    today: options.today ?? '2026-11-23',
    review: emptyReview(),
    parsed: new Map(),
    parseError: { code: 'invalid_input', message: 'the fake backend has no canned table for this text' },
    imported: { fields: [], mapped: [], demoted: [] },
    triggered: [],
    diff: [],
    evaluations: [],
    weakPoints: [],
  };
  const updates = new Map<UpdateId, Update>();
  const deleted = new Set<UpdateId>();
  const journals = new Map<JournalId, StoredJournal>();
  let initiatives: { id: number; initiative: Initiative }[] = [];
  let portfolioSettings: PortfolioSettings = {
    period: 'quarter',
    discount_rate: 0.1,
    targets: { core: 70, adjacent: 20, transformational: 10 },
    slider_threshold: 60,
    fit_criteria: [],
    quadrant_fit: null,
    quadrant_value: null,
  };
  /** The portfolio as stored; its value, checks and allocation are canned (no rules here). */
  const portfolio = (): PortfolioState =>
    clone({
      initiatives: initiatives.map(({ id, initiative }) => ({
        id,
        initiative,
        fit: initiative.fit,
        valuation: { npv: 0, risk_adjusted_npv: 0, ecv: 0, rate_per_period: 0, working: [] },
        readings: [],
      })),
      settings: portfolioSettings,
      checks: [],
      allocation: { basis: 'cost', total: 0, rows: [] },
      cascade_choices: [],
      orphans: [],
    });
  const links = new Map<UpdateId, JournalId>();
  const chartFiles = new Map<string, ImportedFile>();
  const scripted = new Map<AsyncMethod, ({ value: unknown } | { error: ApiError })[]>();
  const log: Call[] = [];
  const changeHandlers: (() => void)[] = [];
  let branding: Branding = {
    accent: '#2563EB',
    footer_label: '',
    beat_names: false,
    significance_note: false,
    logo: null,
  };
  let author = 'Test author';
  let clock = 1_700_000_000_000;
  let nextId = 1;
  let nextJournalId = 1;

  const tick = () => (clock += 1);
  const live = (id: UpdateId) => {
    const update = updates.get(id);
    if (!update || deleted.has(id)) throw notFound(`update with id ${id}`);
    return update;
  };
  let pptxTemplate: string | null = null;
  const cannedAudit = (): AuditView => ({
    audit: { stakeholders: [], opposed: [] },
    strategy: {
      board_metric: '',
      board_target: '',
      board_year: null,
      why_switch: '',
      now_months: 3,
      next_months: 12,
      cascade: { aspiration: '', where_to_play: [], how_to_win: [], capabilities: [], systems: [] },
    },
    diagnosis: { buckets: [], questions: [] },
    orphans: [],
  });
  const insert = (update: Partial<Update> = {}): Update => {
    const now = tick();
    const stored: Update = {
      ...emptyFields(answers.today),
      status: 'draft',
      status_note: null,
      is_example: false,
      created_at: now,
      updated_at: now,
      ...clone(update),
      id: nextId++,
    };
    updates.set(stored.id, stored);
    return clone(stored);
  };
  const journal = (id: JournalId) => {
    const stored = journals.get(id);
    if (!stored) throw notFound(`journal ${id}`);
    return stored;
  };
  const view = (id: JournalId): JournalView => {
    const { shared, body, pending, revisions, readings } = journal(id);
    return clone({
      // The fake's history never forks: its one head is the last revision.
      journal: {
        id,
        shared,
        body,
        pending: shared ? pending : null,
        revisions,
        heads: revisions.slice(-1).map((r) => r.hash),
        tamper: null,
      },
      readings,
      evaluations: answers.evaluations,
      weak_points: answers.weakPoints,
      events: [],
    });
  };
  const revise = (stored: StoredJournal, body: JournalBody, reason: string) => {
    stored.body = clone(body);
    stored.pending = null;
    const seq = stored.revisions.length + 1;
    stored.revisions.push({ seq, body: clone(body), author, at_ms: tick(), reason, prev_hash: '', hash: `hash-${seq}` });
    return view(stored.id);
  };
  const info = () => ({ path: 'memory', schema_version: 1, update_count: updates.size - deleted.size });

  if (options.withExample) {
    insert({
      title: 'Setup checklist lifts week-one activation by 9 points — roll it out',
      audience: 'Exec staff (go/no-go)',
      priority: 'Net revenue retention',
      beats: {
        context: 'Two competitors now bundle guided onboarding into their free tiers.',
        conflict: 'A longer trial adds support hours without fixing the day-three drop-off.',
        resolution: 'Ship the setup checklist to every new workspace by 15 December.',
        evidence: 'Six-week A/B test: 41% week-one activation against 32% without.',
      },
      evidence: {
        kind: 'metric',
        value: '41%',
        unit: 'week-one activation',
        baseline: '32% without',
        window: '6 weeks',
        source: 'Product analytics',
        sample: '1960, 1960',
      },
      status: 'ready',
      is_example: true,
    });
  }

  const impl: Backend = {
    workspaceState: async () => ({ state: 'open', info: info() }),
    openWorkspace: async (path) => ({ ...info(), path }),
    async restoreBackup() {
      throw { code: 'backup_failed', message: 'there is no good backup of this workspace' } satisfies ApiError;
    },
    async listUpdates() {
      // Newest first; the filter is Rust's to apply (a test scripts a filtered answer).
      return [...updates.values()]
        .filter((u) => !deleted.has(u.id))
        .sort((a, b) => b.created_at - a.created_at)
        .map(
          (u): UpdateSummary => ({
            id: u.id,
            title: u.title,
            audience: u.audience,
            date: u.date,
            status: u.status,
            is_example: u.is_example,
            updated_at: u.updated_at,
            filled: [u.beats.context !== '', u.beats.conflict !== '', u.beats.resolution !== '', u.beats.evidence !== ''],
          }),
        );
    },
    getUpdate: async (id) => clone(live(id)),
    createUpdate: async () => insert(),
    async saveUpdate(id, fields) {
      const saved: Update = { ...live(id), ...clone(fields), updated_at: tick() };
      updates.set(id, saved);
      return clone(saved);
    },
    async setStatus(id, status) {
      const saved: Update = { ...live(id), status, status_note: null, updated_at: tick() };
      updates.set(id, saved);
      return clone(saved);
    },
    async deleteUpdate(id) {
      live(id);
      deleted.add(id);
    },
    async restoreUpdate(id) {
      if (!updates.has(id)) throw notFound(`update with id ${id}`);
      deleted.delete(id);
    },
    async deletePermanently(id) {
      if (!updates.delete(id)) throw notFound(`update with id ${id}`);
      deleted.delete(id);
    },
    // The team: canned answers (joining, sharing and exchanging are Rust's;
    // a test scripts the status it needs with answerNext).
    async teamStatus() {
      return cannedTeam();
    },
    async teamJoin(request) {
      return { ...cannedTeam(), joined: true, server: request.server, team_name: request.teamName, display_name: request.displayName };
    },
    async teamLeave() {
      return cannedTeam();
    },
    async teamShare() {
      return cannedTeam();
    },
    async teamSetSharing(sharing) {
      return { ...cannedTeam(), sharing: clone(sharing) };
    },
    async teamInvitation() {
      return '{}';
    },
    async teamSyncNow() {
      return { sent: 0, received: 0, confirmed: true, offline_reason: '', problems: [] };
    },
    onTeamSynced() {},
    async getPortfolio() {
      return portfolio();
    },
    async addInitiative(initiative) {
      initiatives.push({ id: initiatives.length + 1, initiative: clone(initiative) });
      return portfolio();
    },
    async saveInitiative(id, initiative) {
      const row = initiatives.find((i) => i.id === id);
      if (!row) throw notFound(`initiative ${id}`);
      row.initiative = clone(initiative);
      return portfolio();
    },
    async deleteInitiative(id) {
      initiatives = initiatives.filter((i) => i.id !== id);
      return portfolio();
    },
    async savePortfolioSettings(settings) {
      portfolioSettings = clone(settings);
      return portfolio();
    },
    async importInitiatives() {
      // The fake reads no tables: a test answers this call with the state it wants.
      return portfolio();
    },
    async gatesView(initiative) {
      return `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg"><text>${initiative}</text></svg>`)}`;
    },
    async importInitiativesFile() {
      // The fake reads no files: a test answers this call with the state it wants.
      return portfolio();
    },
    async addInitiativeReading() {
      // The fake keeps no readings: a test answers with the state it wants.
      return portfolio();
    },
    async exportMemo(_id, path) {
      return path;
    },
    async getAudit() {
      // Canned: a test answers with the audit it needs (no diagnosis is computed here).
      return cannedAudit();
    },
    async saveAudit(_id, audit) {
      return { ...cannedAudit(), audit: clone(audit) };
    },
    async saveStrategy(_id, strategy) {
      return { ...cannedAudit(), strategy: clone(strategy) };
    },
    async followPlaybook() {
      return insert();
    },
    async startPathfinder() {
      return nextJournalId++;
    },
    async templates() {
      return [];
    },
    async createFromTemplate(template) {
      return insert({ template });
    },
    async portfolioChart(view) {
      // A canned chart: a test answers with the figures it needs.
      const kind = view.view === 'matrix' ? 'portfolio-matrix' : view.view;
      return {
        kind,
        title: '',
        alt: '',
        highlight: null,
        unit: null,
        better: null,
        data: { header: [], rows: [] },
        portfolio: {
          as_of: '2026-12-07',
          value: view.view === 'matrix' ? view.value : 'npv',
          targets: { core: 70, adjacent: 20, transformational: 10 },
          initiatives: [],
        },
      };
    },
    async refreshPortfolioChart(chart) {
      return clone(chart);
    },
    async portfolioView(view) {
      return `data:image/svg+xml,${encodeURIComponent(`<svg xmlns="http://www.w3.org/2000/svg"><text>${view}</text></svg>`)}`;
    },
    async updateHistory(id) {
      live(id);
      return { revisions: [], events: [] };
    },
    async updateRevisionDiff(id, revision) {
      live(id);
      throw notFound(`canned revision ${revision}`);
    },
    async restoreUpdateRevision(id) {
      return clone(live(id));
    },
    async duplicateUpdate(id) {
      const { id: _id, status: _s, status_note: _n, is_example: _e, created_at: _c, updated_at: _u, ...fields } =
        live(id);
      return insert(fields);
    },
    today: async () => answers.today,
    backUpNow: async () => '/backups/workspace-backup.throughline',
    async renderPreview(fields) {
      // A stand-in image naming the title, so a test can see it change.
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><text x="20" y="40">${encodeURIComponent(fields.title)}</text></svg>`;
      return `data:image/svg+xml,${encodeURIComponent(svg)}`;
    },
    async parseChartData(text) {
      const parsed = answers.parsed.get(text);
      if (!parsed) throw clone(answers.parseError);
      return clone(parsed);
    },
    pickStoryFiles: async () => [],
    async importStories() {
      const { fields, mapped, demoted } = answers.imported;
      return { ids: fields.map((f) => insert(f).id), mapped: [...mapped], demoted: [...demoted] };
    },
    async importChartFile(path) {
      const file = chartFiles.get(path);
      if (!file) throw { code: 'io', message: `cannot read ${path}` } satisfies ApiError;
      return clone(file);
    },
    pickChartFile: async () => null,
    async exportUpdates(ids, path, _format, _theme, _scale, onProgress) {
      ids.forEach((_, index) => onProgress?.({ done: index + 1, total: ids.length }));
      return path;
    },
    async copySlideImage() {},
    async reviewUpdate(id) {
      live(id);
      return clone(answers.review);
    },
    async setSilencedRules(id, rules) {
      live(id);
      return [...rules];
    },
    listJournals: async () => [...journals.values()].map((j) => ({ id: j.id, item: j.body.item, shared: j.shared })),
    getJournal: async (id) => view(id),
    async createJournal(body) {
      const id = nextJournalId++;
      journals.set(id, { id, shared: false, body: clone(body), pending: null, revisions: [], readings: [] });
      return view(id);
    },
    async saveJournal(id, body) {
      const stored = journal(id);
      if (stored.shared) stored.pending = clone(body);
      else stored.body = clone(body);
      return view(id);
    },
    async shareJournal(id) {
      const stored = journal(id);
      stored.shared = true;
      return revise(stored, stored.body, 'shared');
    },
    reviseJournal: async (id, body, reason) => revise(journal(id), body, reason),
    async discardJournalChange(id) {
      journal(id).pending = null;
      return view(id);
    },
    async criterionChart(journalId, index) {
      journal(journalId);
      throw notFound(`canned chart for criterion ${index + 1}`);
    },
    pickReadingsFile: async () => null,
    importReadings: async (id) => ({ imported: 0, valid: 0, problems: [], view: view(id) }),
    async addReading(id, metric, date, value) {
      journal(id).readings.push({ metric, date, value });
      return view(id);
    },
    async changeReading(id, metric, date, value) {
      const stored = journal(id);
      const at = stored.readings.findIndex((r) => r.metric === metric && r.date === date);
      if (at < 0) throw notFound(`reading of ${metric} on ${date}`);
      if (value === null) stored.readings.splice(at, 1);
      else stored.readings[at] = { metric, date, value };
      return view(id);
    },
    async exportJournal(id, path) {
      journal(id);
      return path;
    },
    async journalDiff(id) {
      journal(id);
      return [...answers.diff];
    },
    getAuthor: async () => author,
    async setAuthor(name) {
      author = name;
      return author;
    },
    async linkUpdate(update, journalId) {
      live(update);
      if (journalId === null) links.delete(update);
      else links.set(update, journalId);
    },
    async updateJournal(update) {
      const journalId = links.get(update) ?? null;
      return { journal: journalId, triggered: journalId === null ? [] : [...answers.triggered] };
    },
    getBranding: async () => ({ ...branding }),
    async saveBranding(accent, footerLabel, beatNames, significanceNote) {
      branding = {
        ...branding,
        accent,
        footer_label: footerLabel,
        beat_names: beatNames,
        significance_note: significanceNote,
      };
      return { ...branding };
    },
    pickLogo: async () => null,
    getPptxTemplate: async () => pptxTemplate,
    pickPptxTemplate: async () => null,
    async setPptxTemplate(path) {
      pptxTemplate = path.split('/').pop() ?? path;
      return pptxTemplate;
    },
    async clearPptxTemplate() {
      pptxTemplate = null;
      return null;
    },
    async setLogo(path) {
      branding = { ...branding, logo: `data:image/png;base64,${btoa(path)}` };
      return { ...branding };
    },
    async clearLogo() {
      branding = { ...branding, logo: null };
      return { ...branding };
    },
    pickExportPath: async () => null,
    pickWorkspaceToOpen: async () => null,
    pickWorkspaceToCreate: async () => null,
    recentWorkspaces: async () => [],
    async openRecent() {
      throw notFound('such workspace in the recent list');
    },
    async revealExported() {},
    onMenu() {},
    onWorkspaceChanged(handler) {
      changeHandlers.push(handler);
    },
    onCloseRequested() {},
    async closeWindow() {},
  };

  const fake: MemoryBackend = {
    ...impl,
    answers,
    answerNext(method, value) {
      scripted.set(method, [...(scripted.get(method) ?? []), { value }]);
    },
    failNext(method, error, times = 1) {
      const errors = Array.from({ length: times }, () => ({ error }));
      scripted.set(method, [...(scripted.get(method) ?? []), ...errors]);
    },
    calls: (method) => log.filter((call) => method === undefined || call.method === method),
    seed: (update) => insert(update),
    stored: (id) => (updates.has(id) ? clone(updates.get(id)) : undefined),
    emitWorkspaceChanged: () => changeHandlers.forEach((handler) => handler()),
    addChartFile(path, file) {
      chartFiles.set(path, clone(file));
    },
  };

  // Every promise-returning method records its call and gives a scripted answer first.
  for (const name of Object.keys(impl) as (keyof Backend)[]) {
    if (LISTENERS.has(name)) continue;
    const method = name as AsyncMethod;
    const own = impl[method] as (...args: unknown[]) => Promise<unknown>;
    (fake as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      log.push({ method, args: args.map((arg) => (typeof arg === 'function' ? arg : clone(arg))) });
      const next = scripted.get(method)?.shift();
      if (next && 'error' in next) throw clone(next.error);
      if (next) return clone(next.value);
      return own(...args);
    };
  }
  return fake;
}
