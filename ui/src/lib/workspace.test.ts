import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyFields, memoryBackend, type MemoryBackend } from './backend/memoryBackend';
import type { ApiError } from './backend/types';
import { WorkspaceController } from './workspace.svelte';

async function openWith(backend: MemoryBackend) {
  const workspace = new WorkspaceController(backend, { autosaveDelayMs: 400, undoMs: 10_000 });
  await workspace.init();
  return workspace;
}

const DISK_FULL: ApiError = { code: 'disk_full', message: 'the disk is full' };

describe('the workspace controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens the newest update and tracks which beats are written', async () => {
    const workspace = await openWith(memoryBackend({ withExample: true }));
    expect(workspace.current?.is_example).toBe(true);
    expect(workspace.filled()).toEqual([true, true, true, true]);
    workspace.draft!.beats.conflict = '   ';
    expect(workspace.filled()).toEqual([true, false, true, true]);
  });

  it('keeps the step within the four beats', async () => {
    const workspace = await openWith(memoryBackend({ withExample: true }));
    workspace.previousStep();
    expect(workspace.step).toBe(0);
    for (let i = 0; i < 10; i += 1) workspace.nextStep();
    expect(workspace.step).toBe(3);
    workspace.goToStep(1);
    expect(workspace.step).toBe(1);
  });

  it('an edit reaches the backend within 500 ms of the last keystroke', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    await workspace.newUpdate();
    const id = workspace.current!.id;
    workspace.draft!.beats.context = 'Competitors bundle onboarding';
    workspace.changed();
    await vi.advanceTimersByTimeAsync(399);
    expect(backend.stored(id)!.beats.context).toBe('');
    await vi.advanceTimersByTimeAsync(100);
    expect(backend.stored(id)!.beats.context).toBe('Competitors bundle onboarding');
    expect(workspace.saveState).toBe('saved');
  });

  it('switching evidence kind and back keeps what was typed', async () => {
    const workspace = await openWith(memoryBackend());
    await workspace.newUpdate();
    workspace.setEvidenceKind('metric');
    const metric = workspace.draft!.evidence;
    if (metric.kind !== 'metric') throw new Error('expected a metric');
    metric.value = '41%';
    workspace.setEvidenceKind('quote');
    expect(workspace.draft!.evidence.kind).toBe('quote');
    workspace.setEvidenceKind('metric');
    expect(workspace.draft!.evidence).toMatchObject({ kind: 'metric', value: '41%' });
  });

  it('switching to another update first stores the pending edit', async () => {
    const backend = memoryBackend({ withExample: true });
    const workspace = await openWith(backend);
    const exampleId = workspace.current!.id;
    workspace.draft!.title = 'Renamed before switching';
    workspace.changed();
    await workspace.newUpdate();
    expect(backend.stored(exampleId)!.title).toBe('Renamed before switching');
  });

  it('delete can be undone, and the undo offer expires', async () => {
    const workspace = await openWith(memoryBackend({ withExample: true }));
    const id = workspace.current!.id;
    await workspace.remove(id);
    expect(workspace.list).toHaveLength(0);
    expect(workspace.current).toBeNull();
    expect(workspace.deleted?.id).toBe(id);
    await workspace.undoDelete();
    expect(workspace.list.map((u) => u.id)).toEqual([id]);
    await workspace.remove(id);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(workspace.deleted).toBeNull();
  });

  it('marking ready stores the typing first, and a refusal shows why and stays a draft', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    await workspace.newUpdate();
    workspace.draft!.title = 'Typed just before the click';
    workspace.changed();
    backend.failNext('setStatus', {
      code: 'invalid_input',
      message: 'the context beat is empty: fill every beat before marking the update ready',
    });
    await workspace.toggleStatus();
    const order = backend.calls().map((call) => call.method);
    expect(order.lastIndexOf('saveUpdate')).toBeLessThan(order.lastIndexOf('setStatus'));
    expect(backend.calls('setStatus').at(-1)!.args).toEqual([workspace.current!.id, 'ready']);
    expect(workspace.current!.status).toBe('draft');
    expect(workspace.statusError).toMatch(/context beat is empty/);
  });

  it('a failing save shows an error and the text survives until it is stored', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    await workspace.newUpdate();
    const id = workspace.current!.id;
    backend.failNext('saveUpdate', DISK_FULL);
    workspace.draft!.beats.resolution = 'Ship it by Friday';
    workspace.changed();
    await vi.advanceTimersByTimeAsync(400);
    expect(workspace.saveState).toBe('error');
    expect(workspace.saveError).toMatch(/disk is full/);
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.stored(id)!.beats.resolution).toBe('Ship it by Friday');
    expect(workspace.saveState).toBe('saved');
  });

  it('duplicate stores the pending edit first, then opens the copy the backend made', async () => {
    const backend = memoryBackend({ withExample: true });
    const workspace = await openWith(backend);
    const original = workspace.current!;
    workspace.draft!.title = 'Week 48';
    workspace.changed();
    await workspace.duplicate(original.id);
    const order = backend.calls().map((call) => call.method);
    expect(order.indexOf('saveUpdate')).toBeLessThan(order.indexOf('duplicateUpdate'));
    expect(backend.stored(original.id)!.title).toBe('Week 48');
    expect(workspace.current!.id).not.toBe(original.id);
    expect(workspace.draft!.title).toBe('Week 48');
    expect(workspace.list).toHaveLength(2);
  });

  it('imports the picked story files and opens the first', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    backend.pickStoryFiles = async () => ['/stories/pricing.md', '/stories/churn.md'];
    backend.answers.imported = {
      fields: [
        { ...emptyFields(), title: 'Pricing wins' },
        { ...emptyFields(), title: 'Churn falls' },
      ],
      mapped: [],
      demoted: [],
    };
    await workspace.importStories();
    expect(backend.calls('importStories')[0]!.args).toEqual([['/stories/pricing.md', '/stories/churn.md']]);
    expect(workspace.list.map((item) => item.title).sort()).toEqual(['Churn falls', 'Pricing wins']);
    expect(workspace.current?.title).toBe('Pricing wins');
    backend.pickStoryFiles = async () => [];
    await workspace.importStories();
    expect(backend.calls('importStories')).toHaveLength(1);
    expect(workspace.toasts).toHaveLength(0);
  });

  it('says what of an imported file an update could not keep, and which ready story came in as a draft', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    backend.pickStoryFiles = async () => ['/stories/board.md'];
    backend.answers.imported = {
      fields: [{ ...emptyFields(), title: 'Board update' }],
      mapped: ['board.md: “Situation” read as the context; kept as other sections: “Risks”'],
      demoted: ['board.md: stored as a draft — the evidence has no number'],
    };
    await workspace.importStories();
    expect(workspace.list).toHaveLength(1);
    expect(workspace.toasts.map((toast) => toast.message)).toEqual([
      'Imported board.md: “Situation” read as the context; kept as other sections: “Risks”',
      'Stored as a draft, not ready — board.md: stored as a draft — the evidence has no number',
    ]);
  });

  it('a unit the pasted cells state fills an empty chart unit, never a typed one', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    await workspace.newUpdate();
    const table = { header: ['Plan', 'Churn'], rows: [{ label: 'Monthly', values: [4.1] }] };
    workspace.setChartData(table, 'bar', '%');
    expect(workspace.draft!.chart!.unit).toBe('%');
    workspace.setChartUnit('pts');
    workspace.setChartData(table, 'bar', '%');
    expect(workspace.draft!.chart!.unit).toBe('pts');
  });

  it('a portfolio view becomes the chart as the backend makes it, and pasted data replaces it', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    await workspace.newUpdate();
    expect(await workspace.usePortfolioView({ view: 'allocation' })).toBe(true);
    expect(backend.calls('portfolioChart').at(-1)!.args[0]).toEqual({ view: 'allocation' });
    expect(workspace.draft!.chart!.kind).toBe('allocation');
    workspace.draft!.chart!.title = 'Core takes 58 % of cost';
    expect(await workspace.refreshPortfolioChart()).toBe(true);
    const sent = backend.calls('refreshPortfolioChart').at(-1)!.args[0] as { title: string };
    expect(sent.title).toBe('Core takes 58 % of cost');
    workspace.setChartData({ header: ['Week', 'Signups'], rows: [{ label: 'W1', values: [3] }] }, 'line', null);
    expect(workspace.draft!.chart!.kind).toBe('line');
    expect(workspace.draft!.chart!.portfolio).toBeUndefined();
  });

  it('which way is good news is chosen, or left to the chart\'s names, and saved with the chart', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    await workspace.newUpdate();
    workspace.setChartData({ header: ['Month', 'Churn'], rows: [{ label: 'Jan', values: [4.1] }] }, 'line', null);
    expect(workspace.draft!.chart!.better).toBeNull();
    workspace.setChartBetter('down');
    expect(workspace.draft!.chart!.better).toBe('down');
    await workspace.flush();
    const saved = backend.calls('saveUpdate').at(-1)!.args[1] as { chart: { better: string | null } };
    expect(saved.chart.better).toBe('down');
    workspace.setChartBetter('');
    expect(workspace.draft!.chart!.better).toBeNull();
  });

  it('charts a criterion of the linked journal with what the backend makes of it', async () => {
    const backend = memoryBackend({ withExample: true });
    const workspace = await openWith(backend);
    await workspace.journals.create();
    const journal = workspace.journals.view!.journal.id;
    await workspace.linkJournal(journal);
    const chart = {
      table: { header: ['Date', 'Sharing activation', 'Kill threshold (< 20%)'], rows: [{ label: '2026-11-20', values: [14, 20] }] },
      metric: 'Sharing activation',
      unit: '%',
    };
    backend.answerNext('criterionChart', chart);
    expect(await workspace.criterionTable(0)).toEqual(chart);
    expect(backend.calls('criterionChart')[0]!.args).toEqual([journal, 0]);

    backend.failNext('criterionChart', { code: 'not_found', message: 'the journal has no criterion 3' });
    expect(await workspace.criterionTable(2)).toBeNull();
    expect(workspace.toasts.map((toast) => toast.message)).toEqual(['the journal has no criterion 3']);
  });

  it('a change written elsewhere refreshes the list, and the open update unless typing waits to be saved', async () => {
    const backend = memoryBackend({ withExample: true });
    const workspace = await openWith(backend);
    const id = workspace.current!.id;
    backend.seed({ ...emptyFields(), title: 'Written by the CLI' });
    await workspace.pickUpExternalChanges();
    expect(workspace.list.map((item) => item.title)).toContain('Written by the CLI');

    await backend.saveUpdate(id, { ...workspace.draft!, title: 'Edited by the CLI' });
    workspace.draft!.audience = 'Typed here, not saved yet';
    workspace.changed();
    await workspace.pickUpExternalChanges();
    expect(workspace.draft!.audience).toBe('Typed here, not saved yet');
    await vi.advanceTimersByTimeAsync(400);

    await backend.saveUpdate(id, { ...backend.stored(id)!, title: 'Edited by the CLI again' });
    await workspace.pickUpExternalChanges();
    expect(workspace.draft!.title).toBe('Edited by the CLI again');
  });
});

