import { describe, expect, it } from 'vitest';
import { memoryBackend } from './backend/memoryBackend';
import { TeamController } from './team.svelte';

describe('the team dialog', () => {
  it('joins with a pasted invitation: its server and team id go to Rust as they are', async () => {
    const backend = memoryBackend();
    const team = new TeamController(backend);
    team.displayName = 'Ben';
    team.teamOrInvitation = '{"throughline-team": 1, "server": "wss://sync.example.com/", "team": "automerge:abc", "name": "Platform"}';
    await team.join();
    const [call] = backend.calls('teamJoin');
    expect(call?.args[0]).toMatchObject({ server: 'wss://sync.example.com/', team: 'automerge:abc', displayName: 'Ben' });
    expect(team.joined).toBe(true);
  });

  it('starts a new team when no id is given, and shows what Rust refused', async () => {
    const backend = memoryBackend();
    const team = new TeamController(backend);
    team.server = 'ws://sync.example.com';
    team.teamName = 'Platform';
    backend.failNext('teamJoin', { code: 'invalid_input', message: 'ws://sync.example.com is unencrypted' });
    await team.join();
    expect(backend.calls('teamJoin')[0]?.args[0]).toMatchObject({ team: null, teamName: 'Platform' });
    expect(team.error).toMatch(/unencrypted/);
    expect(team.joined).toBe(false);
  });
});

describe('deleting what the team shares', () => {
  it('asks first, says what the server keeps, and deletes only on yes', async () => {
    const { WorkspaceController } = await import('./workspace.svelte');
    const backend = memoryBackend();
    const update = backend.seed({ title: 'Shared checkout results' });
    const workspace = new WorkspaceController(backend, { autosaveDelayMs: 0, undoMs: 50 });
    await workspace.init();
    backend.answerNext('teamStatus', {
      ...(await backend.teamStatus()),
      joined: true,
      shared_updates: [update.id],
    });
    await workspace.team.refresh();
    const kept = workspace.remove(update.id);
    await Promise.resolve();
    expect(workspace.asking?.message).toMatch(/server keeps its history/);
    workspace.asking?.answer(false);
    await kept;
    expect(backend.calls('deleteUpdate')).toHaveLength(0);
    const gone = workspace.remove(update.id);
    await Promise.resolve();
    workspace.asking?.answer(true);
    await gone;
    expect(backend.calls('deleteUpdate')).toHaveLength(1);
  });
});
