import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import App from './App.svelte';
import { emptyFields, emptyReview, memoryBackend } from './lib/backend/memoryBackend';
import type { Backend } from './lib/backend/backend';
import type { Finding } from './lib/backend/types';

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

  it('"Delete permanently…" asks first, says backups still hold it, and only then removes it for good', async () => {
    const backend = memoryBackend({ withExample: true });
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    const [summary] = await backend.listUpdates('');
    await fireEvent.click(await screen.findByTestId('delete-update'));
    await fireEvent.click(await screen.findByTestId('delete-permanently'));
    expect(backend.calls('deletePermanently')).toHaveLength(0);
    expect((await screen.findByTestId('delete-permanently-warning')).textContent).toMatch(/backups taken\s+before now/);
    await fireEvent.click(screen.getByTestId('confirm-delete-permanently'));
    await waitFor(() => expect(screen.queryByTestId('delete-toast')).toBeNull());
    expect(backend.calls('deletePermanently').map((call) => call.args)).toEqual([[summary!.id]]);
    await expect(backend.restoreUpdate(summary!.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a workspace that cannot be opened explains why instead of crashing', async () => {
    const backend: Backend = {
      ...memoryBackend(),
      workspaceState: async () => ({
        state: 'failed',
        path: '/home/pm/q3.throughline',
        error: { code: 'workspace_newer', message: 'written by a newer version of Throughline' },
        backup: null,
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
    const missing = (beat: 'context' | 'conflict' | 'resolution' | 'evidence'): Finding => ({
      rule: 'beat-missing',
      severity: 'error',
      beat,
      message: `Write the ${beat}.`,
      span: null,
    });
    const errors = [missing('conflict'), missing('resolution'), missing('evidence')];
    const vague: Finding = {
      rule: 'vague-word',
      severity: 'warning',
      beat: 'context',
      message: '"okay" wants a number: say how much.',
      span: [15, 19],
    };
    backend.answers.review = { ...emptyReview(), ready: false, findings: [missing('context'), ...errors] };
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    // The review has errors: the update cannot be marked ready.
    await waitFor(() => expect(screen.getByTestId('ready-blocked').textContent).toContain('4 errors'));
    expect((screen.getByTestId('toggle-status') as HTMLButtonElement).disabled).toBe(true);

    backend.answers.review = { ...emptyReview(), ready: false, findings: [...errors, vague] };
    const beat = await screen.findByTestId('beat-context');
    await fireEvent.input(beat, { target: { value: 'Adoption looks okay.' } });
    const notes = await screen.findByTestId('coach-context');
    await waitFor(() => expect(notes.textContent).toContain('okay" wants a number'));
    expect(backend.calls('reviewUpdate').at(-1)!.args[1]).toMatchObject({ beats: { context: 'Adoption looks okay.' } });
    // The word is underlined in the field's backdrop, as text (never HTML).
    const mark = document.querySelector('.marked mark.warning');
    expect(mark?.textContent).toBe('okay');

    await fireEvent.click(notes.querySelector('button.jump')!);
    const field = beat as HTMLTextAreaElement;
    expect(document.activeElement).toBe(field);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('okay');

    backend.answers.review = {
      ...emptyReview(),
      ready: false,
      findings: errors,
      silenced: [vague],
      silenced_rules: ['vague-word'],
    };
    await fireEvent.click(notes.querySelector('[data-testid="coach-silence"]')!);
    await waitFor(() => expect(screen.getByTestId('coach-silenced').textContent).toContain('vague-word'));
    expect(backend.calls('setSilencedRules').at(-1)!.args[1]).toEqual(['vague-word']);
    expect(screen.queryByTestId('coach-context')).toBeNull();
  });

  it('the coach panel says what to write on a blank update, then lists every beat’s findings in story order', async () => {
    const backend = memoryBackend();
    const finding = (rule: string, beat: Finding['beat'], severity: Finding['severity']): Finding => ({
      rule,
      severity,
      beat,
      message: `${rule} in ${beat ?? 'the story'}`,
      span: null,
    });
    backend.answers.review = {
      ...emptyReview(),
      score: 0,
      ready: false,
      findings: [finding('beat-missing', 'context', 'error')],
    };
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('new-update'));
    const panel = await screen.findByTestId('coach-panel');
    await waitFor(() => expect(screen.getByTestId('coach-start').textContent).toContain('Conflict'));
    expect(panel.querySelector('[data-testid="coach-score"]')).toBeNull();

    backend.answers.review = {
      ...emptyReview(),
      score: 56,
      ready: false,
      findings: [
        finding('evidence-missing', 'evidence', 'error'),
        finding('title-not-action', 'title', 'warning'),
        finding('vague-word', 'context', 'warning'),
        finding('resolution-no-owner-or-date', 'resolution', 'info'),
      ],
    };
    await fireEvent.input(await screen.findByTestId('beat-context'), { target: { value: 'Adoption looks okay.' } });
    await waitFor(() => expect(screen.getByTestId('coach-score').textContent).toBe('56'));
    expect(screen.queryByTestId('coach-start')).toBeNull();
    const groups = [...panel.querySelectorAll('[data-testid="coach-group"] h4')].map((h) => h.textContent);
    expect(groups).toEqual(['Title', 'Context', 'Resolution', 'Evidence']);
    expect(panel.querySelectorAll('[data-testid="coach-finding"]')).toHaveLength(4);
    // A finding of another step, clicked in the panel, opens that step.
    await fireEvent.click(panel.querySelector('[data-rule="resolution-no-owner-or-date"] button.jump')!);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('beat-resolution')));
  });

  it('an imported draft’s other sections show under the beats, edit and remove, and are saved with the update', async () => {
    const backend = memoryBackend();
    backend.pickStoryFiles = async () => ['/drafts/outage.md'];
    backend.answers.imported = {
      fields: [
        {
          ...emptyFields(),
          title: 'Checkout outage cost nine hours of orders',
          other: {
            sections: [
              { heading: 'Impact', body: 'Nine hours of orders lost.' },
              { heading: 'Root causes', body: 'An expired certificate.' },
            ],
            front_matter: [['team', 'payments']],
          },
        },
      ],
      mapped: ['outage.md: kept as other sections: “Impact”, “Root causes”'],
      demoted: [],
    };
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('import-stories'));
    const sections = await screen.findAllByTestId('other-section');
    expect(sections.map((s) => s.querySelector('.heading')?.textContent)).toEqual(['Impact', 'Root causes']);
    const bodies = screen.getAllByTestId('other-section-body') as HTMLTextAreaElement[];
    await fireEvent.input(bodies[0]!, { target: { value: 'Nine hours of orders lost, 14:10–23:10 UTC.' } });
    await fireEvent.click(screen.getAllByTestId('other-section-remove')[1]!);
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Saved'));
    const [summary] = await backend.listUpdates('');
    const stored = await backend.getUpdate(summary!.id);
    expect(stored.other.sections).toEqual([
      { heading: 'Impact', body: 'Nine hours of orders lost, 14:10–23:10 UTC.' },
    ]);
    expect(stored.other.front_matter).toEqual([['team', 'payments']]);
  });

  it('the chart data grid edits a cell, and a cell the backend cannot read changes nothing but says where', async () => {
    const backend = memoryBackend();
    const table = (last: number) => ({
      table: {
        header: ['Week', 'Pilot'],
        rows: [
          { label: 'W1', values: [10] },
          { label: 'W2', values: [last] },
        ],
      },
      suggested_kind: 'line' as const,
      suggested_unit: null,
    });
    backend.answers.parsed.set('Week\tPilot\nW1\t10\nW2\t12', table(12));
    backend.answers.parsed.set('Week\tPilot\nW1\t10\nW2\t14', table(14));
    backend.answers.parseError = { code: 'invalid_input', message: 'row 3, column 2: "lots" is not a number' };
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
    const stored = () => backend.stored(backend.calls('createUpdate').length)?.chart?.data.rows.map((row) => row.values[0]);
    await waitFor(() => expect(stored()).toEqual([10, 14]));
    expect(backend.calls('parseChartData').at(-1)!.args).toEqual(['Week\tPilot\nW1\t10\nW2\t14']);
    expect((screen.getByTestId('chart-data') as HTMLTextAreaElement).value).toBe('Week\tPilot\nW1\t10\nW2\t14');

    await fireEvent.input(cell, { target: { value: 'lots' } });
    await waitFor(() => expect(screen.getByTestId('chart-error').textContent).toContain('row 3, column 2'));
    expect(backend.calls('parseChartData').at(-1)!.args).toEqual(['Week\tPilot\nW1\t10\nW2\tlots']);
    expect(cell.value).toBe('lots'); // what was typed stays in the cell
    expect(stored()).toEqual([10, 14]);

    await fireEvent.click(screen.getByTestId('grid-add-row'));
    expect(grid.querySelectorAll('tbody tr')).toHaveLength(3);
  });

  it('says why an update went back to draft, beside its status', async () => {
    const backend = memoryBackend();
    backend.seed({ title: 'Ready yesterday', status: 'ready', status_note: null });
    backend.seed({
      title: 'Churn falls',
      status: 'draft',
      status_note: 'Returned to draft: the evidence has no number',
    });
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    const note = await screen.findByTestId('status-note');
    expect(note.getAttribute('role')).toBe('status');
    expect(note.textContent).toContain('Returned to draft: the evidence has no number');

    const titles = await screen.findAllByTestId('update-item-title');
    await fireEvent.click(titles.find((el) => el.textContent === 'Ready yesterday')!);
    await waitFor(() => expect((screen.getByTestId('field-title') as HTMLTextAreaElement).value).toBe('Ready yesterday'));
    expect(screen.queryByTestId('status-note')).toBeNull();
  });

  it('a change another program wrote shows up in the list when the backend says so', async () => {
    const backend = memoryBackend({ withExample: true });
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await waitFor(() => expect(screen.getAllByTestId('update-item')).toHaveLength(1));
    backend.seed({ title: 'Imported by the CLI' });
    backend.emitWorkspaceChanged();
    await waitFor(() => expect(screen.getAllByTestId('update-item')).toHaveLength(2));
    expect(screen.getAllByTestId('update-item-title').map((el) => el.textContent)).toContain('Imported by the CLI');
  });

  it('a reading’s date starts as the backend’s today, and is sent as shown', async () => {
    const backend = memoryBackend({ today: '2026-12-02' });
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('tab-journals'));
    await fireEvent.click(await screen.findByTestId('new-journal'));
    await fireEvent.click(await screen.findByTestId('journal-add-criterion'));
    const date = (await screen.findByLabelText('Date of the reading')) as HTMLInputElement;
    expect(date.value).toBe('2026-12-02');
    expect((screen.getByTestId('criterion-by') as HTMLInputElement).value).toBe('2027-01-01');
    // The metric is asked for, not pre-filled.
    const metric = screen.getByTestId('criterion-metric') as HTMLInputElement;
    expect(metric.value).toBe('');
    expect(metric.placeholder).toMatch(/^Metric, e\.g\./);
    await fireEvent.input(metric, { target: { value: 'Sharing activation' } });
    await fireEvent.input(screen.getByTestId('reading-value'), { target: { value: '14' } });
    await fireEvent.click(screen.getByTestId('reading-add'));
    await waitFor(() => expect(backend.calls('addReading')).toHaveLength(1));
    expect(backend.calls('addReading')[0]!.args).toEqual([1, 'Sharing activation', '2026-12-02', 14]);
    await waitFor(() => expect(screen.getByTestId('journal-readings').textContent).toContain('2026-12-02'));
  });

  it('a shared journal’s edit is kept across the tabs as a pending change, and can be discarded', async () => {
    const backend = memoryBackend({ withExample: true });
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('tab-journals'));
    await fireEvent.click(await screen.findByTestId('new-journal'));
    await fireEvent.input(await screen.findByTestId('journal-item'), { target: { value: 'Shared workspaces' } });
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('Saved'));
    await fireEvent.click(screen.getByTestId('journal-freeze'));
    await fireEvent.click(await screen.findByTestId('journal-freeze-confirm'));
    await screen.findByTestId('journal-revisions');
    expect(screen.queryByTestId('journal-pending')).toBeNull();

    await fireEvent.input(screen.getByTestId('journal-item'), { target: { value: 'Shared workspaces, phase two' } });
    expect((await screen.findByTestId('journal-pending')).textContent).toContain(
      'Changes not yet recorded as a revision',
    );
    // Straight to the updates, before the autosave's quiet time is over, and back.
    await fireEvent.click(screen.getByTestId('tab-updates'));
    await screen.findByTestId('field-title');
    await fireEvent.click(screen.getByTestId('tab-journals'));
    expect(((await screen.findByTestId('journal-item')) as HTMLInputElement).value).toBe(
      'Shared workspaces, phase two',
    );
    expect(screen.getByTestId('journal-pending').textContent).toContain('Changes not yet recorded as a revision');
    expect((await backend.getJournal(1)).journal.pending?.item).toBe('Shared workspaces, phase two');

    // Discarding asks first; keeping them changes nothing.
    await fireEvent.click(screen.getByTestId('journal-discard'));
    await fireEvent.click(await screen.findByTestId('journal-discard-cancel'));
    expect(backend.calls('discardJournalChange')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('journal-discard'));
    await fireEvent.click(await screen.findByTestId('journal-discard-confirm'));
    await waitFor(() => expect(screen.queryByTestId('journal-pending')).toBeNull());
    expect((screen.getByTestId('journal-item') as HTMLInputElement).value).toBe('Shared workspaces');
    expect(backend.calls('discardJournalChange')).toHaveLength(1);
  });

  it('shows a forked journal plainly, and recording the next revision says it joins the fork', async () => {
    const backend = memoryBackend();
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('tab-journals'));
    await fireEvent.click(await screen.findByTestId('new-journal'));
    await fireEvent.click(await screen.findByTestId('journal-freeze'));
    await fireEvent.click(await screen.findByTestId('journal-freeze-confirm'));
    await screen.findByTestId('journal-revisions');
    expect(screen.queryByTestId('journal-fork')).toBeNull();

    // Two revisions made apart on revision 1 arrive (another program wrote them).
    const shared = await backend.getJournal(1);
    const first = shared.journal.revisions[0]!;
    const made = (author: string, at_ms: number, hash: string) => ({
      ...first,
      seq: 2,
      author,
      at_ms: first.at_ms + at_ms,
      reason: `${author}'s change`,
      prev_hash: first.hash,
      hash,
    });
    const forked = {
      ...shared,
      journal: {
        ...shared.journal,
        revisions: [first, made('Ana', 1, 'fork-ana'), made('Bo', 2, 'fork-bo')],
        heads: ['fork-ana', 'fork-bo'],
      },
    };
    backend.answerNext('getJournal', forked);
    backend.emitWorkspaceChanged();
    const fork = await screen.findByTestId('journal-fork');
    expect(fork.textContent).toContain('forked between revision 2 by Ana and revision 2 by Bo');
    expect(fork.textContent).toContain('the next revision you record joins them');
    expect(screen.getByTestId('journal-revisions').querySelectorAll('li')).toHaveLength(3);

    await fireEvent.input(screen.getByTestId('journal-decision'), { target: { value: 'Build it natively' } });
    expect((await screen.findByTestId('journal-record')).textContent).toContain('joining the fork');
    await fireEvent.click(screen.getByTestId('journal-record'));
    await fireEvent.input(await screen.findByTestId('journal-reason'), { target: { value: 'agreed at the review' } });
    expect(screen.getByTestId('journal-revise').textContent).toContain('Record revision joining the fork');
  });

  it('records a shared journal’s pending change as a revision with the reason asked for', async () => {
    const backend = memoryBackend();
    render(App, { props: { backend, autosaveDelayMs: 10 } });
    await fireEvent.click(await screen.findByTestId('tab-journals'));
    await fireEvent.click(await screen.findByTestId('new-journal'));
    // Freezing asks first, saying what it means and what is weak; cancel freezes nothing.
    await fireEvent.click(await screen.findByTestId('journal-freeze'));
    expect((await screen.findByTestId('journal-freeze-dialog')).textContent).toContain('append-only');
    expect(screen.getByTestId('journal-weak-points').textContent).toContain('Nothing weak found');
    await fireEvent.click(screen.getByTestId('journal-freeze-cancel'));
    expect(backend.calls('shareJournal')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId('journal-freeze'));
    await fireEvent.click(await screen.findByTestId('journal-freeze-confirm'));
    await screen.findByTestId('journal-revisions');
    expect(backend.calls('shareJournal')).toHaveLength(1);
    await fireEvent.input(screen.getByTestId('journal-decision'), { target: { value: 'Build it natively' } });
    await fireEvent.click(await screen.findByTestId('journal-record'));
    const reason = await screen.findByTestId('journal-reason');
    expect(document.activeElement).toBe(reason);
    expect((screen.getByTestId('journal-revise') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(reason, { target: { value: 'after the pilot review' } });
    await fireEvent.click(screen.getByTestId('journal-revise'));
    await waitFor(() => expect(screen.queryByTestId('journal-pending')).toBeNull());
    expect(backend.calls('reviseJournal').at(-1)!.args).toEqual([
      1,
      expect.objectContaining({ decision: 'Build it natively' }),
      'after the pilot review',
    ]);
    expect(screen.getByTestId('journal-revisions').textContent).toContain('after the pilot review');
  });
});