describe('a shared journal’s pending change', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  async function sharedJournal() {
    const backend = memoryBackend({ withExample: true });
    const workspace = await openWith(backend);
    await workspace.showMode('journals');
    await workspace.journals.create();
    await workspace.journals.freeze();
    return { backend, workspace, journals: workspace.journals, id: workspace.journals.view!.journal.id };
  }

  it('survives a switch to the updates and back, still pending', async () => {
    const { backend, workspace, journals, id } = await sharedJournal();
    journals.draft!.item = 'Shared workspaces, phase two';
    journals.changed();
    expect(journals.hasPendingChange).toBe(true);
    // Switching tabs right away, before the autosave's quiet time is over.
    await workspace.showMode('updates');
    expect(backend.calls('saveJournal').at(-1)!.args).toEqual([id, expect.objectContaining({ item: 'Shared workspaces, phase two' })]);
    await workspace.showMode('journals');
    expect(journals.draft!.item).toBe('Shared workspaces, phase two');
    expect(journals.view!.journal.pending?.item).toBe('Shared workspaces, phase two');
    expect(journals.hasPendingChange).toBe(true);
    expect(backend.calls('reviseJournal')).toHaveLength(0);
    expect(backend.calls('discardJournalChange')).toHaveLength(0);
  });

  it('is stored before the window closes', async () => {
    const { backend, workspace, journals, id } = await sharedJournal();
    journals.draft!.owner = 'Collaboration squad';
    journals.changed();
    await workspace.flush();
    expect((await backend.getJournal(id)).journal.pending?.owner).toBe('Collaboration squad');
  });
});
