import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { memoryBackend } from './lib/backend/memoryBackend';
import type { Backend } from './lib/backend/backend';

afterEach(() => cleanup());

describe('the app window', () => {
  it('shows a typed title as text, never as markup', async () => {
    const backend = memoryBackend();
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    const title = await screen.findByTestId('field-title');
    await fireEvent.input(title, { target: { value: '<img src=x onerror=alert(1)><script>x()</script>' } });
    await waitFor(() =>
      expect(screen.getByTestId('update-item-title').textContent).toBe(
        '<img src=x onerror=alert(1)><script>x()</script>',
      ),
    );
    expect(document.querySelector('[data-testid="update-list"] img')).toBeNull();
    expect(document.querySelector('[data-testid="update-list"] script')).toBeNull();
  });

  it('typing into a beat reaches the backend and the step shows it is written', async () => {
    const backend = memoryBackend();
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    await fireEvent.click(await screen.findByTestId('step-conflict'));
    const beat = await screen.findByTestId('beat-conflict');
    await fireEvent.input(beat, { target: { value: 'Support cost doubles with a longer trial.' } });
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Saved'));
    const [summary] = await backend.listUpdates('');
    expect((await backend.getUpdate(summary!.id)).beats.conflict).toBe(
      'Support cost doubles with a longer trial.',
    );
    expect(screen.getByTestId('step-conflict').getAttribute('data-filled')).toBe('true');
  });

  it('delete then undo brings the update back', async () => {
    render(App, { props: { backend: memoryBackend({ withExample: true }), autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('delete-update'));
    await waitFor(() => expect(screen.queryByTestId('update-item')).toBeNull());
    await fireEvent.click(await screen.findByTestId('undo-delete'));
    await waitFor(() => expect(screen.getAllByTestId('update-item')).toHaveLength(1));
  });

  it('a workspace that cannot be opened explains why instead of crashing', async () => {
    const backend: Backend = {
      ...memoryBackend(),
      workspaceState: async () => ({
        state: 'failed',
        path: '/home/pm/q3.throughline',
        error: { code: 'workspace_newer', message: 'written by a newer version of Throughline' },
      }),
    };
    render(App, { props: { backend } });
    expect((await screen.findByTestId('workspace-error-message')).textContent).toMatch(/newer version/);
    expect(screen.getByText('/home/pm/q3.throughline')).toBeTruthy();
    expect(screen.getByTestId('open-other-workspace')).toBeTruthy();
  });

  it('a backend error becomes a message, not a crash', async () => {
    const backend: Backend = {
      ...memoryBackend(),
      createUpdate: async () => {
        throw { code: 'disk_full', message: 'the disk is full: the last change was not saved' };
      },
    };
    render(App, { props: { backend } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    expect((await screen.findByTestId('error-toast')).textContent).toMatch(/disk is full/);
  });

  it('an imported workbook charts its first sheet with data, and a bad sheet imports nothing', async () => {
    const backend = memoryBackend();
    backend.addChartFile('/data/funnel.xlsx', {
      file_name: 'funnel.xlsx',
      sheets: [
        { name: 'Notes', parsed: null, error: 'row 3, column 2 ("Users"): "n/a" is not a number' },
        {
          name: 'Funnel',
          parsed: {
            table: {
              header: ['Stage', 'Users'],
              rows: [
                { label: 'Trial', values: [1200] },
                { label: 'Paid', values: [90] },
              ],
            },
            suggested_kind: 'funnel',
            suggested_unit: null,
          },
          error: null,
        },
      ],
    });
    backend.pickChartFile = async () => '/data/funnel.xlsx';
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    await fireEvent.click(await screen.findByTestId('step-evidence'));
    await fireEvent.click(await screen.findByTestId('chart-import'));
    await waitFor(() =>
      expect((screen.getByTestId('chart-data') as HTMLTextAreaElement).value).toContain('Paid\t90'),
    );
    const sheet = screen.getByTestId('chart-sheet') as HTMLSelectElement;
    expect(sheet.value).toBe('1');
    expect((screen.getByTestId('chart-kind') as HTMLSelectElement).value).toBe('funnel');

    await fireEvent.change(sheet, { target: { value: '0' } });
    expect(screen.getByTestId('chart-error').textContent).toContain('sheet “Notes”: row 3, column 2');
    expect(screen.getByTestId('chart-error').textContent).toContain('Nothing was imported');
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Saved'));
    const [summary] = await backend.listUpdates('');
    const stored = await backend.getUpdate(summary!.id);
    expect(stored.chart?.data.rows.map((row) => row.label)).toEqual(['Trial', 'Paid']);
  });

  it('the coach marks a vague word, jumps to it, and keeps a draft with errors from being marked ready', async () => {
    const backend = memoryBackend();
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    // A new update has four empty beats: errors, so it cannot be marked ready.
    await waitFor(() => expect(screen.getByTestId('ready-blocked').textContent).toContain('4 errors'));
    expect((screen.getByTestId('toggle-status') as HTMLButtonElement).disabled).toBe(true);

    const beat = await screen.findByTestId('beat-context');
    await fireEvent.input(beat, { target: { value: 'Adoption looks okay.' } });
    const notes = await screen.findByTestId('coach-context');
    await waitFor(() => expect(notes.textContent).toContain('okay" wants a number'));
    // The word is underlined in the field's backdrop, as text (never HTML).
    const mark = document.querySelector('.marked mark.warning');
    expect(mark?.textContent).toBe('okay');

    await fireEvent.click(notes.querySelector('button.jump')!);
    const field = beat as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('okay');

    await fireEvent.click(notes.querySelector('[data-testid="coach-silence"]')!);
    await waitFor(() => expect(screen.getByTestId('coach-silenced').textContent).toContain('vague-word'));
    expect(screen.queryByTestId('coach-context')).toBeNull();
  });

  it('the chart data grid edits a cell, and a cell that is not a number changes nothing but says where', async () => {
    const backend = memoryBackend();
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    await fireEvent.click(await screen.findByTestId('step-evidence'));
    await fireEvent.input(await screen.findByTestId('chart-data'), {
      target: { value: 'Week\tPilot\nW1\t10\nW2\t12' },
    });
    const grid = await screen.findByTestId('chart-grid');
    const cell = grid.querySelector<HTMLInputElement>('input[aria-label="Row 2, Pilot"]')!;
    expect(cell.value).toBe('12');

    await fireEvent.input(cell, { target: { value: '14' } });
    const stored = async () => {
      const [summary] = await backend.listUpdates('');
      return (await backend.getUpdate(summary!.id)).chart?.data.rows.map((row) => row.values[0]);
    };
    await waitFor(async () => expect(await stored()).toEqual([10, 14]));
    expect((screen.getByTestId('chart-data') as HTMLTextAreaElement).value).toBe('Week\tPilot\nW1\t10\nW2\t14');

    await fireEvent.input(cell, { target: { value: 'lots' } });
    await waitFor(() => expect(screen.getByTestId('chart-error').textContent).toContain('row 3, column 2'));
    expect(cell.value).toBe('lots'); // what was typed stays in the cell
    expect(await stored()).toEqual([10, 14]);

    await fireEvent.click(screen.getByTestId('grid-add-row'));
    expect(grid.querySelectorAll('tbody tr')).toHaveLength(3);
  });
});
