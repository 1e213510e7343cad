import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryBackend } from './backend/memoryBackend';
import { JournalController } from './journal.svelte';

describe('the journal controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a draft as it is edited, then only takes revisions once shared', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend, { autosaveDelayMs: 100 });
    await journals.create();
    const id = journals.view!.journal.id;
    journals.draft!.item = 'Shared workspaces';
    journals.addAlternative();
    journals.addAlternative();
    journals.addCriterion();
    await vi.advanceTimersByTimeAsync(100);
    expect((await backend.getJournal(id)).journal.body.item).toBe('Shared workspaces');

    await journals.share();
    expect(journals.shared).toBe(true);
    journals.draft!.item = 'Shared workspaces v2';
    journals.changed(); // a shared journal is not saved in place
    await vi.advanceTimersByTimeAsync(1000);
    expect((await backend.getJournal(id)).journal.body.item).toBe('Shared workspaces');
    expect(await journals.revise('')).toBe(false);
    expect(journals.error).toMatch(/why/);
    expect(await journals.revise('renamed after the review')).toBe(true);
    expect(journals.view!.journal.revisions.map((r) => r.reason)).toEqual(['shared', 'renamed after the review']);
  });

  it('asks before keeping the valid rows of a readings file with problems', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend);
    await journals.create();
    backend.addReadingsFile('/r.csv', {
      readings: [{ metric: 'Metric', date: '2026-11-01', value: 12 }],
      problems: [{ row: 3, message: '“soon” is not a date' }],
    });
    backend.pickReadingsFile = async () => '/r.csv';
    await journals.importReadings();
    expect(journals.pendingImport?.problems[0]?.row).toBe(3);
    expect(journals.view!.readings).toHaveLength(0);
    await journals.answerImport(true);
    expect(journals.view!.readings).toHaveLength(1);
    expect(journals.notice).toMatch(/Imported 1 reading/);
  });

  it('adds a reading typed by hand and refuses one that is not a number', async () => {
    const backend = memoryBackend();
    const journals = new JournalController(backend);
    await journals.create();
    expect(await journals.addReading('Sharing activation', '2026-11-20', 14)).toBe(true);
    expect(journals.view!.readings).toEqual([{ metric: 'Sharing activation', date: '2026-11-20', value: 14 }]);
    expect(await journals.addReading('Sharing activation', '2026-11-21', Number.NaN)).toBe(false);
    expect(journals.error).toMatch(/number/);
    expect(journals.view!.readings).toHaveLength(1);
  });
});
