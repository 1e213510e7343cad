import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryBackend } from './backend/memoryBackend';
import { JournalController } from './journal.svelte';

describe('the journal controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a draft in place as it is edited; once shared, an edit is saved as the pending change until recorded', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend, { autosaveDelayMs: 100 });
    await journals.create();
    const id = journals.view!.journal.id;
    journals.draft!.item = 'Shared workspaces';
    journals.addAlternative();
    journals.addAlternative();
    journals.addCriterion();
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.calls('saveJournal')).toHaveLength(1);
    expect((await backend.getJournal(id)).journal.body.item).toBe('Shared workspaces');

    await journals.freeze();
    expect(journals.shared).toBe(true);
    expect(journals.hasPendingChange).toBe(false);
    journals.draft!.item = 'Shared workspaces v2';
    journals.changed();
    expect(journals.hasPendingChange).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.calls('saveJournal').at(-1)!.args).toEqual([id, expect.objectContaining({ item: 'Shared workspaces v2' })]);
    expect(journals.view!.journal.pending?.item).toBe('Shared workspaces v2');
    expect(journals.view!.journal.body.item).toBe('Shared workspaces');

    backend.failNext('reviseJournal', { code: 'invalid_input', message: 'say why the journal changes' });
    expect(await journals.revise('')).toBe(false);
    expect(journals.error).toMatch(/why/);
    expect(journals.draft!.item).toBe('Shared workspaces v2');
    expect(await journals.revise('renamed after the review')).toBe(true);
    expect(backend.calls('reviseJournal').at(-1)!.args).toEqual([
      id,
      expect.objectContaining({ item: 'Shared workspaces v2' }),
      'renamed after the review',
    ]);
    expect(journals.view!.journal.revisions.map((r) => r.reason)).toEqual(['shared', 'renamed after the review']);
    expect(journals.hasPendingChange).toBe(false);
  });

  it('discarding the pending change stores the typing first, then shows the latest revision again', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend, { autosaveDelayMs: 100 });
    await journals.create();
    journals.draft!.item = 'Shared workspaces';
    journals.changed();
    await journals.freeze();
    journals.draft!.item = 'A change we will not keep';
    journals.changed();
    expect(await journals.discardChange()).toBe(true);
    const order = backend.calls().map((call) => call.method);
    expect(order.lastIndexOf('saveJournal')).toBeLessThan(order.indexOf('discardJournalChange'));
    expect(journals.draft!.item).toBe('Shared workspaces');
    expect(journals.view!.journal.pending).toBeNull();
    expect(journals.hasPendingChange).toBe(false);
    expect(journals.notice).toMatch(/discarded/);
  });

  it('opening a shared journal shows its pending change, not its latest revision', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend);
    await journals.create();
    const id = journals.view!.journal.id;
    await journals.freeze();
    await backend.saveJournal(id, { ...journals.draft!, decision: 'Build it natively' });
    await journals.create();
    await journals.open(id);
    expect(journals.draft!.decision).toBe('Build it natively');
    expect(journals.hasPendingChange).toBe(true);
  });

  it('switching journals stores the pending edit of the one left', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend, { autosaveDelayMs: 400 });
    await journals.create();
    const first = journals.view!.journal.id;
    await journals.freeze();
    await journals.create();
    await journals.open(first);
    journals.draft!.owner = 'Typed just before switching';
    journals.changed();
    await journals.create();
    expect((await backend.getJournal(first)).journal.pending?.owner).toBe('Typed just before switching');
  });

  it('dates a new kill criterion 30 days after the backend’s today', async () => {
    const backend = memoryBackend({ today: '2026-12-02' });
    const journals = new JournalController(backend);
    await journals.create();
    journals.addCriterion();
    expect(journals.draft!.criteria[0]!.by).toBe('2027-01-01');
    expect(backend.calls('today').length).toBeGreaterThan(0);
  });

  it('asks before keeping the valid rows of a readings file with problems', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend);
    await journals.create();
    const id = journals.view!.journal.id;
    const view = await backend.getJournal(id);
    const reading = { metric: 'Metric', date: '2026-11-01', value: 12 };
    const problems = [{ row: 3, message: '“soon” is not a date' }];
    backend.answerNext('importReadings', { imported: 0, valid: 1, problems, view });
    backend.answerNext('importReadings', { imported: 1, valid: 1, problems, view: { ...view, readings: [reading] } });
    backend.pickReadingsFile = async () => '/r.csv';
    await journals.importReadings();
    expect(journals.pendingImport?.problems[0]?.row).toBe(3);
    expect(journals.view!.readings).toHaveLength(0);
    await journals.answerImport(true);
    expect(backend.calls('importReadings').map((call) => call.args)).toEqual([
      [id, '/r.csv', false],
      [id, '/r.csv', true],
    ]);
    expect(journals.view!.readings).toHaveLength(1);
    expect(journals.notice).toMatch(/Imported 1 reading/);
  });

  it('answering “import nothing” sends nothing more', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend);
    await journals.create();
    const view = await backend.getJournal(journals.view!.journal.id);
    backend.answerNext('importReadings', { imported: 0, valid: 2, problems: [{ row: 2, message: 'x' }], view });
    backend.pickReadingsFile = async () => '/r.csv';
    await journals.importReadings();
    await journals.answerImport(false);
    expect(backend.calls('importReadings')).toHaveLength(1);
    expect(journals.pendingImport).toBeNull();
    expect(journals.notice).toBe('Nothing was imported.');
  });

  it('adds a reading typed by hand, and shows why one is refused', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend);
    await journals.create();
    expect(await journals.addReading('Sharing activation', '2026-11-20', 14)).toBe(true);
    expect(journals.view!.readings).toEqual([{ metric: 'Sharing activation', date: '2026-11-20', value: 14 }]);
    backend.failNext('addReading', { code: 'invalid_input', message: 'the reading must be a number' });
    expect(await journals.addReading('Sharing activation', '2026-11-21', Number.NaN)).toBe(false);
    expect(journals.error).toMatch(/number/);
    expect(journals.view!.readings).toHaveLength(1);
  });
});
