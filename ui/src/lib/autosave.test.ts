import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosave, type SaveState } from './autosave';

function deferred() {
  let resolve!: () => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves a burst of edits once, with the last value, 400 ms after the last one', async () => {
    const saved: string[] = [];
    const autosave = new Autosave<string>({ save: async (v) => void saved.push(v) });
    for (const text of ['C', 'Co', 'Com', 'Comp']) {
      autosave.schedule(text);
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(saved).toEqual([]);
    expect(autosave.state).toBe('pending');
    await vi.advanceTimersByTimeAsync(249);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['Comp']);
    expect(autosave.state).toBe('saved');
  });

  it('never overlaps saves and stores a change made during a save right after it', async () => {
    const calls: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const gates: ReturnType<typeof deferred>[] = [];
    const autosave = new Autosave<string>({
      delayMs: 100,
      save: async (v) => {
        calls.push(v);
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        const gate = deferred();
        gates.push(gate);
        await gate.promise;
        running -= 1;
      },
    });
    autosave.schedule('first');
    await vi.advanceTimersByTimeAsync(100);
    expect(calls).toEqual(['first']);
    autosave.schedule('second');
    autosave.schedule('third');
    await vi.advanceTimersByTimeAsync(500);
    expect(calls).toEqual(['first']);
    gates[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toEqual(['first', 'third']);
    gates[1]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(maxRunning).toBe(1);
    expect(autosave.state).toBe('saved');
  });

  it('flush saves at once and resolves only after the value is stored', async () => {
    const stored: string[] = [];
    const autosave = new Autosave<string>({
      save: async (v) => {
        await new Promise((r) => setTimeout(r, 50));
        stored.push(v);
      },
    });
    autosave.schedule('closing the window now');
    const flushed = autosave.flush();
    let done = false;
    void flushed.then(() => (done = true));
    await vi.advanceTimersByTimeAsync(49);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(stored).toEqual(['closing the window now']);
  });

  it('keeps a failed value, reports the error, and retries until it is stored', async () => {
    const states: SaveState[] = [];
    let failures = 2;
    const stored: string[] = [];
    const autosave = new Autosave<string>({
      delayMs: 100,
      retryMs: 1000,
      save: async (v) => {
        if (failures > 0) {
          failures -= 1;
          throw { code: 'disk_full', message: 'the disk is full' };
        }
        stored.push(v);
      },
      onStateChange: (state) => states.push(state),
    });
    autosave.schedule('precious words');
    await vi.advanceTimersByTimeAsync(100);
    expect(autosave.state).toBe('error');
    expect(stored).toEqual([]);
    await vi.advanceTimersByTimeAsync(1000); // first retry fails too
    expect(autosave.state).toBe('error');
    await vi.advanceTimersByTimeAsync(2000); // backoff doubled; this one succeeds
    expect(stored).toEqual(['precious words']);
    expect(autosave.state).toBe('saved');
    expect(states).toContain('error');
  });

  it('a newer edit made while failing replaces the failed value, not the other way round', async () => {
    let fail = true;
    const stored: string[] = [];
    const autosave = new Autosave<string>({
      delayMs: 100,
      retryMs: 1000,
      save: async (v) => {
        if (fail) throw new Error('offline');
        stored.push(v);
      },
    });
    autosave.schedule('old');
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule('new');
    fail = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(stored).toEqual(['new']);
  });

  it('flush rejects when the value cannot be stored, and keeps it pending', async () => {
    const autosave = new Autosave<string>({
      save: async () => {
        throw { code: 'read_only', message: 'the workspace file is read-only' };
      },
    });
    autosave.schedule('x');
    await expect(autosave.flush()).rejects.toMatchObject({ code: 'read_only' });
    expect(autosave.state).toBe('error');
  });
});
