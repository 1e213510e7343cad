import type { Backend } from './backend/backend';
import {
  toApiError,
  type CoachTarget,
  type Finding,
  type Review,
  type UpdateFields,
  type UpdateId,
} from './backend/types';

/**
 * The story coach beside the editor: reviews the draft a moment after the
 * last keystroke (the review runs in the backend, off the UI thread), drops
 * answers that a newer review has overtaken, and keeps per-update silences.
 */
export class CoachController {
  review = $state<Review | null>(null);
  error = $state('');
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private last: { id: UpdateId; fields: UpdateFields } | null = null;

  constructor(
    private readonly backend: Backend,
    private readonly delayMs = 300,
  ) {}

  /** Reviews after a quiet moment; `now` skips the wait (opening an update). */
  schedule(id: UpdateId, fields: UpdateFields, now = false): void {
    this.last = { id, fields };
    if (this.timer !== null) clearTimeout(this.timer);
    if (now) {
      this.review = null;
      void this.run();
    } else {
      this.timer = setTimeout(() => void this.run(), this.delayMs);
    }
  }

  /** Forgets the review (no update is open). */
  clear(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.seq += 1;
    this.last = null;
    this.review = null;
  }

  findingsFor(target: CoachTarget | null): Finding[] {
    return (this.review?.findings ?? []).filter((finding) => finding.beat === target);
  }

  get errors(): Finding[] {
    return (this.review?.findings ?? []).filter((finding) => finding.severity === 'error');
  }

  async silence(rule: string): Promise<void> {
    const rules = this.review?.silenced_rules ?? [];
    await this.storeSilences([...rules, rule]);
  }

  async unsilence(rule: string): Promise<void> {
    const rules = this.review?.silenced_rules ?? [];
    await this.storeSilences(rules.filter((r) => r !== rule));
  }

  private async storeSilences(rules: string[]): Promise<void> {
    const last = this.last;
    if (!last) return;
    try {
      await this.backend.setSilencedRules(last.id, rules);
      await this.run();
    } catch (err) {
      this.error = toApiError(err).message;
    }
  }

  private async run(): Promise<void> {
    const last = this.last;
    if (!last) return;
    const mine = ++this.seq;
    try {
      const review = await this.backend.reviewUpdate(last.id, last.fields);
      if (mine !== this.seq) return;
      this.review = review;
      this.error = '';
    } catch (err) {
      if (mine === this.seq) this.error = toApiError(err).message;
    }
  }
}

/** A span in Unicode scalar values as UTF-16 offsets (what the DOM counts). */
export function toUtf16Range(text: string, [start, end]: [number, number]): [number, number] {
  let scalars = 0;
  let units = 0;
  let from = -1;
  for (const char of text) {
    if (scalars === start) from = units;
    if (scalars === end) return [from < 0 ? units : from, units];
    scalars += 1;
    units += char.length;
  }
  if (from < 0) from = units;
  return [from, units];
}

/** The text cut at the spans, for drawing underlines behind a textarea. */
export function segments(
  text: string,
  findings: Finding[],
): { text: string; severity: Finding['severity'] | null }[] {
  const marks = findings
    .filter((finding) => finding.span !== null)
    .map((finding) => ({ range: toUtf16Range(text, finding.span!), severity: finding.severity }))
    .sort((a, b) => a.range[0] - b.range[0]);
  const out: { text: string; severity: Finding['severity'] | null }[] = [];
  let at = 0;
  for (const { range, severity } of marks) {
    const [start, end] = [Math.max(range[0], at), range[1]];
    if (end <= start) continue;
    if (start > at) out.push({ text: text.slice(at, start), severity: null });
    out.push({ text: text.slice(start, end), severity });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), severity: null });
  return out;
}
