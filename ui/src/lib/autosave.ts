export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface AutosaveOptions<T> {
  /** Stores a value; rejects when it could not. */
  save: (value: T) => Promise<void>;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** First wait before retrying a failed save; doubles up to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
  onStateChange?: (state: SaveState, error: unknown) => void;
}

/**
 * Saves the latest value a short while after the last change. Saves never
 * overlap; a change made while a save is running is saved right after it;
 * a failed save keeps its value and retries, so nothing typed is dropped.
 */
export class Autosave<T> {
  private pending: { value: T } | null = null;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private retryDelay: number;
  private current: SaveState = 'saved';
  private lastError: unknown = null;
  private readonly delayMs: number;
  private readonly retryMs: number;
  private readonly maxRetryMs: number;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.delayMs = options.delayMs ?? 400;
    this.retryMs = options.retryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 8000;
    this.retryDelay = this.retryMs;
  }

  get state(): SaveState {
    return this.current;
  }

  /** Records the newest value and (re)starts the quiet-time timer. */
  schedule(value: T): void {
    this.pending = { value };
    if (this.current !== 'error') this.setState('pending');
    this.startTimer(this.delayMs);
  }

  /** Saves whatever is pending now and resolves once it is stored. */
  async flush(): Promise<void> {
    this.clearTimer();
    // Bounded: each round either stores the pending value or fails.
    for (let round = 0; round < 3; round += 1) {
      if (this.inFlight) await this.inFlight.catch(() => undefined);
      if (!this.pending) return;
      await this.saveNow().catch(() => undefined);
    }
    if (this.pending) throw this.lastError;
  }

  /** Forgets a pending value (the update it belongs to is gone). */
  discard(): void {
    this.clearTimer();
    this.pending = null;
    if (!this.inFlight) this.setState('saved');
  }

  private startTimer(ms: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.saveNow().catch(() => undefined);
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private saveNow(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const next = this.pending;
    if (!next) return Promise.resolve();
    this.pending = null;
    this.setState('saving');
    const attempt = this.options.save(next.value).then(
      () => {
        this.inFlight = null;
        this.retryDelay = this.retryMs;
        this.lastError = null;
        if (this.pending) {
          this.setState('pending');
          if (this.timer === null) void this.saveNow().catch(() => undefined);
        } else {
          this.setState('saved');
        }
      },
      (error: unknown) => {
        this.inFlight = null;
        // Keep the failed value unless something newer arrived meanwhile.
        this.pending = this.pending ?? next;
        this.lastError = error;
        this.setState('error', error);
        this.startTimer(this.retryDelay);
        this.retryDelay = Math.min(this.retryDelay * 2, this.maxRetryMs);
        throw error;
      },
    );
    this.inFlight = attempt;
    return attempt;
  }

  private setState(state: SaveState, error: unknown = null): void {
    this.current = state;
    this.options.onStateChange?.(state, error);
  }
}
