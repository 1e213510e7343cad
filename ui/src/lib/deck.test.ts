import { describe, expect, it, vi } from 'vitest';
import { emptyFields, memoryBackend } from './backend/memoryBackend';
import { WorkspaceController } from './workspace.svelte';

async function workspaceWithThree(ready: string[] = []) {
  const backend = memoryBackend();
  const workspace = new WorkspaceController(backend, { autosaveDelayMs: 10 });
  await workspace.init();
  for (const title of ['Pricing', 'Onboarding', 'Churn']) {
    backend.seed({ ...emptyFields(), title, status: ready.includes(title) ? 'ready' : 'draft' });
  }
  await workspace.refreshList();
  return { backend, workspace };
}

describe('the deck export', () => {
  it('exports the picked updates in the order the user set, reporting progress', async () => {
    const { backend, workspace } = await workspaceWithThree();
    const deck = workspace.deck;
    deck.open(workspace.list);
    expect(deck.items.map((item) => item.title)).toEqual(['Churn', 'Onboarding', 'Pricing']);
    expect(deck.chosen).toHaveLength(3); // none is ready, so all start picked

    deck.toggle(1); // drop Onboarding
    expect(deck.move(2, -1)).toBe(1); // Pricing up
    expect(deck.move(1, -1)).toBe(0); // …to the top
    expect(deck.move(0, -1)).toBe(0); // the top stays the top
    expect(deck.chosen.map((item) => item.title)).toEqual(['Pricing', 'Churn']);

    const seen: number[] = [];
    vi.spyOn(backend, 'pickExportPath').mockResolvedValue('/tmp/board.pdf');
    const exportSpy = vi.spyOn(backend, 'exportUpdates');
    exportSpy.mockImplementation(async (ids, path, _format, _theme, _scale, onProgress) => {
      ids.forEach((_, index) => {
        onProgress?.({ done: index + 1, total: ids.length });
        seen.push(deck.progress?.done ?? -1);
      });
      return path;
    });
    await deck.export('light');
    const titles = new Map(workspace.list.map((item) => [item.id, item.title]));
    expect(exportSpy.mock.calls[0]![0].map((id) => titles.get(id))).toEqual(['Pricing', 'Churn']);
    expect(seen).toEqual([1, 2]);
    expect(deck.progress).toBeNull();
    expect(deck.exported).toBe('/tmp/board.pdf');
  });

  it('starts with the ready updates picked, and refuses an empty deck', async () => {
    const { backend, workspace } = await workspaceWithThree(['Onboarding']);
    workspace.deck.open(workspace.list);
    expect(workspace.deck.chosen.map((item) => item.title)).toEqual(['Onboarding']);
    workspace.deck.toggle(workspace.deck.items.findIndex((item) => item.title === 'Onboarding'));
    await workspace.deck.export('dark');
    expect(workspace.deck.error).toMatch(/at least one/);
    expect(backend.calls('exportUpdates')).toHaveLength(0);
  });

  it('a cancelled save dialog exports nothing', async () => {
    const { backend, workspace } = await workspaceWithThree();
    workspace.deck.open(workspace.list);
    await workspace.deck.export('light');
    expect(backend.calls('pickExportPath')).toHaveLength(1);
    expect(backend.calls('exportUpdates')).toHaveLength(0);
    expect(workspace.deck.error).toBe('');
  });
});

describe('the workspace look', () => {
  it('saves the accent and label, shows what the backend stored, says why a colour is refused, and redraws the preview', async () => {
    const backend = memoryBackend();
    const workspace = new WorkspaceController(backend);
    await workspace.init();
    const branding = workspace.branding;
    await branding.open();
    expect(branding.accent).toBe('#2563EB');
    const before = branding.version;
    branding.accent = '#0f766e';
    branding.footerLabel = ' Confidential ';
    expect(branding.beatNames).toBe(false);
    branding.beatNames = true;
    expect(branding.significanceNote).toBe(false);
    branding.significanceNote = true;
    backend.answerNext('saveBranding', {
      accent: '#0F766E',
      footer_label: 'Confidential',
      beat_names: true,
      significance_note: true,
      logo: null,
    });
    await branding.save();
    expect(backend.calls('saveBranding').at(-1)!.args).toEqual(['#0f766e', ' Confidential ', true, true]);
    expect(branding.accent).toBe('#0F766E');
    expect(branding.footerLabel).toBe('Confidential');
    expect(branding.beatNames).toBe(true);
    expect(branding.significanceNote).toBe(true);
    expect(branding.version).toBe(before + 1);
    branding.accent = 'teal-ish';
    backend.failNext('saveBranding', { code: 'invalid_input', message: '"teal-ish" is not a colour: write it as #RRGGBB' });
    await branding.save();
    expect(branding.error).toMatch(/not a colour/);
    expect(branding.version).toBe(before + 1);
  });
});

describe('importing chart data from a file', () => {
  it('reads the file the user picked, and nothing when the dialog is cancelled', async () => {
    const backend = memoryBackend();
    const workspace = new WorkspaceController(backend, { autosaveDelayMs: 10 });
    await workspace.init();
    await workspace.newUpdate();
    backend.addChartFile('/data/funnel.xlsx', {
      file_name: 'funnel.xlsx',
      sheets: [
        { name: 'Notes', parsed: null, error: 'there is no data' },
        {
          name: 'Funnel',
          parsed: {
            table: { header: ['Stage', 'Users'], rows: [{ label: 'Trial', values: [100] }] },
            suggested_kind: 'funnel',
            suggested_unit: null,
          },
          error: null,
        },
      ],
    });
    vi.spyOn(backend, 'pickChartFile').mockResolvedValue('/data/funnel.xlsx');
    const file = await workspace.importChartFile();
    expect(file?.sheets.map((sheet) => sheet.name)).toEqual(['Notes', 'Funnel']);
    expect(await workspace.importChartFile()).not.toBeNull();
    vi.spyOn(backend, 'pickChartFile').mockResolvedValue(null);
    expect(await workspace.importChartFile()).toBeNull();
  });
});
