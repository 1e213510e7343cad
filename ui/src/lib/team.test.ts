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
