import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryBackend, emptyFields } from './backend/memoryBackend';
import { CoachController, segments, toUtf16Range } from './coach.svelte';
import type { Finding, Review } from './backend/types';

describe('coach spans', () => {
  it('convert Unicode scalar offsets to the DOM’s UTF-16 offsets', () => {
    // 🚀 is one scalar value but two UTF-16 units.
    const text = '🚀 okay 🚀 okay';
    expect(toUtf16Range(text, [2, 6])).toEqual([3, 7]);
    expect(text.slice(...toUtf16Range(text, [9, 13]))).toBe('okay');
    expect(toUtf16Range('abc', [3, 3])).toEqual([3, 3]);
  });

  it('cut the text into plain and marked parts without losing a character', () => {
    const finding = (start: number, end: number): Finding => ({
      rule: 'vague-word',
      severity: 'warning',
      beat: 'context',
      message: '',
      span: [start, end],
    });
    const text = 'Adoption looks okay, many users';
    const parts = segments(text, [finding(21, 25), finding(15, 19)]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.filter((p) => p.severity).map((p) => p.text)).toEqual(['okay', 'many']);
  });
});

describe('the coach controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reviews after a quiet moment and drops answers a newer review overtook', async () => {
    const backend = memoryBackend();
    const update = await backend.createUpdate();
    let release: ((review: Review) => void) | null = null;
    const real = backend.reviewUpdate.bind(backend);
    const spy = vi.spyOn(backend, 'reviewUpdate');
    spy.mockImplementationOnce(
      (id, fields) => new Promise((resolve) => (release = () => void real(id, fields).then(resolve))),
    );
    const coach = new CoachController(backend, 300);
    coach.schedule(update.id, { ...emptyFields(), title: 'first' });
    await vi.advanceTimersByTimeAsync(299);
    expect(spy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(1);

    // A newer draft is reviewed while the first review is still running.
    const newer = { ...emptyFields(), beats: { context: 'a', conflict: 'b', resolution: 'c', evidence: 'okay' } };
    coach.schedule(update.id, newer);
    await vi.advanceTimersByTimeAsync(300);
    expect(coach.review?.findings.some((f) => f.rule === 'vague-word')).toBe(true);
    release!({} as Review);
    await vi.runAllTimersAsync();
    expect(coach.review?.findings.some((f) => f.rule === 'vague-word')).toBe(true);
  });

  it('silences a warning for this update, and brings it back', async () => {
    const backend = memoryBackend();
    const update = await backend.createUpdate();
    const coach = new CoachController(backend, 0);
    const fields = { ...emptyFields(), beats: { context: 'okay', conflict: 'b', resolution: 'c', evidence: 'd' } };
    coach.schedule(update.id, fields, true);
    await vi.runAllTimersAsync();
    expect(coach.findingsFor('context').map((f) => f.rule)).toEqual(['vague-word']);
    await coach.silence('vague-word');
    expect(coach.findingsFor('context')).toEqual([]);
    expect(coach.review?.silenced_rules).toEqual(['vague-word']);
    await coach.unsilence('vague-word');
    expect(coach.findingsFor('context').map((f) => f.rule)).toEqual(['vague-word']);
  });
});
