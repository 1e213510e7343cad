import type { Backend } from './backend';
import type {
  ApiError,
  Branding,
  Finding,
  ImportedFile,
  Status,
  Update,
  UpdateFields,
  UpdateId,
  UpdateSummary,
} from './types';
import { BEATS } from '../beats';
import type { JournalBody, JournalId, JournalView, Reading } from './journalTypes';
import { addDays, todayIso } from '../dates';

export interface MemoryBackendOptions {
  withExample?: boolean;
  /** Make the next N saves fail, to exercise retries. */
  failSaves?: number;
}

export interface MemoryBackend extends Backend {
  /** Makes `importReadings(id, path)` read these readings and problems. */
  addReadingsFile(path: string, file: { readings: Reading[]; problems: { row: number; message: string }[] }): void;
  /** Every export so far, for tests. */
  exported(): { ids: UpdateId[]; path: string }[];
  copiedCount(): number;
  /** Makes `importChartFile(path)` answer with `file`. */
  addChartFile(path: string, file: ImportedFile): void;
  /** What a save last stored, for tests. */
  stored(id: UpdateId): Update | undefined;
  saveCount(): number;
  failNextSaves(count: number): void;
}

function notFound(id: UpdateId): ApiError {
  return { code: 'not_found', message: `there is no update with id ${id}` };
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
  };
}

/**
 * A stand-in for the Rust coach with two of its rules: an empty beat is an
 * error; "okay" is a vague word (a warning, with its span).
 */
