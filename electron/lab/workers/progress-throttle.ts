/**
 * Passes at most one value per `intervalMs` per key, and always delivers the
 * latest value of a burst (trailing edge), so a UI never shows stale progress.
 */
export class Throttle<T> {
  private readonly last = new Map<string, number>();
  private readonly pending = new Map<string, { value: T; timer: NodeJS.Timeout }>();

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (key: string, value: T) => void,
  ) {}

  push(key: string, value: T): void {
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.value = value;
      return;
    }
    const since = Date.now() - (this.last.get(key) ?? 0);
    if (since >= this.intervalMs) return this.emit(key, value);
    const timer = setTimeout(() => {
      const latest = this.pending.get(key);
      this.pending.delete(key);
      if (latest) this.emit(key, latest.value);
    }, this.intervalMs - since);
    this.pending.set(key, { value, timer });
  }

  /** Drops what is waiting for `key` (the run ended; its state says the rest). */
  clear(key: string): void {
    const waiting = this.pending.get(key);
    if (waiting) clearTimeout(waiting.timer);
    this.pending.delete(key);
    this.last.delete(key);
  }

  private emit(key: string, value: T): void {
    this.last.set(key, Date.now());
    this.deliver(key, value);
  }
}
