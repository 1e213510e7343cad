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
});