function fakeReview(fields: UpdateFields): Finding[] {
  const findings: Finding[] = [];
  for (const beat of BEATS) {
    const text = fields.beats[beat.name];
    if (text.trim() === '') {
      findings.push({
        rule: 'beat-missing',
        severity: 'error',
        beat: beat.name,
        message: `Write the ${beat.label.toLowerCase()}.`,
        span: null,
      });
    }
    const at = text.indexOf('okay');
    if (at >= 0) {
      const start = [...text.slice(0, at)].length;
      findings.push({
        rule: 'vague-word',
        severity: 'warning',
        beat: beat.name,
        message: '"okay" wants a number: say how much.',
        span: [start, start + 4],
      });
    }
  }
  return findings;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** An in-memory stand-in for the Rust side, with the same rules. */
export function memoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const updates = new Map<UpdateId, Update>();
  const deleted = new Set<UpdateId>();
  let nextId = 1;
  let clock = Date.now();
  let saves = 0;
  let failuresLeft = options.failSaves ?? 0;
  const exports: { ids: UpdateId[]; path: string }[] = [];
  let copies = 0;
  const files = new Map<string, ImportedFile>();
  let branding: Branding = { accent: '#2563EB', footer_label: '', logo: null };
  const silencedRules = new Map<UpdateId, string[]>();
  interface StoredJournal {
    id: JournalId;
    shared: boolean;
    body: JournalBody;
    revisions: JournalView['journal']['revisions'];
    readings: Reading[];
  }
  const journals = new Map<JournalId, StoredJournal>();
  const readingFiles = new Map<string, { readings: Reading[]; problems: { row: number; message: string }[] }>();
  const links = new Map<UpdateId, JournalId>();
  let nextJournalId = 1;
  let author = 'Test author';
  const liveJournal = (id: JournalId) => {
    const journal = journals.get(id);
    if (!journal) throw { code: 'invalid_input', message: `there is no journal ${id}` };
    return journal;
  };
  const revision = (journal: StoredJournal, reason: string) => ({
    seq: journal.revisions.length + 1,
    body: clone(journal.body),
    author,
    at_ms: tick(),
    reason,
    prev_hash: '',
    hash: `hash-${journal.revisions.length + 1}`,
  });
  const journalView = (id: JournalId): JournalView => {
    const journal = liveJournal(id);
    const evaluations = journal.body.criteria.map((criterion) => {
      const own = journal.readings
        .filter((r) => r.metric.trim().toLowerCase() === criterion.metric.trim().toLowerCase())
        .sort((a, b) => a.date.localeCompare(b.date));
      const latest = own[own.length - 1];
      if (!latest) return { status: 'no-data' as const, reading: null, date: null, reason: 'no reading yet' };
      const hit = {
        '<': latest.value < criterion.threshold,
        '<=': latest.value <= criterion.threshold,
        '>': latest.value > criterion.threshold,
        '>=': latest.value >= criterion.threshold,
      }[criterion.comparator];
      return {
        status: hit ? ('triggered' as const) : ('on-track' as const),
        reading: latest.value,
        date: latest.date,
        reason: hit ? 'meets the stop condition' : 'clear of the threshold',
      };
    });
    return {
      journal: { id, shared: journal.shared, body: clone(journal.body), revisions: clone(journal.revisions), tamper: null },
      readings: clone(journal.readings),
      evaluations,
    };
  };

  const tick = () => (clock += 1);
  const live = (id: UpdateId) => {
    const update = updates.get(id);
    if (!update || deleted.has(id)) throw notFound(id);
    return update;
  };
  const insert = (fields: UpdateFields, extra: Partial<Update> = {}): Update => {
    const now = tick();
    const update: Update = {
      ...clone(fields),
      id: nextId++,
      status: 'draft',
      is_example: false,
      created_at: now,
      updated_at: now,
      ...extra,
    };
    updates.set(update.id, update);
    return clone(update);
  };
  const allFilled = (fields: UpdateFields) =>
    BEATS.every((beat) => fields.beats[beat.name].trim() !== '');

  if (options.withExample) {
    insert(
      {
        title: 'Setup checklist lifts week-one activation by 9 points — roll it out',
        audience: 'Exec staff (go/no-go)',
        priority: 'Net revenue retention',
        date: todayIso(),
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
          baseline: '32% without the checklist',
          window: '6 weeks',
        },
        chart: null,
      },
      { is_example: true, status: 'ready' },
    );
  }

  return {
    async workspaceState() {
      return {
        state: 'open',
        info: { path: 'memory', schema_version: 1, update_count: updates.size - deleted.size },
      };
    },
    async openWorkspace(path) {
      return { path, schema_version: 1, update_count: updates.size - deleted.size };
    },
    async listUpdates(filter) {
      const needle = filter.trim().toLowerCase();
      return [...updates.values()]
        .filter((u) => !deleted.has(u.id))
        .filter((u) => needle === '' || u.title.toLowerCase().includes(needle))
        .sort((a, b) => b.created_at - a.created_at || b.id - a.id)
        .map(
          (u): UpdateSummary => ({
            id: u.id,
            title: u.title,
            audience: u.audience,
            date: u.date,
            status: u.status,
            is_example: u.is_example,
            updated_at: u.updated_at,
            filled: [
              u.beats.context.trim() !== '',
              u.beats.conflict.trim() !== '',
              u.beats.resolution.trim() !== '',
              u.beats.evidence.trim() !== '',
            ],
          }),
        );
    },
    async getUpdate(id) {
      return clone(live(id));
    },
    async createUpdate() {
      return insert(emptyFields(todayIso()));
    },
    async saveUpdate(id, fields) {
      saves += 1;
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        throw { code: 'disk_full', message: 'the disk is full' } satisfies ApiError;
      }
      const update = updates.get(id);
      if (!update) throw notFound(id);
      const status: Status = update.status === 'ready' && allFilled(fields) ? 'ready' : 'draft';
      const saved: Update = { ...update, ...clone(fields), status, updated_at: tick() };
      updates.set(id, saved);
      return clone(saved);
    },
    async setStatus(id, status) {
      const update = live(id);
      if (status === 'ready') {
        const missing = BEATS.find((beat) => update.beats[beat.name].trim() === '');
        if (missing) {
          throw {
            code: 'invalid_input',
            message: `the ${missing.name} beat is empty: fill every beat before marking the update ready`,
          } satisfies ApiError;
        }
      }
      const saved = { ...update, status, updated_at: tick() };
      updates.set(id, saved);
      return clone(saved);
    },
    async deleteUpdate(id) {
      live(id);
      deleted.add(id);
    },
    async restoreUpdate(id) {
      if (!updates.has(id)) throw notFound(id);
      deleted.delete(id);
    },
    async duplicateUpdate(id) {
      const original = live(id);
      const date = original.date ? addDays(original.date, 7) : todayIso();
      return insert({ ...clone(original), date });
    },
    async renderPreview(fields) {
      // A stand-in image: an SVG naming the title, so tests can see it change.
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="960" height="540"><text x="20" y="40">${encodeURIComponent(fields.title)}</text></svg>`;
      return `data:image/svg+xml,${encodeURIComponent(svg)}`;
    },
    async parseChartData(text) {
      const lines = text.trim().split(/\r?\n/).filter((line) => line.trim() !== '');
      const split = (line: string) => line.split(line.includes('\t') ? '\t' : ',');
      const [header, ...rest] = lines;
      if (!header || rest.length === 0) {
        throw { code: 'invalid_input', message: 'paste a header row and at least one row of numbers' };
      }
      const rows = rest.map((line, index) => {
        const [label = '', ...cells] = split(line);
        return {
          label,
          values: cells.map((cell, column) => {
            if (cell.trim() === '') return null;
            const value = Number(cell);
            if (Number.isNaN(value)) {
              throw {
                code: 'invalid_input',
                message: `row ${index + 2}, column ${column + 2}: "${cell}" is not a number`,
              };
            }
            return value;
          }),
        };
      });
      return {
        table: { header: split(header), rows },
        suggested_kind: rows.length === 2 ? 'before-after' : 'line',
        suggested_unit: null,
      };
    },
    async exportUpdates(ids, path, _format, _theme, _scale, onProgress) {
      ids.forEach(live);
      onProgress?.({ done: 0, total: ids.length });
      ids.forEach((_, index) => onProgress?.({ done: index + 1, total: ids.length }));
      exports.push({ ids: [...ids], path });
      return path;
    },
    exported: () => exports.map((entry) => ({ ids: [...entry.ids], path: entry.path })),
    async copySlideImage() {
      copies += 1;
    },
    copiedCount: () => copies,
    async pickStoryFiles() {
      return [];
    },
    async importStories(paths) {
      const created = paths.map((path) =>
        insert({ ...emptyFields(), title: path.split('/').pop()?.replace(/\.md$/, '') ?? '' }),
      );
      return { ids: created.map((update) => update.id), left_out: [] };
    },
    async importChartFile(path) {
      const file = files.get(path);
      if (!file) throw { code: 'io', message: `cannot read ${path}` };
      return clone(file);
    },
    addChartFile(path, file) {
      files.set(path, clone(file));
    },
    async pickChartFile() {
      return null;
    },
    async reviewUpdate(id, fields) {
      live(id);
      const rules = silencedRules.get(id) ?? [];
      const all = fakeReview(fields);
      return {
        score: Math.max(0, 100 - 25 * all.filter((f) => f.severity === 'error').length),
        ready: !all.some((f) => f.severity === 'error'),
        findings: all.filter((f) => f.severity === 'error' || !rules.includes(f.rule)),
        silenced: all.filter((f) => f.severity !== 'error' && rules.includes(f.rule)),
        silenced_rules: [...rules],
      };
    },
    async setSilencedRules(id, rules) {
      live(id);
      const stored = [...new Set(rules)].sort();
      silencedRules.set(id, stored);
      return stored;
    },
    async listJournals() {
      return [...journals.values()].map((j) => ({ id: j.id, item: j.body.item, shared: j.shared }));
    },
    async getJournal(id) {
      return journalView(id);
    },
    async createJournal(body) {
      const id = nextJournalId++;
      journals.set(id, { id, shared: false, body: clone(body), revisions: [], readings: [] });
      return journalView(id);
    },
    async saveJournal(id, body) {
      const journal = liveJournal(id);
      if (journal.shared) throw { code: 'invalid_input', message: 'this journal is shared: record a new revision' };
      journal.body = clone(body);
      return journalView(id);
    },
    async shareJournal(id) {
      const journal = liveJournal(id);
      if (journal.body.alternatives.length < 2) {
        throw { code: 'invalid_input', message: 'give at least two alternative paths before sharing' };
      }
      journal.shared = true;
      journal.revisions.push(revision(journal, 'shared'));
      return journalView(id);
    },
    async reviseJournal(id, body, reason) {
      const journal = liveJournal(id);
      if (!reason.trim()) throw { code: 'invalid_input', message: 'say why the journal changes' };
      journal.body = clone(body);
      journal.revisions.push(revision(journal, reason));
      return journalView(id);
    },
    async pickReadingsFile() {
      return null;
    },
    async importReadings(id, path, acceptValid) {
      const journal = liveJournal(id);
      const file = readingFiles.get(path);
      if (!file) throw { code: 'io', message: `cannot read ${path}` };
      const take = file.problems.length === 0 || acceptValid;
      if (take) journal.readings.push(...clone(file.readings));
      return {
        imported: take ? file.readings.length : 0,
        valid: file.readings.length,
        problems: clone(file.problems),
        view: journalView(id),
      };
    },
    async addReading(id, metric, date, value) {
      const journal = liveJournal(id);
      if (!Number.isFinite(value)) throw { code: 'invalid_input', message: 'the reading must be a number' };
      journal.readings.push({ metric, date, value });
      return journalView(id);
    },
    addReadingsFile(path, file) {
      readingFiles.set(path, clone(file));
    },
    async exportJournal(id, path) {
      liveJournal(id);
      return path;
    },
    async journalDiff(id, from, to) {
      const journal = liveJournal(id);
      const item = (seq: number) => journal.revisions.find((r) => r.seq === seq)?.body.item ?? '';
      return item(from) === item(to) ? [`  Item: ${item(to)}`] : [`− Item: ${item(from)}`, `+ Item: ${item(to)}`];
    },
    async getAuthor() {
      return author;
    },
    async setAuthor(name) {
      author = name.trim();
      return author;
    },
    async linkUpdate(update, journal) {
      live(update);
      if (journal === null) links.delete(update);
      else links.set(update, journal);
    },
    async updateJournal(update) {
      const journal = links.get(update) ?? null;
      if (journal === null) return { journal, triggered: [] };
      const view = journalView(journal);
      const triggered = view.journal.body.criteria
        .filter((_, i) => view.evaluations[i]?.status === 'triggered')
        .map((c) => `${c.metric} ${c.comparator} ${c.threshold}${c.unit}`);
      return { journal, triggered };
    },
    async restoreBackup() {
      throw { code: 'backup_failed', message: 'there is no good backup of this workspace' };
    },
    onMenu() {
      // No native menu in the browser.
    },
    async externalChanges() {
      return false;
    },
    async backUpNow() {
      return '/backups/workspace-backup.throughline';
    },
    async getBranding() {
      return { ...branding };
    },
    async saveBranding(accent, footerLabel) {
      if (!/^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.test(accent.trim())) {
        throw { code: 'invalid_input', message: `"${accent}" is not a colour: write it as #RRGGBB` };
      }
      branding = { ...branding, accent: accent.trim().toUpperCase(), footer_label: footerLabel.trim() };
      return { ...branding };
    },
    async pickLogo() {
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
    async pickExportPath() {
      return null;
    },
    async pickWorkspaceToOpen() {
      return null;
    },
    async pickWorkspaceToCreate() {
      return null;
    },
    async recentWorkspaces() {
      return [];
    },
    async openRecent() {
      throw { code: 'not_found', message: 'that workspace is no longer in the recent list (moved or deleted?)' };
    },
    async revealExported() {},
    onCloseRequested() {},
    async closeWindow() {},
    stored: (id) => (updates.has(id) ? clone(updates.get(id)) : undefined),
    saveCount: () => saves,
    failNextSaves(count) {
      failuresLeft = count;
    },
  };
}
