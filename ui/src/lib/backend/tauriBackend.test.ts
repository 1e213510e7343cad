import { beforeEach, describe, expect, it, vi } from 'vitest';

const invoke = vi.fn();
vi.mock('@tauri-apps/api/core', () => ({
  invoke: (command: string, args?: Record<string, unknown>) => invoke(command, args) as Promise<unknown>,
  Channel: class {},
}));

const { exportFileName, tauriBackend } = await import('./tauriBackend');

describe('the save dialog of an export', () => {
  beforeEach(() => invoke.mockReset());

  it('suggests the name with its extension and hands back the path as chosen', async () => {
    invoke.mockResolvedValue(['/home/pm/Q3 update']);
    const path = await tauriBackend().pickExportPath('pdf', 'Q3 update');
    expect(invoke).toHaveBeenCalledWith('choose_files', { purpose: 'export-pdf', suggestedName: 'Q3 update.pdf' });
    expect(path).toBe('/home/pm/Q3 update');
  });

  it('keeps a title with a slash one file name', () => {
    expect(exportFileName('Pricing A/B-journal', 'md')).toBe('Pricing A-B-journal.md');
    expect(exportFileName('', 'png')).toBe('export.png');
  });
});
