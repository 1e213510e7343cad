import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyFields, emptyReview, memoryBackend } from './backend/memoryBackend';
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

const vague = (span: [number, number]): Finding => ({
  rule: 'vague-word',
  severity: 'warning',
  beat: 'context',
  message: '"okay" wants a number: say how much.',
  span,
});

describe('the coach controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('reviews after a quiet moment and drops answers a newer review overtook', async () => {
    const backend = memoryBackend();
    const update = backend.seed();
    let release: ((review: Review) => void) | null = null;
    const spy = vi.spyOn(backend, 'reviewUpdate');
    spy.mockImplementationOnce(() => new Promise((resolve) => (release = resolve)));
    const coach = new CoachController(backend, 300);
    coach.schedule(update.id, { ...emptyFields(), title: 'first' });
    await vi.advanceTimersByTimeAsync(299);
    expect(spy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![1].title).toBe('first');

    // A newer draft is reviewed while the first review is still running.
    backend.answers.review = { ...emptyReview(), findings: [vague([0, 4])] };
    coach.schedule(update.id, { ...emptyFields(), title: 'second' });
    await vi.advanceTimersByTimeAsync(300);
    expect(spy.mock.calls[1]![1].title).toBe('second');
    expect(coach.review?.findings.map((f) => f.rule)).toEqual(['vague-word']);
    release!(emptyReview());
    await vi.runAllTimersAsync();
    expect(coach.review?.findings.map((f) => f.rule)).toEqual(['vague-word']);
  });

  it('silences a rule for this update, reviews again, and brings it back', async () => {
    const backend = memoryBackend();
    const update = backend.seed();
    const coach = new CoachController(backend, 0);
    const fields = { ...emptyFields(), beats: { context: 'okay', conflict: 'b', resolution: 'c', evidence: 'd' } };
    const unsilenced: Review = { ...emptyReview(), findings: [vague([0, 4])] };
    const silenced: Review = { ...emptyReview(), silenced: [vague([0, 4])], silenced_rules: ['vague-word'] };
    backend.answers.review = unsilenced;
    coach.schedule(update.id, fields, true);
    await vi.runAllTimersAsync();
    expect(coach.findingsFor('context').map((f) => f.rule)).toEqual(['vague-word']);

    backend.answers.review = silenced;
    await coach.silence('vague-word');
    expect(backend.calls('setSilencedRules').at(-1)!.args).toEqual([update.id, ['vague-word']]);
    expect(backend.calls().at(-1)!.method).toBe('reviewUpdate');
    expect(coach.findingsFor('context')).toEqual([]);
    expect(coach.review?.silenced_rules).toEqual(['vague-word']);

    backend.answers.review = unsilenced;
    await coach.unsilence('vague-word');
    expect(backend.calls('setSilencedRules').at(-1)!.args).toEqual([update.id, []]);
    expect(coach.findingsFor('context').map((f) => f.rule)).toEqual(['vague-word']);
  });

  it('shows why a review failed', async () => {
    const backend = memoryBackend();
    const update = backend.seed();
    const coach = new CoachController(backend, 0);
    backend.failNext('reviewUpdate', { code: 'internal', message: 'the coach is unavailable' });
    coach.schedule(update.id, emptyFields(), true);
    await vi.runAllTimersAsync();
    expect(coach.error).toBe('the coach is unavailable');
  });
});
