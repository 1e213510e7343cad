import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryBackend, type MemoryBackend } from './backend/memoryBackend';
import { WorkspaceController } from './workspace.svelte';

async function openWith(backend: MemoryBackend) {
  const workspace = new WorkspaceController(backend, { autosaveDelayMs: 400, undoMs: 10_000 });
  await workspace.init();
  return workspace;
}

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

  it('marking ready with an empty beat shows why and stays a draft', async () => {
    const workspace = await openWith(memoryBackend());
    await workspace.newUpdate();
    await workspace.toggleStatus();
    expect(workspace.current!.status).toBe('draft');
    expect(workspace.statusError).toMatch(/context beat is empty/);
  });

  it('a failing save shows an error and the text survives until it is stored', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    await workspace.newUpdate();
    const id = workspace.current!.id;
    backend.failNextSaves(1);
    workspace.draft!.beats.resolution = 'Ship it by Friday';
    workspace.changed();
    await vi.advanceTimersByTimeAsync(400);
    expect(workspace.saveState).toBe('error');
    expect(workspace.saveError).toMatch(/disk is full/);
    await vi.advanceTimersByTimeAsync(1000);
    expect(backend.stored(id)!.beats.resolution).toBe('Ship it by Friday');
    expect(workspace.saveState).toBe('saved');
  });

  it('duplicate opens next week\'s copy dated seven days later', async () => {
    const workspace = await openWith(memoryBackend({ withExample: true }));
    const original = workspace.current!;
    original.date = '2026-11-23';
    workspace.draft!.date = '2026-11-23';
    workspace.changed();
    await workspace.flush();
    await workspace.duplicate(original.id);
    expect(workspace.current!.id).not.toBe(original.id);
    expect(workspace.draft!.date).toBe('2026-11-30');
    expect(workspace.list).toHaveLength(2);
  });

  it('imports the picked story files and opens the first', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    backend.pickStoryFiles = async () => ['/stories/Pricing wins.md', '/stories/Churn falls.md'];
    await workspace.importStories();
    expect(workspace.list.map((item) => item.title).sort()).toEqual(['Churn falls', 'Pricing wins']);
    expect(workspace.current?.title).toBe('Pricing wins');
    backend.pickStoryFiles = async () => [];
    await workspace.importStories();
    expect(workspace.list).toHaveLength(2);
    expect(workspace.toasts).toHaveLength(0);
  });

  it('says what of an imported file an update could not keep', async () => {
    const backend = memoryBackend();
    const workspace = await openWith(backend);
    backend.pickStoryFiles = async () => ['/stories/board.md'];
    const importStories = backend.importStories.bind(backend);
    backend.importStories = async (paths) => ({
      ...(await importStories(paths)),
      left_out: ['board.md: the section “Risks”'],
    });
    await workspace.importStories();
    expect(workspace.list).toHaveLength(1);
    expect(workspace.toasts.map((toast) => toast.message)).toEqual([
      'Not kept (an update holds the title, the four beats, the evidence and the chart) — board.md: the section “Risks”',
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
});
